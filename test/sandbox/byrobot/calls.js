'use strict';
/*
 * Dialing and what it leaves: call records, the dialogue of a call, recordings
 * (docs/api/byrobot.md: Task: call records, Call detail, finishStatus, Recordings).
 * The outcome of a call is derived from n = the last 4 digits of the phone, so a test can choose it:
 *   n % 10 ≤ 6 → finishStatus 0 answered; 7 → 1 rejected; 8 → 2 unreachable; 9 → 8 no answer;
 *   phone in the company blacklist → 11. Answered: seconds = 10 + n % 50, chatRound = 2 + n % 9,
 *   意向标签 = "ABCD"[floor(n/100) % 4]; otherwise 0 s, 0 rounds, "F", luyinOssUrl null.
 *   duration's wire form (the vendor sends all three) by floor(n/10) % 3: 0 → "11秒", 1 → "11", 2 → 11;
 *   blacklisted calls always "0秒".
 *   e.g. 13800000001 → answered, "11秒", chatRound 3, A; 13800000011 → "21"; 13800000021 → 31.
 * A running task whose customers are all dialed becomes finished (2). Recordings are served
 * unsigned on the sandbox's own URL: GET <url>/RobotPhoneCommunicate/<callInstanceId>.wav (the whole
 * call, luyinOssUrl) and <callInstanceId>_user.wav (the customer only, userLuyinOssUrl), as small
 * valid WAV files (audio/wav); a call dialed before the sandbox listens gets its URL once it does.
 * queryDoneTaskPhones lists records in call order (callIndex ascending); `index` skips callIndex ≤ index.
 */
const { ApiError, bad, formatBeijing, isPlainObject, page } = require('./protocol');

const INTENTION = '意向标签';
const AI_LINES = [
	'您好，这里是百应演示公司，请问是{name}吗？',
	'打扰您一分钟，跟您确认一下近期的服务情况。',
	'好的，请问您对我们的服务满意吗？',
	'明白了，还有其他问题需要帮您记录吗？',
	'感谢您的接听，祝您生活愉快，再见。',
];
const CUSTOMER_LINES = ['是的，我是。', '嗯，你说。', '还可以。', '没有了。', '好的，再见。'];

const routes = [
	['POST', 'task/queryDoneTaskPhones', 'queryDoneTaskPhones', '操作成功'],
	['GET', 'task/phoneLogInfo', 'phoneLogInfo', '获取成功'],
];

/** Deterministic call outcome for a phone number (see the header). */
function outcomeOf(phone) {
	const digits = String(phone).replace(/\D/g, '');
	const n = digits ? Number(digits.slice(-4)) : 0;
	const last = n % 10;
	const finishStatus = last <= 6 ? 0 : last === 7 ? 1 : last === 8 ? 2 : 8;
	const answered = finishStatus === 0;
	const durationSec = answered ? 10 + (n % 50) : 0;
	const format = Math.floor(n / 10) % 3;
	const duration =
		format === 0 ? `${durationSec}秒` : format === 1 ? String(durationSec) : durationSec;
	return {
		finishStatus,
		durationSec,
		duration,
		chatRound: answered ? 2 + (n % 9) : 0,
		intention: answered ? 'ABCD'[Math.floor(n / 100) % 4] : 'F',
	};
}
const secondsOf = (duration) => parseInt(String(duration), 10) || 0;

