// Tests of the Bangwo8 sandbox itself (not of any node), over real HTTP with Node's fetch.
import { request } from 'http';
import { Bangwo8Sandbox, SANDBOX_ADMIN, SANDBOX_AGENT, SANDBOX_OAUTH } from './bangwo8';

const sandbox = new Bangwo8Sandbox();

beforeAll(async () => {
	await sandbox.start(0);
});
afterAll(async () => {
	await sandbox.stop();
});
beforeEach(() => sandbox.reset());

const basic = (user: string, pass: string) => `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}`;
const ADMIN = basic(SANDBOX_ADMIN.account, SANDBOX_ADMIN.password);
const AGENT = basic(SANDBOX_AGENT.account, SANDBOX_AGENT.password);
const CLIENT = basic(SANDBOX_OAUTH.clientId, SANDBOX_OAUTH.clientSecret);

interface Reply {
	status: number;
	headers: Headers;
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	json: any;
	text: string;
}

/** Calls the sandbox; `path` may be a full URL (next_page). JSON bodies get the JSON content type. */
async function call(
	method: string,
	path: string,
	options: { auth?: string | null; body?: unknown; headers?: Record<string, string> } = {},
): Promise<Reply> {
	const headers: Record<string, string> = { ...(options.headers ?? {}) };
	const auth = options.auth === undefined ? ADMIN : options.auth;
	if (auth) headers.Authorization = auth;
	let body: string | undefined;
	if (options.body !== undefined) {
		body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
		if (!Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) {
			headers['Content-Type'] = 'application/json';
		}
	}
	const res = await fetch(path.startsWith('http') ? path : sandbox.url + path, { method, headers, body });
	const text = await res.text();
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch {
		json = undefined;
	}
	return { status: res.status, headers: res.headers, json, text };
}

const get = (path: string, auth?: string | null) => call('GET', path, { auth });

async function token(): Promise<string> {
	const res = await call('POST', '/api/token.php', {
		auth: CLIENT,
		body: 'grant_type=client_credentials',
		headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
	});
	expect(res.status).toBe(200);
	return res.json.access_token;
}

const newTask = (over: Record<string, unknown> = {}) => ({
	callTask: {
		task_name: '外呼任务名称1',
		task_start: '2030-05-20',
		task_end: '2030-05-23',
		task_user: [321456, 378594, 264758],
		task_service: [567332, 345294],
		data_source: '1',
		...over,
	},
});

describe('Basic authentication', () => {
	it('lets the admin account in', async () => {
		const res = await get('/api/v1/callTask.json');
		expect(res.status).toBe(200);
		expect(res.json).toEqual({ callTask: [], count: 0, next_page: null, previous_page: null });
	});

	it('answers 401 with a Basic challenge for a wrong password or no credentials', async () => {
		for (const auth of [basic(SANDBOX_ADMIN.account, 'nope'), basic('someone@else.com', 'x'), null, 'Digest abc']) {
			const res = await get('/api/v1/callTask.json', auth);
			expect(res.status).toBe(401);
			expect(res.headers.get('www-authenticate')).toBe('Basic realm="bangwo8"');
			expect(res.json).toEqual({ errcode: '100001', errmsg: expect.any(String) });
		}
	});

	it('checks credentials before the path, so an unknown path without credentials is 401', async () => {
		expect((await get('/api/v1/nothing.json', null)).status).toBe(401);
	});

	it('forbids the agent account every callTask endpoint but lets it list agents and contacts', async () => {
		const [id] = sandbox.seedCallTasks(1);
		const forbidden = { errcode: '100003', errmsg: 'Permission denied: the callTask API needs the admin account' };
		const attempts = [
			call('GET', '/api/v1/callTask.json', { auth: AGENT }),
			call('GET', `/api/v1/callTask/${id}.json`, { auth: AGENT }),
			call('GET', `/api/v1/callTask/userList/${id}.json`, { auth: AGENT }),
			call('DELETE', `/api/v1/callTask/${id}.json`, { auth: AGENT }),
			call('POST', '/api/v1/callTask.json', { auth: AGENT, body: newTask() }),
		];
		for (const res of await Promise.all(attempts)) {
			expect(res.status).toBe(403);
			expect(res.json).toEqual(forbidden);
		}
		expect(sandbox.callTasks.size).toBe(1);
		expect((await get('/api/v1/supports.json', AGENT)).status).toBe(200);
		expect((await get('/api/v1/users.json', AGENT)).status).toBe(200);
	});
});

