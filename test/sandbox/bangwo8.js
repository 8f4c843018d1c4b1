'use strict';
// A local imitation of the Bangwo8 (帮我吧) help-desk REST API v1, written from
// /work/shared/api/bangwo8-calltask-api.seed.md and bangwo8.md only (no node code).
//
// ── Credentials ──────────────────────────────────────────────────────────────
//   Basic admin  admin@sandbox.bangwo8.com : sandbox-admin-pass   (full access)
//   Basic agent  agent@sandbox.bangwo8.com : sandbox-agent-pass   (supports/users only; callTask → 403)
//   OAuth2       sandbox-secret-id : sandbox-secret  → POST /api/token.php → Bearer token acting as admin
//
// ── Seed data (reset() restores it) ──────────────────────────────────────────
// Agents, GET /api/v1/supports.json (key "supports"); isStat "1" active, "0" recycle bin, "2" deleted:
//   sId      name        sNum  mobile       groupId isAdmin isStat created_at
//   567332   王客服      8001  13800138001  101     "1"     "1"    2023-01-05 09:00:00  (email admin@sandbox.bangwo8.com)
//   345294   李客服      8002  13800138002  101     "0"     "1"    2023-02-10 09:30:00  (email agent@sandbox.bangwo8.com)
//   655758   张客服      8003  13800138003  102     "0"     "1"    2023-03-15 14:00:00
//   700001   离职客服    8004  13800138004  102     "0"     "2"    2023-04-01 09:00:00
//   700002   回收站客服  8005  13800138005  103     "0"     "0"    2023-05-20 16:45:00
// Contacts, GET /api/v1/users.json (key "users"); state "1" active, "2" left, "3" deleted:
//   cId      name             mobile       companyId supportId state created_at
//   321456   赵先生           13911110001  5061778   567332    "1"   2023-06-01 10:00:00
//   378594   钱女士           13911110002  5061778   345294    "1"   2023-06-02 10:00:00
//   264758   孙先生           13911110003  476207    655758    "1"   2023-06-03 10:00:00
//   9516936  测试公司联系人1  13011112228  5061778   567332    "1"   2023-06-04 10:00:00
//   9516345  测试公司联系人2  13011112229  476207    345294    "1"   2023-06-05 10:00:00
//   400001   周先生           13911110006  500001    655758    "1"   2023-06-06 10:00:00
//   400002   吴女士           13911110007  500001    567332    "2"   2023-06-07 10:00:00
//   400003   郑先生           13911110008  476207    345294    "3"   2023-06-08 10:00:00
// Companies (task_user ids when data_source is "0"; no list endpoint is documented):
//   uId 5061778 "测试公司2" (primary contact 9516936), 476207 "2233" (9516345), 500001 "沙盒科技有限公司" (400001)
// Call tasks: none. POST and seedCallTasks() hand out ids from 49242970 upwards (as strings).
// seedCallTasks(n) task k (k counts all seeded tasks, from 0): created_at = 2024-01-01 09:00:00 + k days,
//   updated_at = created_at + 30 min, task_start = that date, task_end = +7 days, name "沙盒外呼任务<k+1>",
//   task_user ["321456","378594","264758"] (data_source "1"), task_service ["567332"].
// userList progress by row position i (i % 10): 待处理 待处理 "-1" 待处理 0 待处理 1 未接听 待处理 已完成.
//   Done (counts for completeCount/connectCount): 1, "1", "已完成". complete = 已完成 when every row is done,
//   else 逾期未完成 when now (UTC+8) is past task_end (end of day for a bare date), else 进行中.
//
// ── Behaviour the documents leave open (our reading) ─────────────────────────
// POST callTask: task_service ids must be active agents (else 400 naming the id; repeats are dropped);
//   task_user ids that are unknown, inactive (contact state ≠ "1"), not digits, or repeated are echoed in
//   illegalCount as given; with no legal id at all the answer is still 200 (successCount 0, data []) and no task
//   is stored. A repeated Requestid header replays the first answer without creating again.
// Detail task_service is the task's agent ids joined with ","; connectCount = completeCount (done rows).
// Lists: count is a number (userList: a string); default order created desc, ties broken by id.
//
// ── Error codes (invented where the documents are silent; all strings) ────────
//   401 100001 bad/missing Basic credentials · 401 100004 unknown/expired Bearer token · 403 100003 not admin
//   404 100047 Invalid resource URI · 404 100044 callTaskId does not exist (detail, userList)
//   405 100048 method not allowed · 400 100010 invalid parameter · 400 100011 not JSON content type · 400 100012 bad JSON
//   injected {kind:'http', status} without body → errcode "100<status>" (503 "Service under maintenance", 429 + Retry-After)
const crypto = require('crypto');
const http = require('http');
const { SandboxServer, send } = require('./common');

