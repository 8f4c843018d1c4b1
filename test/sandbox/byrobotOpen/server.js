'use strict';
// The BYRobot open platform sandbox server: routing, the token check, the envelope and the state
// reset() restores. The endpoints live in one file per resource; each exports its routes
// ([API name, handler]) and the methods they call, which are mixed into ByrobotOpenSandbox so
// tests can call helpers such as seedCallJobs() directly.
const { SandboxServer } = require('../common');
const {
	CODE,
	DEFAULT_MESSAGES,
	VERSION,
	ApiError,
	Params,
	apiOf,
	apiPath,
	callFields,
	envelope,
	newRequestId,
} = require('./protocol');
const { SEED, seedPhones, seedRobots, seedWorkflows } = require('./seed');
const { TOKEN_PATH } = require('./oauth');
const { PENDING_URL } = require('./calls');

const RESOURCES = [
	require('./oauth'),
	require('./companies'),
	require('./workflows'),
	require('./callJobs'),
	require('./customers'),
	require('./calls'),
];

/** API name → handler method (the token endpoint, oauth.js, is routed by its path). */
const ROUTES = new Map(RESOURCES.flatMap((r) => r.routes ?? []));

const DEFAULT_OPTIONS = Object.freeze({
	tokenLifetimeSeconds: 604800,
	tokenInvalidStatus: 200,
	autoDial: false,
});

class ByrobotOpenSandbox extends SandboxServer {
	/**
	 * @param {{ apps?: Array<{appKey: string, appSecret: string, companyIds: number[]}>, autoDial?: boolean, tokenLifetimeSeconds?: number, tokenInvalidStatus?: number }} [options]
	 */
	constructor(options = {}) {
		super('byrobotOpen');
		this.options = { ...DEFAULT_OPTIONS, ...options };
		const apps = options.apps || [SEED.app];
		/** AppKey → app; companyIds as a Set. */
		this.apps = new Map(apps.map((a) => [a.appKey, { ...a, companyIds: new Set(a.companyIds) }]));
		this.clockOffsetMs = 0;
		this.reset();
	}

	/**
	 * Restores the seed data and the constructor's options; forgets tokens, recorded requests,
	 * scripted answers, failure rules and the clock offset.
	 */
	reset() {
		this.autoDial = Boolean(this.options.autoDial);
		this.tokenLifetimeSeconds = this.options.tokenLifetimeSeconds;
		this.tokenInvalidStatus = this.options.tokenInvalidStatus;
		this.clockOffsetMs = 0;
		this.clearRequests();
		this.clearFailures();
		/** @type {Map<string, {appKey: string, companyId: number, expiresAt: number, revoked: boolean, refreshToken: string}>} */
		this.tokens = new Map();
		this.issuedTokens = 0;
		this.companies = new Map(
			Object.values(SEED.company).map((c) => [
				c.id,
				{
					companyId: c.id,
					companyName: c.name,
					mobile: c.mobile,
					seats: { ...c.seats },
					ai: c.ai && { ...c.ai },
					communication: c.communication && { ...c.communication },
				},
			]),
		);
		this.phones = seedPhones();
		this.robots = seedRobots();
		this.workflows = seedWorkflows();
		this.defaultVariables = [...SEED.defaultVariables];
		/** callJobId → job */
		this.jobs = new Map();
		/** callJobId → {all: customers in import order, phones: Set, notDialed: Map(callInstanceId → customer)} */
		this.customerLists = new Map();
		/** callInstanceId → call record */
		this.calls = new Map();
		/** callJobId → call records in call order */
		this.callsByJob = new Map();
		this.nextJobId = SEED.firstId.callJob;
		this.nextCallInstanceId = SEED.firstId.callInstance;
	}

	/** The sandbox clock: Date.now() + clockOffsetMs (token expiry, call times). */
	now() {
		return Date.now() + this.clockOffsetMs;
	}