describe('OAuth2 client credentials', () => {
	it('issues a Bearer token that acts as the admin', async () => {
		const res = await call('POST', '/api/token.php', {
			auth: CLIENT,
			body: 'grant_type=client_credentials',
			headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
		});
		expect(res.status).toBe(200);
		expect(res.json).toEqual({ access_token: expect.stringMatching(/^[0-9a-f]{40}$/), expires_in: 3600, token_type: 'Bearer' });
		expect(sandbox.issuedTokens).toBe(1);
		const list = await get('/api/v1/callTask.json', `Bearer ${res.json.access_token}`);
		expect(list.status).toBe(200);
		expect(sandbox.issuedTokens).toBe(1);
	});

	it('rejects a bad client with invalid_client', async () => {
		for (const auth of [basic(SANDBOX_OAUTH.clientId, 'wrong'), basic('other', SANDBOX_OAUTH.clientSecret), null]) {
			const res = await call('POST', '/api/token.php', {
				auth,
				body: 'grant_type=client_credentials',
				headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
			});
			expect(res.status).toBe(401);
			expect(res.json).toEqual({ error: 'invalid_client', error_description: expect.any(String) });
		}
		expect(sandbox.issuedTokens).toBe(0);
	});

	it('rejects other grant types, a missing grant_type and a non-form body', async () => {
		const form = { 'Content-Type': 'application/x-www-form-urlencoded' };
		const wrong = await call('POST', '/api/token.php', { auth: CLIENT, body: 'grant_type=password', headers: form });
		expect(wrong.status).toBe(400);
		expect(wrong.json).toEqual({ error: 'unsupported_grant_type', error_description: expect.any(String) });
		const missing = await call('POST', '/api/token.php', { auth: CLIENT, body: 'scope=all', headers: form });
		expect(missing.status).toBe(400);
		expect(missing.json.error).toBe('invalid_request');
		const json = await call('POST', '/api/token.php', { auth: CLIENT, body: { grant_type: 'client_credentials' } });
		expect(json.status).toBe(400);
		expect(json.json.error).toBe('invalid_request');
		expect((await call('GET', '/api/token.php', { auth: CLIENT })).status).toBe(405);
	});

	it('answers 401 errcode/errmsg to unknown and expired tokens', async () => {
		const unknown = await get('/api/v1/callTask.json', 'Bearer not-a-token');
		expect(unknown.status).toBe(401);
		expect(unknown.json).toEqual({ errcode: '100004', errmsg: 'Invalid access token' });

		const t = await token();
		const realClock = sandbox.clock;
		sandbox.clock = () => realClock() + 3601 * 1000;
		const late = await get('/api/v1/callTask.json', `Bearer ${t}`);
		expect(late.status).toBe(401);
		expect(late.json).toEqual({ errcode: '100004', errmsg: 'Access token expired' });

		sandbox.clock = realClock;
		expect((await get('/api/v1/callTask.json', `Bearer ${t}`)).status).toBe(200);
		sandbox.expireTokens();
		expect((await get('/api/v1/callTask.json', `Bearer ${t}`)).status).toBe(401);
	});

	it('honours tokenTtlSeconds', async () => {
		sandbox.tokenTtlSeconds = 1;
		const res = await call('POST', '/api/token.php', {
			auth: CLIENT,
			body: 'grant_type=client_credentials',
			headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
		});
		expect(res.json.expires_in).toBe(1);
		const t = res.json.access_token;
		const realClock = sandbox.clock;
		sandbox.clock = () => realClock() + 1500;
		expect((await get('/api/v1/callTask.json', `Bearer ${t}`)).status).toBe(401);
		expect(new Bangwo8Sandbox({ tokenTtlSeconds: 60 }).tokenTtlSeconds).toBe(60);
	});
});

