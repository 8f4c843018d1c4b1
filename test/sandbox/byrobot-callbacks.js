'use strict';
// BYRobot's side of the callbacks: builds the documented callback bodies for each dataType, in the
// three envelopes BYRobot sends (current, old `callBackOld`, open platform), and POSTs them the way
// the vendor does (application/json on the public cloud, text/plain on private deployments;
// retried while the answer is not exactly `success`).
// Written from docs/api/byrobot.md (Callbacks), docs/api/byrobot-open-platform.md (Callbacks) and
// the vendor's callback documents, independent of the trigger node's code.
const http = require('http');
const https = require('https');
const { URL } = require('url');

const DATA_TYPES = Object.freeze({
	callFinished: 'CALL_INSTANCE_RESULT',
	taskStatusChanged: 'JOB_INFO_RESULT',
	inboundCallFinished: 'INBOUND_CALL_INSTANCE_RESULT',
});

/** The IP BYRobot's public cloud sends callbacks from. */
const CALLBACK_IP = '120.55.46.3';

/** Where the recordings of the bodies below live (a sandbox URL in tests: setRecordingBase()). */
let recordingBase = 'https://byrobot-prod.oss-cn-hangzhou.aliyuncs.com';

/**
 * Makes the recording links of the bodies built from now on point at `base` (e.g. the BYRobot
 * sandbox's URL, which serves /RobotPhoneCommunicate/<id>.wav and <id>_user.wav).
 */
function setRecordingBase(base) {
	recordingBase = String(base).replace(/\/+$/, '');
}

/**
 * Seconds between the vendor's retries: the 16 listed intervals, then every 2 hours.
 * "At most 27 callbacks, 26 h 46 min in all": 16 listed + 11 two-hour intervals add up to
 * 26 h 45 min 40 s, so 27 retries after the first delivery (28 POSTs at most).
 */
const RETRY_SCHEDULE_SECONDS = Object.freeze(
	[10, 30, 60, 120, 180, 240, 300, 360, 420, 480, 540, 600, 1200, 1800, 3600, 7200].concat(
		Array(11).fill(7200),
	),
);
const MAX_ATTEMPTS = RETRY_SCHEDULE_SECONDS.length + 1;

/** @param {string} dataType @param {object} data @param {{code?: unknown, resultMsg?: unknown}} [extra] */
function envelope(dataType, data, extra = {}) {
	return {
		code: 200,
		data: { dataType, data },
		resultMsg: '成功',
		errorStackTrace: null,
		...extra,
	};
}

/** duration as BYRobot sends it: 27, "27" or "27秒". */
function durationAs(seconds, form) {
	if (form === 'string') return String(seconds);
	if (form === 'text') return `${seconds}秒`;
	return seconds;
}

function phoneLogs(callInstanceId) {
	return [
		{
			sceneInstanceLogId: 1156248612,
			sceneInstanceId: callInstanceId,
			companyId: 151,
			robotDefId: 180,
			decisionId: 10638,
			speaker: 'AI',
			content: '喂，您好，这里是用户测试电话',
			userMean: '',
			userMeanDetail: null,
			aiUnknown: false,
			answerStatus: null,
			studyStatus: null,
			startTime: 0,
			endTime: 0,
			knowledgeBaseId: null,
			correctionContent: null,
		},
		{
			sceneInstanceLogId: 1156249713,
			sceneInstanceId: callInstanceId,
			companyId: 151,
			robotDefId: 180,
			decisionId: 10638,
			speaker: 'ME',
			content: '有什么游戏呀？',
			userMean: '游戏',
			userMeanDetail: '[{"score":-1,"answer":"游戏","ask":"什么游戏","knowledgeBaseId":5061}]',
			aiUnknown: false,
			answerStatus: 1,
			studyStatus: null,
			startTime: 8350,
			endTime: 10570,
			knowledgeBaseId: null,
			correctionContent: null,
		},
	];
}

function taskResults(callInstanceId, callJobId) {
	return [
		{
			sceneInstanceResultId: 1117274388,
			companyId: 151,
			callJobId,
			sceneInstanceId: callInstanceId,
			resultName: '客户意向等级',
			resultValue: 'C级(很少)',
			artificialResultValue: 'C级(很少)',
			artificialChanged: null,
			resultDesc: '命中业务问题 <= 0次 并且 肯定次数 <= 0次',
			resultValueAlias: 'C',
			resultLabels: null,
			resultValueNew: 'C级(明确拒绝)',
		},
		{
			sceneInstanceResultId: 922147427,
			companyId: 151,
			sceneInstanceId: callInstanceId,
			resultName: '客户标签',
			resultValue: '[1]',
			artificialResultValue: null,
			artificialChanged: null,
			resultDesc: null,
			resultValueAlias: '',
			resultLabels: [{ key: 200, value: '无效用户' }],
			resultValueNew: '',
		},
	];
}