	/** Listens; recording links of calls dialed before now get the real URL. */
	async start(port, host) {
		const url = await super.start(port, host);
		for (const call of this.calls.values()) {
			for (const key of ['luyinOssUrl', 'userLuyinOssUrl']) {
				if (call[key]) call[key] = call[key].replace(PENDING_URL, url);
			}
		}
		return url;
	}

	/** The token endpoint's URL and the API base URL, once started. */
	get tokenUrl() {
		return `${this.url}${TOKEN_PATH}`;
	}

	get baseUrl() {
		return `${this.url}/api/oauth`;
	}

	/** Requests to one API by name ('byai.openapi.calljob.create'), in order. */
	requestsToApi(name) {
		const path = apiPath(name);
		return this.requests.filter((r) => r.path === path);
	}

	/** Scripts the answer 40000010 "token无效" for the next request(s) matching route (default any API). */
	answerTokenInvalid(route = /^\/api\/oauth\//, options) {
		return this.answerNext(
			route,
			{
				status: this.tokenInvalidStatus,
				body: envelope(
					CODE.TOKEN_INVALID,
					null,
					DEFAULT_MESSAGES[CODE.TOKEN_INVALID],
					newRequestId(),
				),
			},
			options,
		);
	}

	/** fail({kind: 'envelope', code}) answers in the API envelope (40000010 with tokenInvalidStatus). */
	envelopeFailure(failure) {
		return {
			status: failure.code === CODE.TOKEN_INVALID ? this.tokenInvalidStatus : 200,
			json: envelope(
				failure.code,
				null,
				failure.resultMsg ?? DEFAULT_MESSAGES[failure.code] ?? '系统异常',
				newRequestId(),
			),
		};
	}

	async handle(record) {
		if (record.path === TOKEN_PATH) return this.issueTokenRequest(record);
		const recording = /^\/RobotPhoneCommunicate\/(\d+)(_user)?\.wav$/.exec(record.path);
		if (recording && record.method === 'GET') {
			return this.recording(Number(recording[1]), recording[2] ? 'user' : 'whole');
		}
		const requestId = newRequestId();
		try {
			const api = apiOf(record.path);
			const handler = api && ROUTES.get(api.name);
			if (!handler || api.version !== VERSION) {
				const what = api ? `${api.name} ${api.version}` : record.path;
				throw new ApiError(CODE.NOT_FOUND, `API不存在: ${what}`, 404);
			}
			record.api = api.name;
			if (record.method !== 'GET' && record.method !== 'POST') {
				throw new ApiError(CODE.METHOD, `请求方法不支持: ${record.method}`, 405, {
					Allow: 'GET, POST',
				});
			}
			const params = new Params(callFields(record));
			const token = this.validToken(params.raw('accessToken'));
			if (!token) {
				throw new ApiError(
					CODE.TOKEN_INVALID,
					DEFAULT_MESSAGES[CODE.TOKEN_INVALID],
					this.tokenInvalidStatus,
				);
			}
			const method = params.raw('method');
			if (method !== undefined && method !== api.name) {
				throw new ApiError(
					CODE.INVALID_PARAM,
					`参数非法: method ${method} does not match the path (${api.name})`,
				);
			}
			const data = this[handler](params, { token, record });
			return { status: 200, json: envelope(CODE.OK, data, 'successful', requestId) };
		} catch (error) {
			if (error instanceof ApiError) {
				return {
					status: error.httpStatus,
					headers: error.headers,
					json: envelope(error.code, null, error.message, requestId),
				};
			}
			// A sandbox bug: answer like the vendor's 500 but keep the stack for whoever debugs it.
			return {
				status: 200,
				json: {
					...envelope(CODE.SYSTEM, null, `系统异常 ${error && error.message}`, requestId),
					sandboxStack: String(error && error.stack),
				},
			};
		}
	}
}

for (const { methods } of RESOURCES) {
	for (const name of Object.keys(methods)) {
		if (name in ByrobotOpenSandbox.prototype)
			throw new Error(`byrobotOpen sandbox: method ${name} defined twice`);
	}
	Object.assign(ByrobotOpenSandbox.prototype, methods);
}

module.exports = { ByrobotOpenSandbox };