const SANDBOX_ADMIN = Object.freeze({ account: 'admin@sandbox.bangwo8.com', password: 'sandbox-admin-pass' });
const SANDBOX_AGENT = Object.freeze({ account: 'agent@sandbox.bangwo8.com', password: 'sandbox-agent-pass' });
const SANDBOX_OAUTH = Object.freeze({ clientId: 'sandbox-secret-id', clientSecret: 'sandbox-secret' });

const FIRST_CALL_TASK_ID = 49242970;
const MAX_PER_PAGE = 100;
const UTC8_MS = 8 * 3600 * 1000;
const DAY_MS = 24 * 3600 * 1000;

const SEED_AGENTS = [
	agent('567332', '王客服', 'admin@sandbox.bangwo8.com', '8001', '13800138001', '101', '1', '1', '2023-01-05 09:00:00', '2024-03-01 10:00:00'),
	agent('345294', '李客服', 'agent@sandbox.bangwo8.com', '8002', '13800138002', '101', '0', '1', '2023-02-10 09:30:00', '2024-03-02 11:00:00'),
	agent('655758', '张客服', 'zhang@sandbox.bangwo8.com', '8003', '13800138003', '102', '0', '1', '2023-03-15 14:00:00', '2024-02-20 15:30:00'),
	agent('700001', '离职客服', 'left@sandbox.bangwo8.com', '8004', '13800138004', '102', '0', '2', '2023-04-01 09:00:00', '2024-01-15 09:00:00'),
	agent('700002', '回收站客服', 'recycled@sandbox.bangwo8.com', '8005', '13800138005', '103', '0', '0', '2023-05-20 16:45:00', '2024-01-20 17:00:00'),
];

const SEED_CONTACTS = [
	contact('321456', '赵先生', '13911110001', 'zhao@example.com', '5061778', '567332', '1', '2023-06-01 10:00:00'),
	contact('378594', '钱女士', '13911110002', 'qian@example.com', '5061778', '345294', '1', '2023-06-02 10:00:00'),
	contact('264758', '孙先生', '13911110003', 'sun@example.com', '476207', '655758', '1', '2023-06-03 10:00:00'),
	contact('9516936', '测试公司联系人1', '13011112228', 'c1@example.com', '5061778', '567332', '1', '2023-06-04 10:00:00'),
	contact('9516345', '测试公司联系人2', '13011112229', 'c2@example.com', '476207', '345294', '1', '2023-06-05 10:00:00'),
	contact('400001', '周先生', '13911110006', 'zhou@example.com', '500001', '655758', '1', '2023-06-06 10:00:00'),
	contact('400002', '吴女士', '13911110007', 'wu@example.com', '500001', '567332', '2', '2023-06-07 10:00:00'),
	contact('400003', '郑先生', '13911110008', 'zheng@example.com', '476207', '345294', '3', '2023-06-08 10:00:00'),
];

const SEED_COMPANIES = [
	{ uId: '5061778', name: '测试公司2', primaryContactId: '9516936' },
	{ uId: '476207', name: '2233', primaryContactId: '9516345' },
	{ uId: '500001', name: '沙盒科技有限公司', primaryContactId: '400001' },
];

// The vendor's userList mixes documented numbers with the Chinese text its example shows.
const PROGRESS_PATTERN = ['待处理', '待处理', '-1', '待处理', 0, '待处理', 1, '未接听', '待处理', '已完成'];
const DONE_PROGRESS = new Set(['1', '已完成']);

const HTTP_ERROR_TEXT = { 429: 'Too many requests', 503: 'Service under maintenance' };

