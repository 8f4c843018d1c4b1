'use strict';
/*
 * BYRobot (百应) open API sandbox, written from ../../../shared/api/byrobot.md and
 * byrobot-task-api.seed.md (byrobot.md wins where they disagree), independent of the node code.
 *
 * Run standalone (dev): `node test/sandbox/byrobot.js [port]` (default 18080, autoDial on).
 *
 * ── Protocol ────────────────────────────────────────────────────────────────────────────────
 * Every /openapi/ request needs headers appkey, datetime (RFC 1123 GMT, exactly the
 * `Date#toUTCString()` shape) and sign = base64(HMAC-SHA1(AppSecret, AppKey + "\n" + datetime)).
 * Checks, in this order (all HTTP 200 with the code in the envelope):
 *   appkey missing/unknown → 401 · datetime missing/not RFC 1123 → 408 · sign missing/wrong → 401
 *   · datetime more than 3 min off the sandbox clock (Date.now() + clockOffsetMs) → 408.
 * Routing happens before auth: unknown path → HTTP 404 / code 404; known path with the wrong
 * method → HTTP 405 / code 405 (with an Allow header).
 * POST actions need `Content-Type: application/json` and a JSON object body, else 412.
 * Envelope: {code, data, resultMsg, errorStackTrace: null, requestId}; sms/template/list answers
 * {code, msg, success, data} (its own errors too; injected `envelope` failures use the normal one).
 * Parameter errors: code 412, resultMsg "参数错误: <param> ...". Ints must be JSON numbers in
 * bodies and digit strings in query strings (the real server coerces; being strict catches bugs).
 * A companyId that is unknown or not bound to the calling AppKey → 403; a task (or call) of such a
 * company → 403; an unknown task / call / blacklist group / entry → 404.
 *
 * ── Seed data (reset() restores it) ──────────────────────────────────────────────────────────
 * App: SANDBOX_APP_KEY 'sandboxAppKey' / SANDBOX_APP_SECRET 'sandboxAppSecret' → companies 1001, 1002.
 * Companies: 1001 "百应演示公司", 1002 "百应测试二部", 1003 "别家公司" (exists, not bound → 403).
 * Phones (getPhones): note `available` deliberately disagrees with `useAvailable` (doc: ignore it).
 *   1001: 11 "13800000001" "销售手机1" phoneType 0, useAvailable true,  available false, quota 5/0, sceneType 2
 *         12 "02188886666" "总机固话"  phoneType 1, useAvailable true,  available false, quota null/0, sceneType 3
 *         13 ""            "无主叫线路" phoneType 2, useAvailable false, available true, quota null/0, sceneType 2
 *   1002: 14 "13800000014" "二部手机"  phoneType 0, useAvailable true,  available true,  quota 2/0, sceneType 2
 * Robots (getRobots robotStatus 0 all / 1 online / 2 ever published):
 *   1001: 21 "贷款回访机器人" sceneDefId 31, sceneRecords [{41 "女声版"}], online + published
 *         22 "满意度调查"     sceneDefId 32, sceneRecords [{42 "男声版"}], published, offline
 *         23 "草稿机器人"     sceneDefId 33, sceneRecords [{43 "默认录音"}], never published
 *   1002: 24 "二部通知机器人" sceneDefId 34, sceneRecords [{44 "标准版"}], online + published
 * Scene variables: 31 → ["客户姓名","贷款金额","还款日期"], 32 → ["客户姓名"], 33 → [], 34 → ["客户姓名"].
 * Seats: 1001 {companyAllCallSeat 10, companyUsingCallSeat 2}, 1002 {2, 0}; "using" adds the
 *   concurrencyQuota of every running (status 1) task.
 * SMS templates 1001: 51 "还款提醒" status 2 (approved), 52 "活动通知" status 1 (in review),
 *   53 "催收短信" status 3 (rejected); 1002: none. Paged, default pageSize 20.
 * Blacklist: every company has the default group blacklistInfoGroupId -1 "默认分组"; no entries.
 * Ids: tasks from 5001, callInstanceIds from 800001 (given at import), blacklist groups from 301,
 *   blacklist entries from 7001, undelivered callbacks use callJobId 4999 unless told otherwise.
 * Times are Beijing time (UTC+8) strings "yyyy-MM-dd HH:mm:ss" from the sandbox clock.
 *
 * ── Task rules (inferred where the doc is silent) ────────────────────────────────────────────
 * createTask: companyId, taskName, taskType 1|2, userPhoneIds (non-empty int array of available
 *   lines of the company, all one phoneType), robotDefId (a published robot of the company),
 *   callType (= that phoneType) required; startDate yyyy-MM-dd required for taskType 1 (manual
 *   tasks default to today); times HH:mm (stored HH:mm:ss; default 09:00–20:00); break both or
 *   neither, inside working hours; concurrencyQuota ≥ 1; smsType 0|1; smsTemplateId an approved
 *   template; repeatCallRule [{phoneStatus ∈ {2,3,5,6,7,9,10}, times 1–5, interval 0–120}];
 *   sceneDefId must be the robot's, sceneRecordId one of its records (both optional).
 * update: {companyId, taskId, ...any createTask field}; userPhoneIds may be int, "11,12" or int[];
 *   refused (412) while running. delete: refused while running. start: 0/3/4/5 → 1, else 412.
 *   pause: 1 → 4, else 412. stop: anything but 2/6 → 6, else 412.
 * Import: ≤ 10,000 rows; phone a required string; rows whose phone is not 3–20 digits or whose
 *   properties is not an object of string values → placeFailNum; phones already in the task or
 *   repeated in the request → repeatNum. Import into a running task with autoDial dials them.
 * Dialing (dialAll / seedCallRecords / autoDial): outcome derived from n = last 4 digits of phone:
 *   n % 10 ≤ 6 → finishStatus 0 answered; 7 → 1 rejected; 8 → 2 unreachable; 9 → 8 no answer;
 *   phone in the company blacklist → 11. Answered: seconds = 10 + n % 50, chatRound = 2 + n % 9,
 *   意向标签 = "ABCD"[floor(n/100) % 4]; otherwise 0 s, 0 rounds, "F", luyinOssUrl null.
 *   duration format (answered or not) by floor(n/10) % 3: 0 → "11秒", 1 → "11", 2 → 11;
 *   blacklisted calls always "0秒".
 *   e.g. 13800000001 → answered, "11秒", chatRound 3, A; 13800000011 → "21"; 13800000021 → 31.
 *   A running task whose customers are all dialed becomes finished (2).
 *   Recordings are served unsigned at GET <url>/RobotPhoneCommunicate/<callInstanceId>.wav.
 * queryDoneTaskPhones lists records in call order (callIndex ascending); `index` skips callIndex ≤ index.
 *
 * ── Field names beyond byrobot.md (taken from the vendor's public docs or inferred) ──────────
 * tasks: callJobId, companyId, jobName, jobType, startDate, workingStartTime, workingEndTime,
 *   breakStartTime, breakEndTime, status, robotDefId, sceneDefId, sceneRecordId, userPhoneIds,
 *   callType, concurrencyQuota, phoneNum, smsType, smsSendLevel, smsTemplateId, repeatCall,
 *   repeatCallRule, defaultIntentionRule, openElasticity, remark, totalCount, doneCount,
 *   calledCount, rejectedCount, unavailableCount, fromUnavailableCount, gmtCreate, gmtModified;
 *   getTaskDetail adds robotDefName, sceneDefName, sceneRecordName, durationStat, chatRoundStat,
 *   resultDefs, callPhones, extraStat.
 * pages: {pageNum, pageSize, size, total, pages, list}.
 * sms templates: smsTemplateId, companyId, name, smsTemplateSignId, smsTemplateSignName, type,
 *   content, status (1 review / 2 approved / 3 rejected), failReason, gmtCreate, gmtModified.
 * notDialedCustomerList items: callInstanceId, name, phone, properties (object), customerName,
 *   customerTelephone, status 0, calledTimes 0.
 * call records: callInstanceId, callJobId, companyId, sceneDefId, customerTelephone, customerName,
 *   status 2, finishStatus, duration, chatRound, startTime, endTime, callerPhone, callIndex,
 *   luyinOssUrl, secondaryCallTimes, jobName, resultList [{name, value}], properties (JSON string),
 *   gmtCreate, gmtModified.
 * phoneLogInfo: phoneLog.phoneLogs [{sceneInstanceId, speaker "AI"|"CUSTOMER", content, startTime,
 *   endTime (ms from call start)}]; taskResult [{name, value, resultName, resultValue}].
 * blacklist groups: {blacklistInfoGroupId, name, publicFlag, remark}; group/add and group/edit take
 *   `name` (vendor doc) or `groupName`; entries: {blacklistInfoId, blacklistInfoGroupId, name,
 *   mobile, remark, gmtCreate}; info/delete takes blacklistInfoId or mobile (+ optional group).
 *   group/edit, group/delete, info/delete answer data true. A mobile already in the group → 412
 *   (single add) or not counted (batch). Deleting a non-empty or the default group → 412.
 * undelivered callbacks: {callJobId, customerTelephone, callInstanceId, callerTime, dataType}.
 */
