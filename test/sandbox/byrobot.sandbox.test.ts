// Tests of the BYRobot sandbox itself: requests are signed here with node:crypto, sent with global fetch.
import { createHmac } from 'crypto';
import {
	ByrobotSandbox,
	SANDBOX_APP_KEY,
	SANDBOX_APP_SECRET,
	computeSign,
	formatBeijing,
	outcomeOf,
	signHeaders,
} from './byrobot';

const sandbox = new ByrobotSandbox();
let base = '';

beforeAll(async () => {
	base = await sandbox.start(0);
});
afterAll(() => sandbox.stop());
beforeEach(() => sandbox.reset());

// ── request helpers ────────────────────────────────────────────────────────────────────────────
function hmacSign(appKey: string, appSecret: string, datetime: string): string {
	return createHmac('sha1', appSecret).update(`${appKey}\n${datetime}`).digest('base64');
}

interface AuthOptions {
	appKey?: string;
	appSecret?: string;
	date?: Date;
	datetime?: string;
	sign?: string;
}

function auth(o: AuthOptions = {}): Record<string, string> {
	const appKey = o.appKey ?? SANDBOX_APP_KEY;
	const appSecret = o.appSecret ?? SANDBOX_APP_SECRET;
	const datetime = o.datetime ?? (o.date ?? new Date()).toUTCString();
	return { appkey: appKey, datetime, sign: o.sign ?? hmacSign(appKey, appSecret, datetime) };
}

type Query = Record<string, string | number | boolean | undefined>;

interface CallOptions {
	query?: Query;
	body?: unknown;
	rawBody?: string;
	contentType?: string;
	headers?: Record<string, string>;
}

interface Answer {
	status: number;
	// The sandbox answers several shapes; tests look into them freely.
	json: any;
	headers: Headers;
}

function urlOf(path: string, query?: Query): string {
	const full = path.startsWith('/') ? path : `/openapi/v1/${path}`;
	const qs = new URLSearchParams();
	for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined) qs.append(k, String(v));
	const s = qs.toString();
	return `${base}${full}${s ? `?${s}` : ''}`;
}

async function call(method: string, path: string, o: CallOptions = {}): Promise<Answer> {
	const headers: Record<string, string> = { ...(o.headers ?? auth()) };
	let body: string | undefined;
	if (o.rawBody !== undefined) body = o.rawBody;
	else if (o.body !== undefined) body = JSON.stringify(o.body);
	if (body !== undefined) headers['content-type'] = o.contentType ?? 'application/json';
	const res = await fetch(urlOf(path, o.query), { method, headers, body });
	const text = await res.text();
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch {
		json = text;
	}
	return { status: res.status, json, headers: res.headers };
}

const get = (path: string, query?: Query) => call('GET', path, { query });
const post = (path: string, body: unknown) => call('POST', path, { body });

/** Asserts a successful standard envelope and returns its data. */
async function ok(answer: Promise<Answer>): Promise<any> {
	const a = await answer;
	expect(a.status).toBe(200);
	expect(a.json).toMatchObject({ code: 200, errorStackTrace: null });
	expect(typeof a.json.requestId).toBe('string');
	return a.json.data;
}

/** Asserts a business error (HTTP 200 unless told) and returns resultMsg. */
async function fails(answer: Promise<Answer>, code: number, httpStatus = 200): Promise<string> {
	const a = await answer;
	expect({ status: a.status, code: a.json.code }).toEqual({ status: httpStatus, code });
	expect(a.json.data).toBeNull();
	return a.json.resultMsg;
}

const validTask = (extra: Record<string, unknown> = {}) => ({
	companyId: 1001,
	taskName: '测试任务',
	taskType: 2,
	userPhoneIds: [11],
	robotDefId: 21,
	callType: 0,
	...extra,
});

async function createTask(extra: Record<string, unknown> = {}): Promise<number> {
	return ok(post('task/createTask', validTask(extra)));
}

const phoneOf = (i: number) => `138${String(i).padStart(8, '0')}`;

// ── signing ────────────────────────────────────────────────────────────────────────────────────
describe('signing', () => {
	it('matches the documented test vector', () => {
		const datetime = 'Thu, 13 Dec 2018 01:27:17 GMT';
		expect(hmacSign('testAppKey', 'testAppSecret', datetime)).toBe('G5ItXcU7P+KDs6Pr0STlGWjakMQ=');
		expect(computeSign('testAppKey', 'testAppSecret', datetime)).toBe('G5ItXcU7P+KDs6Pr0STlGWjakMQ=');
		const h = signHeaders('testAppKey', 'testAppSecret', new Date('2018-12-13T01:27:17Z'));
		expect(h).toEqual({ appkey: 'testAppKey', datetime, sign: 'G5ItXcU7P+KDs6Pr0STlGWjakMQ=' });
	});

	it('accepts a correctly signed request and lists the bound companies only', async () => {
		const data = await ok(get('company/getCompanys'));
		expect(data).toEqual([
			{ companyId: 1001, companyName: '百应演示公司' },
			{ companyId: 1002, companyName: '百应测试二部' },
		]);
		expect(sandbox.requestsTo('company/getCompanys', 'GET')).toHaveLength(1);
	});

	it('rejects a wrong sign with 401 (HTTP 200)', async () => {
		const msg = await fails(call('GET', 'company/getCompanys', { headers: auth({ appSecret: 'nope' }) }), 401);
		expect(msg).toContain('sign verify failed');
	});

	it('rejects an unknown appkey with 401', async () => {
		const msg = await fails(call('GET', 'company/getCompanys', { headers: auth({ appKey: 'who' }) }), 401);
		expect(msg).toContain('unknown appkey');
	});

	it('rejects missing headers', async () => {
		const h = auth();
		const without = (name: string) => Object.fromEntries(Object.entries(h).filter(([k]) => k !== name));
		expect(await fails(call('GET', 'company/getCompanys', { headers: without('appkey') }), 401)).toContain('appkey');
		expect(await fails(call('GET', 'company/getCompanys', { headers: without('sign') }), 401)).toContain('sign');
		expect(await fails(call('GET', 'company/getCompanys', { headers: without('datetime') }), 408)).toContain('datetime');
	});

	it('answers 408 for a datetime older than 3 minutes', async () => {
		const date = new Date(Date.now() - 4 * 60 * 1000);
		const msg = await fails(call('GET', 'company/getCompanys', { headers: auth({ date }) }), 408);
		expect(msg).toContain('behind');
	});

	it('tolerates up to 3 minutes of skew either way', async () => {
		await ok(call('GET', 'company/getCompanys', { headers: auth({ date: new Date(Date.now() - 170_000) }) }));
		await ok(call('GET', 'company/getCompanys', { headers: auth({ date: new Date(Date.now() + 170_000) }) }));
		await fails(call('GET', 'company/getCompanys', { headers: auth({ date: new Date(Date.now() + 200_000) }) }), 408);
	});

	it('uses clockOffsetMs as its clock', async () => {
		sandbox.clockOffsetMs = 5 * 60 * 1000;
		await fails(get('company/getCompanys'), 408);
		await ok(call('GET', 'company/getCompanys', { headers: auth({ date: new Date(Date.now() + 5 * 60 * 1000) }) }));
		sandbox.reset();
		expect(sandbox.clockOffsetMs).toBe(0);
	});

	it('answers 408 for a datetime that is not RFC 1123 GMT (even when signed)', async () => {
		const datetime = new Date().toISOString();
		const msg = await fails(call('GET', 'company/getCompanys', { headers: auth({ datetime }) }), 408);
		expect(msg).toContain('RFC 1123');
	});

	it('honours the apps option and answers 403 for companies of other apps', async () => {
		const other = new ByrobotSandbox({ apps: [{ appKey: 'k2', appSecret: 's2', companyIds: [1003] }] });
		const url = await other.start(0);
		try {
			const res = await fetch(`${url}/openapi/v1/company/getCompanys`, { headers: signHeaders('k2', 's2') });
			expect(await res.json()).toMatchObject({ code: 200, data: [{ companyId: 1003, companyName: '别家公司' }] });
			const denied = await fetch(`${url}/openapi/v1/company/getPhones?companyId=1001`, { headers: signHeaders('k2', 's2') });
			expect(await denied.json()).toMatchObject({ code: 403 });
			const unknownKey = await fetch(`${url}/openapi/v1/company/getCompanys`, { headers: signHeaders() });
			expect(await unknownKey.json()).toMatchObject({ code: 401 });
		} finally {
			await other.stop();
		}
	});
});