/**
 * CALL_INSTANCE_RESULT: an outbound call ended.
 * @param {{callInstanceId?: number, callJobId?: number, duration?: number, durationForm?: 'number'|'string'|'text',
 *   status?: number, finishStatus?: number, properties?: object, propertiesText?: string, jobFinished?: boolean,
 *   sceneInstance?: object}} [options]
 */
function callFinished(options = {}) {
	const callInstanceId = options.callInstanceId ?? 1540384412;
	const callJobId = options.callJobId ?? 362574;
	const properties = options.properties ?? { crmId: 'C-1001', 客户名称: '张三' };
	return envelope(DATA_TYPES.callFinished, {
		sceneInstance: {
			callInstanceId,
			companyId: 151,
			callUserId: 1,
			callJobId,
			customerId: 1,
			customerTelephone: '13700000000',
			customerName: '张三',
			status: options.status ?? 2,
			finishStatus: options.finishStatus ?? 0,
			duration: durationAs(options.duration ?? 35, options.durationForm),
			chatRound: 3,
			startTime: '2019-01-12 16:09:32',
			endTime: '2019-01-12 16:10:11',
			callerPhone: '测试线路',
			luyinOssUrl: `${recordingBase}/RobotPhoneCommunicate/${callInstanceId}.wav`,
			userLuyinOssUrl: `${recordingBase}/RobotPhoneCommunicate/${callInstanceId}_user.wav`,
			properties: options.propertiesText ?? JSON.stringify(properties),
			handlePerson: '测试话术',
			callType: 1,
			callIndex: 0,
			readStatus: 0,
			jobName: 'GG0112-YX NEW1',
			robotDefId: 180,
			sceneDefId: 192,
			sceneRecordId: 192,
			industry: '1540384412_151_1',
			trackResult: 'C级(很少)',
			hangUp: 1,
			secondaryCallTime: '1970-01-01 09:00:00',
			secondaryCallTimes: 0,
			cost: options.cost ?? 12,
			callbacked: 0,
			gmtCreate: '2019-01-12 16:09:44',
			gmtModified: '2019-01-12 16:09:44',
			propertiesMap: properties,
			corpName: JSON.stringify({ corpId: 151, corpName: '百应演示公司' }),
			...(options.sceneInstance ?? {}),
		},
		taskResult: taskResults(callInstanceId, callJobId),
		phoneLog: {
			phoneLogs: phoneLogs(callInstanceId),
			luyinOssUrl: `${recordingBase}/RobotPhoneCommunicate/${callInstanceId}.wav`,
		},
		jobFinished: options.jobFinished ?? false,
		sign: null,
		dateTime: new Date().toUTCString(),
	});
}

/**
 * CALL_INSTANCE_RESULT sent when someone changes the intention level by hand in the CRM:
 * only taskResult, no sceneInstance.
 */
function intentionChanged(options = {}) {
	return envelope(DATA_TYPES.callFinished, {
		taskResult: [
			{
				companyId: 241,
				sceneInstanceId: options.callInstanceId ?? 2016,
				resultName: '客户意向等级',
				resultValue: options.resultValue ?? 'B',
			},
		],
	});
}

/**
 * JOB_INFO_RESULT: a task's status changed (paused by hand or by the system, arrears, finished).
 * @param {{callJobId?: number, status?: number, job?: object}} [options]
 */
function taskStatusChanged(options = {}) {
	return envelope(
		DATA_TYPES.taskStatusChanged,
		{
			callJobId: options.callJobId ?? 535,
			companyId: 243,
			jobName: '测试-问题学习',
			jobType: 2,
			startDate: '2018-04-25',
			endDate: '2018-04-25',
			workingStartTime: '09:00:00',
			workingEndTime: '20:00:00',
			breakStartTime: null,
			breakEndTime: null,
			status: options.status ?? 2,
			callType: 1,
			robotDefId: 278,
			sceneDefId: 283,
			sceneRecordId: 280,
			remark: '',
			smsType: 0,
			smsCondition: null,
			smsTemplateId: null,
			userId: 241,
			userName: '步婉',
			...(options.job ?? {}),
		},
		{ resultMsg: '执行成功' },
	);
}

/**
 * INBOUND_CALL_INSTANCE_RESULT: an inbound call ended (inboundInstanceId, calleePhone).
 * @param {{inboundInstanceId?: number, duration?: number, durationForm?: 'number'|'string'|'text',
 *   finishStatus?: number, properties?: object}} [options]
 */
