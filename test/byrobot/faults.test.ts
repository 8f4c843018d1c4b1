// What the node does when the network or BYRobot misbehaves: a timeout, a closed port, a reset
// connection, transient gateway errors, each ending in seconds with the node's own message, and
// retried where sending again is safe (nodes/shared/requests.ts).
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { SANDBOX_APP_SECRET, expectedFailure, rl, runner, useSandbox } from './helpers';
import { closedPort } from '../harness/network';
import { SEED } from '../sandbox/byrobot';

const { sandbox, baseUrl } = useSandbox();
const { run } = runner(baseUrl);

type Failure = Error & { description?: string; context?: IDataObject };
const failure = async (parameters: INodeParameters, base?: () => string): Promise<Failure> =>
	await (base ? runner(base).run(parameters) : run(parameters)).then(
		expectedFailure,
		(e: unknown) => e as Failure,
	);

const company = rl(SEED.company.demo.id);
const getTask = (taskId: number, extra: INodeParameters = {}): INodeParameters => ({
	resource: 'task',
	operation: 'get',
	company,
	task: rl(taskId),
	...extra,
});
const TASK_PATH = 'GET /openapi/v1/task/getTaskDetail';

describe('Byrobot faults', () => {
	it('a vendor that never answers ends within the timeout, with its own message and a hint', async () => {
		const [taskId] = sandbox.seedTasks(SEED.company.demo.id, 1);
		sandbox.answerNext(TASK_PATH, { delayMs: 20_000, body: {} }, { times: Infinity });
		const started = Date.now();
		const error = await failure(getTask(taskId, { requestOptions: { timeout: 1000 } }));
		expect(Date.now() - started).toBeLessThan(4000);
		expect(error.constructor.name).toBe('NodeApiError');
		expect(error.message).toBe('BYRobot did not answer within 1 s');
		expect(error.description).toMatch(/raise Request Options → Timeout/);
		expect(sandbox.requestsTo('/openapi/v1/task/getTaskDetail')).toHaveLength(1);
	});

	it('a closed port names the Base URL and the credential, without secrets', async () => {
		const port = await closedPort();
		const error = await failure(
			{ resource: 'company', operation: 'getAll' },
			() => `http://127.0.0.1:${port}`,
		);
		expect(error.constructor.name).toBe('NodeApiError');
		expect(error.message).toBe(`http://127.0.0.1:${port} refused the connection`);
		expect(error.description).toContain('the Base URL in the Byrobot API credential');
		const dump = JSON.stringify({
			...error,
			message: error.message,
			description: error.description,
		});
		expect(dump).not.toContain(SANDBOX_APP_SECRET);
		expect(dump).not.toMatch(/"sign"/);
	});

	it('a host that does not exist is named as a DNS failure', async () => {
		const error = await failure(
			{ resource: 'company', operation: 'getAll' },
			() => 'http://no-such-host.invalid',
		);
		expect(error.message).toBe('The host of http://no-such-host.invalid was not found (DNS)');
	});

	it('a reset connection is retried and the item succeeds', async () => {
		const [taskId] = sandbox.seedTasks(SEED.company.demo.id, 1);
		sandbox.answerNext(TASK_PATH, { drop: true });
		const out = await run(getTask(taskId));
		expect(out).toHaveLength(1);
		expect(out[0].json.callJobId).toBe(taskId);
		expect(sandbox.requestsTo('/openapi/v1/task/getTaskDetail')).toHaveLength(2);
	});

	it('Return All over 250 tasks rides out a 502 on page 2: every task exactly once', async () => {
		sandbox.seedTasks(SEED.company.demo.id, 250);
		sandbox.answerNext(
			'GET /openapi/v1/task/getTasks',
			{ status: 502, body: '<html>502 Bad Gateway</html>' },
			{ skip: 1 },
		);
		const out = await run({ resource: 'task', operation: 'getAll', company, returnAll: true });
		const ids = out.map((item) => item.json.callJobId);
		expect(ids).toHaveLength(250);
		expect(new Set(ids).size).toBe(250);
		expect(sandbox.requestsTo('/openapi/v1/task/getTasks')).toHaveLength(4);
	});

	it('a 502 that persists stops after 4 attempts and says so', async () => {
		const [taskId] = sandbox.seedTasks(SEED.company.demo.id, 1);
		sandbox.answerNext(TASK_PATH, { status: 503, body: 'busy' }, { times: Infinity });
		const error = await failure(getTask(taskId));
		expect(error.message).toMatch(/^BYRobot answered HTTP 503/);
		expect(error.description).toMatch(/\(4 attempts\)$/);
		expect(sandbox.requestsTo('/openapi/v1/task/getTaskDetail')).toHaveLength(4);
	});

	it("BYRobot's code 500 (busy) is retried like a gateway error", async () => {
		const [taskId] = sandbox.seedTasks(SEED.company.demo.id, 1);
		sandbox.answerNext(TASK_PATH, { body: { code: 500, data: null, resultMsg: '系统繁忙' } });
		const out = await run(getTask(taskId));
		expect(out[0].json.callJobId).toBe(taskId);
	});

	it('Request Options → Retry Transient Failures off sends each request once', async () => {
		const [taskId] = sandbox.seedTasks(SEED.company.demo.id, 1);
		sandbox.answerNext(TASK_PATH, { status: 502, body: 'bad gateway' });
		const error = await failure(
			getTask(taskId, { requestOptions: { retryTransientFailures: false } }),
		);
		expect(error.message).toMatch(/^BYRobot answered HTTP 502/);
		expect(sandbox.requestsTo('/openapi/v1/task/getTaskDetail')).toHaveLength(1);
	});

	it('Create Task is not sent twice, and a lost answer says the task may exist', async () => {
		sandbox.answerNext('POST /openapi/v1/task/createTask', { drop: true });
		const error = await failure({
			resource: 'task',
			operation: 'create',
			company,
			taskName: 'Reset',
			callerLines: [SEED.phone.mobile.id],
			robot: SEED.robot.loan.id,
			callType: 0,
		});
		expect(error.message).toMatch(/^The connection to http:\/\/127\.0\.0\.1:\d+ was reset$/);
		expect(error.description).toContain('The request may have reached BYRobot');
		expect(sandbox.requestsTo('/openapi/v1/task/createTask')).toHaveLength(1);
	});

	it('a 25,001-row import whose second request fails once with 502 stores every row and reports the retry', async () => {
		const [taskId] = sandbox.seedTasks(SEED.company.demo.id, 1);
		sandbox.answerNext(
			'POST /openapi/v2/task/importTaskCustomer',
			{ status: 502, body: 'Bad Gateway' },
			{ skip: 1 },
		);
		const items = Array.from({ length: 25001 }, (_, i) => ({
			name: `客户${i}`,
			phone: `138${String(i).padStart(8, '0')}`,
		}));
		const out = await run(
			{ resource: 'task', operation: 'importCustomers', company, task: rl(taskId) },
			{ items },
		);
		expect(out.map((item) => [item.json.count, item.json.attempts])).toEqual([
			[10000, 1],
			[10000, 2],
			[5001, 1],
		]);
		expect(sandbox.customersOf(taskId)).toHaveLength(25001);
		expect(sandbox.requestsTo('/openapi/v2/task/importTaskCustomer')).toHaveLength(4);
	}, 120_000);

	it('an import batch that times out is tried twice, then says which rows were and were not imported', async () => {
		const [taskId] = sandbox.seedTasks(SEED.company.demo.id, 1);
		const path = 'POST /openapi/v2/task/importTaskCustomer';
		sandbox.answerNext(path, { delayMs: 20_000, body: {} }, { skip: 1, times: Infinity });
		const items = Array.from({ length: 5 }, (_, i) => ({
			name: `客户${i}`,
			phone: `138${String(i).padStart(8, '0')}`,
		}));
		const parameters = {
			resource: 'task',
			operation: 'importCustomers',
			company,
			task: rl(taskId),
			importOptions: { batchSize: 2 },
			requestOptions: { timeout: 1000 },
		};
		const started = Date.now();
		const error = await run(parameters, { items }).then(
			expectedFailure,
			(e: unknown) => e as Failure,
		);
		expect(Date.now() - started).toBeLessThan(8000);
		expect(error.message).toContain('BYRobot did not answer within 1 s');
		expect(error.message).toContain('rows 0–1 were imported; rows 2–4 were not');
		expect(error.description).toContain('(2 attempts)');
		expect(sandbox.requestsTo('/openapi/v2/task/importTaskCustomer')).toHaveLength(3);
	});
});
