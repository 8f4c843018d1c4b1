'use strict';
// The BYRobot sandbox server: routing, the answer envelopes and the state reset() restores.
// The endpoints live in one file per resource; each exports its routes and the methods they call,
// which are mixed into ByrobotSandbox so tests can call helpers such as seedTasks() directly.
const { SandboxServer } = require('../common');
const {
	ApiError,
	DEFAULT_MESSAGES,
	V1,
	Params,
	authenticate,
	envelope,
	jsonBody,
} = require('./protocol');
const { SEED, seedCompanies, seedPhones, seedRobots, seedSmsTemplates } = require('./seed');
const { seedBlacklistGroups } = require('./blacklist');
const { PENDING_URL } = require('./calls');

const RESOURCES = [
	require('./companies'),
	require('./blacklist'),
	require('./tasks'),
	require('./taskRules'),
	require('./customers'),
	require('./calls'),
	require('./callbacks'),
];

/** path → { methods, handler, msg, style }; style 'sms' is sms/template/list's own envelope. */
const ROUTES = new Map(
	RESOURCES.flatMap((r) => r.routes).map(([methods, path, handler, msg, style]) => [
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
		const apps = options.apps || [SEED.app];
		/** AppKey → app; companyIds as a Set for the 403 check. */
		this.apps = new Map(apps.map((a) => [a.appKey, { ...a, companyIds: new Set(a.companyIds) }]));
		this.autoDial = Boolean(options.autoDial);
		/** Added to Date.now() to get the sandbox clock (for 408 tests). */
		this.clockOffsetMs = 0;
		this.requestSeq = 0;
		this.reset();
	}

	/** Restores the seed data; also clears recorded requests, scripted answers and the clock offset. */
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
		this.blacklistGroups = seedBlacklistGroups(this.companies.keys());
		/** @type {Map<number, object>} blacklistInfoId → entry (with companyId) */
		this.blacklist = new Map();
		this.undeliveredCallbacks = [];
		this.nextTaskId = SEED.firstId.task;
		this.nextCallInstanceId = SEED.firstId.callInstance;
		this.nextGroupId = SEED.firstId.blacklistGroup;
		this.nextBlacklistInfoId = SEED.firstId.blacklistEntry;
	}

	now() {
		return Date.now() + this.clockOffsetMs;
	}

	/** Listens; recording links of calls dialed before now get the real URL (calls.js). */
	async start(port, host) {
		const url = await super.start(port, host);
		for (const call of this.calls.values()) {
			for (const key of ['luyinOssUrl', 'userLuyinOssUrl']) {
				if (call[key]) call[key] = call[key].replace(PENDING_URL, url);
			}
		}
		return url;
	}

	envelope(code, data, resultMsg, errorStackTrace = null) {
		return envelope(code, data, resultMsg, `sbx-${++this.requestSeq}`, errorStackTrace);
	}

	/** fail({kind: 'envelope'}) answers in the standard envelope, even on sms/template/list. */
	envelopeFailure(failure) {
		return {
			status: 200,
			json: this.envelope(
				failure.code,
				null,
				failure.resultMsg ?? DEFAULT_MESSAGES[failure.code] ?? '系统异常',
			),
		};
	}

	async handle(record) {
		const recording = /^\/RobotPhoneCommunicate\/(\d+)(_user)?\.wav$/.exec(record.path);
		if (recording && record.method === 'GET') {
			return this.recording(Number(recording[1]), recording[2] ? 'user' : 'whole');
		}

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
			const app = authenticate(this.apps, record.headers, this.now());
			const params = record.method === 'GET' ? new Params(record.query, true) : jsonBody(record);
			const data = this[route.handler](params, { app, record });
			return this.ok(style, data, route.msg);
		} catch (error) {
			if (error instanceof ApiError) return this.error(style, error);
			// A sandbox bug: answer like the vendor's 500 but keep the stack for whoever debugs it.
			return {
				status: 200,
				json: this.envelope(
					500,
					null,
					`系统异常 ${error && error.message}`,
					String(error && error.stack),
				),
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
}

for (const { methods } of RESOURCES) {
	for (const name of Object.keys(methods)) {
		if (name in ByrobotSandbox.prototype)
			throw new Error(`byrobot sandbox: method ${name} defined twice`);
	}
	Object.assign(ByrobotSandbox.prototype, methods);
}

module.exports = { ByrobotSandbox };