const crypto = require('crypto');
const { SandboxServer } = require('./common');

const SANDBOX_APP_KEY = 'sandboxAppKey';
const SANDBOX_APP_SECRET = 'sandboxAppSecret';

const V1 = '/openapi/v1/';
const MAX_SKEW_MS = 3 * 60 * 1000;
const BEIJING_MS = 8 * 3600 * 1000;
const MAX_IMPORT = 10000;
const MAX_BLACKLIST_BATCH = 10000;
const DEFAULT_GROUP_ID = -1;
const REPEAT_PHONE_STATUSES = [2, 3, 5, 6, 7, 9, 10];
const RFC1123 = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/;
const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
const DATETIME_RE = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;
const HHMM_RE = /^([01]\d|2[0-3]):[0-5]\d$/;
const PHONE_RE = /^\d{3,20}$/;
const INTENTION = '意向标签';
const STATUS_NAMES = {
	0: '未开始', 1: '进行中', 2: '已完成', 3: '调度中', 4: '手动暂停', 5: '自动暂停',
	6: '已终止', 7: '排队中', 8: 'AI到期', 9: '账户欠费', 10: '短信欠费',
};
const DEFAULT_MESSAGES = {
	401: '签名校验失败', 403: '没有权限', 404: '资源不存在', 405: '请求方法不支持',
	408: '请求已过期', 412: '参数错误', 500: '系统异常',
};

/** A business error: answered as an envelope carrying `code` (HTTP `httpStatus`, usually 200). */
class ApiError extends Error {
	constructor(code, message, httpStatus = 200, headers) {
		super(message);
		this.code = code;
		this.httpStatus = httpStatus;
		this.headers = headers;
	}
}
const bad = (message) => new ApiError(412, `参数错误: ${message}`);