function inboundCallFinished(options = {}) {
	const id = options.inboundInstanceId ?? 1091;
	return envelope(DATA_TYPES.inboundCallFinished, {
		sceneInstance: {
			inboundInstanceId: id,
			companyId: 1,
			callJobId: 98,
			customerId: 22142595,
			customerTelephone: '1010',
			customerName: '未知呼入客户',
			status: 2,
			finishStatus: options.finishStatus ?? 0,
			duration: durationAs(options.duration ?? 27, options.durationForm),
			chatRound: 3,
			startTime: '2019-01-24 15:27:39',
			endTime: '2019-01-24 15:28:09',
			calleePhone: '057126881788',
			luyinOssUrl: `https://byrobot-test.oss-cn-hangzhou.aliyuncs.com/InboundRobotCommunicate/${id}.wav`,
			userLuyinOssUrl: `https://byrobot-test.oss-cn-hangzhou.aliyuncs.com/InboundRobotCommunicate/${id}_user.wav`,
			properties: JSON.stringify(options.properties ?? {}),
			readStatus: null,
			robotDefId: 1155,
			sceneDefId: 1165,
			sceneRecordId: 1149,
			transferStatus: null,
			transferInfo: null,
			userLevel: null,
			hangUp: 1,
			callbacked: null,
			propertiesMap: { 客户名称: '未知呼入客户', 联系方式: '1010' },
		},
		taskResult: [
			{
				sceneInstanceResultId: 459,
				companyId: 1,
				callJobId: null,
				sceneInstanceId: id,
				resultName: '客户意向等级',
				resultValue: 'B级(一般)',
				artificialResultValue: 'B级(一般)',
				artificialChanged: false,
				resultDesc: '拒绝次数 <= 1 次 并且 命中业务问题 >= 1',
				resultValueAlias: 'B',
				resultLabels: null,
				resultValueNew: 'B级(可能有意向)',
			},
		],
		phoneLog: {
			phoneLogs: [
				{ sceneInstanceLogId: 1693, sceneInstanceId: id, speaker: 'AI', content: '哎，您好' },
				{ sceneInstanceLogId: 1694, sceneInstanceId: id, speaker: 'ME', content: '呃，不考虑' },
			],
			luyinOssUrl: `https://byrobot-test.oss-cn-hangzhou.aliyuncs.com/InboundRobotCommunicate/${id}/full.wav`,
		},
		sign: null,
		dateTime: new Date().toUTCString(),
	});
}

/**
 * The old envelope (`callBackOld`) of a call result: `{code, data: {sceneInstance, taskResult,
 * phoneLog, jobFinished, sign}}`, with no dataType. Same options as callFinished().
 */
function oldCallFinished(options = {}) {
	const current = callFinished(options);
	const { sceneInstance, taskResult, phoneLog, jobFinished } = current.data.data;
	return { code: 200, data: { sceneInstance, taskResult, phoneLog, jobFinished, sign: null } };
}

/**
 * The open platform's call result (docs/api/byrobot-open-platform.md#call-result-callback):
 * `{code, data: {callbackType, data: {callInstance, phoneLogs, taskResult, callRepeat,
 * jobPhoneInfos}}, resultMsg}`; properties as JSON text, the grade as a bare letter.
 * @param {{callInstanceId?: number, callJobId?: number, duration?: number, finishStatus?: number,
 *   properties?: object, grade?: string, callInstance?: object}} [options]
 */
function openPlatformCallFinished(options = {}) {
	const callInstanceId = options.callInstanceId ?? 70258002706;
	const callJobId = options.callJobId ?? 4849944;
	return {
		code: 200,
		data: {
			callbackType: DATA_TYPES.callFinished,
			data: {
				callInstance: {
					companyId: 151,
					callJobId,
					callInstanceId,
					callInstanceStatus: 2,
					finishStatus: options.finishStatus ?? 0,
					customerTelephone: '136****0000',
					customerName: '王五',
					robotDefId: 286485,
					robotDefName: '百天邀约',
					jobName: '开放平台任务',
					startTime: '2026-09-05 10:18:20',
					endTime: '2026-09-05 10:18:44',
					duration: options.duration ?? 24,
					luyinOssUrl: `${recordingBase}/RobotPhoneCommunicate/${callInstanceId}.wav`,
					userLuyinOssUrl: `${recordingBase}/RobotPhoneCommunicate/${callInstanceId}_user.wav`,
					calledTimes: 1,
					chatRound: 4,
					hangUp: 0,
					perceptionResult: '有感知',
					collectProperties: { 婚期: '十月' },
					properties: JSON.stringify({
						originalWorkflowId: '38028',
						callStartTime: '2026-09-05 10:18:14',
						...(options.properties ?? {}),
					}),
					transferred: false,
					lineIn: true,
					takeover: false,
					...(options.callInstance ?? {}),
				},
				phoneLogs: [
					{ speaker: 'AI', content: '您好，这里是百应', startTime: 0, endTime: 2100 },
					{ speaker: 'ME', content: '你好', startTime: 2500, endTime: 3200, answerStatus: 1 },
				],
				taskResult: [
					{
						resultName: '客户意向等级',
						resultValue: options.grade ?? 'A',
						resultDesc: '有明确意向',
						resultLabels: [{ labelName: '近期需求' }],
					},
				],
				callRepeat: [
					{ repeatIndex: 0, finishStatus: 0, startTime: '2026-09-05 10:18:14', userPhoneId: 45678 },
				],
				jobPhoneInfos: [{ lineName: '华东主线路', callerAccountId: 12345, userPhoneId: 45678 }],
			},
		},
		resultMsg: '成功',
	};
}