const methods = {
	/** Dials every imported, not yet dialed customer of the task; returns the new call records. */
	dialAll(taskId) {
		const bucket = this.customerBuckets.get(taskId);
		if (!bucket) throw new Error(`no task ${taskId}`);
		return this.dial(taskId, [...bucket.notDialed.values()]);
	},

	dial(taskId, customers) {
		const task = this.tasks.get(taskId);
		const bucket = this.customerBuckets.get(taskId);
		const calls = this.callsByTask.get(taskId);
		const blocked = new Set(this.blacklistOf(task.companyId).map((e) => e.mobile));
		const line = this.phones.find((ph) => ph.view.userPhoneId === task.userPhoneIds[0])?.view;
		const t0 = this.now();
		const created = [];
		for (const customer of customers) {
			if (customer.dialed) continue;
			const o = outcomeOf(customer.phone);
			if (blocked.has(customer.phone))
				Object.assign(o, {
					finishStatus: 11,
					durationSec: 0,
					duration: '0秒',
					chatRound: 0,
					intention: 'F',
				});
			const answered = o.finishStatus === 0;
			const start = t0 + created.length * 1000;
			const startTime = formatBeijing(start);
			const endTime = formatBeijing(start + o.durationSec * 1000);
			const call = {
				callInstanceId: customer.callInstanceId,
				callJobId: taskId,
				companyId: task.companyId,
				sceneDefId: task.sceneDefId,
				customerTelephone: customer.phone,
				customerName: customer.name,
				status: 2,
				finishStatus: o.finishStatus,
				duration: o.duration,
				chatRound: o.chatRound,
				startTime,
				endTime,
				callerPhone: line?.phone ?? '',
				callIndex: calls.length + 1,
				luyinOssUrl: answered ? this.recordingUrl(customer.callInstanceId) : null,
				userLuyinOssUrl: answered ? this.recordingUrl(customer.callInstanceId, 'user') : null,
				secondaryCallTimes: 0,
				jobName: task.jobName,
				resultList: [{ name: INTENTION, value: o.intention }],
				properties: JSON.stringify(customer.properties),
				gmtCreate: customer.gmtCreate,
				gmtModified: endTime,
			};
			customer.dialed = true;
			bucket.notDialed.delete(customer.phone);
			calls.push(call);
			this.calls.set(call.callInstanceId, call);
			created.push(call);
			task.doneCount++;
			if (o.finishStatus === 0) task.calledCount++;
			else if (o.finishStatus === 1) task.rejectedCount++;
			else if (o.finishStatus === 3) task.fromUnavailableCount++;
			else task.unavailableCount++;
		}
		if (task.status === 1 && bucket.notDialed.size === 0 && task.totalCount > 0)
			this.setStatus(task, 2);
		return created;
	},

	/** Imports n generated customers (phones 139 + taskId%10000 + seq) and dials just them. */
	seedCallRecords(taskId, n) {
		const bucket = this.customerBuckets.get(taskId);
		if (!bucket) throw new Error(`no task ${taskId}`);
		const prefix = `139${String(taskId % 10000).padStart(4, '0')}`;
		const rows = [];
		for (let seq = bucket.byPhone.size + 1; rows.length < n; seq++) {
			const phone = prefix + String(seq).padStart(4, '0');
			if (bucket.byPhone.has(phone)) continue;
			rows.push({ name: `客户${seq}`, phone, properties: { 客户姓名: `客户${seq}` } });
		}
		this.importCustomers(taskId, rows);
		return this.dial(
			taskId,
			rows.map((r) => bucket.byPhone.get(r.phone)),
		);
	},

	callRecordsOf(taskId) {
		return [...(this.callsByTask.get(taskId) || [])];
	},

	queryDoneTaskPhones(p, ctx) {
		if (!p.has('callJobId') && p.has('taskId'))
			throw bad('callJobId is required (this API takes callJobId, not taskId)');
		const task = this.taskFor(ctx, p.int('callJobId', { required: true }));
		const finishStatus = p.int('finishStatus', { min: 0 });
		const durationLeft = p.int('durationLeft', { min: 0 });
		const durationRight = p.int('durationRight', { min: 0 });
		const chatRoundLeft = p.int('chatRoundLeft', { min: 0 });
		const chatRoundRight = p.int('chatRoundRight', { min: 0 });
		const index = p.int('index', { min: -1, def: -1 });
		const pageNum = p.pageNum();
		const pageSize = p.pageSize(10, 50);
		const queries = p.list('resultQueryList') || [];
		queries.forEach((q, i) => {
			if (!isPlainObject(q) || typeof q.name !== 'string' || typeof q.value !== 'string') {
				throw bad(`resultQueryList[${i}] must be {name: string, value: string}`);
			}
		});
		const list = (this.callsByTask.get(task.callJobId) || []).filter((c) => {
			const seconds = secondsOf(c.duration);
			return (
				c.callIndex > index &&
				(finishStatus === undefined || c.finishStatus === finishStatus) &&
				(durationLeft === undefined || seconds >= durationLeft) &&
				(durationRight === undefined || seconds <= durationRight) &&
				(chatRoundLeft === undefined || c.chatRound >= chatRoundLeft) &&
				(chatRoundRight === undefined || c.chatRound <= chatRoundRight) &&
				queries.every((q) => c.resultList.some((r) => r.name === q.name && r.value === q.value))
			);
		});
		return page(list, pageNum, pageSize);
	},

	phoneLogInfo(p, ctx) {
		const id = p.int('callInstanceId', { required: true });
		const call = this.calls.get(id);
		if (!call) throw new ApiError(404, `通话记录不存在 call ${id} not found`);
		const task = this.taskFor(ctx, call.callJobId);
		const phoneLogs = [];
		for (let round = 0; round < call.chatRound; round++) {
			const at = round * 6000;
			phoneLogs.push(
				{
					sceneInstanceId: id,
					speaker: 'AI',
					content: AI_LINES[round % AI_LINES.length].replace('{name}', call.customerName || '您'),
					startTime: at,
					endTime: at + 2500,
				},
				{
					sceneInstanceId: id,
					speaker: 'CUSTOMER',
					content: CUSTOMER_LINES[round % CUSTOMER_LINES.length],
					startTime: at + 3000,
					endTime: at + 5000,
				},
			);
		}
		return {
			phoneLog: { phoneLogs, luyinOssUrl: call.luyinOssUrl },
			sceneInstance: {
				callInstanceId: id,
				companyId: call.companyId,
				callJobId: call.callJobId,
				customerTelephone: call.customerTelephone,
				customerName: call.customerName,
				status: call.status,
				finishStatus: call.finishStatus,
				duration: call.duration,
				chatRound: call.chatRound,
				startTime: call.startTime,
				endTime: call.endTime,
				callerPhone: call.callerPhone,
				luyinOssUrl: call.luyinOssUrl,
				userLuyinOssUrl: call.userLuyinOssUrl,
				properties: call.properties,
				jobName: task.jobName,
				robotDefId: task.robotDefId,
				sceneDefId: task.sceneDefId,
				sceneRecordId: task.sceneRecordId,
				hangUp: call.finishStatus === 0 ? 1 : 0,
				gmtCreate: call.gmtCreate,
				gmtModified: call.gmtModified,
			},
			taskResult: call.resultList.map((r) => ({
				name: r.name,
				value: r.value,
				resultName: r.name,
				resultValue: r.value,
			})),
		};
	},

	/**
	 * The recording link of a call on this sandbox: the whole call, or (`user`) the customer only.
	 * Before the sandbox listens there is no URL yet: the link is filled in by start().
	 */
	recordingUrl(callInstanceId, side) {
		const file = `${callInstanceId}${side === 'user' ? '_user' : ''}.wav`;
		return `${this.url || PENDING_URL}/RobotPhoneCommunicate/${file}`;
	},

	/**
	 * GET /RobotPhoneCommunicate/<id>.wav and <id>_user.wav: a short silent WAV for an answered
	 * call (the customer-only one half as long); 404 NoSuchKey as object storage answers otherwise.
	 */
	recording(callInstanceId, side) {
		const call = this.calls.get(callInstanceId);
		const url = side === 'user' ? call?.userLuyinOssUrl : call?.luyinOssUrl;
		if (!call || !url) return { status: 404, contentType: 'application/xml', text: NO_SUCH_KEY };
		const seconds = Math.min(secondsOf(call.duration), 5);
		return {
			status: 200,
			contentType: 'audio/wav',
			text: silentWav(side === 'user' ? Math.ceil(seconds / 2) : seconds),
		};
	},
};