describe('routing and request checks', () => {
	it('answers 404 Invalid resource URI to unknown resources and ids that are not numbers', async () => {
		for (const path of ['/api/v1/tickets.json', '/api/v1/callTask/abc.json', '/api/v2/callTask.json', '/api/v1/calltask.json']) {
			const res = await get(path);
			expect(res.status).toBe(404);
			expect(res.json).toEqual({ errcode: '100047', errmsg: 'Invalid resource URI' });
		}
	});

	it('accepts the capitalised CallTask of the seed examples', async () => {
		const created = await call('POST', '/api/v1/CallTask.json', { body: newTask() });
		expect(created.status).toBe(200);
		const id = created.json.callTask.data[0].callTaskId;
		expect((await get(`/api/v1/CallTask/${id}.json`)).status).toBe(200);
		expect((await get(`/api/v1/CallTask/userList/${id}.json`)).status).toBe(200);
		const deleted = await call('DELETE', `/api/v1/CallTask/${id}.json`, { headers: { 'Content-Type': 'application/json' } });
		expect(deleted.json).toEqual({ Status: '200 OK', callTaskId: id });
	});

	it('answers 405 to a wrong method', async () => {
		for (const [method, path] of [
			['PUT', '/api/v1/callTask.json'],
			['DELETE', '/api/v1/callTask.json'],
			['POST', '/api/v1/callTask/49242970.json'],
			['DELETE', '/api/v1/supports.json'],
		]) {
			const res = await call(method, path, { body: {} });
			expect(res.status).toBe(405);
			expect(res.json).toEqual({ errcode: '100048', errmsg: expect.stringContaining(method) });
			expect(res.headers.get('allow')).toBeTruthy();
		}
	});

	it('answers 400 to a POST without the JSON content type or with a body that is not JSON', async () => {
		const formBody = await call('POST', '/api/v1/callTask.json', {
			body: 'task_name=x',
			headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
		});
		expect(formBody.status).toBe(400);
		expect(formBody.json).toEqual({ errcode: '100011', errmsg: 'Content-Type must be application/json' });
		const noType = await fetch(`${sandbox.url}/api/v1/callTask.json`, {
			method: 'POST',
			headers: { Authorization: ADMIN },
			body: new Uint8Array(Buffer.from(JSON.stringify(newTask()))),
		});
		expect(noType.status).toBe(400);
		const broken = await call('POST', '/api/v1/callTask.json', { body: '{"callTask": {' });
		expect(broken.status).toBe(400);
		expect(broken.json.errcode).toBe('100012');
		const empty = await call('POST', '/api/v1/callTask.json', { headers: { 'Content-Type': 'application/json' } });
		expect(empty.status).toBe(400);
		expect(sandbox.callTasks.size).toBe(0);
	});
});

describe('agents and contacts', () => {
	it('lists the five seeded agents, newest first', async () => {
		const res = await get('/api/v1/supports.json');
		expect(res.status).toBe(200);
		expect(res.json.count).toBe(5);
		expect(res.json.next_page).toBeNull();
		expect(res.json.previous_page).toBeNull();
		expect(res.json.supports.map((a: { sId: string }) => a.sId)).toEqual(['700002', '700001', '655758', '345294', '567332']);
		const wang = res.json.supports.find((a: { sId: string }) => a.sId === '567332');
		expect(wang).toEqual({
			sId: '567332',
			name: '王客服',
			sPassportName: 'admin@sandbox.bangwo8.com',
			sNum: '8001',
			email: 'admin@sandbox.bangwo8.com',
			mobile: '13800138001',
			groupId: '101',
			isAdmin: '1',
			isStat: '1',
			created_at: '2023-01-05 09:00:00',
			updated_at: '2024-03-01 10:00:00',
		});
		const stat = Object.fromEntries(res.json.supports.map((a: { sId: string; isStat: string; name: string }) => [a.sId, [a.name, a.isStat]]));
		expect(stat).toEqual({
			'567332': ['王客服', '1'],
			'345294': ['李客服', '1'],
			'655758': ['张客服', '1'],
			'700001': ['离职客服', '2'],
			'700002': ['回收站客服', '0'],
		});
	});

	it('lists the eight seeded contacts with 11-digit mobiles and their states', async () => {
		const res = await get('/api/v1/users.json?created_order=asc');
		expect(res.status).toBe(200);
		expect(res.json.count).toBe(8);
		const users = res.json.users as Array<{ cId: string; state: string; mobile: string; companyId: string }>;
		expect(users.map((u) => u.cId)).toEqual(['321456', '378594', '264758', '9516936', '9516345', '400001', '400002', '400003']);
		expect(users.map((u) => u.state)).toEqual(['1', '1', '1', '1', '1', '1', '2', '3']);
		for (const u of users) expect(u.mobile).toMatch(/^1\d{10}$/);
		expect(users[0]).toEqual({
			cId: '321456',
			name: '赵先生',
			mobile: '13911110001',
			email: 'zhao@example.com',
			companyId: '5061778',
			supportId: '567332',
			state: '1',
			created_at: '2023-06-01 10:00:00',
			updated_at: '2023-06-01 10:00:00',
		});
	});

	it('filters by inclusive created dates and orders by updated', async () => {
		const range = await get('/api/v1/users.json?created_start=2023-06-02&created_end=2023-06-04&created_order=asc');
		expect(range.json.users.map((u: { cId: string }) => u.cId)).toEqual(['378594', '264758', '9516936']);
		const precise = await get('/api/v1/users.json?created_start=2023-06-02%2010:00:01&created_end=2023-06-04%2010:00:00');
		expect(precise.json.users.map((u: { cId: string }) => u.cId)).toEqual(['9516936', '264758']);
		const updated = await get('/api/v1/supports.json?updated_order=asc&updated_start=2024-02-01');
		expect(updated.json.supports.map((a: { sId: string }) => a.sId)).toEqual(['655758', '567332', '345294']);
	});

	it('answers 400 to malformed filters and paging', async () => {
		for (const query of [
			'created_start=2023/06/02',
			'created_end=2023-02-30',
			'updated_start=yesterday',
			'created_start=2023-06-02T10:00:00Z',
			'created_order=newest',
			'per_page=101',
			'per_page=0',
			'page=0',
			'page=x',
		]) {
			const res = await get(`/api/v1/users.json?${query}`);
			expect([query, res.status]).toEqual([query, 400]);
			expect(res.json).toEqual({ errcode: '100010', errmsg: expect.any(String) });
		}
	});
});