function agent(sId, name, email, sNum, mobile, groupId, isAdmin, isStat, created_at, updated_at) {
	return { sId, name, sPassportName: email, sNum, email, mobile, groupId, isAdmin, isStat, created_at, updated_at };
}

function contact(cId, name, mobile, email, companyId, supportId, state, created_at) {
	return { cId, name, mobile, email, companyId, supportId, state, created_at, updated_at: created_at };
}

/** An error answer in the vendor's `{errcode, errmsg}` shape. */
function fault(status, errcode, errmsg, headers) {
	return { status, json: { errcode, errmsg }, headers };
}

const badParam = (msg) => fault(400, '100010', msg);

// ── Dates: everything is stored as 'yyyy-MM-dd HH:mm:ss' (UTC+8), so string order is time order ──

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})(?: (\d{2}):(\d{2}):(\d{2}))?$/;

/** Parses 'yyyy-MM-dd' or 'yyyy-MM-dd HH:mm:ss'; undefined when malformed or not a real date. */
function parseDate(value) {
	const m = typeof value === 'string' ? DATE_RE.exec(value) : null;
	if (!m) return undefined;
	const [y, mo, d, h = '00', mi = '00', s = '00'] = m.slice(1);
	const ms = Date.UTC(+y, +mo - 1, +d, +h, +mi, +s);
	const back = new Date(ms).toISOString();
	if (back.slice(0, 19) !== `${y}-${mo}-${d}T${h}:${mi}:${s}`) return undefined;
	return { date: `${y}-${mo}-${d}`, time: m[4] ? `${h}:${mi}:${s}` : undefined };
}

/** Lower bound of an inclusive range: a bare date means its first second. */
const rangeStart = (p) => `${p.date} ${p.time ?? '00:00:00'}`;
/** Upper bound of an inclusive range: a bare date means its last second. */
const rangeEnd = (p) => `${p.date} ${p.time ?? '23:59:59'}`;

/** Formats epoch ms as the vendor's local (UTC+8) 'yyyy-MM-dd HH:mm:ss'. */
function formatUtc8(ms) {
	return new Date(ms + UTC8_MS).toISOString().slice(0, 19).replace('T', ' ');
}

/** The value of a query parameter (the last one when repeated). */
function one(value) {
	return Array.isArray(value) ? value[value.length - 1] : value;
}

/** A task_user / task_service id: a positive integer number or a string of digits. */
function idString(value) {
	if (typeof value === 'number' && Number.isSafeInteger(value) && value > 0) return String(value);
	if (typeof value === 'string' && /^\d+$/.test(value.trim())) return value.trim();
	return undefined;
}

class Bangwo8Sandbox extends SandboxServer {
	/**
	 * @param {{ tokenTtlSeconds?: number, wrapDetailInArray?: boolean, deleteMissingStatus?: number }} [options]
	 */
	constructor(options = {}) {
		super('bangwo8');
		this.options = { tokenTtlSeconds: 3600, wrapDetailInArray: false, deleteMissingStatus: 200, ...options };
		/** Seconds a 429 from fail({kind:'http', status: 429}) asks the client to wait. */
		this.retryAfterSeconds = 1;
		this.routes = [
			// [path pattern, { METHOD: [handler, access] }]; access 'admin' = the callTask endpoints.
			[/^\/api\/token\.php$/, { POST: [this.issueToken, 'public'] }],
			[/^\/api\/v1\/supports\.json$/, { GET: [this.listAgents, 'any'] }],
			[/^\/api\/v1\/users\.json$/, { GET: [this.listContacts, 'any'] }],
			[/^\/api\/v1\/[cC]allTask\.json$/, { GET: [this.listCallTasks, 'admin'], POST: [this.createCallTask, 'admin'] }],
			[/^\/api\/v1\/[cC]allTask\/userList\/(\d+)\.json$/, { GET: [this.listCustomers, 'admin'] }],
			[/^\/api\/v1\/[cC]allTask\/(\d+)\.json$/, { GET: [this.getCallTask, 'admin'], DELETE: [this.deleteCallTask, 'admin'] }],
		];
		this.reset();
	}