// ── routing & envelope ─────────────────────────────────────────────────────────────────────────
describe('routing', () => {
	it('answers HTTP 404 / code 404 for an unknown path', async () => {
		const msg = await fails(get('task/nope'), 404, 404);
		expect(msg).toContain('/openapi/v1/task/nope');
	});

	it('answers HTTP 405 / code 405 for a wrong method', async () => {
		const a = await call('GET', 'task/createTask', { query: { companyId: 1001 } });
		expect(a.status).toBe(405);
		expect(a.json.code).toBe(405);
		expect(a.headers.get('allow')).toBe('POST');
		await fails(post('company/getPhones', { companyId: 1001 }), 405, 405);
	});

	it('needs a JSON object body on POST actions', async () => {
		expect(await fails(call('POST', 'task/start', { rawBody: 'taskId=1', contentType: 'application/x-www-form-urlencoded' }), 412)).toContain('Content-Type');
		expect(await fails(call('POST', 'task/start', { rawBody: '{"taskId": ', contentType: 'application/json' }), 412)).toContain('not valid JSON');
		expect(await fails(call('POST', 'task/start', { rawBody: '[1]' }), 412)).toContain('JSON object');
		expect(await fails(call('POST', 'task/start', {}), 412)).toContain('Content-Type');
	});

	it('checks query parameter types', async () => {
		expect(await fails(get('company/getPhones', { companyId: 'abc' }), 412)).toBe('参数错误: companyId must be an integer');
		expect(await fails(get('company/getPhones'), 412)).toBe('参数错误: companyId is required');
	});

	it('answers 403 for an unbound or unknown company', async () => {
		await fails(get('company/getPhones', { companyId: 1003 }), 403);
		await fails(get('company/getPhones', { companyId: 9999 }), 403);
		await fails(post('task/createTask', validTask({ companyId: 1003 })), 403);
	});

	it('numbers requestIds', async () => {
		const a = await get('company/getCompanys');
		const b = await get('company/getCompanys');
		expect(a.json.requestId).not.toBe(b.json.requestId);
	});
});

// ── company & resources ────────────────────────────────────────────────────────────────────────
describe('company resources', () => {
	it('getPhones lists the seeded lines with a contradicting `available`', async () => {
		const data = await ok(get('company/getPhones', { companyId: 1001 }));
		expect(data.map((p: any) => [p.userPhoneId, p.phone, p.phoneName, p.phoneType, p.useAvailable])).toEqual([
			[11, '13800000001', '销售手机1', 0, true],
			[12, '02188886666', '总机固话', 1, true],
			[13, '', '无主叫线路', 2, false],
		]);
		for (const p of data) {
			expect(p.available).toBe(!p.useAvailable);
			expect(p).toHaveProperty('totalConcurrencyQuota');
			expect(p).toHaveProperty('usedConcurrencyQuota');
			expect(p).toHaveProperty('billPeriod');
			expect(p).toHaveProperty('validityBegin');
			expect(p).toHaveProperty('validityEnd');
			expect(p).toHaveProperty('sceneType');
		}
		const other = await ok(get('company/getPhones', { companyId: 1002 }));
		expect(other.map((p: any) => [p.userPhoneId, p.phoneType])).toEqual([[14, 0]]);
	});

	it('getRobots filters by robotStatus', async () => {
		const ids = async (robotStatus?: number) =>
			(await ok(get('company/getRobots', { companyId: 1001, robotStatus }))).map((r: any) => r.robotDefId);
		expect(await ids()).toEqual([21, 22, 23]);
		expect(await ids(0)).toEqual([21, 22, 23]);
		expect(await ids(1)).toEqual([21]);
		expect(await ids(2)).toEqual([21, 22]);
		await fails(get('company/getRobots', { companyId: 1001, robotStatus: 3 }), 412);
		const [first] = await ok(get('company/getRobots', { companyId: 1001 }));
		expect(first).toEqual({
			robotDefId: 21,
			robotName: '贷款回访机器人',
			sceneDefId: 31,
			sceneRecords: [{ sceneRecordId: 41, sceneRecordName: '女声版' }],
			industryOneName: '金融',
			industryTwoName: '贷款',
			gmtModify: '2024-03-01 10:00:00',
		});
	});

	it('getSceneVariables', async () => {
		expect(await ok(get('task/getSceneVariables', { companyId: 1001, sceneDefId: 31 }))).toEqual(['客户姓名', '贷款金额', '还款日期']);
		expect(await ok(get('task/getSceneVariables', { companyId: 1001, sceneDefId: 32 }))).toEqual(['客户姓名']);
		expect(await ok(get('task/getSceneVariables', { companyId: 1001, sceneDefId: 33 }))).toEqual([]);
		await fails(get('task/getSceneVariables', { companyId: 1001, sceneDefId: 99 }), 404);
		await fails(get('task/getSceneVariables', { companyId: 1001 }), 412);
	});

	it('seat statistics count running tasks', async () => {
		expect(await ok(get('company/seat/statistics', { companyId: 1001 }))).toEqual({ companyAllCallSeat: 10, companyUsingCallSeat: 2 });
		const [id] = sandbox.seedTasks(1001, 1, { concurrencyQuota: 3 });
		await ok(post('task/start', { taskId: id }));
		expect(await ok(get('company/seat/statistics', { companyId: 1001 }))).toEqual({ companyAllCallSeat: 10, companyUsingCallSeat: 5 });
		await ok(post('task/pause', { taskId: id }));
		expect((await ok(get('company/seat/statistics', { companyId: 1001 }))).companyUsingCallSeat).toBe(2);
	});

	it('sms/template/list answers its own envelope, paged and filtered', async () => {
		const a = await get('sms/template/list', { companyId: 1001 });
		expect(a.status).toBe(200);
		expect(a.json).toMatchObject({ code: 200, msg: '查询成功', success: true });
		expect(a.json).not.toHaveProperty('resultMsg');
		expect(a.json.data).toMatchObject({ pageNum: 1, pageSize: 20, total: 3, pages: 1 });
		expect(a.json.data.list.map((t: any) => [t.smsTemplateId, t.name, t.status])).toEqual([
			[51, '还款提醒', 2],
			[52, '活动通知', 1],
			[53, '催收短信', 3],
		]);
		const paged = await get('sms/template/list', { companyId: 1001, pageNum: 2, pageSize: 2 });
		expect(paged.json.data).toMatchObject({ pageNum: 2, pageSize: 2, size: 1, total: 3, pages: 2 });
		expect(paged.json.data.list[0].smsTemplateId).toBe(53);
		const approved = await get('sms/template/list', { companyId: 1001, status: 2 });
		expect(approved.json.data.list.map((t: any) => t.smsTemplateId)).toEqual([51]);
		const denied = await get('sms/template/list', { companyId: 1003 });
		expect(denied.json).toMatchObject({ code: 403, success: false, data: null });
	});
});