describe('call task list and paging', () => {
	it('follows next_page through 250 tasks at per_page 100: 3 pages, no duplicates, newest first', async () => {
		const ids = sandbox.seedCallTasks(250);
		expect(new Set(ids).size).toBe(250);
		const seen: string[] = [];
		let url: string | null = '/api/v1/callTask.json?per_page=100';
		let pages = 0;
		while (url) {
			const res: Reply = await get(url);
			expect(res.status).toBe(200);
			expect(res.json.count).toBe(250);
			expect(res.json.previous_page).toBe(pages ? `${sandbox.url}/api/v1/callTask.json?per_page=100&page=${pages}` : null);
			pages++;
			seen.push(...res.json.callTask.map((t: { callTaskId: string }) => t.callTaskId));
			url = res.json.next_page;
			if (url) expect(url).toBe(`${sandbox.url}/api/v1/callTask.json?per_page=100&page=${pages + 1}`);
		}
		expect(pages).toBe(3);
		expect(seen).toHaveLength(250);
		expect(new Set(seen).size).toBe(250);
		expect(seen).toEqual([...ids].reverse());
	});

	it('builds next_page from the Host header and keeps the other parameters', async () => {
		sandbox.seedCallTasks(5);
		const res = await get('/api/v1/callTask.json?created_start=2024-01-02&per_page=2&created_order=asc');
		expect(res.json.count).toBe(4);
		expect(res.json.next_page).toBe(`${sandbox.url}/api/v1/callTask.json?created_start=2024-01-02&per_page=2&created_order=asc&page=2`);
		const second = await get(res.json.next_page);
		expect(second.json.next_page).toBeNull();
		expect(second.json.previous_page).toBe(`${sandbox.url}/api/v1/callTask.json?created_start=2024-01-02&per_page=2&created_order=asc&page=1`);
		expect(second.json.callTask.map((t: { created_at: string }) => t.created_at)).toEqual([
			'2024-01-04 09:00:00',
			'2024-01-05 09:00:00',
		]);
		// fetch will not send another Host, so this one goes through http.request.
		const other = await new Promise<string>((resolve, reject) => {
			const req = request(
				`${sandbox.url}/api/v1/callTask.json?per_page=2`,
				{ headers: { Authorization: ADMIN, Host: 'example.test:8080' } },
				(res) => {
					let text = '';
					res.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
					res.on('end', () => resolve(text));
				},
			);
			req.on('error', reject);
			req.end();
		});
		expect(JSON.parse(other).next_page).toBe('http://example.test:8080/api/v1/callTask.json?per_page=2&page=2');
	});

	it('lists items with string ids, Chinese status and timestamps', async () => {
		const [id] = sandbox.seedCallTasks(1);
		const res = await get('/api/v1/callTask.json');
		expect(res.json.callTask).toEqual([
			{
				callTaskId: id,
				task_name: '沙盒外呼任务1',
				task_start: '2024-01-01',
				task_end: '2024-01-08',
				complete: '逾期未完成',
				created_at: '2024-01-01 09:00:00',
				updated_at: '2024-01-01 09:30:00',
			},
		]);
		expect(id).toBe('49242970');
	});

	it('answers an empty page past the end', async () => {
		sandbox.seedCallTasks(3);
		const res = await get('/api/v1/callTask.json?page=5');
		expect(res.json.callTask).toEqual([]);
		expect(res.json.next_page).toBeNull();
		expect(res.json.count).toBe(3);
	});
});