	/** Restores the seed data, forgets tokens, requests, failures and Requestid replays; options back to the constructor's. */
	reset() {
		this.tokenTtlSeconds = this.options.tokenTtlSeconds;
		this.wrapDetailInArray = this.options.wrapDetailInArray;
		this.deleteMissingStatus = this.options.deleteMissingStatus;
		/** Clock used for token expiry, `complete` and created_at; tests may move it. */
		this.clock = () => Date.now();
		this.agents = SEED_AGENTS.map((a) => ({ ...a }));
		this.contacts = SEED_CONTACTS.map((c) => ({ ...c }));
		this.companies = SEED_COMPANIES.map((c) => ({ ...c }));
		/** @type {Map<string, any>} callTaskId → stored task (see StoredCallTask in bangwo8.d.ts). */
		this.callTasks = new Map();
		this.nextCallTaskId = FIRST_CALL_TASK_ID;
		this.seededCount = 0;
		/** @type {Map<string, number>} access token → expiry (epoch ms). */
		this.tokens = new Map();
		this.issuedTokens = 0;
		/** @type {Map<string, any>} Requestid header → the answer given, replayed for duplicate POSTs. */
		this.requestIds = new Map();
		this.clearRequests();
		this.clearFailures();
	}

	// ── Test helpers ────────────────────────────────────────────────────────

	/** Creates n call tasks directly (no HTTP), created on consecutive days; returns their ids. */
	seedCallTasks(n, overrides = {}) {
		const ids = [];
		for (let i = 0; i < n; i++) {
			const k = this.seededCount++;
			const created = Date.UTC(2024, 0, 1, 1, 0, 0) + k * DAY_MS; // 09:00 UTC+8
			const day = formatUtc8(created).slice(0, 10);
			const spec = {
				task_name: `沙盒外呼任务${k + 1}`,
				task_start: day,
				task_end: formatUtc8(created + 7 * DAY_MS).slice(0, 10),
				task_user: ['321456', '378594', '264758'],
				task_service: ['567332'],
				data_source: '1',
				created_at: formatUtc8(created),
				updated_at: formatUtc8(created + 30 * 60 * 1000),
				...overrides,
			};
			const source = String(spec.data_source);
			const users = spec.task_user.map((u) => {
				const id = idString(u);
				if (!id || !this.customerExists(id, source)) throw new Error(`seedCallTasks: no legal task_user ${u}`);
				return id;
			});
			const services = spec.task_service.map((s) => {
				const id = idString(s);
				if (!id || !this.activeAgent(id)) throw new Error(`seedCallTasks: no active agent ${s}`);
				return id;
			});
			const task = this.storeCallTask({ ...spec, data_source: source }, users, services);
			task.created_at = spec.created_at;
			task.updated_at = spec.updated_at;
			ids.push(task.callTaskId);
		}
		return ids;
	}

	/** The userList rows of a call task (live objects), or undefined for an unknown id. */
	customersOf(callTaskId) {
		return this.callTasks.get(String(callTaskId))?.customers;
	}

	/** Sets one customer's progress; userId is the task_user id (company or contact) it was added with. */
	setProgress(callTaskId, userId, value) {
		const row = this.customersOf(callTaskId)?.find((r) => r.userId === String(userId));
		if (!row) throw new Error(`setProgress: no customer ${userId} in call task ${callTaskId}`);
		row.progress = value;
		this.callTasks.get(String(callTaskId)).updated_at = formatUtc8(this.clock());
	}

	/** Makes every issued token expired (as if tokenTtlSeconds had passed). */
	expireTokens() {
		for (const token of this.tokens.keys()) this.tokens.set(token, 0);
	}

	// ── Plumbing ────────────────────────────────────────────────────────────

	async handle(record) {
		const route = this.routes.find(([pattern]) => pattern.test(record.path));
		if (route?.[1].POST?.[1] === 'public') return this.dispatch(route, record);

		const caller = this.authenticate(record.headers.authorization);
		if (caller.error) return caller.error;
		if (!route) return fault(404, '100047', 'Invalid resource URI');
		return this.dispatch(route, record, caller.role);
	}