/** Stands for the sandbox URL in links made before it listens (replaced by start()). */
const PENDING_URL = 'http://sandbox.pending';

/** What an object store (Aliyun OSS) answers for a missing or expired object. */
const NO_SUCH_KEY =
	'<?xml version="1.0" encoding="UTF-8"?><Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message></Error>';

/** A valid 8 kHz 8-bit mono WAV of `seconds` silence (recordings the node may download). */
function silentWav(seconds) {
	const samples = Math.max(1, seconds) * 8000;
	const buf = Buffer.alloc(44 + samples, 0x80);
	buf.write('RIFF', 0, 'ascii');
	buf.writeUInt32LE(36 + samples, 4);
	buf.write('WAVEfmt ', 8, 'ascii');
	buf.writeUInt32LE(16, 16);
	buf.writeUInt16LE(1, 20);
	buf.writeUInt16LE(1, 22);
	buf.writeUInt32LE(8000, 24);
	buf.writeUInt32LE(8000, 28);
	buf.writeUInt16LE(1, 32);
	buf.writeUInt16LE(8, 34);
	buf.write('data', 36, 'ascii');
	buf.writeUInt32LE(samples, 40);
	return buf;
}

module.exports = {
	routes,
	methods,
	outcomeOf,
	secondsOf,
	silentWav,
	INTENTION,
	NO_SUCH_KEY,
	PENDING_URL,
};