describe('creating call tasks', () => {
	it('creates one task for contacts, distributing them round-robin over the agents', async () => {
		const res = await call('POST', '/api/v1/callTask.json', { body: newTask() });
		expect(res.status).toBe(200);
		expect(res.json).toEqual({
			callTask: {
				task_name: '外呼任务名称1',
				task_start: '2030-05-20',
				task_end: '2030-05-23',
				sumCount: 3,
				legalCount: 3,
				illegalCount: [],
				successCount: 3,
				failureCount: '0',
				data: [
					{ callTaskId: '49242970', task_user: [321456, 264758], task_service: '567332' },
					{ callTaskId: '49242970', task_user: [378594], task_service: '345294' },
				],
			},
		});
		expect(sandbox.callTasks.size).toBe(1);
		const rows = sandbox.customersOf('49242970')!;
		expect(rows.map((r) => [r.userId, r.agentId, r.phone])).toEqual([
			['321456', '567332', '13911110001'],
			['378594', '345294', '13911110002'],
			['264758', '567332', '13911110003'],
		]);
	});

	it('echoes unknown, inactive, malformed and repeated users as illegal', async () => {
		const users = ['321456', 400002, 400003, 999, 'abc', 321456, 5061778];
		const res = await call('POST', '/api/v1/callTask.json', { body: newTask({ task_user: users, task_service: ['655758'] }) });
		expect(res.status).toBe(200);
		expect(res.json.callTask).toMatchObject({
			sumCount: 7,
			legalCount: 1,
			illegalCount: [400002, 400003, 999, 'abc', 321456, 5061778],
			successCount: 1,
			failureCount: '6',
			data: [{ callTaskId: '49242970', task_user: ['321456'], task_service: '655758' }],
		});
	});

	it('takes company ids when data_source is "0" (number 0 too)', async () => {
		const res = await call('POST', '/api/v1/callTask.json', {
			body: newTask({ data_source: 0, task_user: [5061778, '476207', '500001', '321456'], task_service: ['567332'] }),
		});
		expect(res.status).toBe(200);
		expect(res.json.callTask.legalCount).toBe(3);
		expect(res.json.callTask.illegalCount).toEqual(['321456']);
		const list = await get('/api/v1/callTask/userList/49242970.json');
		expect(list.json.callTask.map((r: { userList: unknown }) => r.userList)).toEqual([
			{ cId: '9516936', uId: '5061778', userName: '测试公司联系人1', companyName: '测试公司2', phone: '13011112228', progress: '待处理' },
			{ cId: '9516345', uId: '476207', userName: '测试公司联系人2', companyName: '2233', phone: '13011112229', progress: '待处理' },
			{ cId: '400001', uId: '500001', userName: '周先生', companyName: '沙盒科技有限公司', phone: '13911110006', progress: '-1' },
		]);
	});

	it('accepts date-times and numeric data_source 1', async () => {
		const res = await call('POST', '/api/v1/callTask.json', {
			body: newTask({ task_start: '2030-05-20 09:00:00', task_end: '2030-05-20 18:00:00', data_source: 1 }),
		});
		expect(res.status).toBe(200);
		expect(res.json.callTask.task_start).toBe('2030-05-20 09:00:00');
	});

	it('answers 400 naming the missing or wrong field', async () => {
		const cases: Array<[unknown, string]> = [
			[{}, 'callTask'],
			[{ callTask: [] }, 'callTask'],
			[newTask({ task_name: undefined }), 'task_name'],
			[newTask({ task_name: '' }), 'task_name'],
			[newTask({ task_start: undefined }), 'task_start'],
			[newTask({ task_end: undefined }), 'task_end'],
			[newTask({ task_user: undefined }), 'task_user'],
			[newTask({ task_user: [] }), 'task_user'],
			[newTask({ task_service: undefined }), 'task_service'],
			[newTask({ data_source: undefined }), 'data_source'],
			[newTask({ data_source: '2' }), 'data_source'],
			[newTask({ data_source: 'company' }), 'data_source'],
			[newTask({ task_start: '2030-05-20T00:00:00.000Z' }), 'task_start'],
			[newTask({ task_end: '20/05/2030' }), 'task_end'],
			[newTask({ task_start: '2030-05-24' }), 'task_end must not be before task_start'],
			[newTask({ task_user: '321456' }), 'task_user'],
			[newTask({ task_service: [567332, 700001] }), '700001'],
			[newTask({ task_service: ['700002'] }), '700002'],
			[newTask({ task_service: ['1'] }), '"1"'],
		];
		for (const [body, named] of cases) {
			const res = await call('POST', '/api/v1/callTask.json', { body });
			expect([named, res.status]).toEqual([named, 400]);
			expect(res.json.errcode).toBe('100010');
			expect(res.json.errmsg).toContain(named);
		}
		expect(sandbox.callTasks.size).toBe(0);
	});

	it('answers 200 with successCount 0 and stores nothing when no user is legal', async () => {
		// The seed's own curl example: contact ids with data_source "0" (companies).
		const res = await call('POST', '/api/v1/CallTask.json', { body: newTask({ data_source: '0' }) });
		expect(res.status).toBe(200);
		expect(res.json.callTask).toMatchObject({
			sumCount: 3,
			legalCount: 0,
			illegalCount: [321456, 378594, 264758],
			successCount: 0,
			failureCount: '3',
			data: [],
		});
		expect(sandbox.callTasks.size).toBe(0);
	});

	it('replays the answer to a repeated Requestid instead of creating twice', async () => {
		const headers = { Requestid: 'req-1' };
		const first = await call('POST', '/api/v1/callTask.json', { body: newTask(), headers });
		const again = await call('POST', '/api/v1/callTask.json', { body: newTask(), headers });
		expect(again.json).toEqual(first.json);
		expect(sandbox.callTasks.size).toBe(1);
		await call('POST', '/api/v1/callTask.json', { body: newTask(), headers: { Requestid: 'req-2' } });
		expect(sandbox.callTasks.size).toBe(2);
	});
});