	dispatch([pattern, methods], record, role) {
		const entry = methods[record.method];
		if (!entry) {
			return fault(405, '100048', `Method ${record.method} not allowed on ${record.path}`, {
				Allow: Object.keys(methods).join(', '),
			});
		}
		const [handler, access] = entry;
		if (access === 'admin' && role !== 'admin') {
			return fault(403, '100003', 'Permission denied: the callTask API needs the admin account');
		}
		if (access !== 'public' && (record.method === 'POST' || record.method === 'PUT')) {
			const contentType = String(record.headers['content-type'] || '').toLowerCase();
			if (!contentType.includes('application/json')) {
				return fault(400, '100011', 'Content-Type must be application/json');
			}
			if (record.body === null || typeof record.body !== 'object') {
				return fault(400, '100012', 'Request body must be a JSON object');
			}
		}
		return handler.call(this, record, ...pattern.exec(record.path).slice(1));
	}

	/** → { role } or { error } for an Authorization header. */
	authenticate(header) {
		const basicChallenge = { 'WWW-Authenticate': 'Basic realm="bangwo8"' };
		const [scheme, value = ''] = String(header || '').split(/\s+/, 2);
		if (/^bearer$/i.test(scheme)) {
			const expiry = this.tokens.get(value);
			if (expiry !== undefined && expiry > this.clock()) return { role: 'admin' };
			return {
				error: fault(401, '100004', expiry === undefined ? 'Invalid access token' : 'Access token expired', {
					'WWW-Authenticate': 'Bearer realm="bangwo8", error="invalid_token"',
				}),
			};
		}
		if (!/^basic$/i.test(scheme) || !value) {
			return { error: fault(401, '100001', 'Authentication required', basicChallenge) };
		}
		const [account, password] = splitCredentials(value);
		if (account === SANDBOX_ADMIN.account && password === SANDBOX_ADMIN.password) return { role: 'admin' };
		if (account === SANDBOX_AGENT.account && password === SANDBOX_AGENT.password) return { role: 'agent' };
		return { error: fault(401, '100001', "Couldn't authenticate you: wrong account or password", basicChallenge) };
	}

	/** Bangwo8 error bodies for injected HTTP failures that bring no body of their own. */
	sendFailure(res, failure) {
		if (failure.kind === 'http' && failure.body === undefined) {
			const status = failure.status;
			const headers = status === 429 ? { 'Retry-After': String(this.retryAfterSeconds) } : undefined;
			const text = HTTP_ERROR_TEXT[status] || http.STATUS_CODES[status] || `HTTP ${status}`;
			return send(res, fault(status, `100${status}`, text, headers));
		}
		return super.sendFailure(res, failure);
	}

	/** The error-in-body shape of the seed's delete example: HTTP 200, `{Status, message}`. */
	envelopeFailure(failure) {
		return {
			status: 200,
			json: { Status: String(failure.code), message: failure.resultMsg || `Request failed with status ${failure.code}` },
		};
	}

	// ── OAuth2 ──────────────────────────────────────────────────────────────

	issueToken(record) {
		const oauthError = (status, error, error_description, headers) => ({
			status,
			json: { error, error_description },
			headers,
		});
		const [scheme, value = ''] = String(record.headers.authorization || '').split(/\s+/, 2);
		const [id, secret] = /^basic$/i.test(scheme) ? splitCredentials(value) : [];
		if (id !== SANDBOX_OAUTH.clientId || secret !== SANDBOX_OAUTH.clientSecret) {
			return oauthError(401, 'invalid_client', 'Client authentication failed', {
				'WWW-Authenticate': 'Basic realm="bangwo8"',
			});
		}
		const contentType = String(record.headers['content-type'] || '').toLowerCase();
		if (!contentType.includes('application/x-www-form-urlencoded')) {
			return oauthError(400, 'invalid_request', 'Content-Type must be application/x-www-form-urlencoded');
		}
		const grantType = record.body && record.body.grant_type;
		if (!grantType) return oauthError(400, 'invalid_request', 'Missing grant_type');
		if (grantType !== 'client_credentials') {
			return oauthError(400, 'unsupported_grant_type', `grant_type ${grantType} is not supported`);
		}
		const token = crypto.randomBytes(20).toString('hex');
		this.tokens.set(token, this.clock() + this.tokenTtlSeconds * 1000);
		this.issuedTokens++;
		return {
			status: 200,
			json: { access_token: token, expires_in: this.tokenTtlSeconds, token_type: 'Bearer' },
			headers: { 'Cache-Control': 'no-store' },
		};
	}