// ── tasks ──────────────────────────────────────────────────────────────────────────────────────
describe('createTask', () => {
	it('creates a task with ids from 5001 and stores it in the answer shape', async () => {
		const id = await createTask({
			workingStartTime: '09:30',
			workingEndTime: '19:00',
			breakStartTime: '12:00',
			breakEndTime: '13:00',
			concurrencyQuota: 2,
			remark: '备注',
			repeatCall: true,
			repeatCallRule: [{ phoneStatus: 2, times: 2, interval: 30 }],
		});
		expect(id).toBe(5001);
		expect(await createTask({ taskType: 1, startDate: '2030-01-02' })).toBe(5002);
		const task = sandbox.tasks.get(5001)!;
		expect(task).toMatchObject({
			callJobId: 5001,
			companyId: 1001,
			jobName: '测试任务',
			jobType: 2,
			workingStartTime: '09:30:00',
			workingEndTime: '19:00:00',
			breakStartTime: '12:00:00',
			breakEndTime: '13:00:00',
			status: 0,
			robotDefId: 21,
			sceneDefId: 31,
			sceneRecordId: 41,
			userPhoneIds: [11],
			callType: 0,
			concurrencyQuota: 2,
			remark: '备注',
			totalCount: 0,
			doneCount: 0,
			calledCount: 0,
			repeatCallRule: [{ phoneStatus: 2, times: 2, interval: 30 }],
		});
		expect(task.startDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
		expect(task.gmtCreate).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
		expect(sandbox.tasks.get(5002)!.startDate).toBe('2030-01-02');
	});

	it('accepts a landline task and the optional scene ids', async () => {
		const id = await createTask({ userPhoneIds: [12], callType: 1, sceneDefId: 31, sceneRecordId: 41, smsType: 1, smsTemplateId: 51 });
		expect(sandbox.tasks.get(id)!.callType).toBe(1);
	});

	it.each([
		[{ taskName: undefined }, '参数错误: taskName is required'],
		[{ taskName: '  ' }, '参数错误: taskName is required'],
		[{ taskName: 5 }, '参数错误: taskName must be a string'],
		[{ taskType: 3 }, '参数错误: taskType must be one of 1, 2'],
		[{ taskType: '2' }, '参数错误: taskType must be an integer'],
		[{ taskType: 1 }, '参数错误: startDate is required when taskType is 1'],
		[{ startDate: '2024-02-30' }, '参数错误: startDate must be a date yyyy-MM-dd'],
		[{ userPhoneIds: undefined }, '参数错误: userPhoneIds is required'],
		[{ userPhoneIds: [] }, '参数错误: userPhoneIds must not be empty'],
		[{ userPhoneIds: 11 }, '参数错误: userPhoneIds must be an array'],
		[{ userPhoneIds: ['11'] }, '参数错误: userPhoneIds must be an array of integers'],
		[{ userPhoneIds: [14] }, '参数错误: userPhoneIds: 14 is not a line of company 1001'],
		[{ userPhoneIds: [13], callType: 2 }, '参数错误: userPhoneIds: line 13 is not available (useAvailable=false)'],
		[{ userPhoneIds: [11, 12] }, '参数错误: userPhoneIds mixes lines of different phoneType'],
		[{ callType: undefined }, '参数错误: callType is required'],
		[{ callType: 1 }, '参数错误: callType 1 does not match phoneType 0 of the chosen lines'],
		[{ robotDefId: undefined }, '参数错误: robotDefId is required'],
		[{ robotDefId: 24 }, '参数错误: robotDefId 24 is not a robot of company 1001'],
		[{ robotDefId: 23 }, '参数错误: robotDefId 23 has never been published (话术未发布)'],
		[{ sceneDefId: 32 }, '参数错误: sceneDefId 32 does not belong to robotDefId 21'],
		[{ sceneRecordId: 42 }, '参数错误: sceneRecordId 42 does not belong to robotDefId 21'],
		[{ workingStartTime: '9:00' }, '参数错误: workingStartTime must be a time HH:mm'],
		[{ workingStartTime: '21:00' }, '参数错误: workingStartTime must be before workingEndTime'],
		[{ breakStartTime: '12:00' }, '参数错误: breakStartTime and breakEndTime go together'],
		[{ breakStartTime: '08:00', breakEndTime: '10:00' }, '参数错误: breakStartTime/breakEndTime must lie inside the working hours'],
		[{ concurrencyQuota: 0 }, '参数错误: concurrencyQuota must be at least 1'],
		[{ concurrencyQuota: 1.5 }, '参数错误: concurrencyQuota must be an integer'],
		[{ smsType: 2 }, '参数错误: smsType must be one of 0, 1'],
		[{ smsTemplateId: 52 }, '参数错误: smsTemplateId 52 is not approved (status 1)'],
		[{ repeatCall: 'yes' }, '参数错误: repeatCall must be a boolean'],
		[{ repeatCallRule: [{ phoneStatus: 4, times: 1, interval: 0 }] }, '参数错误: repeatCallRule[0].phoneStatus must be one of 2, 3, 5, 6, 7, 9, 10'],
		[{ repeatCallRule: [{ phoneStatus: 2, times: 6, interval: 0 }] }, '参数错误: repeatCallRule[0].times must be between 1 and 5'],
		[{ repeatCallRule: [{ phoneStatus: 2, times: 1, interval: 121 }] }, '参数错误: repeatCallRule[0].interval must be between 0 and 120'],
		[{ repeatCallRule: [{ phoneStatus: 2, times: 1 }] }, '参数错误: repeatCallRule[0].interval is required'],
	])('rejects %j', async (extra, message) => {
		expect(await fails(post('task/createTask', validTask(extra)), 412)).toBe(message);
		expect(sandbox.tasks.size).toBe(0);
	});
});

describe('task lifecycle', () => {
	it('start / pause / stop follow the status rules', async () => {
		const id = await createTask();
		const status = () => sandbox.tasks.get(id)!.status;
		await ok(post('task/start', { taskId: id }));
		expect(status()).toBe(1);
		expect(await fails(post('task/start', { taskId: id }), 412)).toContain('status 1');
		await ok(post('task/pause', { taskId: id }));
		expect(status()).toBe(4);
		await fails(post('task/pause', { taskId: id }), 412);
		await ok(post('task/start', { taskId: id }));
		await ok(post('task/stop', { taskId: id }));
		expect(status()).toBe(6);
		await fails(post('task/stop', { taskId: id }), 412);
		expect(await fails(post('task/start', { taskId: id }), 412)).toContain('已终止');
	});

	it('start works from 3 and 5 but not from finished', async () => {
		const [a, b, c] = sandbox.seedTasks(1001, 3);
		sandbox.tasks.get(a)!.status = 3;
		sandbox.tasks.get(b)!.status = 5;
		sandbox.tasks.get(c)!.status = 2;
		await ok(post('task/start', { taskId: a }));
		await ok(post('task/start', { taskId: b }));
		await fails(post('task/start', { taskId: c }), 412);
		await fails(post('task/stop', { taskId: c }), 412);
	});

	it('actions need a known, reachable task', async () => {
		await fails(post('task/start', {}), 412);
		await fails(post('task/start', { taskId: '5001' }), 412);
		await fails(post('task/start', { taskId: 5999 }), 404);
		const [id] = sandbox.seedTasks(1001, 1);
		await fails(post('task/start', { taskId: id, companyId: 1002 }), 404);
		await fails(post('task/start', { taskId: id, companyId: 1003 }), 403);
	});

	it('a task of a company not bound to the appkey answers 403', async () => {
		const id = sandbox.seedTasks(1002, 1)[0];
		sandbox.apps.get(SANDBOX_APP_KEY)!.companyIds.delete(1002);
		try {
			await fails(post('task/start', { taskId: id }), 403);
		} finally {
			sandbox.apps.get(SANDBOX_APP_KEY)!.companyIds.add(1002);
		}
	});

	it('update changes fields, accepts loose userPhoneIds and refuses while running', async () => {
		const id = await createTask();
		await ok(post('task/update', { companyId: 1001, taskId: id, taskName: '改名', userPhoneIds: '12', callType: 1, workingEndTime: '18:00' }));
		expect(sandbox.tasks.get(id)).toMatchObject({ jobName: '改名', userPhoneIds: [12], callType: 1, workingEndTime: '18:00:00' });
		await ok(post('task/update', { companyId: 1001, taskId: id, userPhoneIds: 11, callType: 0 }));
		expect(sandbox.tasks.get(id)!.userPhoneIds).toEqual([11]);
		expect(await fails(post('task/update', { companyId: 1001, taskId: id, userPhoneIds: 12 }), 412)).toContain('callType 0 does not match');
		expect(await fails(post('task/update', { companyId: 1001, taskId: id, userPhoneIds: 'a,b' }), 412)).toContain('userPhoneIds');
		await fails(post('task/update', { taskId: id, taskName: 'x' }), 412);
		await ok(post('task/start', { taskId: id }));
		expect(await fails(post('task/update', { companyId: 1001, taskId: id, taskName: 'x' }), 412)).toContain('running');
	});

	it('delete removes the task, its customers and calls', async () => {
		const id = await createTask();
		sandbox.seedCallRecords(id, 2);
		const callId = sandbox.callRecordsOf(id)[0].callInstanceId;
		await ok(post('task/delete', { taskId: id }));
		expect(sandbox.tasks.has(id)).toBe(false);
		expect(sandbox.customersOf(id)).toEqual([]);
		await fails(get('task/getTaskDetail', { companyId: 1001, taskId: id }), 404);
		await fails(get('task/phoneLogInfo', { callInstanceId: callId }), 404);
		await fails(post('task/delete', { taskId: id }), 404);
		const running = await createTask();
		await ok(post('task/start', { taskId: running }));
		await fails(post('task/delete', { taskId: running }), 412);
	});
});

describe('getTasks / getTaskDetail', () => {
	it('pages newest first with pageSize default 10 and max 100', async () => {
		const ids = sandbox.seedTasks(1001, 25);
		sandbox.seedTasks(1002, 2);
		const first = await ok(get('task/getTasks', { companyId: 1001 }));
		expect(first).toMatchObject({ pageNum: 1, pageSize: 10, size: 10, total: 25, pages: 3 });
		expect(first.list[0].callJobId).toBe(ids[24]);
		expect(first.list.map((t: any) => t.callJobId)).toEqual([...ids].reverse().slice(0, 10));
		const last = await ok(get('task/getTasks', { companyId: 1001, pageNum: 3 }));
		expect(last.list.map((t: any) => t.callJobId)).toEqual(ids.slice(0, 5).reverse());
		const beyond = await ok(get('task/getTasks', { companyId: 1001, pageNum: 4 }));
		expect(beyond).toMatchObject({ total: 25, list: [] });
		expect((await ok(get('task/getTasks', { companyId: 1001, pageSize: 100 }))).size).toBe(25);
		expect(await fails(get('task/getTasks', { companyId: 1001, pageSize: 101 }), 412)).toBe('参数错误: pageSize must be between 1 and 100');
		await fails(get('task/getTasks', { companyId: 1001, pageNum: 0 }), 412);
		await fails(get('task/getTasks', {}), 412);
	});

	it('filters by taskName substring, createDate and status', async () => {
		sandbox.seedTasks(1001, 2, { jobName: '春季回访' });
		const [paused] = sandbox.seedTasks(1001, 1, { jobName: '秋季回访', status: 4 });
		sandbox.seedTasks(1001, 1, { jobName: '其他', gmtCreate: '2020-01-01 10:00:00' });
		expect((await ok(get('task/getTasks', { companyId: 1001, taskName: '回访' }))).total).toBe(3);
		expect((await ok(get('task/getTasks', { companyId: 1001, taskName: '春季' }))).total).toBe(2);
		const byStatus = await ok(get('task/getTasks', { companyId: 1001, status: 4 }));
		expect(byStatus.list.map((t: any) => t.callJobId)).toEqual([paused]);
		expect((await ok(get('task/getTasks', { companyId: 1001, createDate: '2020-01-01' }))).list[0].jobName).toBe('其他');
		await fails(get('task/getTasks', { companyId: 1001, createDate: '2020/01/01' }), 412);
	});

	it('list items carry the documented fields', async () => {
		await createTask({ workingStartTime: '10:00', workingEndTime: '18:00' });
		const [item] = (await ok(get('task/getTasks', { companyId: 1001 }))).list;
		expect(item).toMatchObject({
			callJobId: 5001,
			jobName: '测试任务',
			jobType: 2,
			workingStartTime: '10:00:00',
			workingEndTime: '18:00:00',
			status: 0,
			totalCount: 0,
			doneCount: 0,
			calledCount: 0,
		});
		expect(item.startDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
	});

	it('getTaskDetail adds statistics; unknown task → 404', async () => {
		const id = await createTask();
		sandbox.seedCallRecords(id, 20);
		const detail = await ok(get('task/getTaskDetail', { companyId: 1001, taskId: id }));
		expect(detail).toMatchObject({
			callJobId: id,
			robotDefName: '贷款回访机器人',
			sceneRecordName: '女声版',
			totalCount: 20,
			doneCount: 20,
		});
		const calls = sandbox.callRecordsOf(id);
		expect(detail.calledCount).toBe(calls.filter((c) => c.finishStatus === 0).length);
		expect(detail.durationStat.reduce((n: number, s: any) => n + s.value, 0)).toBe(20);
		expect(detail.callPhones[0]).toMatchObject({ userPhoneId: 11, phone: '13800000001' });
		expect(detail.extraStat['意向标签'].reduce((n: number, s: any) => n + s.value, 0)).toBe(20);
		await fails(get('task/getTaskDetail', { companyId: 1001, taskId: 9999 }), 404);
		await fails(get('task/getTaskDetail', { companyId: 1002, taskId: id }), 404);
		await fails(get('task/getTaskDetail', { companyId: 1001 }), 412);
	});
});

// ── customers & calls ──────────────────────────────────────────────────────────────────────────
describe('importTaskCustomer', () => {
	it('v2 counts successes, repeats and variable failures', async () => {
		const id = await createTask();
		const data = await ok(
			post('/openapi/v2/task/importTaskCustomer', {
				companyId: 1001,
				taskId: id,
				customerInfoList: [
					{ name: '张三', phone: '13300000001', properties: { 客户姓名: '张三', 贷款金额: '1000' } },
					{ name: '李四', phone: '13300000002' },
					{ name: '张三again', phone: '13300000001' },
					{ name: '坏变量', phone: '13300000003', properties: { 贷款金额: 1000 } },
					{ name: '坏变量2', phone: '13300000004', properties: ['x'] },
					{ name: '坏号码', phone: '133-0000' },
				],
			}),
		);
		expect(data).toEqual({ msg: expect.any(String), successNum: 2, repeatNum: 1, placeFailNum: 3 });
		const again = await ok(
			post('/openapi/v2/task/importTaskCustomer', {
				companyId: 1001,
				taskId: id,
				customerInfoList: [{ name: '李四', phone: '13300000002' }, { phone: '13300000005' }],
			}),
		);
		expect(again).toMatchObject({ successNum: 1, repeatNum: 1, placeFailNum: 0 });
		expect(sandbox.customersOf(id).map((c) => [c.name, c.phone, c.properties])).toEqual([
			['张三', '13300000001', { 客户姓名: '张三', 贷款金额: '1000' }],
			['李四', '13300000002', {}],
			['', '13300000005', {}],
		]);
		expect(sandbox.tasks.get(id)!.totalCount).toBe(3);
	});

	it('v1 answers data null', async () => {
		const id = await createTask();
		const a = await post('task/importTaskCustomer', { companyId: 1001, taskId: id, customerInfoList: [{ name: 'a', phone: '13300000001' }] });
		expect(a.json).toMatchObject({ code: 200, data: null, resultMsg: '操作成功' });
		expect(sandbox.customersOf(id)).toHaveLength(1);
	});

	it('validates the request', async () => {
		const id = await createTask();
		const imp = (body: Record<string, unknown>) => post('/openapi/v2/task/importTaskCustomer', { companyId: 1001, taskId: id, ...body });
		expect(await fails(imp({ customerInfoList: [] }), 412)).toBe('参数错误: customerInfoList must not be empty');
		expect(await fails(imp({ customerInfoList: undefined }), 412)).toBe('参数错误: customerInfoList is required');
		expect(await fails(imp({ customerInfoList: [{ name: 'x' }] }), 412)).toBe('参数错误: customerInfoList[0].phone is required');
		expect(await fails(imp({ customerInfoList: [{ phone: 13300000001 }] }), 412)).toBe('参数错误: customerInfoList[0].phone must be a string');
		expect(await fails(imp({ customerInfoList: [{ phone: '13300000001', name: 3 }] }), 412)).toBe('参数错误: customerInfoList[0].name must be a string');
		const tooMany = Array.from({ length: 10_001 }, (_, i) => ({ name: `c${i}`, phone: phoneOf(i) }));
		expect(await fails(imp({ customerInfoList: tooMany }), 412)).toContain('at most 10000');
		await fails(imp({ taskId: 9999, customerInfoList: [{ phone: '13300000001' }] }), 404);
		await fails(imp({ companyId: 1002, customerInfoList: [{ phone: '13300000001' }] }), 404);
		await fails(imp({ companyId: 1003, customerInfoList: [{ phone: '13300000001' }] }), 403);
		expect(sandbox.customersOf(id)).toEqual([]);
	});

	it('imports 50,000 customers in 5 requests of 10,000 quickly', async () => {
		const id = await createTask();
		const started = Date.now();
		for (let batch = 0; batch < 5; batch++) {
			const customerInfoList = Array.from({ length: 10_000 }, (_, i) => {
				const n = batch * 10_000 + i;
				return { name: `客户${n}`, phone: phoneOf(n), properties: { 客户姓名: `客户${n}` } };
			});
			const data = await ok(post('/openapi/v2/task/importTaskCustomer', { companyId: 1001, taskId: id, customerInfoList }));
			expect(data).toMatchObject({ successNum: 10_000, repeatNum: 0, placeFailNum: 0 });
		}
		expect(Date.now() - started).toBeLessThan(10_000);
		expect(sandbox.tasks.get(id)!.totalCount).toBe(50_000);
		const lastPage = await ok(post('task/notDialedCustomerList', { taskId: id, pageNum: 1000, pageSize: 50 }));
		expect(lastPage).toMatchObject({ total: 50_000, pages: 1000, size: 50 });
		expect(lastPage.list[49].phone).toBe(phoneOf(49_999));
		const dialStart = Date.now();
		expect(sandbox.dialAll(id)).toHaveLength(50_000);
		expect(Date.now() - dialStart).toBeLessThan(5_000);
		expect(sandbox.tasks.get(id)!.doneCount).toBe(50_000);
	});
});

describe('notDialedCustomerList', () => {
	it('pages not-dialed customers by POST and GET', async () => {
		const id = await createTask();
		sandbox.importCustomers(
			id,
			Array.from({ length: 23 }, (_, i) => ({ name: `客户${i}`, phone: phoneOf(i), properties: { 客户姓名: `客户${i}` } })),
		);
		const p1 = await ok(post('task/notDialedCustomerList', { taskId: id, pageNum: 1, pageSize: 10 }));
		expect(p1).toMatchObject({ pageNum: 1, pageSize: 10, size: 10, total: 23, pages: 3 });
		expect(p1.list[0]).toEqual({
			callInstanceId: sandbox.customersOf(id)[0].callInstanceId,
			name: '客户0',
			phone: phoneOf(0),
			properties: { 客户姓名: '客户0' },
			customerName: '客户0',
			customerTelephone: phoneOf(0),
			status: 0,
			calledTimes: 0,
		});
		const p3 = await ok(call('GET', 'task/notDialedCustomerList', { query: { taskId: id, pageNum: 3, pageSize: 10 } }));
		expect(p3.list.map((c: any) => c.name)).toEqual(['客户20', '客户21', '客户22']);
		const defaults = await ok(post('task/notDialedCustomerList', { taskId: id }));
		expect(defaults).toMatchObject({ pageNum: 1, pageSize: 10 });
		expect(await fails(post('task/notDialedCustomerList', { taskId: id, pageSize: 51 }), 412)).toBe('参数错误: pageSize must be between 1 and 50');
		await fails(post('task/notDialedCustomerList', { pageSize: 10 }), 412);
		await fails(post('task/notDialedCustomerList', { taskId: 9999 }), 404);
	});

	it('dialed customers leave the list', async () => {
		const id = await createTask();
		sandbox.importCustomers(id, [{ name: 'a', phone: '13300000001' }]);
		sandbox.dialAll(id);
		sandbox.importCustomers(id, [{ name: 'b', phone: '13300000002' }]);
		const page = await ok(post('task/notDialedCustomerList', { taskId: id }));
		expect(page.list.map((c: any) => c.name)).toEqual(['b']);
		expect(sandbox.notDialedOf(id).map((c) => c.name)).toEqual(['b']);
		expect(sandbox.customersOf(id).map((c) => c.dialed)).toEqual([true, false]);
	});
});

describe('dialing and call records', () => {
	it('derives outcomes from the phone', () => {
		expect(outcomeOf('13800000001')).toEqual({ finishStatus: 0, durationSec: 11, duration: '11秒', chatRound: 3, intention: 'A' });
		expect(outcomeOf('13800000011')).toMatchObject({ finishStatus: 0, duration: '21' });
		expect(outcomeOf('13800000021')).toMatchObject({ finishStatus: 0, duration: 31 });
		expect(outcomeOf('13800000107')).toEqual({ finishStatus: 1, durationSec: 0, duration: '0', chatRound: 0, intention: 'F' });
		expect(outcomeOf('13800000008').finishStatus).toBe(2);
		expect(outcomeOf('13800000009').finishStatus).toBe(8);
	});

	it('dialAll turns customers into call records and updates the counts', async () => {
		const id = await createTask();
		sandbox.importCustomers(id, [
			{ name: '甲', phone: '13800000001', properties: { 客户姓名: '甲' } },
			{ name: '乙', phone: '13800000007' },
			{ name: '丙', phone: '13800000008' },
			{ name: '丁', phone: '13800000011' },
		]);
		const calls = sandbox.dialAll(id);
		expect(calls.map((c) => [c.customerName, c.finishStatus, c.duration, c.callIndex])).toEqual([
			['甲', 0, '11秒', 1],
			['乙', 1, '0秒', 2],
			['丙', 2, '0秒', 3],
			['丁', 0, '21', 4],
		]);
		expect(calls[0]).toMatchObject({
			callJobId: id,
			status: 2,
			chatRound: 3,
			resultList: [{ name: '意向标签', value: 'A' }],
			properties: JSON.stringify({ 客户姓名: '甲' }),
			callerPhone: '13800000001',
		});
		expect(calls[0].luyinOssUrl).toBe(`${base}/RobotPhoneCommunicate/${calls[0].callInstanceId}.wav`);
		expect(calls[1].luyinOssUrl).toBeNull();
		expect(sandbox.tasks.get(id)).toMatchObject({ totalCount: 4, doneCount: 4, calledCount: 2, rejectedCount: 1, unavailableCount: 1 });
		expect(sandbox.dialAll(id)).toEqual([]);
		const wav = await fetch(calls[0].luyinOssUrl!);
		expect(wav.status).toBe(200);
		expect(wav.headers.get('content-type')).toBe('audio/wav');
		expect(Buffer.from(await wav.arrayBuffer()).subarray(0, 4).toString()).toBe('RIFF');
	});

	it('blacklisted phones end with finishStatus 11', async () => {
		const id = await createTask();
		await ok(post('company/addBlackList', { companyId: 1001, mobile: '13800000001' }));
		sandbox.importCustomers(id, [{ name: 'x', phone: '13800000001' }]);
		expect(sandbox.dialAll(id)[0]).toMatchObject({ finishStatus: 11, chatRound: 0, luyinOssUrl: null });
	});

	it('a running task finishes when everyone is dialed', async () => {
		const id = await createTask();
		sandbox.importCustomers(id, [{ name: 'x', phone: '13800000001' }]);
		await ok(post('task/start', { taskId: id }));
		sandbox.dialAll(id);
		expect(sandbox.tasks.get(id)!.status).toBe(2);
	});

	it('autoDial dials on start and on import into a running task', async () => {
		const dev = new ByrobotSandbox({ autoDial: true });
		const url = await dev.start(0);
		try {
			const post2 = async (path: string, body: unknown) => {
				const res = await fetch(`${url}${path}`, {
					method: 'POST',
					headers: { ...signHeaders(), 'content-type': 'application/json' },
					body: JSON.stringify(body),
				});
				return (await res.json()) as { code: number; data: any };
			};
			const { data: id } = await post2('/openapi/v1/task/createTask', validTask());
			await post2('/openapi/v2/task/importTaskCustomer', { companyId: 1001, taskId: id, customerInfoList: [{ name: 'a', phone: '13800000001' }] });
			expect(dev.callRecordsOf(id)).toHaveLength(0);
			expect((await post2('/openapi/v1/task/start', { taskId: id })).code).toBe(200);
			expect(dev.callRecordsOf(id)).toHaveLength(1);
			expect(dev.tasks.get(id)!.status).toBe(2);
			const { data: id2 } = await post2('/openapi/v1/task/createTask', validTask());
			await post2('/openapi/v1/task/start', { taskId: id2 });
			expect(dev.tasks.get(id2)!.status).toBe(1);
			await post2('/openapi/v2/task/importTaskCustomer', { companyId: 1001, taskId: id2, customerInfoList: [{ name: 'b', phone: '13800000002' }] });
			expect(dev.callRecordsOf(id2)).toHaveLength(1);
		} finally {
			await dev.stop();
		}
	});

	it('seedCallRecords makes n records with generated phones', async () => {
		const id = await createTask();
		const calls = sandbox.seedCallRecords(id, 3);
		expect(calls.map((c) => c.customerTelephone)).toEqual(['13950010001', '13950010002', '13950010003']);
		expect(sandbox.seedCallRecords(id, 2).map((c) => c.customerTelephone)).toEqual(['13950010004', '13950010005']);
		expect(sandbox.tasks.get(id)).toMatchObject({ totalCount: 5, doneCount: 5 });
	});
});

describe('queryDoneTaskPhones', () => {
	let id = 0;
	beforeEach(async () => {
		id = await createTask();
		sandbox.seedCallRecords(id, 100);
	});

	it('pages the finished calls in call order', async () => {
		const p1 = await ok(post('task/queryDoneTaskPhones', { callJobId: id, pageNum: 1, pageSize: 50 }));
		expect(p1).toMatchObject({ pageNum: 1, pageSize: 50, size: 50, total: 100, pages: 2 });
		expect(p1.list[0]).toMatchObject({ callJobId: id, callIndex: 1, customerTelephone: '13950010001', status: 2 });
		for (const key of ['callInstanceId', 'customerName', 'finishStatus', 'duration', 'chatRound', 'startTime', 'endTime', 'luyinOssUrl', 'resultList']) {
			expect(p1.list[0]).toHaveProperty(key);
		}
		const p2 = await ok(post('task/queryDoneTaskPhones', { callJobId: id, pageNum: 2, pageSize: 50 }));
		expect(p2.list[49].callIndex).toBe(100);
		const defaults = await ok(post('task/queryDoneTaskPhones', { callJobId: id }));
		expect(defaults).toMatchObject({ pageNum: 1, pageSize: 10, size: 10 });
		const durations = new Set(sandbox.callRecordsOf(id).filter((c) => c.finishStatus === 0).map((c) => typeof c.duration + (String(c.duration).endsWith('秒') ? '秒' : '')));
		expect(durations).toEqual(new Set(['string秒', 'string', 'number']));
	});

	it('applies the filters', async () => {
		const all = sandbox.callRecordsOf(id);
		const seconds = (c: { duration: string | number }) => parseInt(String(c.duration), 10);
		const query = async (extra: Record<string, unknown>) =>
			(await ok(post('task/queryDoneTaskPhones', { callJobId: id, pageSize: 50, ...extra }))).total;
		expect(await query({ finishStatus: 1 })).toBe(all.filter((c) => c.finishStatus === 1).length);
		expect(await query({ finishStatus: 1 })).toBeGreaterThan(0);
		expect(await query({ durationLeft: 20, durationRight: 40 })).toBe(all.filter((c) => seconds(c) >= 20 && seconds(c) <= 40).length);
		expect(await query({ chatRoundLeft: 5 })).toBe(all.filter((c) => c.chatRound >= 5).length);
		expect(await query({ chatRoundRight: 0 })).toBe(all.filter((c) => c.chatRound === 0).length);
		expect(await query({ resultQueryList: [{ name: '意向标签', value: 'A' }] })).toBe(
			all.filter((c) => c.resultList[0].value === 'A').length,
		);
		expect(await query({ resultQueryList: [{ name: '意向标签', value: 'Z' }] })).toBe(0);
		expect(await query({ index: 90 })).toBe(10);
	});

	it('validates', async () => {
		expect(await fails(post('task/queryDoneTaskPhones', { callJobId: id, pageSize: 51 }), 412)).toBe('参数错误: pageSize must be between 1 and 50');
		await fails(post('task/queryDoneTaskPhones', { callJobId: id, pageSize: 0 }), 412);
		expect(await fails(post('task/queryDoneTaskPhones', { taskId: id }), 412)).toContain('callJobId is required');
		await fails(post('task/queryDoneTaskPhones', { callJobId: id, resultQueryList: [{ name: 1 }] }), 412);
		await fails(post('task/queryDoneTaskPhones', { callJobId: 9999 }), 404);
		await fails(call('GET', 'task/queryDoneTaskPhones', { query: { callJobId: id } }), 405, 405);
	});
});

describe('phoneLogInfo', () => {
	it('returns the dialogue, the instance with properties as a JSON string, and the results', async () => {
		const id = await createTask();
		sandbox.importCustomers(id, [
			{ name: '甲', phone: '13800000001', properties: { 客户姓名: '甲', crmId: 'C-1' } },
			{ name: '乙', phone: '13800000007' },
		]);
		const [answered, rejected] = sandbox.dialAll(id);
		const info = await ok(get('task/phoneLogInfo', { callInstanceId: answered.callInstanceId }));
		expect(info.phoneLog.phoneLogs).toHaveLength(2 * answered.chatRound);
		expect(info.phoneLog.phoneLogs[0]).toMatchObject({ speaker: 'AI', content: expect.stringContaining('甲') });
		expect(info.phoneLog.phoneLogs[1].speaker).toBe('CUSTOMER');
		expect(info.phoneLog.luyinOssUrl).toBe(answered.luyinOssUrl);
		expect(info.sceneInstance).toMatchObject({
			callInstanceId: answered.callInstanceId,
			customerName: '甲',
			customerTelephone: '13800000001',
			duration: '11秒',
			finishStatus: 0,
		});
		expect(JSON.parse(info.sceneInstance.properties)).toEqual({ 客户姓名: '甲', crmId: 'C-1' });
		expect(info.taskResult).toEqual([{ name: '意向标签', value: 'A', resultName: '意向标签', resultValue: 'A' }]);
		const none = await ok(get('task/phoneLogInfo', { callInstanceId: rejected.callInstanceId }));
		expect(none.phoneLog.phoneLogs).toEqual([]);
		await fails(get('task/phoneLogInfo', { callInstanceId: 1 }), 404);
		await fails(get('task/phoneLogInfo', {}), 412);
		// A customer imported but not yet called has no call record.
		sandbox.importCustomers(id, [{ name: '丙', phone: '13800000002' }]);
		await fails(get('task/phoneLogInfo', { callInstanceId: sandbox.notDialedOf(id)[0].callInstanceId }), 404);
	});
});

describe('callBack/queryUnCallBack', () => {
	const today = () => formatBeijing(Date.now()).slice(0, 10);

	it('pages seeded undelivered callbacks', async () => {
		const seeded = sandbox.seedUndeliveredCallbacks(7);
		sandbox.seedUndeliveredCallbacks(2, { callJobId: 5555 });
		sandbox.seedUndeliveredCallbacks(1, { dataType: 1 });
		sandbox.seedUndeliveredCallbacks(1, { companyId: 1002 });
		const q = { companyId: 1001, dataType: 0, startDate: today(), endDate: today() };
		const all = await ok(get('callBack/queryUnCallBack', q));
		expect(all).toMatchObject({ pageNum: 1, pageSize: 100, total: 9, pages: 1 });
		expect(all.list[0]).toEqual({
			callJobId: 4999,
			customerTelephone: seeded[0].customerTelephone,
			callInstanceId: seeded[0].callInstanceId,
			callerTime: seeded[0].callerTime,
			dataType: 0,
		});
		expect((await ok(get('callBack/queryUnCallBack', { ...q, callJobId: 5555 }))).total).toBe(2);
		expect((await ok(get('callBack/queryUnCallBack', { ...q, dataType: 1 }))).total).toBe(1);
		expect((await ok(get('callBack/queryUnCallBack', { ...q, pageNum: 2, pageSize: 5 }))).size).toBe(4);
		expect((await ok(get('callBack/queryUnCallBack', { ...q, startDate: '2000-01-01', endDate: '2000-01-02' }))).total).toBe(0);
		expect((await ok(get('callBack/queryUnCallBack', { ...q, startDate: `${today()} 00:00:00`, endDate: `${today()} 23:59:59` }))).total).toBe(9);
	});

	it('validates', async () => {
		const q = { companyId: 1001, dataType: 0, startDate: today(), endDate: today() };
		expect(await fails(get('callBack/queryUnCallBack', { ...q, pageSize: 501 }), 412)).toBe('参数错误: pageSize must be between 1 and 500');
		await ok(get('callBack/queryUnCallBack', { ...q, pageSize: 500 }));
		await fails(get('callBack/queryUnCallBack', { ...q, dataType: 2 }), 412);
		await fails(get('callBack/queryUnCallBack', { ...q, dataType: undefined }), 412);
		await fails(get('callBack/queryUnCallBack', { ...q, startDate: undefined }), 412);
		await fails(get('callBack/queryUnCallBack', { ...q, endDate: 'yesterday' }), 412);
		await fails(get('callBack/queryUnCallBack', { ...q, startDate: '2030-01-02', endDate: '2030-01-01' }), 412);
		await fails(get('callBack/queryUnCallBack', { ...q, companyId: 1003 }), 403);
	});
});

// ── blacklist ──────────────────────────────────────────────────────────────────────────────────
describe('blacklist', () => {
	it('starts with the default group and no entries', async () => {
		expect(await ok(get('company/blacklist/group/list', { companyId: 1001 }))).toEqual([
			{ blacklistInfoGroupId: -1, name: '默认分组', publicFlag: true, remark: '' },
		]);
		expect(await ok(get('company/blacklist/info/page', { companyId: 1001 }))).toMatchObject({ total: 0, list: [] });
	});

	it('addBlackList adds to the default group', async () => {
		const id = await ok(post('company/addBlackList', { companyId: 1001, mobile: '13900000001', name: '张三', remark: '投诉' }));
		expect(id).toBe(7001);
		const page = await ok(get('company/blacklist/info/page', { companyId: 1001, blacklistInfoGroupId: -1 }));
		expect(page).toMatchObject({ pageNum: 1, pageSize: 20, total: 1 });
		expect(page.list[0]).toEqual({
			blacklistInfoId: 7001,
			blacklistInfoGroupId: -1,
			name: '张三',
			mobile: '13900000001',
			remark: '投诉',
			gmtCreate: expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/),
		});
		expect(await fails(post('company/addBlackList', { companyId: 1001, mobile: '13900000001' }), 412)).toContain('already');
		expect(await fails(post('company/addBlackList', { companyId: 1001 }), 412)).toBe('参数错误: mobile is required');
		await fails(post('company/addBlackList', { companyId: 1001, mobile: 'abc' }), 412);
		await fails(post('company/addBlackList', { companyId: 1003, mobile: '13900000001' }), 403);
	});

	it('groups: add, batch add, page, edit, delete', async () => {
		const groupId = await ok(post('company/blacklist/group/add', { companyId: 1001, name: '投诉用户', remark: 'r' }));
		expect(groupId).toBe(301);
		const viaGroupName = await ok(post('company/blacklist/group/add', { companyId: 1001, groupName: '第二组' }));
		expect(viaGroupName).toBe(302);
		await fails(post('company/blacklist/group/add', { companyId: 1001, name: '投诉用户' }), 412);
		expect(await fails(post('company/blacklist/group/add', { companyId: 1001 }), 412)).toContain('name');

		const batch = await ok(
			post('company/addBlackList/batch', {
				companyId: 1001,
				blacklistInfoGroupId: groupId,
				blacklist: [
					{ mobile: '13900000001', name: 'a', remark: 'x' },
					{ mobile: '13900000002', name: 'b' },
					{ mobile: '13900000001', name: 'a again' },
					{ mobile: 'bad', name: 'c' },
				],
			}),
		);
		expect(batch).toEqual({ requsetNum: 4, successNum: 2 });
		await fails(post('company/addBlackList/batch', { companyId: 1001, blacklistInfoGroupId: 999, blacklist: [{ mobile: '1', name: 'x' }] }), 404);
		expect(await fails(post('company/addBlackList/batch', { companyId: 1001, blacklistInfoGroupId: groupId, blacklist: [{ mobile: '13900000003' }] }), 412)).toBe('参数错误: blacklist[0].name is required');
		await fails(post('company/addBlackList/batch', { companyId: 1001, blacklist: [] }), 412);

		const groups = await ok(get('company/blacklist/group/list', { companyId: 1001 }));
		expect(groups.map((g: any) => [g.blacklistInfoGroupId, g.name])).toEqual([[-1, '默认分组'], [301, '投诉用户'], [302, '第二组']]);
		expect(await ok(get('company/blacklist/group/list', { companyId: 1001, pageNum: 2, pageSize: 2 }))).toHaveLength(1);

		const inGroup = await ok(get('company/blacklist/info/page', { companyId: 1001, blacklistInfoGroupId: groupId }));
		expect(inGroup.list.map((e: any) => e.mobile)).toEqual(['13900000002', '13900000001']);
		const byMobile = await ok(get('company/blacklist/info/page', { companyId: 1001, mobile: '13900000002' }));
		expect(byMobile.total).toBe(1);
		const paged = await ok(get('company/blacklist/info/page', { companyId: 1001, pageNum: 2, pageSize: 1 }));
		expect(paged).toMatchObject({ total: 2, pages: 2, size: 1 });
		await fails(get('company/blacklist/info/page', { companyId: 1001, blacklistInfoGroupId: 999 }), 404);

		expect(await ok(post('company/blacklist/group/edit', { companyId: 1001, blacklistInfoGroupId: groupId, name: '改名组' }))).toBe(true);
		expect(sandbox.blacklistGroups.get(1001)!.get(groupId)!.name).toBe('改名组');
		await fails(post('company/blacklist/group/edit', { companyId: 1001, blacklistInfoGroupId: -1, name: 'x' }), 412);
		await fails(post('company/blacklist/group/edit', { companyId: 1001, blacklistInfoGroupId: 999, name: 'x' }), 404);

		expect(await fails(post('company/blacklist/group/delete', { companyId: 1001, blacklistInfoGroupId: groupId }), 412)).toContain('still holds');
		await fails(post('company/blacklist/group/delete', { companyId: 1001, blacklistInfoGroupId: -1 }), 412);

		const [first] = sandbox.blacklistOf(1001, groupId);
		expect(await ok(post('company/blacklist/info/delete', { companyId: 1001, blacklistInfoId: first.blacklistInfoId }))).toBe(true);
		expect(await ok(post('company/blacklist/info/delete', { companyId: 1001, blacklistInfoGroupId: groupId, mobile: '13900000001' }))).toBe(true);
		await fails(post('company/blacklist/info/delete', { companyId: 1001, mobile: '13900000001' }), 404);
		await fails(post('company/blacklist/info/delete', { companyId: 1001 }), 412);
		expect(await ok(post('company/blacklist/group/delete', { companyId: 1001, blacklistInfoGroupId: groupId }))).toBe(true);
		expect(sandbox.blacklistGroups.get(1001)!.has(groupId)).toBe(false);
	});
});

// ── failure injection ──────────────────────────────────────────────────────────────────────────
describe('failure injection', () => {
	it('http', async () => {
		sandbox.fail({ path: 'company/getCompanys', failure: { kind: 'http', status: 503 } });
		const a = await get('company/getCompanys');
		expect(a.status).toBe(503);
		await ok(get('company/getCompanys'));
	});

	it('envelope uses the BYRobot envelope', async () => {
		sandbox.fail({ path: 'task/getTasks', failure: { kind: 'envelope', code: 500 } });
		const a = await get('task/getTasks', { companyId: 1001 });
		expect(a.status).toBe(200);
		expect(a.json).toEqual({ code: 500, data: null, resultMsg: '系统异常', errorStackTrace: null, requestId: expect.any(String) });
		sandbox.fail({ path: 'task/getTasks', failure: { kind: 'envelope', code: 401, resultMsg: 'custom' } });
		expect((await get('task/getTasks', { companyId: 1001 })).json).toMatchObject({ code: 401, resultMsg: 'custom' });
	});

	it('html and malformed', async () => {
		sandbox.fail({ path: 'company/getPhones', failure: { kind: 'html' } });
		const html = await get('company/getPhones', { companyId: 1001 });
		expect(html.status).toBe(502);
		expect(html.headers.get('content-type')).toContain('text/html');
		sandbox.fail({ path: 'company/getPhones', failure: { kind: 'malformed' } });
		const malformed = await get('company/getPhones', { companyId: 1001 });
		expect(typeof malformed.json).toBe('string');
	});

	it('slow delays but answers', async () => {
		sandbox.fail({ path: 'company/getCompanys', failure: { kind: 'slow', ms: 200 } });
		const started = Date.now();
		await ok(get('company/getCompanys'));
		expect(Date.now() - started).toBeGreaterThanOrEqual(190);
	});

	it('reset drops the connection', async () => {
		sandbox.fail({ path: 'company/getCompanys', failure: { kind: 'reset' } });
		await expect(get('company/getCompanys')).rejects.toThrow();
		await ok(get('company/getCompanys'));
	});

	it('skip, times and method select the failing requests', async () => {
		sandbox.fail({ method: 'POST', path: 'task/start', skip: 1, times: 2, failure: { kind: 'envelope', code: 500 } });
		const [a, b, c, d] = sandbox.seedTasks(1001, 4);
		const codes: number[] = [];
		for (const id of [a, b, c, d]) codes.push((await post('task/start', { taskId: id })).json.code);
		expect(codes).toEqual([200, 500, 500, 200]);
		// Failed requests are still recorded.
		expect(sandbox.requestsTo('task/start', 'POST')).toHaveLength(4);
		sandbox.fail({ method: 'GET', path: 'task/start', failure: { kind: 'http', status: 500 } });
		const [e] = sandbox.seedTasks(1001, 1);
		await ok(post('task/start', { taskId: e }));
		sandbox.clearFailures();
	});

	it('latencyMs delays every answer', async () => {
		sandbox.latencyMs = 100;
		try {
			const started = Date.now();
			await ok(get('company/getCompanys'));
			expect(Date.now() - started).toBeGreaterThanOrEqual(95);
		} finally {
			sandbox.latencyMs = 0;
		}
	});
});

describe('reset', () => {
	it('restores the seed state and ids', async () => {
		await createTask();
		await ok(post('company/addBlackList', { companyId: 1001, mobile: '13900000001' }));
		await ok(post('company/blacklist/group/add', { companyId: 1001, name: 'g' }));
		sandbox.seedUndeliveredCallbacks(2);
		sandbox.fail({ path: 'company/getCompanys', times: Infinity, failure: { kind: 'http', status: 500 } });
		sandbox.reset();
		expect(sandbox.tasks.size).toBe(0);
		expect(sandbox.blacklist.size).toBe(0);
		expect(sandbox.blacklistGroups.get(1001)!.size).toBe(1);
		expect(sandbox.undeliveredCallbacks).toEqual([]);
		expect(sandbox.requests).toEqual([]);
		await ok(get('company/getCompanys'));
		expect(await createTask()).toBe(5001);
	});
});