describe('call task detail', () => {
	it('answers the seed shape: startime, numbers as strings', async () => {
		await call('POST', '/api/v1/callTask.json', { body: newTask() });
		const res = await get('/api/v1/callTask/49242970.json');
		expect(res.status).toBe(200);
		expect(res.json).toEqual({
			callTask: {
				callTaskId: '49242970',
				task_name: '外呼任务名称1',
				startime: '2030-05-20',
				task_end: '2030-05-23',
				complete: '进行中',
				task_service: '567332,345294',
				phoneCount: '3',
				completeCount: '0',
				connectCount: '0',
			},
		});
	});

	it('wraps the object in an array when wrapDetailInArray is set', async () => {
		const [id] = sandbox.seedCallTasks(1);
		sandbox.wrapDetailInArray = true;
		const res = await get(`/api/v1/callTask/${id}.json`);
		expect(Array.isArray(res.json.callTask)).toBe(true);
		expect(res.json.callTask[0]).toMatchObject({ callTaskId: id, startime: '2024-01-01', task_service: '567332' });
		expect(new Bangwo8Sandbox({ wrapDetailInArray: true }).wrapDetailInArray).toBe(true);
	});

	it('computes complete from dates and progress', async () => {
		await call('POST', '/api/v1/callTask.json', { body: newTask() });
		const realClock = sandbox.clock;
		sandbox.clock = () => Date.UTC(2030, 4, 23, 15, 59, 59); // 2030-05-23 23:59:59 UTC+8: last second
		expect((await get('/api/v1/callTask/49242970.json')).json.callTask.complete).toBe('进行中');
		sandbox.clock = () => Date.UTC(2030, 4, 23, 16, 0, 0);
		expect((await get('/api/v1/callTask/49242970.json')).json.callTask.complete).toBe('逾期未完成');
		sandbox.setProgress('49242970', 321456, 1);
		sandbox.setProgress('49242970', '378594', '已完成');
		sandbox.setProgress(49242970, '264758', '1');
		const done = (await get('/api/v1/callTask/49242970.json')).json.callTask;
		expect(done).toMatchObject({ complete: '已完成', completeCount: '3', connectCount: '3', phoneCount: '3' });
		sandbox.clock = realClock;
		expect(() => sandbox.setProgress('49242970', '400001', 1)).toThrow();
	});

	it('answers 404 to an unknown id', async () => {
		const res = await get('/api/v1/callTask/123.json');
		expect(res.status).toBe(404);
		expect(res.json).toEqual({ errcode: '100044', errmsg: 'callTaskId 123 does not exist' });
	});
});