// ── time helpers (the vendor speaks Beijing time) ──────────────────────────────────────────────
function formatBeijing(ms) {
	return new Date(ms + BEIJING_MS).toISOString().slice(0, 19).replace('T', ' ');
}
function isRealDate(s) {
	if (!DATE_RE.test(s)) return false;
	const d = new Date(`${s}T00:00:00Z`);
	return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

// ── signing ────────────────────────────────────────────────────────────────────────────────────
function computeSign(appKey, appSecret, datetime) {
	return crypto.createHmac('sha1', appSecret).update(`${appKey}\n${datetime}`, 'utf8').digest('base64');
}
/** The three auth headers for a request made at `date` (default: now). */
function signHeaders(appKey = SANDBOX_APP_KEY, appSecret = SANDBOX_APP_SECRET, date = new Date()) {
	const datetime = date.toUTCString();
	return { appkey: appKey, datetime, sign: computeSign(appKey, appSecret, datetime) };
}

// ── parameter reading: one reader for query strings (all strings) and JSON bodies (typed) ────────
class Params {
	constructor(source, fromQuery) {
		this.src = source && typeof source === 'object' ? source : {};
		this.fromQuery = fromQuery;
	}

	has(name) {
		return this.raw(name) !== undefined;
	}

	raw(name) {
		const v = this.src[name];
		if (v === undefined || v === null) return undefined;
		if (this.fromQuery) {
			if (Array.isArray(v)) throw bad(`${name} must be given once`);
			if (v === '') return undefined;
		}
		return v;
	}

	int(name, opts = {}) {
		let v = this.raw(name);
		if (v === undefined) {
			if (opts.required) throw bad(`${name} is required`);
			return opts.def;
		}
		if (this.fromQuery) {
			if (!/^-?\d{1,15}$/.test(v)) throw bad(`${name} must be an integer`);
			v = Number(v);
		} else if (typeof v !== 'number' || !Number.isSafeInteger(v)) {
			throw bad(`${name} must be an integer`);
		}
		checkRange(name, v, opts);
		return v;
	}

	str(name, opts = {}) {
		const v = this.raw(name);
		if (v === undefined || (opts.required && typeof v === 'string' && v.trim() === '')) {
			if (opts.required) throw bad(`${name} is required`);
			return opts.def;
		}
		if (typeof v !== 'string') throw bad(`${name} must be a string`);
		if (opts.maxLen && v.length > opts.maxLen) throw bad(`${name} must be at most ${opts.maxLen} characters`);
		if (opts.pattern && !opts.pattern.test(v)) throw bad(`${name} must be ${opts.format}`);
		return v;
	}

	bool(name) {
		const v = this.raw(name);
		if (v === undefined) return undefined;
		if (this.fromQuery && (v === 'true' || v === 'false')) return v === 'true';
		if (typeof v !== 'boolean') throw bad(`${name} must be a boolean`);
		return v;
	}

	list(name, opts = {}) {
		const v = this.raw(name);
		if (v === undefined) {
			if (opts.required) throw bad(`${name} is required`);
			return undefined;
		}
		if (!Array.isArray(v)) throw bad(`${name} must be an array`);
		if (opts.minLen && v.length < opts.minLen) throw bad(`${name} must not be empty`);
		if (opts.maxLen && v.length > opts.maxLen) {
			throw bad(`${name} has ${v.length} items, at most ${opts.maxLen} are allowed per request`);
		}
		return v;
	}

	date(name, opts = {}) {
		const v = this.str(name, opts);
		if (v !== undefined && !isRealDate(v)) throw bad(`${name} must be a date yyyy-MM-dd`);
		return v;
	}

	time(name) {
		return this.str(name, { pattern: HHMM_RE, format: 'a time HH:mm' });
	}

	pageNum() {
		return this.int('pageNum', { min: 1, def: 1 });
	}

	pageSize(def, max) {
		return this.int('pageSize', { min: 1, max, def });
	}
}

function checkRange(name, v, opts) {
	if (opts.oneOf && !opts.oneOf.includes(v)) throw bad(`${name} must be one of ${opts.oneOf.join(', ')}`);
	const hasMin = opts.min !== undefined;
	const hasMax = opts.max !== undefined;
	if ((hasMin && v < opts.min) || (hasMax && v > opts.max)) {
		if (hasMin && hasMax) throw bad(`${name} must be between ${opts.min} and ${opts.max}`);
		throw bad(hasMin ? `${name} must be at least ${opts.min}` : `${name} must be at most ${opts.max}`);
	}
}

const isInt = (v) => typeof v === 'number' && Number.isSafeInteger(v);
const isPlainObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
const isStringMap = (v) => isPlainObject(v) && Object.values(v).every((x) => typeof x === 'string');

/** A page in the shape the vendor's PageHelper answers. */
function page(list, pageNum, pageSize) {
	const start = (pageNum - 1) * pageSize;
	const items = list.slice(start, start + pageSize);
	return pageShape(items, list.length, pageNum, pageSize);
}
function pageShape(items, total, pageNum, pageSize) {
	return { pageNum, pageSize, size: items.length, total, pages: Math.ceil(total / pageSize), list: items };
}
/** Pages a Map's values without copying them all (notDialed lists may hold 50,000 customers). */
function pageOfMap(map, pageNum, pageSize, view) {
	const start = (pageNum - 1) * pageSize;
	const items = [];
	if (start < map.size) {
		let i = 0;
		for (const value of map.values()) {
			if (i >= start) {
				items.push(view(value));
				if (items.length === pageSize) break;
			}
			i++;
		}
	}
	return pageShape(items, map.size, pageNum, pageSize);
}

/** Deterministic call outcome for a phone number (see the header). */
function outcomeOf(phone) {
	const digits = String(phone).replace(/\D/g, '');
	const n = digits ? Number(digits.slice(-4)) : 0;
	const last = n % 10;
	const finishStatus = last <= 6 ? 0 : last === 7 ? 1 : last === 8 ? 2 : 8;
	const answered = finishStatus === 0;
	const durationSec = answered ? 10 + (n % 50) : 0;
	const format = Math.floor(n / 10) % 3;
	const duration = format === 0 ? `${durationSec}秒` : format === 1 ? String(durationSec) : durationSec;
	return {
		finishStatus,
		durationSec,
		duration,
		chatRound: answered ? 2 + (n % 9) : 0,
		intention: answered ? 'ABCD'[Math.floor(n / 100) % 4] : 'F',
	};
}
const secondsOf = (duration) => parseInt(String(duration), 10) || 0;

// ── seed data ──────────────────────────────────────────────────────────────────────────────────
function seedCompanies() {
	return new Map([
		[1001, { companyId: 1001, companyName: '百应演示公司' }],
		[1002, { companyId: 1002, companyName: '百应测试二部' }],
		[1003, { companyId: 1003, companyName: '别家公司' }],
	]);
}

function phone(companyId, userPhoneId, phoneNo, phoneName, phoneType, useAvailable, extra) {
	return {
		companyId,
		view: {
			userPhoneId, callerAccountId: null, phone: phoneNo, account: null, phoneName, phoneType,
			available: !useAvailable, useAvailable, totalConcurrencyQuota: null, usedConcurrencyQuota: 0,
			billPeriod: 60, validityBegin: '2024-01-01 00:00:00', validityEnd: '2099-12-31 23:59:59',
			sceneType: 2, ...extra,
		},
	};
}
function seedPhones() {
	return [
		phone(1001, 11, '13800000001', '销售手机1', 0, true, { totalConcurrencyQuota: 5 }),
		phone(1001, 12, '02188886666', '总机固话', 1, true, { sceneType: 3 }),
		phone(1001, 13, '', '无主叫线路', 2, false, { billPeriod: 6, validityEnd: '2023-12-31 23:59:59' }),
		phone(1002, 14, '13800000014', '二部手机', 0, true, { available: true, totalConcurrencyQuota: 2 }),
	];
}

function robot(companyId, robotDefId, robotName, sceneDefId, sceneDefName, record, state, industry, gmtModify) {
	return {
		companyId, online: state === 'online', published: state !== 'draft', sceneDefName,
		view: {
			robotDefId, robotName, sceneDefId,
			sceneRecords: [{ sceneRecordId: record[0], sceneRecordName: record[1] }],
			industryOneName: industry[0], industryTwoName: industry[1], gmtModify,
		},
	};
}
function seedRobots() {
	return [
		robot(1001, 21, '贷款回访机器人', 31, '贷款回访场景', [41, '女声版'], 'online', ['金融', '贷款'], '2024-03-01 10:00:00'),
		robot(1001, 22, '满意度调查', 32, '满意度调查场景', [42, '男声版'], 'offline', ['服务', '满意度回访'], '2024-03-02 11:00:00'),
		robot(1001, 23, '草稿机器人', 33, '草稿场景', [43, '默认录音'], 'draft', ['其他', '其他'], '2024-03-03 12:00:00'),
		robot(1002, 24, '二部通知机器人', 34, '通知场景', [44, '标准版'], 'online', ['通用', '通知'], '2024-03-04 09:30:00'),
	];
}

const SCENE_VARIABLES = { 31: ['客户姓名', '贷款金额', '还款日期'], 32: ['客户姓名'], 33: [], 34: ['客户姓名'] };
const SEAT_BASE = { 1001: { all: 10, using: 2 }, 1002: { all: 2, using: 0 }, 1003: { all: 0, using: 0 } };

function seedSmsTemplates() {
	const t = (smsTemplateId, name, content, status, failReason, day) => ({
		smsTemplateId, companyId: 1001, name, smsTemplateSignId: 61, smsTemplateSignName: '百应演示', type: 1,
		content, status, failReason, gmtCreate: `2024-03-${day} 09:00:00`, gmtModified: `2024-03-${day} 10:00:00`,
	});
	return [
		t(51, '还款提醒', '【百应演示】尊敬的${客户姓名}，您的贷款将于${还款日期}到期，请按时还款。', 2, '百应人工审核通过', '05'),
		t(52, '活动通知', '【百应演示】会员日全场八折，详询客服。', 1, null, '06'),
		t(53, '催收短信', '【百应演示】您已逾期，请尽快处理。', 3, '内容涉及催收，审核未通过', '07'),
	];
}

const AI_LINES = [
	'您好，这里是百应演示公司，请问是{name}吗？',
	'打扰您一分钟，跟您确认一下近期的服务情况。',
	'好的，请问您对我们的服务满意吗？',
	'明白了，还有其他问题需要帮您记录吗？',
	'感谢您的接听，祝您生活愉快，再见。',
];
const CUSTOMER_LINES = ['是的，我是。', '嗯，你说。', '还可以。', '没有了。', '好的，再见。'];

// ── routing table: path → methods, handler, answer style ────────────────────────────────────────
const ROUTES = new Map(
	[
		['GET', 'company/getCompanys', 'getCompanys', '获取成功'],
		['GET', 'company/getPhones', 'getPhones', '获取成功'],
		['GET', 'company/getRobots', 'getRobots', '获取成功'],
		['GET', 'company/seat/statistics', 'seatStatistics', '查询成功'],
		['GET', 'sms/template/list', 'smsTemplateList', '查询成功', 'sms'],
		['GET', 'task/getSceneVariables', 'getSceneVariables', '查询成功'],
		['POST', 'company/addBlackList', 'addBlackList', '添加成功'],
		['POST', 'company/addBlackList/batch', 'addBlackListBatch', '新增成功'],
		['GET', 'company/blacklist/group/list', 'blacklistGroupList', '查询成功'],
		['GET', 'company/blacklist/info/page', 'blacklistInfoPage', '查询成功'],
		['POST', 'company/blacklist/group/add', 'blacklistGroupAdd', '新增成功'],
		['POST', 'company/blacklist/group/edit', 'blacklistGroupEdit', '修改成功'],
		['POST', 'company/blacklist/group/delete', 'blacklistGroupDelete', '删除成功'],
		['POST', 'company/blacklist/info/delete', 'blacklistInfoDelete', '删除成功'],
		['POST', 'task/createTask', 'createTask', '操作成功'],
		['POST', 'task/update', 'updateTask', '修改成功'],
		['POST', 'task/delete', 'deleteTask', '删除成功'],
		['POST', 'task/start', 'startTask', '启动成功'],
		['POST', 'task/pause', 'pauseTask', '执行成功'],
		['POST', 'task/stop', 'stopTask', '执行成功'],
		['POST', 'task/importTaskCustomer', 'importV1', '操作成功'],
		['POST', '/openapi/v2/task/importTaskCustomer', 'importV2', '操作成功'],
		['GET', 'task/getTasks', 'getTasks', '操作成功'],
		['GET', 'task/getTaskDetail', 'getTaskDetail', '操作成功'],
		['POST', 'task/queryDoneTaskPhones', 'queryDoneTaskPhones', '操作成功'],
		// One official demo sends this one as GET with a query string: accept both.
		['POST GET', 'task/notDialedCustomerList', 'notDialedCustomerList', '操作成功'],
		['GET', 'task/phoneLogInfo', 'phoneLogInfo', '获取成功'],
		['GET', 'callBack/queryUnCallBack', 'queryUnCallBack', '查询成功'],
	].map(([methods, path, handler, msg, style]) => [
		path.startsWith('/') ? path : V1 + path,
		{ methods: methods.split(' '), handler, msg, style: style || 'std' },
	]),
);

class ByrobotSandbox extends SandboxServer {
	/**
	 * @param {{ apps?: Array<{appKey: string, appSecret: string, companyIds: number[]}>, autoDial?: boolean }} [options]
	 */
	constructor(options = {}) {
		super('byrobot');
		const apps = options.apps || [
			{ appKey: SANDBOX_APP_KEY, appSecret: SANDBOX_APP_SECRET, companyIds: [1001, 1002] },
		];
		/** AppKey → app; companyIds as a Set for the 403 check. */
		this.apps = new Map(apps.map((a) => [a.appKey, { ...a, companyIds: new Set(a.companyIds) }]));
		this.autoDial = Boolean(options.autoDial);
		/** Added to Date.now() to get the sandbox clock (for 408 tests). */
		this.clockOffsetMs = 0;
		this.requestSeq = 0;
		this.reset();
	}

	/** Restores the seed data; also clears recorded requests, failure rules and the clock offset. */
	reset() {
		this.clockOffsetMs = 0;
		/** Fields getTaskDetail leaves out, to imitate an undocumented variant of the answer. */
		this.taskDetailOmits = [];
		this.clearRequests();
		this.clearFailures();
		this.companies = seedCompanies();
		this.phones = seedPhones();
		this.robots = seedRobots();
		this.smsTemplates = seedSmsTemplates();
		/** @type {Map<number, object>} callJobId → task (the API shape) */
		this.tasks = new Map();
		/** callJobId → {byPhone, notDialed}: Maps by phone, in import order */
		this.customerBuckets = new Map();
		/** @type {Map<number, object>} callInstanceId → call record */
		this.calls = new Map();
		/** callJobId → call records in call order */
		this.callsByTask = new Map();
		/** companyId → Map(groupId → group) */
		this.blacklistGroups = new Map();
		for (const companyId of this.companies.keys()) {
			this.blacklistGroups.set(
				companyId,
				new Map([[DEFAULT_GROUP_ID, { blacklistInfoGroupId: DEFAULT_GROUP_ID, name: '默认分组', publicFlag: true, remark: '' }]]),
			);
		}
		/** @type {Map<number, object>} blacklistInfoId → entry (with companyId) */
		this.blacklist = new Map();
		this.undeliveredCallbacks = [];
		this.nextTaskId = 5001;
		this.nextCallInstanceId = 800001;
		this.nextGroupId = 301;
		this.nextBlacklistInfoId = 7001;
	}

	now() {
		return Date.now() + this.clockOffsetMs;
	}

	// ── HTTP plumbing ───────────────────────────────────────────────────────────────────────────
	envelope(code, data, resultMsg, errorStackTrace = null) {
		return { code, data, resultMsg, errorStackTrace, requestId: `sbx-${++this.requestSeq}` };
	}

	envelopeFailure(failure) {
		return {
			status: 200,
			json: this.envelope(failure.code, null, failure.resultMsg ?? DEFAULT_MESSAGES[failure.code] ?? '系统异常'),
		};
	}

	async handle(record) {
		const recording = /^\/RobotPhoneCommunicate\/(\d+)\.wav$/.exec(record.path);
		if (recording && record.method === 'GET') return this.recording(Number(recording[1]));

		const route = ROUTES.get(record.path);
		const style = route ? route.style : 'std';
		try {
			if (!route) throw new ApiError(404, `接口不存在 no such API: ${record.path}`, 404);
			if (!route.methods.includes(record.method)) {
				throw new ApiError(
					405,
					`请求方法不支持 ${record.method} not allowed, use ${route.methods.join(' or ')}`,
					405,
					{ Allow: route.methods.join(', ') },
				);
			}
			const app = this.authenticate(record.headers);
			const params = record.method === 'GET' ? new Params(record.query, true) : this.jsonBody(record);
			const data = this[route.handler](params, { app, record });
			return this.ok(style, data, route.msg);
		} catch (error) {
			if (error instanceof ApiError) return this.error(style, error);
			// A sandbox bug: answer like the vendor's 500 but keep the stack for whoever debugs it.
			return {
				status: 200,
				json: this.envelope(500, null, `系统异常 ${error && error.message}`, String(error && error.stack)),
			};
		}
	}

	ok(style, data, msg) {
		if (style === 'sms') return { status: 200, json: { code: 200, msg, success: true, data } };
		return { status: 200, json: this.envelope(200, data, msg) };
	}

	error(style, error) {
		const answer =
			style === 'sms'
				? { code: error.code, msg: error.message, success: false, data: null }
				: this.envelope(error.code, null, error.message);
		return { status: error.httpStatus, json: answer, headers: error.headers };
	}

	authenticate(headers) {
		const appKey = headerOf(headers, 'appkey');
		if (!appKey) throw new ApiError(401, '签名校验失败 appkey header is missing');
		const app = this.apps.get(appKey);
		if (!app) throw new ApiError(401, `签名校验失败 unknown appkey: ${appKey}`);
		const datetime = headerOf(headers, 'datetime');
		if (!datetime) throw new ApiError(408, '请求时间无效 datetime header is missing');
		const time = RFC1123.test(datetime) ? Date.parse(datetime) : NaN;
		if (Number.isNaN(time)) {
			throw new ApiError(408, `请求时间无效 datetime is not RFC 1123 GMT (like "Thu, 13 Dec 2018 01:27:17 GMT"): ${datetime}`);
		}
		const sign = headerOf(headers, 'sign');
		if (!sign) throw new ApiError(401, '签名校验失败 sign header is missing');
		const expected = computeSign(app.appKey, app.appSecret, datetime);
		if (!safeEqual(sign, expected)) throw new ApiError(401, '签名校验失败 sign verify failed');
		const skew = time - this.now();
		if (Math.abs(skew) > MAX_SKEW_MS) {
			throw new ApiError(
				408,
				`请求已过期 datetime is ${Math.round(Math.abs(skew) / 1000)}s ${skew < 0 ? 'behind' : 'ahead of'} the server clock (max 180s)`,
			);
		}
		return app;
	}

	jsonBody(record) {
		const contentType = String(record.headers['content-type'] || '');
		if (!/\bjson\b/i.test(contentType)) {
			throw bad(`Content-Type must be application/json (got ${contentType || 'none'})`);
		}
		if (!record.rawBody.trim()) throw bad('request body is required (a JSON object)');
		if (typeof record.body === 'string') throw bad('request body is not valid JSON');
		if (!isPlainObject(record.body)) throw bad('request body must be a JSON object');
		return new Params(record.body, false);
	}

	recording(callInstanceId) {
		const call = this.calls.get(callInstanceId);
		if (!call || !call.luyinOssUrl) return { status: 404, contentType: 'text/plain', text: 'NoSuchKey' };
		return { status: 200, contentType: 'audio/wav', text: silentWav(Math.min(secondsOf(call.duration), 5)) };
	}

	// ── access helpers ──────────────────────────────────────────────────────────────────────────
	/** The company, if it exists and the AppKey is bound to it; else 403. */
	companyFor(ctx, companyId) {
		const company = this.companies.get(companyId);
		if (!company || !ctx.app.companyIds.has(companyId)) {
			throw new ApiError(403, `没有权限 companyId ${companyId} is not bound to this appkey`);
		}
		return company;
	}

	companyParam(p, ctx) {
		return this.companyFor(ctx, p.int('companyId', { required: true }));
	}

	/** The task: 404 if unknown or not of `companyId` (when given), 403 if its company is not bound. */
	taskFor(ctx, taskId, companyId) {
		const task = this.tasks.get(taskId);
		if (!task || (companyId !== undefined && task.companyId !== companyId)) {
			throw new ApiError(404, `任务不存在 task ${taskId} not found`);
		}
		if (!ctx.app.companyIds.has(task.companyId)) {
			throw new ApiError(403, `没有权限 task ${taskId} belongs to a company not bound to this appkey`);
		}
		return task;
	}

	/** For actions taking {taskId, companyId?}. */
	taskParam(p, ctx, name = 'taskId') {
		const companyId = p.has('companyId') ? this.companyParam(p, ctx).companyId : undefined;
		return this.taskFor(ctx, p.int(name, { required: true }), companyId);
	}

	// ── company & resources ─────────────────────────────────────────────────────────────────────
	getCompanys(p, ctx) {
		return [...ctx.app.companyIds]
			.filter((id) => this.companies.has(id))
			.sort((a, b) => a - b)
			.map((id) => ({ ...this.companies.get(id) }));
	}

	getPhones(p, ctx) {
		const { companyId } = this.companyParam(p, ctx);
		return this.phones.filter((ph) => ph.companyId === companyId).map((ph) => ph.view);
	}

	getRobots(p, ctx) {
		const { companyId } = this.companyParam(p, ctx);
		const robotStatus = p.int('robotStatus', { oneOf: [0, 1, 2], def: 0 });
		return this.robots
			.filter((r) => r.companyId === companyId)
			.filter((r) => (robotStatus === 1 ? r.online : robotStatus === 2 ? r.published : true))
			.map((r) => r.view);
	}

	seatStatistics(p, ctx) {
		const { companyId } = this.companyParam(p, ctx);
		const base = SEAT_BASE[companyId] || { all: 0, using: 0 };
		let using = base.using;
		for (const task of this.tasks.values()) {
			if (task.companyId === companyId && task.status === 1) using += task.concurrencyQuota;
		}
		return { companyAllCallSeat: base.all, companyUsingCallSeat: using };
	}

	smsTemplateList(p, ctx) {
		const { companyId } = this.companyParam(p, ctx);
		const status = p.int('status', { oneOf: [1, 2, 3] });
		const pageNum = p.pageNum();
		const pageSize = p.pageSize(20, 100);
		const list = this.smsTemplates.filter(
			(t) => t.companyId === companyId && (status === undefined || t.status === status),
		);
		return page(list, pageNum, pageSize);
	}

	getSceneVariables(p, ctx) {
		const { companyId } = this.companyParam(p, ctx);
		const sceneDefId = p.int('sceneDefId', { required: true });
		const found = this.robots.find((r) => r.companyId === companyId && r.view.sceneDefId === sceneDefId);
		if (!found) throw new ApiError(404, `场景不存在 sceneDefId ${sceneDefId} not found`);
		return [...(SCENE_VARIABLES[sceneDefId] || [])];
	}

	// ── blacklist ───────────────────────────────────────────────────────────────────────────────
	groupsOf(companyId) {
		return this.blacklistGroups.get(companyId);
	}

	groupFor(companyId, groupId) {
		const group = this.groupsOf(companyId).get(groupId);
		if (!group) throw new ApiError(404, `黑名单分组不存在 blacklistInfoGroupId ${groupId} not found`);
		return group;
	}

	/** Entries of a company (optionally one group), newest first. */
	blacklistOf(companyId, groupId) {
		const list = [];
		for (const e of this.blacklist.values()) {
			if (e.companyId === companyId && (groupId === undefined || e.blacklistInfoGroupId === groupId)) list.push(e);
		}
		return list.reverse();
	}

	addBlacklistEntry(companyId, groupId, { mobile, name, remark }) {
		const entry = {
			blacklistInfoId: this.nextBlacklistInfoId++, companyId, blacklistInfoGroupId: groupId,
			name: name ?? null, mobile, remark: remark ?? null, gmtCreate: formatBeijing(this.now()),
		};
		this.blacklist.set(entry.blacklistInfoId, entry);
		return entry;
	}

	inGroup(companyId, groupId, mobile) {
		for (const e of this.blacklist.values()) {
			if (e.companyId === companyId && e.blacklistInfoGroupId === groupId && e.mobile === mobile) return e;
		}
		return undefined;
	}

	addBlackList(p, ctx) {
		const { companyId } = this.companyParam(p, ctx);
		const mobile = p.str('mobile', { required: true, pattern: PHONE_RE, format: 'a phone number of 3-20 digits' });
		const name = p.str('name', { maxLen: 100 });
		const remark = p.str('remark', { maxLen: 500 });
		if (this.inGroup(companyId, DEFAULT_GROUP_ID, mobile)) {
			throw bad(`mobile ${mobile} is already in the blacklist (该号码已在黑名单中)`);
		}
		return this.addBlacklistEntry(companyId, DEFAULT_GROUP_ID, { mobile, name, remark }).blacklistInfoId;
	}

	addBlackListBatch(p, ctx) {
		const { companyId } = this.companyParam(p, ctx);
		const groupId = p.int('blacklistInfoGroupId', { required: true });
		const rows = p.list('blacklist', { required: true, minLen: 1, maxLen: MAX_BLACKLIST_BATCH });
		rows.forEach((row, i) => {
			if (!isPlainObject(row)) throw bad(`blacklist[${i}] must be an object`);
			if (typeof row.mobile !== 'string' || !row.mobile) throw bad(`blacklist[${i}].mobile is required`);
			if (typeof row.name !== 'string') throw bad(`blacklist[${i}].name is required`);
			if (row.remark != null && typeof row.remark !== 'string') throw bad(`blacklist[${i}].remark must be a string`);
		});
		this.groupFor(companyId, groupId);
		const existing = new Set(this.blacklistOf(companyId, groupId).map((e) => e.mobile));
		let successNum = 0;
		for (const row of rows) {
			if (!PHONE_RE.test(row.mobile) || existing.has(row.mobile)) continue;
			existing.add(row.mobile);
			this.addBlacklistEntry(companyId, groupId, row);
			successNum++;
		}
		return { requsetNum: rows.length, successNum };
	}

	blacklistGroupList(p, ctx) {
		const { companyId } = this.companyParam(p, ctx);
		const groups = [...this.groupsOf(companyId).values()].map((g) => ({ ...g }));
		// The vendor answers a plain array; pageNum/pageSize (if sent) just slice it.
		if (!p.has('pageNum') && !p.has('pageSize')) return groups;
		const pageNum = p.pageNum();
		const pageSize = p.pageSize(20, 100);
		return groups.slice((pageNum - 1) * pageSize, pageNum * pageSize);
	}

	blacklistInfoPage(p, ctx) {
		const { companyId } = this.companyParam(p, ctx);
		const groupId = p.int('blacklistInfoGroupId');
		const mobile = p.str('mobile');
		const pageNum = p.pageNum();
		const pageSize = p.pageSize(20, 100);
		if (groupId !== undefined) this.groupFor(companyId, groupId);
		const list = this.blacklistOf(companyId, groupId)
			.filter((e) => mobile === undefined || e.mobile === mobile)
			.map(({ companyId: _omit, ...entry }) => entry);
		return page(list, pageNum, pageSize);
	}

	groupName(p) {
		const name = p.has('name') ? p.str('name', { maxLen: 50 }) : p.str('groupName', { maxLen: 50 });
		if (name === undefined || !name.trim()) throw bad('name (or groupName) is required');
		return name.trim();
	}

	blacklistGroupAdd(p, ctx) {
		const { companyId } = this.companyParam(p, ctx);
		const name = this.groupName(p);
		const remark = p.str('remark', { maxLen: 500 });
		const groups = this.groupsOf(companyId);
		if ([...groups.values()].some((g) => g.name === name)) throw bad(`a blacklist group named ${name} already exists`);
		const group = { blacklistInfoGroupId: this.nextGroupId++, name, publicFlag: false, remark: remark ?? null };
		groups.set(group.blacklistInfoGroupId, group);
		return group.blacklistInfoGroupId;
	}

	blacklistGroupEdit(p, ctx) {
		const { companyId } = this.companyParam(p, ctx);
		const groupId = p.int('blacklistInfoGroupId', { required: true });
		const name = this.groupName(p);
		const remark = p.str('remark', { maxLen: 500 });
		const group = this.groupFor(companyId, groupId);
		if (groupId === DEFAULT_GROUP_ID) throw bad('the default group (-1) cannot be edited');
		if ([...this.groupsOf(companyId).values()].some((g) => g !== group && g.name === name)) {
			throw bad(`a blacklist group named ${name} already exists`);
		}
		group.name = name;
		if (remark !== undefined) group.remark = remark;
		return true;
	}

	blacklistGroupDelete(p, ctx) {
		const { companyId } = this.companyParam(p, ctx);
		const groupId = p.int('blacklistInfoGroupId', { required: true });
		this.groupFor(companyId, groupId);
		if (groupId === DEFAULT_GROUP_ID) throw bad('the default group (-1) cannot be deleted');
		if (this.blacklistOf(companyId, groupId).length) throw bad('the group still holds numbers; delete them first');
		this.groupsOf(companyId).delete(groupId);
		return true;
	}

	blacklistInfoDelete(p, ctx) {
		const { companyId } = this.companyParam(p, ctx);
		const infoId = p.int('blacklistInfoId');
		const mobile = p.str('mobile');
		const groupId = p.int('blacklistInfoGroupId');
		if (infoId === undefined && mobile === undefined) throw bad('blacklistInfoId or mobile is required');
		if (groupId !== undefined) this.groupFor(companyId, groupId);
		const victims = this.blacklistOf(companyId, groupId).filter(
			(e) => (infoId === undefined || e.blacklistInfoId === infoId) && (mobile === undefined || e.mobile === mobile),
		);
		if (!victims.length) throw new ApiError(404, '黑名单号码不存在 blacklist entry not found');
		for (const e of victims) this.blacklist.delete(e.blacklistInfoId);
		return true;
	}

	// ── tasks ───────────────────────────────────────────────────────────────────────────────────
	/** Reads the createTask/update fields present in the request (shape checks only). */
	readTaskFields(p, partial) {
		const required = !partial;
		const f = {};
		const set = (key, value) => {
			if (value !== undefined) f[key] = value;
		};
		set('jobName', p.str('taskName', { required, maxLen: 100 }));
		if (partial && f.jobName !== undefined && !f.jobName.trim()) throw bad('taskName must not be empty');
		set('jobType', p.int('taskType', { required, oneOf: [1, 2] }));
		set('startDate', p.date('startDate'));
		for (const key of ['workingStartTime', 'workingEndTime', 'breakStartTime', 'breakEndTime']) {
			const t = p.time(key);
			if (t !== undefined) f[key] = `${t}:00`;
		}
		set('userPhoneIds', partial ? looseIds(p, 'userPhoneIds') : strictIds(p, 'userPhoneIds'));
		set('robotDefId', p.int('robotDefId', { required }));
		set('sceneDefId', p.int('sceneDefId'));
		set('sceneRecordId', p.int('sceneRecordId'));
		set('callType', p.int('callType', { required, min: 0 }));
		set('concurrencyQuota', p.int('concurrencyQuota', { min: 1 }));
		set('phoneNum', p.int('phoneNum', { min: 0 }));
		set('smsType', p.int('smsType', { oneOf: [0, 1] }));
		set('smsSendLevel', p.int('smsSendLevel', { min: 0 }));
		set('smsTemplateId', p.int('smsTemplateId'));
		set('remark', p.str('remark', { maxLen: 500 }));
		set('repeatCall', p.bool('repeatCall'));
		set('repeatCallRule', repeatRules(p));
		set('defaultIntentionRule', p.bool('defaultIntentionRule'));
		set('openElasticity', p.bool('openElasticity'));
		return f;
	}

	/** Cross-field and resource rules on the task as it would be stored. */
	checkTaskConfig(task) {
		const { companyId } = task;
		const robot = this.robots.find((r) => r.companyId === companyId && r.view.robotDefId === task.robotDefId);
		if (!robot) throw bad(`robotDefId ${task.robotDefId} is not a robot of company ${companyId}`);
		if (!robot.published) throw bad(`robotDefId ${task.robotDefId} has never been published (话术未发布)`);
		if (task.sceneDefId !== robot.view.sceneDefId) {
			throw bad(`sceneDefId ${task.sceneDefId} does not belong to robotDefId ${task.robotDefId}`);
		}
		if (task.sceneRecordId != null && !robot.view.sceneRecords.some((r) => r.sceneRecordId === task.sceneRecordId)) {
			throw bad(`sceneRecordId ${task.sceneRecordId} does not belong to robotDefId ${task.robotDefId}`);
		}
		const lines = task.userPhoneIds.map((id) => {
			const line = this.phones.find((ph) => ph.companyId === companyId && ph.view.userPhoneId === id);
			if (!line) throw bad(`userPhoneIds: ${id} is not a line of company ${companyId}`);
			if (!line.view.useAvailable) throw bad(`userPhoneIds: line ${id} is not available (useAvailable=false)`);
			return line.view;
		});
		const types = [...new Set(lines.map((l) => l.phoneType))];
		if (types.length > 1) throw bad('userPhoneIds mixes lines of different phoneType');
		if (task.callType !== types[0]) {
			throw bad(`callType ${task.callType} does not match phoneType ${types[0]} of the chosen lines`);
		}
		if (task.workingStartTime >= task.workingEndTime) throw bad('workingStartTime must be before workingEndTime');
		const hasBreakStart = task.breakStartTime != null;
		if (hasBreakStart !== (task.breakEndTime != null)) throw bad('breakStartTime and breakEndTime go together');
		if (hasBreakStart) {
			if (task.breakStartTime >= task.breakEndTime) throw bad('breakStartTime must be before breakEndTime');
			if (task.breakStartTime < task.workingStartTime || task.breakEndTime > task.workingEndTime) {
				throw bad('breakStartTime/breakEndTime must lie inside the working hours');
			}
		}
		if (task.smsTemplateId != null) {
			const t = this.smsTemplates.find((x) => x.companyId === companyId && x.smsTemplateId === task.smsTemplateId);
			if (!t) throw bad(`smsTemplateId ${task.smsTemplateId} is not a template of company ${companyId}`);
			if (t.status !== 2) throw bad(`smsTemplateId ${task.smsTemplateId} is not approved (status ${t.status})`);
		}
	}

	/** Fills sceneDefId/sceneRecordId from the robot when the request left them out. */
	robotDefaults(companyId, robotDefId, fields) {
		const robot = this.robots.find((r) => r.companyId === companyId && r.view.robotDefId === robotDefId);
		if (!robot) return;
		if (fields.sceneDefId === undefined) fields.sceneDefId = robot.view.sceneDefId;
		if (fields.sceneRecordId === undefined) fields.sceneRecordId = robot.view.sceneRecords[0]?.sceneRecordId ?? null;
	}

	/** Stores a task (already validated, or trusted seed input) and returns it. */
	insertTask(companyId, fields) {
		const stamp = formatBeijing(this.now());
		const task = {
			callJobId: this.nextTaskId++, companyId, jobName: '', jobType: 2, startDate: stamp.slice(0, 10),
			workingStartTime: '09:00:00', workingEndTime: '20:00:00', breakStartTime: null, breakEndTime: null,
			status: 0, robotDefId: null, sceneDefId: null, sceneRecordId: null, userPhoneIds: [], callType: 0,
			concurrencyQuota: 1, phoneNum: null, smsType: 0, smsSendLevel: null, smsTemplateId: null,
			repeatCall: false, repeatCallRule: [], defaultIntentionRule: false, openElasticity: false, remark: '',
			totalCount: 0, doneCount: 0, calledCount: 0, rejectedCount: 0, unavailableCount: 0,
			fromUnavailableCount: 0, gmtCreate: stamp, gmtModified: stamp,
			...fields,
		};
		this.tasks.set(task.callJobId, task);
		this.customerBuckets.set(task.callJobId, { byPhone: new Map(), notDialed: new Map() });
		this.callsByTask.set(task.callJobId, []);
		return task;
	}

	createTask(p, ctx) {
		const { companyId } = this.companyParam(p, ctx);
		const fields = this.readTaskFields(p, false);
		if (fields.jobType === 1 && fields.startDate === undefined) throw bad('startDate is required when taskType is 1');
		this.robotDefaults(companyId, fields.robotDefId, fields);
		const draft = {
			workingStartTime: '09:00:00', workingEndTime: '20:00:00', breakStartTime: null, breakEndTime: null,
			smsTemplateId: null, ...fields, companyId,
		};
		this.checkTaskConfig(draft);
		return this.insertTask(companyId, fields).callJobId;
	}

	updateTask(p, ctx) {
		const { companyId } = this.companyParam(p, ctx);
		const task = this.taskFor(ctx, p.int('taskId', { required: true }), companyId);
		const fields = this.readTaskFields(p, true);
		if (task.status === 1) throw bad(`task ${task.callJobId} is running (进行中); pause it before updating`);
		if (fields.robotDefId !== undefined && fields.robotDefId !== task.robotDefId) {
			this.robotDefaults(companyId, fields.robotDefId, fields);
		}
		this.checkTaskConfig({ ...task, ...fields });
		Object.assign(task, fields, { gmtModified: formatBeijing(this.now()) });
		return null;
	}

	deleteTask(p, ctx) {
		const task = this.taskParam(p, ctx);
		if (task.status === 1) throw bad(`task ${task.callJobId} is running (进行中); pause or stop it before deleting`);
		const id = task.callJobId;
		for (const call of this.callsByTask.get(id) || []) this.calls.delete(call.callInstanceId);
		this.tasks.delete(id);
		this.customerBuckets.delete(id);
		this.callsByTask.delete(id);
		return null;
	}

	setStatus(task, status) {
		task.status = status;
		task.gmtModified = formatBeijing(this.now());
	}

	startTask(p, ctx) {
		const task = this.taskParam(p, ctx);
		if (![0, 3, 4, 5].includes(task.status)) {
			throw bad(`task ${task.callJobId} cannot be started in status ${task.status} (${STATUS_NAMES[task.status]})`);
		}
		this.setStatus(task, 1);
		if (this.autoDial) this.dialAll(task.callJobId);
		return null;
	}

	pauseTask(p, ctx) {
		const task = this.taskParam(p, ctx);
		if (task.status !== 1) {
			throw bad(`task ${task.callJobId} is not running (status ${task.status} ${STATUS_NAMES[task.status]})`);
		}
		this.setStatus(task, 4);
		return null;
	}

	stopTask(p, ctx) {
		const task = this.taskParam(p, ctx);
		if (task.status === 2 || task.status === 6) {
			throw bad(`task ${task.callJobId} is already ${task.status === 2 ? 'finished (已完成)' : 'stopped (已终止)'}`);
		}
		this.setStatus(task, 6);
		return null;
	}

	importV1(p, ctx) {
		this.importRequest(p, ctx);
		return null;
	}

	importV2(p, ctx) {
		const result = this.importRequest(p, ctx);
		return {
			msg: `导入完成: 成功${result.successNum}条, 重复${result.repeatNum}条, 变量校验失败${result.placeFailNum}条`,
			...result,
		};
	}

	importRequest(p, ctx) {
		const { companyId } = this.companyParam(p, ctx);
		const task = this.taskFor(ctx, p.int('taskId', { required: true }), companyId);
		const rows = p.list('customerInfoList', { required: true, minLen: 1, maxLen: MAX_IMPORT });
		for (let i = 0; i < rows.length; i++) {
			const row = rows[i];
			if (!isPlainObject(row)) throw bad(`customerInfoList[${i}] must be an object`);
			if (row.phone == null || row.phone === '') throw bad(`customerInfoList[${i}].phone is required`);
			if (typeof row.phone !== 'string') throw bad(`customerInfoList[${i}].phone must be a string`);
			if (row.name != null && typeof row.name !== 'string') throw bad(`customerInfoList[${i}].name must be a string`);
		}
		const result = this.importCustomers(task.callJobId, rows);
		if (this.autoDial && task.status === 1) this.dialAll(task.callJobId);
		return result;
	}

	/** Adds customers to a task (no shape checks beyond the counted ones); returns the counts. */
	importCustomers(taskId, rows) {
		const task = this.tasks.get(taskId);
		const bucket = this.customerBuckets.get(taskId);
		if (!task || !bucket) throw new Error(`no task ${taskId}`);
		const gmtCreate = formatBeijing(this.now());
		let successNum = 0;
		let repeatNum = 0;
		let placeFailNum = 0;
		for (const row of rows) {
			const phone = String(row.phone ?? '').trim();
			if (!PHONE_RE.test(phone) || (row.properties != null && !isStringMap(row.properties))) {
				placeFailNum++;
			} else if (bucket.byPhone.has(phone)) {
				repeatNum++; // already in the task, or earlier in this same request
			} else {
				const customer = {
					callInstanceId: this.nextCallInstanceId++, name: row.name ?? '', phone,
					properties: row.properties ? { ...row.properties } : {}, dialed: false, gmtCreate,
				};
				bucket.byPhone.set(phone, customer);
				bucket.notDialed.set(phone, customer);
				successNum++;
			}
		}
		task.totalCount += successNum;
		return { successNum, repeatNum, placeFailNum };
	}

	getTasks(p, ctx) {
		const { companyId } = this.companyParam(p, ctx);
		const taskName = p.str('taskName');
		const createDate = p.date('createDate');
		const status = p.int('status', { min: 0 });
		const pageNum = p.pageNum();
		const pageSize = p.pageSize(10, 100);
		const list = [];
		for (const t of this.tasks.values()) {
			if (t.companyId !== companyId) continue;
			if (taskName !== undefined && !t.jobName.includes(taskName)) continue;
			if (createDate !== undefined && !t.gmtCreate.startsWith(createDate)) continue;
			if (status !== undefined && t.status !== status) continue;
			list.push(t);
		}
		list.sort((a, b) => b.callJobId - a.callJobId);
		return page(list, pageNum, pageSize);
	}

	getTaskDetail(p, ctx) {
		const { companyId } = this.companyParam(p, ctx);
		const task = this.taskFor(ctx, p.int('taskId', { required: true }), companyId);
		const detail = this.taskDetail(task);
		// The vendor documents the detail only as "one task with its statistics": a deployment
		// may leave out the robot fields (reset() clears this list).
		for (const key of this.taskDetailOmits) delete detail[key];
		return detail;
	}

	taskDetail(task) {
		const robot = this.robots.find((r) => r.companyId === task.companyId && r.view.robotDefId === task.robotDefId);
		const record = robot?.view.sceneRecords.find((r) => r.sceneRecordId === task.sceneRecordId);
		const calls = this.callsByTask.get(task.callJobId) || [];
		const durationStat = bucketStat(calls, (c) => secondsOf(c.duration), [
			['<10s', 10], ['10-30s', 30], ['30-60s', 60], ['>=60s', Infinity],
		]);
		const chatRoundStat = bucketStat(calls, (c) => c.chatRound, [
			['0-2次', 3], ['3-5次', 6], ['6-9次', 10], ['>=10次', Infinity],
		]);
		const intentions = {};
		for (const c of calls) {
			const v = c.resultList[0]?.value;
			if (v) intentions[v] = (intentions[v] || 0) + 1;
		}
		const stamp = task.gmtCreate;
		return {
			...task,
			robotDefName: robot?.view.robotName ?? null,
			sceneDefName: robot?.sceneDefName ?? null,
			sceneRecordName: record?.sceneRecordName ?? null,
			durationStat,
			chatRoundStat,
			resultDefs: [{ name: INTENTION, values: ['A', 'B', 'C', 'D', 'F'] }],
			callPhones: task.userPhoneIds.map((id, i) => {
				const line = this.phones.find((ph) => ph.view.userPhoneId === id)?.view;
				return {
					jobPhoneId: task.callJobId * 10 + i, userPhoneId: id, callJobId: task.callJobId,
					phone: line?.phone ?? '', phoneName: line?.phoneName ?? '', gmtCreate: stamp, gmtModified: stamp,
				};
			}),
			extraStat: { [INTENTION]: Object.keys(intentions).sort().map((name) => ({ name, value: intentions[name] })) },
		};
	}

	// ── calls ───────────────────────────────────────────────────────────────────────────────────
	/** Dials every imported, not yet dialed customer of the task; returns the new call records. */
	dialAll(taskId) {
		const bucket = this.customerBuckets.get(taskId);
		if (!bucket) throw new Error(`no task ${taskId}`);
		return this.dial(taskId, [...bucket.notDialed.values()]);
	}

	dial(taskId, customers) {
		const task = this.tasks.get(taskId);
		const bucket = this.customerBuckets.get(taskId);
		const calls = this.callsByTask.get(taskId);
		const blocked = new Set(this.blacklistOf(task.companyId).map((e) => e.mobile));
		const line = this.phones.find((ph) => ph.view.userPhoneId === task.userPhoneIds[0])?.view;
		const base = this.url || 'http://127.0.0.1';
		const t0 = this.now();
		const created = [];
		for (const customer of customers) {
			if (customer.dialed) continue;
			const o = outcomeOf(customer.phone);
			if (blocked.has(customer.phone)) Object.assign(o, { finishStatus: 11, durationSec: 0, duration: '0秒', chatRound: 0, intention: 'F' });
			const answered = o.finishStatus === 0;
			const start = t0 + created.length * 1000;
			const startTime = formatBeijing(start);
			const endTime = formatBeijing(start + o.durationSec * 1000);
			const call = {
				callInstanceId: customer.callInstanceId, callJobId: taskId, companyId: task.companyId,
				sceneDefId: task.sceneDefId, customerTelephone: customer.phone, customerName: customer.name,
				status: 2, finishStatus: o.finishStatus, duration: o.duration, chatRound: o.chatRound,
				startTime, endTime, callerPhone: line?.phone ?? '', callIndex: calls.length + 1,
				luyinOssUrl: answered ? `${base}/RobotPhoneCommunicate/${customer.callInstanceId}.wav` : null,
				secondaryCallTimes: 0, jobName: task.jobName, resultList: [{ name: INTENTION, value: o.intention }],
				properties: JSON.stringify(customer.properties), gmtCreate: customer.gmtCreate, gmtModified: endTime,
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
		if (task.status === 1 && bucket.notDialed.size === 0 && task.totalCount > 0) this.setStatus(task, 2);
		return created;
	}

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
		return this.dial(taskId, rows.map((r) => bucket.byPhone.get(r.phone)));
	}

	/** Creates n tasks directly (no validation); overrides are merged into the stored task shape. */
	seedTasks(companyId, n, overrides = {}) {
		const robot = this.robots.find((r) => r.companyId === companyId && r.published);
		const line = this.phones.find((ph) => ph.companyId === companyId && ph.view.useAvailable);
		if (!robot || !line) throw new Error(`company ${companyId} has no published robot or available line`);
		const ids = [];
		for (let i = 1; i <= n; i++) {
			const task = this.insertTask(companyId, {
				jobName: `种子任务${i}`, robotDefId: robot.view.robotDefId, sceneDefId: robot.view.sceneDefId,
				sceneRecordId: robot.view.sceneRecords[0].sceneRecordId, userPhoneIds: [line.view.userPhoneId],
				callType: line.view.phoneType, ...overrides,
			});
			ids.push(task.callJobId);
		}
		return ids;
	}

	customersOf(taskId) {
		const bucket = this.customerBuckets.get(taskId);
		return bucket ? [...bucket.byPhone.values()] : [];
	}

	notDialedOf(taskId) {
		const bucket = this.customerBuckets.get(taskId);
		return bucket ? [...bucket.notDialed.values()] : [];
	}

	callRecordsOf(taskId) {
		return [...(this.callsByTask.get(taskId) || [])];
	}

	queryDoneTaskPhones(p, ctx) {
		if (!p.has('callJobId') && p.has('taskId')) throw bad('callJobId is required (this API takes callJobId, not taskId)');
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
	}

	notDialedCustomerList(p, ctx) {
		const task = this.taskFor(ctx, p.int('taskId', { required: true }));
		const pageNum = p.pageNum();
		const pageSize = p.pageSize(10, 50);
		return pageOfMap(this.customerBuckets.get(task.callJobId).notDialed, pageNum, pageSize, (c) => ({
			callInstanceId: c.callInstanceId, name: c.name, phone: c.phone, properties: c.properties,
			customerName: c.name, customerTelephone: c.phone, status: 0, calledTimes: 0,
		}));
	}

	phoneLogInfo(p, ctx) {
		const id = p.int('callInstanceId', { required: true });
		const call = this.calls.get(id);
		if (!call) throw new ApiError(404, `通话记录不存在 call ${id} not found`);
		const task = this.taskFor(ctx, call.callJobId);
		const phoneLogs = [];
		for (let round = 0; round < call.chatRound; round++) {
			const at = round * 6000;
			phoneLogs.push(
				{ sceneInstanceId: id, speaker: 'AI', content: AI_LINES[round % AI_LINES.length].replace('{name}', call.customerName || '您'), startTime: at, endTime: at + 2500 },
				{ sceneInstanceId: id, speaker: 'CUSTOMER', content: CUSTOMER_LINES[round % CUSTOMER_LINES.length], startTime: at + 3000, endTime: at + 5000 },
			);
		}
		return {
			phoneLog: { phoneLogs, luyinOssUrl: call.luyinOssUrl },
			sceneInstance: {
				callInstanceId: id, companyId: call.companyId, callJobId: call.callJobId, customerTelephone: call.customerTelephone,
				customerName: call.customerName, status: call.status, finishStatus: call.finishStatus, duration: call.duration,
				chatRound: call.chatRound, startTime: call.startTime, endTime: call.endTime, callerPhone: call.callerPhone,
				luyinOssUrl: call.luyinOssUrl, properties: call.properties, jobName: task.jobName,
				robotDefId: task.robotDefId, sceneDefId: task.sceneDefId, sceneRecordId: task.sceneRecordId,
				hangUp: call.finishStatus === 0 ? 1 : 0, gmtCreate: call.gmtCreate, gmtModified: call.gmtModified,
			},
			taskResult: call.resultList.map((r) => ({ name: r.name, value: r.value, resultName: r.name, resultValue: r.value })),
		};
	}

	// ── undelivered callbacks ───────────────────────────────────────────────────────────────────
	/** Adds n undelivered callbacks, one minute apart, ending now (sandbox clock). */
	seedUndeliveredCallbacks(n, options = {}) {
		const { companyId = 1001, callJobId = 4999, dataType = 0, callerTime } = options;
		const created = [];
		for (let i = 0; i < n; i++) {
			const entry = {
				companyId, dataType, callJobId,
				customerTelephone: `1370000${String(this.undeliveredCallbacks.length + 1).padStart(4, '0')}`,
				callInstanceId: this.nextCallInstanceId++,
				callerTime: callerTime ?? formatBeijing(this.now() - (n - 1 - i) * 60000),
			};
			this.undeliveredCallbacks.push(entry);
			created.push(entry);
		}
		return created;
	}

	queryUnCallBack(p, ctx) {
		const { companyId } = this.companyParam(p, ctx);
		const callJobId = p.int('callJobId');
		const dataType = p.int('dataType', { required: true, oneOf: [0, 1] });
		const startDate = p.str('startDate', { required: true });
		const endDate = p.str('endDate', { required: true });
		const from = dateBound(startDate, 'startDate', '00:00:00');
		const to = dateBound(endDate, 'endDate', '23:59:59');
		if (from > to) throw bad('startDate must not be after endDate');
		const pageNum = p.pageNum();
		const pageSize = p.pageSize(100, 500);
		const list = this.undeliveredCallbacks
			.filter(
				(c) =>
					c.companyId === companyId && c.dataType === dataType &&
					(callJobId === undefined || c.callJobId === callJobId) &&
					c.callerTime >= from && c.callerTime <= to,
			)
			.map(({ companyId: _omit, ...rest }) => rest);
		return page(list, pageNum, pageSize);
	}
}

// ── small helpers ────────────────────────────────────────────────────────────────────────────────
function headerOf(headers, name) {
	const v = headers[name];
	return Array.isArray(v) ? v[0] : v;
}

function safeEqual(a, b) {
	const x = Buffer.from(String(a));
	const y = Buffer.from(String(b));
	return x.length === y.length && crypto.timingSafeEqual(x, y);
}

/** createTask: a non-empty int array. */
function strictIds(p, name) {
	const ids = p.list(name, { required: true, minLen: 1 });
	if (!ids.every(isInt)) throw bad(`${name} must be an array of integers`);
	return [...new Set(ids)];
}

/** task/update: an int, a comma-separated string of ints, or an int array. */
function looseIds(p, name) {
	const v = p.raw(name);
	if (v === undefined) return undefined;
	let ids;
	if (isInt(v)) ids = [v];
	else if (Array.isArray(v) && v.every(isInt)) ids = v;
	else if (typeof v === 'string' && /^\s*\d+(\s*,\s*\d+)*\s*$/.test(v)) ids = v.split(',').map((s) => Number(s.trim()));
	else throw bad(`${name} must be an integer, a comma-separated list of integers or an array of integers`);
	if (!ids.length) throw bad(`${name} must not be empty`);
	return [...new Set(ids)];
}

function repeatRules(p) {
	const rules = p.list('repeatCallRule');
	if (rules === undefined) return undefined;
	return rules.map((rule, i) => {
		if (!isPlainObject(rule)) throw bad(`repeatCallRule[${i}] must be an object`);
		const r = new Params(rule, false);
		const at = (key) => `repeatCallRule[${i}].${key}`;
		const read = (key, opts) => {
			try {
				return r.int(key, { required: true, ...opts });
			} catch (e) {
				throw bad(e.message.replace(/^参数错误: /, '').replace(key, at(key)));
			}
		};
		return {
			phoneStatus: read('phoneStatus', { oneOf: REPEAT_PHONE_STATUSES }),
			times: read('times', { min: 1, max: 5 }),
			interval: read('interval', { min: 0, max: 120 }),
		};
	});
}

function dateBound(value, name, timeOfDay) {
	if (DATETIME_RE.test(value) && isRealDate(value.slice(0, 10))) return value;
	if (isRealDate(value)) return `${value} ${timeOfDay}`;
	throw bad(`${name} must be yyyy-MM-dd or yyyy-MM-dd HH:mm:ss`);
}

function bucketStat(calls, measure, buckets) {
	const counts = buckets.map(() => 0);
	for (const c of calls) counts[buckets.findIndex(([, below]) => measure(c) < below)]++;
	return buckets.map(([name], i) => ({ name, value: counts[i] }));
}

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
	ByrobotSandbox,
	SANDBOX_APP_KEY,
	SANDBOX_APP_SECRET,
	computeSign,
	signHeaders,
	outcomeOf,
	formatBeijing,
};

if (require.main === module) {
	const port = Number(process.argv[2] || process.env.BYROBOT_SANDBOX_PORT || 18080);
	const sandbox = new ByrobotSandbox({ autoDial: true });
	sandbox.start(port, process.env.BYROBOT_SANDBOX_HOST || '127.0.0.1').then((url) => {
		process.stdout.write(
			`BYRobot sandbox on ${url}\n  AppKey ${SANDBOX_APP_KEY}\n  AppSecret ${SANDBOX_APP_SECRET}\n  companies 1001, 1002\n`,
		);
	});
}
