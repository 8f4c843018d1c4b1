// BYRobot sandbox, test controls: injected failures (fail), scripted answers (answerNext), reset.
import { SEED } from '../byrobot';
import { useSandbox } from './client';

const { sandbox, get, post, ok, createTask } = useSandbox();
const demo = SEED.company.demo;

describe('failure injection', () => {
	it('http', async () => {
		sandbox.fail({ path: 'company/getCompanys', failure: { kind: 'http', status: 503 } });
		const a = await get('company/getCompanys');
		expect(a.status).toBe(503);
		await ok(get('company/getCompanys'));
	});

	it('envelope uses the BYRobot envelope', async () => {
		sandbox.fail({ path: 'task/getTasks', failure: { kind: 'envelope', code: 500 } });
		const a = await get('task/getTasks', { companyId: demo.id });
		expect(a.status).toBe(200);
		expect(a.json).toEqual({
			code: 500,
			data: null,
			resultMsg: '系统异常',
			errorStackTrace: null,
			requestId: expect.any(String),
		});
		sandbox.fail({
			path: 'task/getTasks',
			failure: { kind: 'envelope', code: 401, resultMsg: 'custom' },
		});
		expect((await get('task/getTasks', { companyId: demo.id })).json).toMatchObject({
			code: 401,
			resultMsg: 'custom',
		});
	});

	it('html and malformed', async () => {
		sandbox.fail({ path: 'company/getPhones', failure: { kind: 'html' } });
		const html = await get('company/getPhones', { companyId: demo.id });
		expect(html.status).toBe(502);
		expect(html.headers.get('content-type')).toContain('text/html');
		sandbox.fail({ path: 'company/getPhones', failure: { kind: 'malformed' } });
		const malformed = await get('company/getPhones', { companyId: demo.id });
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
		sandbox.fail({
			method: 'POST',
			path: 'task/start',
			skip: 1,
			times: 2,
			failure: { kind: 'envelope', code: 500 },
		});
		const [a, b, c, d] = sandbox.seedTasks(demo.id, 4);
		const codes: number[] = [];
		for (const id of [a, b, c, d]) codes.push((await post('task/start', { taskId: id })).json.code);
		expect(codes).toEqual([200, 500, 500, 200]);
		// Failed requests are still recorded.
		expect(sandbox.requestsTo('task/start', 'POST')).toHaveLength(4);
		sandbox.fail({ method: 'GET', path: 'task/start', failure: { kind: 'http', status: 500 } });
		const [e] = sandbox.seedTasks(demo.id, 1);
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

describe('scripted answers (answerNext)', () => {
	it('answers the next matching request as told, then the sandbox answers again', async () => {
		const [id] = sandbox.seedTasks(demo.id, 1);
		sandbox.answerNext('POST /openapi/v1/task/start', {
			body: { code: 500, resultMsg: '系统繁忙' },
		});
		const scripted = await post('task/start', { taskId: id });
		expect(scripted.status).toBe(200);
		expect(scripted.headers.get('content-type')).toContain('application/json');
		expect(scripted.json).toEqual({ code: 500, resultMsg: '系统繁忙' });
		// The request is recorded, with what was answered, and the task did not start.
		expect(sandbox.requestsTo('task/start')[0]).toMatchObject({
			body: { taskId: id },
			status: 200,
			code: 500,
		});
		expect(sandbox.tasks.get(id)!.status).toBe(0);
		expect(sandbox.pendingAnswers()).toEqual([]);
		await ok(post('task/start', { taskId: id }));
	});

	it('matches by method and path suffix, "*" or a RegExp', async () => {
		sandbox.answerNext('POST company/getCompanys', { status: 503 });
		await ok(get('company/getCompanys'));
		expect(sandbox.pendingAnswers()).toEqual([
			{ route: 'POST company/getCompanys', answer: { status: 503 }, times: 1 },
		]);
		sandbox.clearFailures();
		sandbox.answerNext('/openapi/v1/company/getPhones', { status: 503 });
		expect((await get('company/getPhones', { companyId: demo.id })).status).toBe(503);
		sandbox.answerNext('GET *', { status: 502 });
		expect((await get('company/getCompanys')).status).toBe(502);
		sandbox.answerNext('*', { status: 504 });
		expect((await post('task/start', {})).status).toBe(504);
		sandbox.answerNext(/getRob/, { status: 500 });
		expect((await get('company/getRobots', { companyId: demo.id })).status).toBe(500);
		expect(() => sandbox.answerNext('', {})).toThrow(/names no method or path/);
	});

	it('queues answers in order and honours times and skip', async () => {
		sandbox
			.answerNext('GET company/getCompanys', { body: { code: 500, resultMsg: 'first' } })
			.answerNext('GET company/getCompanys', { body: { code: 408, resultMsg: 'second' } });
		expect((await get('company/getCompanys')).json.resultMsg).toBe('first');
		expect((await get('company/getCompanys')).json.resultMsg).toBe('second');
		await ok(get('company/getCompanys'));

		sandbox.answerNext('GET company/getCompanys', { status: 503 }, { skip: 1, times: 2 });
		const statuses: number[] = [];
		for (let i = 0; i < 4; i++) statuses.push((await get('company/getCompanys')).status);
		expect(statuses).toEqual([200, 503, 503, 200]);

		sandbox.answerNext('*', { status: 500 }, { times: Infinity });
		expect((await get('company/getCompanys')).status).toBe(500);
		expect((await get('company/getCompanys')).status).toBe(500);
		expect(sandbox.pendingAnswers()).toEqual([]);
	});

	it('sends a string body verbatim, with the given content type and headers', async () => {
		sandbox.answerNext('GET company/getCompanys', {
			status: 502,
			contentType: 'text/html',
			headers: { 'X-Upstream': 'nginx' },
			body: '<html><body>502 Bad Gateway</body></html>',
		});
		const a = await get('company/getCompanys');
		expect(a.status).toBe(502);
		expect(a.headers.get('content-type')).toBe('text/html');
		expect(a.headers.get('x-upstream')).toBe('nginx');
		expect(a.json).toBe('<html><body>502 Bad Gateway</body></html>');
		sandbox.answerNext('GET company/getCompanys', { body: '{"code": 200, "data": [' });
		expect((await get('company/getCompanys')).json).toBe('{"code": 200, "data": [');
	});

	it('delays or drops the connection', async () => {
		sandbox.answerNext('GET company/getCompanys', { delayMs: 200, body: { code: 200, data: [] } });
		const started = Date.now();
		expect((await get('company/getCompanys')).json).toEqual({ code: 200, data: [] });
		expect(Date.now() - started).toBeGreaterThanOrEqual(190);
		sandbox.answerNext('GET company/getCompanys', { drop: true });
		await expect(get('company/getCompanys')).rejects.toThrow();
		await ok(get('company/getCompanys'));
	});

	it('reset forgets unused answers', async () => {
		sandbox.answerNext('GET company/getCompanys', { status: 500 });
		sandbox.reset();
		expect(sandbox.pendingAnswers()).toEqual([]);
		await ok(get('company/getCompanys'));
	});
});

describe('reset', () => {
	it('restores the seed state and ids', async () => {
		await createTask();
		await ok(post('company/addBlackList', { companyId: demo.id, mobile: '13900000001' }));
		await ok(post('company/blacklist/group/add', { companyId: demo.id, name: 'g' }));
		sandbox.seedUndeliveredCallbacks(2);
		sandbox.fail({
			path: 'company/getCompanys',
			times: Infinity,
			failure: { kind: 'http', status: 500 },
		});
		sandbox.reset();
		expect(sandbox.tasks.size).toBe(0);
		expect(sandbox.blacklist.size).toBe(0);
		expect(sandbox.blacklistGroups.get(demo.id)!.size).toBe(1);
		expect(sandbox.undeliveredCallbacks).toEqual([]);
		expect(sandbox.requests).toEqual([]);
		await ok(get('company/getCompanys'));
		expect(await createTask()).toBe(SEED.firstId.task);
	});
});