describe('deleting call tasks', () => {
	it('deletes and answers Status 200 OK', async () => {
		const [id, other] = sandbox.seedCallTasks(2);
		const res = await call('DELETE', `/api/v1/callTask/${id}.json`);
		expect(res.status).toBe(200);
		expect(res.json).toEqual({ Status: '200 OK', callTaskId: id });
		expect([...sandbox.callTasks.keys()]).toEqual([other]);
		expect((await get(`/api/v1/callTask/${id}.json`)).status).toBe(404);
	});

	it('answers an unknown id with HTTP 200 and Status "403" in the body, or HTTP 403 when told', async () => {
		const quiet = await call('DELETE', '/api/v1/callTask/18738405.json');
		expect(quiet.status).toBe(200);
		expect(quiet.json).toEqual({ Status: '403', message: 'callTaskId does not exist' });
		sandbox.deleteMissingStatus = 403;
		const loud = await call('DELETE', '/api/v1/callTask/18738405.json');
		expect(loud.status).toBe(403);
		expect(loud.json).toEqual({ Status: '403', message: 'callTaskId does not exist' });
	});
});

describe('call task customer list', () => {
	const allContacts = ['321456', '378594', '264758', '9516936', '9516345', '400001'];

	it('answers the seed shape with mixed progress values', async () => {
		const [id] = sandbox.seedCallTasks(1, { task_user: allContacts, task_service: ['567332', '655758'] });
		const res = await get(`/api/v1/callTask/userList/${id}.json`);
		expect(res.status).toBe(200);
		expect(res.json.count).toBe('6');
		expect(res.json.previous_page).toBe('');
		expect(res.json.next_page).toBe('');
		expect(res.json.callTask[0]).toEqual({
			callTaskid: id,
			userList: { cId: '321456', uId: '5061778', userName: '赵先生', companyName: '测试公司2', phone: '13911110001', progress: '待处理' },
		});
		expect(res.json.callTask.map((r: { userList: { progress: unknown } }) => r.userList.progress)).toEqual([
			'待处理',
			'待处理',
			'-1',
			'待处理',
			0,
			'待处理',
		]);
	});

	it('pages with full next_page URLs and "" on the last page', async () => {
		const [id] = sandbox.seedCallTasks(1, { task_user: allContacts });
		const seen: string[] = [];
		let url = `/api/v1/callTask/userList/${id}.json?per_page=4`;
		let pages = 0;
		while (url) {
			const res: Reply = await get(url);
			pages++;
			seen.push(...res.json.callTask.map((r: { userList: { cId: string } }) => r.userList.cId));
			url = res.json.next_page;
			if (url) expect(url).toBe(`${sandbox.url}/api/v1/callTask/userList/${id}.json?per_page=4&page=2`);
			else expect(res.json.previous_page).toBe(`${sandbox.url}/api/v1/callTask/userList/${id}.json?per_page=4&page=1`);
		}
		expect(pages).toBe(2);
		expect(seen).toEqual(allContacts);
	});

	it('shows setProgress values and answers 404 / 400 to unknown ids and bad paging', async () => {
		const [id] = sandbox.seedCallTasks(1);
		sandbox.setProgress(id, '378594', '未接听');
		const res = await get(`/api/v1/callTask/userList/${id}.json`);
		expect(res.json.callTask[1].userList.progress).toBe('未接听');
		expect((await get('/api/v1/callTask/userList/1.json')).status).toBe(404);
		expect((await get(`/api/v1/callTask/userList/${id}.json?per_page=500`)).status).toBe(400);
	});
});