	// ── Lists ───────────────────────────────────────────────────────────────

	listAgents(record) {
		return this.listAnswer(record, 'supports', this.agents, (a) => a.sId);
	}

	listContacts(record) {
		return this.listAnswer(record, 'users', this.contacts, (c) => c.cId);
	}

	listCallTasks(record) {
		return this.listAnswer(record, 'callTask', [...this.callTasks.values()], (t) => t.callTaskId, (t) =>
			this.callTaskSummary(t),
		);
	}

	/** Filters, orders and pages `items` the way every Bangwo8 list does. */
	listAnswer(record, key, items, idOf, present = (x) => ({ ...x })) {
		const paging = readPaging(record.query);
		if (paging.error) return paging.error;
		const q = record.query;
		const bounds = {};
		for (const name of ['created_start', 'created_end', 'updated_start', 'updated_end']) {
			const raw = one(q[name]);
			if (raw === undefined || raw === '') continue;
			const parsed = parseDate(raw);
			if (!parsed) return badParam(`${name} must be yyyy-MM-dd or yyyy-MM-dd HH:mm:ss, got "${raw}"`);
			bounds[name] = name.endsWith('_start') ? rangeStart(parsed) : rangeEnd(parsed);
		}
		for (const name of ['created_order', 'updated_order']) {
			const raw = one(q[name]);
			if (raw !== undefined && !/^(asc|desc)$/i.test(raw)) return badParam(`${name} must be asc or desc`);
		}
		const inRange = (value, start, end) => (!start || value >= start) && (!end || value <= end);
		const selected = items.filter(
			(x) =>
				inRange(x.created_at, bounds.created_start, bounds.created_end) &&
				inRange(x.updated_at, bounds.updated_start, bounds.updated_end),
		);
		// created_order wins over updated_order; the id breaks ties so pages never overlap.
		const byCreated = one(q.created_order) !== undefined || one(q.updated_order) === undefined;
		const field = byCreated ? 'created_at' : 'updated_at';
		const dir = String(one(byCreated ? q.created_order : q.updated_order) || 'desc').toLowerCase() === 'asc' ? 1 : -1;
		selected.sort((a, b) => dir * (compare(a[field], b[field]) || compare(BigInt(idOf(a)), BigInt(idOf(b)))));

		const { page, perPage } = paging;
		const slice = selected.slice((page - 1) * perPage, page * perPage);
		const more = page * perPage < selected.length;
		return {
			status: 200,
			json: {
				[key]: slice.map(present),
				count: selected.length,
				next_page: more ? pageUrl(record, page + 1) : null,
				previous_page: page > 1 ? pageUrl(record, page - 1) : null,
			},
		};
	}

	// ── Call tasks ──────────────────────────────────────────────────────────

	callTaskSummary(task) {
		return {
			callTaskId: task.callTaskId,
			task_name: task.task_name,
			task_start: task.task_start,
			task_end: task.task_end,
			complete: this.completeText(task),
			created_at: task.created_at,
			updated_at: task.updated_at,
		};
	}

	completeText(task) {
		const rows = task.customers;
		if (rows.length > 0 && rows.every((r) => DONE_PROGRESS.has(String(r.progress)))) return '已完成';
		const end = rangeEnd(parseDate(task.task_end));
		return formatUtc8(this.clock()) > end ? '逾期未完成' : '进行中';
	}

	getCallTask(record, id) {
		const task = this.callTasks.get(id);
		if (!task) return fault(404, '100044', `callTaskId ${id} does not exist`);
		const done = task.customers.filter((r) => DONE_PROGRESS.has(String(r.progress))).length;
		const detail = {
			callTaskId: task.callTaskId,
			task_name: task.task_name,
			startime: task.task_start, // sic: the seed's detail example spells it this way
			task_end: task.task_end,
			complete: this.completeText(task),
			task_service: task.task_service.join(','),
			phoneCount: String(task.customers.length),
			completeCount: String(done),
			connectCount: String(done),
		};
		return { status: 200, json: { callTask: this.wrapDetailInArray ? [detail] : detail } };
	}