/** The open platform's task status change: flat `{companyId, callJobId, callJobStatus, jobName, updateTime, endTime}`. */
function openPlatformTaskStatusChanged(options = {}) {
	return {
		code: 200,
		data: {
			callbackType: DATA_TYPES.taskStatusChanged,
			data: {
				companyId: 151,
				callJobId: options.callJobId ?? 4849944,
				callJobStatus: options.status ?? 2,
				jobName: '开放平台任务',
				updateTime: '2026-09-05 18:00:00',
				endTime: '2026-09-05 18:00:00',
			},
		},
		resultMsg: '成功',
	};
}

/** One POST; resolves to the answer (never rejects on HTTP status). */
function postOnce(url, body, options = {}) {
	const target = new URL(url);
	const text = typeof body === 'string' ? body : JSON.stringify(body);
	const contentType =
		options.contentType === 'text'
			? 'text/plain;charset=UTF-8'
			: options.contentType === 'json' || options.contentType === undefined
				? 'application/json;charset=utf-8'
				: options.contentType;
	const headers = {
		'Content-Length': Buffer.byteLength(text),
		...(contentType ? { 'Content-Type': contentType } : {}),
		...(options.headers ?? {}),
	};
	const client = target.protocol === 'https:' ? https : http;
	return new Promise((resolve, reject) => {
		const req = client.request(target, { method: 'POST', headers, agent: false }, (res) => {
			const chunks = [];
			res.on('data', (chunk) => chunks.push(chunk));
			res.on('end', () =>
				resolve({
					status: res.statusCode ?? 0,
					headers: res.headers,
					body: Buffer.concat(chunks).toString('utf8'),
				}),
			);
			res.on('error', reject);
		});
		req.on('error', reject);
		req.end(text);
	});
}

/**
 * POSTs a callback like BYRobot: retried while the body is not exactly `success`
 * (a network error counts as a failure), at most `maxAttempts` times (27 by default).
 * `intervalMs(n)` gives the wait before retry n (1-based); by default the vendor's schedule
 * scaled by `scale` (default 0: no waiting, for tests).
 * @param {string} url
 * @param {object | string} payload
 * @param {{contentType?: 'json' | 'text' | string, headers?: Record<string, string>,
 *   maxAttempts?: number, scale?: number, intervalMs?: (retry: number) => number}} [options]
 */
async function postCallback(url, payload, options = {}) {
	const maxAttempts = options.maxAttempts ?? MAX_ATTEMPTS;
	const scale = options.scale ?? 0;
	const intervalMs =
		options.intervalMs ??
		((retry) =>
			RETRY_SCHEDULE_SECONDS[Math.min(retry, RETRY_SCHEDULE_SECONDS.length) - 1] * 1000 * scale);
	const attempts = [];
	for (let attempt = 1; attempt <= maxAttempts; attempt++) {
		if (attempt > 1) {
			const wait = intervalMs(attempt - 1);
			if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
		}
		try {
			const answer = await postOnce(url, payload, options);
			attempts.push(answer);
			if (answer.body === 'success') return { delivered: true, attempts, last: answer };
		} catch (error) {
			attempts.push({ status: 0, headers: {}, body: '', error: String(error && error.message) });
		}
	}
	return { delivered: false, attempts, last: attempts[attempts.length - 1] };
}

module.exports = {
	DATA_TYPES,
	CALLBACK_IP,
	setRecordingBase,
	RETRY_SCHEDULE_SECONDS,
	MAX_ATTEMPTS,
	envelope,
	callFinished,
	intentionChanged,
	taskStatusChanged,
	inboundCallFinished,
	oldCallFinished,
	openPlatformCallFinished,
	openPlatformTaskStatusChanged,
	postOnce,
	postCallback,
};