describe('failure injection', () => {
	it('answers injected HTTP errors with errcode/errmsg bodies', async () => {
		sandbox.fail({ path: '/callTask.json', failure: { kind: 'http', status: 503 } });
		const res = await get('/api/v1/callTask.json');
		expect(res.status).toBe(503);
		expect(res.json).toEqual({ errcode: '100503', errmsg: 'Service under maintenance' });
		expect((await get('/api/v1/callTask.json')).status).toBe(200);

		sandbox.fail({ failure: { kind: 'http', status: 500 } });
		expect((await get('/api/v1/users.json')).json).toEqual({ errcode: '100500', errmsg: 'Internal Server Error' });
	});

	it('adds Retry-After to a 429', async () => {
		sandbox.retryAfterSeconds = 2;
		sandbox.fail({ method: 'GET', failure: { kind: 'http', status: 429 } });
		const res = await get('/api/v1/supports.json');
		expect(res.status).toBe(429);
		expect(res.headers.get('retry-after')).toBe('2');
		expect(res.json).toEqual({ errcode: '100429', errmsg: 'Too many requests' });
	});

	it('passes a given body through', async () => {
		sandbox.fail({ failure: { kind: 'http', status: 502, body: 'upstream down', contentType: 'text/plain' } });
		const res = await get('/api/v1/supports.json');
		expect(res.status).toBe(502);
		expect(res.text).toBe('upstream down');
	});

	it('answers envelope failures with HTTP 200 and {Status, message}', async () => {
		sandbox.fail({ method: 'DELETE', failure: { kind: 'envelope', code: 500, resultMsg: 'database busy' } });
		sandbox.fail({ method: 'GET', failure: { kind: 'envelope', code: 403 } });
		const del = await call('DELETE', '/api/v1/callTask/1.json');
		expect(del.status).toBe(200);
		expect(del.json).toEqual({ Status: '500', message: 'database busy' });
		const list = await get('/api/v1/callTask.json');
		expect(list.status).toBe(200);
		expect(list.json).toEqual({ Status: '403', message: expect.any(String) });
	});

	it('answers html, malformed JSON and connection resets', async () => {
		sandbox.fail({ failure: { kind: 'html' } });
		const html = await get('/api/v1/callTask.json');
		expect(html.status).toBe(502);
		expect(html.headers.get('content-type')).toContain('text/html');
		sandbox.fail({ failure: { kind: 'malformed' } });
		const broken = await get('/api/v1/callTask.json');
		expect(broken.status).toBe(200);
		expect(broken.json).toBeUndefined();
		sandbox.fail({ failure: { kind: 'reset' } });
		await expect(fetch(`${sandbox.url}/api/v1/callTask.json`, { headers: { Authorization: ADMIN } })).rejects.toThrow();
		expect((await get('/api/v1/callTask.json')).status).toBe(200);
	});

	it('delays slow answers and still answers them', async () => {
		sandbox.fail({ failure: { kind: 'slow', ms: 300 } });
		const started = Date.now();
		const res = await get('/api/v1/supports.json');
		expect(Date.now() - started).toBeGreaterThanOrEqual(280);
		expect(res.status).toBe(200);
	});

	it('honours skip, times, method and path', async () => {
		sandbox.fail({ path: '/callTask.json', method: 'GET', skip: 1, times: 2, failure: { kind: 'http', status: 503 } });
		const statuses: number[] = [];
		for (let i = 0; i < 4; i++) statuses.push((await get('/api/v1/callTask.json')).status);
		expect(statuses).toEqual([200, 503, 503, 200]);
		expect((await get('/api/v1/supports.json')).status).toBe(200);
		sandbox.fail({ path: /userList/, times: Infinity, failure: { kind: 'http', status: 500 } });
		const [id] = sandbox.seedCallTasks(1);
		expect((await get(`/api/v1/callTask/userList/${id}.json`)).status).toBe(500);
		expect((await get(`/api/v1/callTask/userList/${id}.json`)).status).toBe(500);
		sandbox.clearFailures();
		expect((await get(`/api/v1/callTask/userList/${id}.json`)).status).toBe(200);
	});
});

describe('state and recording', () => {
	it('records requests and resets to the seed', async () => {
		await call('POST', '/api/v1/callTask.json', { body: newTask() });
		await token();
		expect(sandbox.requestsTo('/callTask.json', 'POST')).toHaveLength(1);
		expect(sandbox.requestsTo('/callTask.json', 'POST')[0].body).toEqual(newTask());
		expect(sandbox.requestsTo(/token\.php$/)[0].body).toEqual({ grant_type: 'client_credentials' });
		sandbox.agents[0].name = 'changed';
		sandbox.wrapDetailInArray = true;
		sandbox.reset();
		expect(sandbox.requests).toHaveLength(0);
		expect(sandbox.callTasks.size).toBe(0);
		expect(sandbox.issuedTokens).toBe(0);
		expect(sandbox.tokens.size).toBe(0);
		expect(sandbox.agents[0].name).toBe('王客服');
		expect(sandbox.wrapDetailInArray).toBe(false);
		expect(sandbox.seedCallTasks(1)).toEqual(['49242970']);
	});
});