	deleteCallTask(record, id) {
		if (!this.callTasks.delete(id)) {
			return { status: this.deleteMissingStatus, json: { Status: '403', message: 'callTaskId does not exist' } };
		}
		return { status: 200, json: { Status: '200 OK', callTaskId: id } };
	}

	listCustomers(record, id) {
		const task = this.callTasks.get(id);
		if (!task) return fault(404, '100044', `callTaskId ${id} does not exist`);
		const paging = readPaging(record.query);
		if (paging.error) return paging.error;
		const { page, perPage } = paging;
		const rows = task.customers.slice((page - 1) * perPage, page * perPage);
		return {
			status: 200,
			json: {
				callTask: rows.map((r) => ({
					callTaskid: task.callTaskId, // sic: lower-case "id" in the seed's example
					userList: {
						cId: r.cId,
						uId: r.uId,
						userName: r.userName,
						companyName: r.companyName,
						phone: r.phone,
						progress: r.progress,
					},
				})),
				count: String(task.customers.length),
				previous_page: page > 1 ? pageUrl(record, page - 1) : '',
				next_page: page * perPage < task.customers.length ? pageUrl(record, page + 1) : '',
			},
		};
	}

	createCallTask(record) {
		const requestId = record.headers.requestid;
		if (typeof requestId === 'string' && this.requestIds.has(requestId)) return this.requestIds.get(requestId);

		const input = record.body.callTask;
		if (!input || typeof input !== 'object' || Array.isArray(input)) {
			return badParam('callTask is required: send {"callTask": {...}}');
		}
		for (const field of ['task_name', 'task_start', 'task_end', 'task_user', 'task_service', 'data_source']) {
			const v = input[field];
			if (v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0)) {
				return badParam(`${field} is required`);
			}
		}
		if (typeof input.task_name !== 'string' || !input.task_name.trim()) return badParam('task_name must be a string');
		const start = parseDate(input.task_start);
		if (!start) return badParam('task_start must be YYYY-MM-DD or YYYY-MM-DD HH:mm:ss');
		const end = parseDate(input.task_end);
		if (!end) return badParam('task_end must be YYYY-MM-DD or YYYY-MM-DD HH:mm:ss');
		if (rangeEnd(end) < rangeStart(start)) return badParam('task_end must not be before task_start');
		const source = String(input.data_source);
		if (source !== '0' && source !== '1') return badParam('data_source must be "0" (company) or "1" (contact)');
		if (!Array.isArray(input.task_user)) return badParam('task_user must be an array of ids');
		if (!Array.isArray(input.task_service)) return badParam('task_service must be an array of ids');

		const services = [];
		for (const s of input.task_service) {
			const id = idString(s);
			if (!id || !this.activeAgent(id)) return badParam(`task_service ${JSON.stringify(s)} is not an active agent`);
			if (!services.includes(id)) services.push(id);
		}
		// Unknown, inactive, malformed and repeated users are echoed back as illegal, not refused.
		const legal = [];
		const legalGiven = [];
		const illegal = [];
		for (const u of input.task_user) {
			const id = idString(u);
			if (id && this.customerExists(id, source) && !legal.includes(id)) {
				legal.push(id);
				legalGiven.push(u);
			} else {
				illegal.push(u);
			}
		}
		// Like a batch insert, nothing legal still answers 200 (successCount 0, data []) and stores no task.
		const task = legal.length > 0 ? this.storeCallTask({ ...input, data_source: source }, legal, services) : undefined;
		const data = (task ? services : [])
			.map((service, i) => ({
				callTaskId: task.callTaskId,
				task_user: legalGiven.filter((_, j) => j % services.length === i),
				task_service: service,
			}))
			.filter((d) => d.task_user.length > 0);
		const answer = {
			status: 200,
			json: {
				callTask: {
					task_name: input.task_name,
					task_start: input.task_start,
					task_end: input.task_end,
					sumCount: input.task_user.length,
					legalCount: legal.length,
					illegalCount: illegal, // sic: the seed's example puts the illegal ids here
					successCount: legal.length,
					failureCount: String(illegal.length),
					data,
				},
			},
		};
		if (typeof requestId === 'string') this.requestIds.set(requestId, answer);
		return answer;
	}

	/** Stores a call task whose users (legal id strings) go round-robin over the agents. */
	storeCallTask(spec, users, services) {
		const callTaskId = String(this.nextCallTaskId++);
		const now = formatUtc8(this.clock());
		const customers = users.map((userId, i) => ({
			userId,
			agentId: services[i % services.length],
			...this.customerRow(userId, spec.data_source),
			progress: PROGRESS_PATTERN[i % PROGRESS_PATTERN.length],
		}));
		const task = {
			callTaskId,
			task_name: spec.task_name,
			task_start: spec.task_start,
			task_end: spec.task_end,
			data_source: spec.data_source,
			task_service: services,
			created_at: now,
			updated_at: now,
			customers,
		};
		this.callTasks.set(callTaskId, task);
		return task;
	}

	/** cId, uId, userName, companyName and phone of a company ("0") or contact ("1") id. */
	customerRow(userId, source) {
		const contactById = (id) => this.contacts.find((c) => c.cId === id);
		const companyById = (id) => this.companies.find((c) => c.uId === id);
		if (source === '0') {
			const company = companyById(userId);
			const person = contactById(company.primaryContactId);
			return { cId: person?.cId ?? '', uId: company.uId, userName: person?.name ?? '', companyName: company.name, phone: person?.mobile ?? '' };
		}
		const person = contactById(userId);
		const company = companyById(person.companyId);
		return { cId: person.cId, uId: person.companyId, userName: person.name, companyName: company?.name ?? '', phone: person.mobile };
	}

	customerExists(id, source) {
		if (source === '0') return this.companies.some((c) => c.uId === id);
		return this.contacts.some((c) => c.cId === id && c.state === '1');
	}

	activeAgent(id) {
		return this.agents.find((a) => a.sId === id && a.isStat === '1');
	}
}

function splitCredentials(base64) {
	const text = Buffer.from(base64, 'base64').toString('utf8');
	const colon = text.indexOf(':');
	return colon < 0 ? [text, undefined] : [text.slice(0, colon), text.slice(colon + 1)];
}

function compare(a, b) {
	return a < b ? -1 : a > b ? 1 : 0;
}

/** page / per_page from the query, or an error answer. */
function readPaging(query) {
	const read = (name, fallback) => {
		const raw = one(query[name]);
		if (raw === undefined || raw === '') return fallback;
		return /^\d+$/.test(raw) && Number(raw) >= 1 ? Number(raw) : NaN;
	};
	const page = read('page', 1);
	if (Number.isNaN(page)) return { error: badParam('page must be a positive integer') };
	const perPage = read('per_page', MAX_PER_PAGE);
	if (Number.isNaN(perPage)) return { error: badParam('per_page must be a positive integer') };
	if (perPage > MAX_PER_PAGE) return { error: badParam(`per_page must not exceed ${MAX_PER_PAGE}`) };
	return { page, perPage };
}

/** The full URL of another page: same host (so any port works), every other parameter kept. */
function pageUrl(record, page) {
	const url = new URL(record.url, `http://${record.headers.host || 'localhost'}`);
	url.searchParams.set('page', String(page));
	return url.toString();
}

module.exports = { Bangwo8Sandbox, SANDBOX_ADMIN, SANDBOX_AGENT, SANDBOX_OAUTH };

// Dev use: node test/sandbox/bangwo8.js [port=8788] [call tasks to seed=0]; HOST=0.0.0.0 to listen beyond localhost.
if (require.main === module) {
	const port = Number(process.argv[2] || process.env.BANGWO8_SANDBOX_PORT || 8788);
	const sandbox = new Bangwo8Sandbox();
	sandbox.seedCallTasks(Number(process.argv[3] || 0));
	sandbox.start(port, process.env.HOST || '127.0.0.1').then((url) => {
		console.log(`Bangwo8 sandbox on ${url} (base URL for the credential)`);
		console.log(`  admin ${SANDBOX_ADMIN.account} / ${SANDBOX_ADMIN.password}`);
		console.log(`  agent ${SANDBOX_AGENT.account} / ${SANDBOX_AGENT.password}`);
		console.log(`  OAuth2 ${SANDBOX_OAUTH.clientId} / ${SANDBOX_OAUTH.clientSecret}`);
	});
}
