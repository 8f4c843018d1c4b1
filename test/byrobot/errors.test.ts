import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { SANDBOX_APP_SECRET, rl, runner, useSandbox } from './helpers';
import { SEED } from '../sandbox/byrobot';

const { sandbox, baseUrl } = useSandbox();
const { run } = runner(baseUrl);

type ApiError = NodeApiError & { description: string; httpCode: string; context: IDataObject };

// The answer check alone: the node's own retries of transient failures are tested in faults.test.ts.
const listCompanies = {
	resource: 'company',
	operation: 'getAll',
	requestOptions: { retryTransientFailures: false },
};

async function failure(
	parameters: INodeParameters = listCompanies,
	appSecret?: string,
): Promise<ApiError> {
	const error = await run(parameters, { appSecret }).then(
		() => undefined,
		(e: unknown) => e,
	);
	expect(error).toBeInstanceOf(NodeApiError);
	return error as ApiError;
}

describe('the shared answer check', () => {
	it.each([
		[401, /AppKey and AppSecret/],
		[403, /company is not bound to this AppKey/],
		[404, /Not found: check the ID/],
		[408, /clock of the n8n host/],
		[412, /A parameter was rejected: vendor says: companyId is wrong/],
		[500, /Try again later/],
	])(
		'envelope code %s with HTTP 200 → NodeApiError with resultMsg, code and hint',
		async (code, hint) => {
			const resultMsg = code === 412 ? 'vendor says: companyId is wrong' : `vendor says ${code}`;
			sandbox.answerNext('GET /openapi/v1/company/getCompanys', {
				body: { code, data: null, resultMsg },
			});
			const error = await failure();
			expect(error.message).toBe(`BYRobot error ${code}: ${resultMsg}`);
			expect(error.description).toMatch(hint);
			expect(error.httpCode).toBe('200');
			expect(error.context.itemIndex).toBe(0);
		},
	);

	it('an envelope error carried by an HTTP 4xx is still read from the body', async () => {
		sandbox.answerNext('GET /openapi/v1/company/getCompanys', {
			status: 400,
			body: { code: 412, resultMsg: '参数错误: companyId', data: null },
		});
		const error = await failure();
		expect(error.message).toBe('BYRobot error 412: 参数错误: companyId');
		expect(error.httpCode).toBe('400');
	});

	it.each([
		[502, /Try again later/],
		[503, /Try again later/],
		[404, /Check the Base URL/],
		[401, /AppKey and AppSecret/],
	])('HTTP %s without an envelope → NodeApiError with status and hint', async (status, hint) => {
		sandbox.fail({ failure: { kind: 'http', status } });
		const error = await failure();
		expect(error.message).toMatch(new RegExp(`^BYRobot answered HTTP ${status}`));
		expect(error.description).toMatch(hint);
		expect(error.httpCode).toBe(String(status));
	});

	it('an HTML error page → clear error quoting the page, not a crash', async () => {
		sandbox.fail({ failure: { kind: 'html', status: 200 } });
		const error = await failure();
		expect(error.message).toBe('BYRobot answered with an HTML page instead of JSON');
		expect(error.description).toMatch(/502 Bad Gateway/);
		expect(error.description).not.toMatch(/<html>/);
	});

	it('an HTML page with HTTP 502 → HTTP error naming the gateway', async () => {
		sandbox.fail({ failure: { kind: 'html' } });
		const error = await failure();
		expect(error.message).toMatch(/^BYRobot answered HTTP 502: 502 Bad Gateway/);
	});

	it('malformed JSON → clear error', async () => {
		sandbox.answerNext('GET /openapi/v1/company/getCompanys', {
			body: '{"code": 200, "data": [{"companyId": 1',
		});
		const error = await failure();
		expect(error.message).toBe('BYRobot answered with a body that is not valid JSON');
		expect(error.description).toMatch(/The answer began: "\{"code": 200/);
	});

	it('a wrong AppSecret → the real 401 from the signature check; neither secret nor sign leak', async () => {
		const error = await failure(listCompanies, 'wrong-secret-value');
		expect(error.message).toMatch(/^BYRobot error 401: 签名校验失败/);
		expect(error.description).toMatch(/AppKey and AppSecret/);
		const dump = JSON.stringify({
			...error,
			message: error.message,
			description: error.description,
		});
		expect(dump).not.toContain('wrong-secret-value');
		expect(dump).not.toContain(SANDBOX_APP_SECRET);
		expect(dump).not.toContain(String(sandbox.requests[0].headers.sign));
	});

	it('a clock more than 3 minutes off → the real 408 with the clock hint', async () => {
		sandbox.clockOffsetMs = 10 * 60 * 1000;
		const error = await failure();
		expect(error.message).toMatch(/^BYRobot error 408/);
		expect(error.description).toMatch(/clock of the n8n host/);
	});

	it('a company not bound to the AppKey → the real 403', async () => {
		const error = await failure({
			resource: 'company',
			operation: 'getCallerLines',
			company: rl(SEED.company.unbound.id, 'id'),
		});
		expect(error.message).toMatch(/^BYRobot error 403/);
		expect(error.description).toMatch(/not bound to this AppKey/);
	});

	it('Continue On Fail: a failing item becomes an error item, the others succeed and stay linked', async () => {
		const [first, second] = sandbox.seedTasks(SEED.company.demo.id, 2);
		const out = await run(
			{
				resource: 'task',
				operation: 'get',
				company: rl(SEED.company.demo.id),
				task: rl('={{ $json.id }}', 'id'),
			},
			{ items: [{ id: first }, { id: 999999 }, { id: second }], continueOnFail: true },
		);
		expect(out).toHaveLength(3);
		expect(out[0]).toMatchObject({ json: { callJobId: first }, pairedItem: { item: 0 } });
		expect(out[1].json).toEqual({});
		expect(out[1].error?.message).toMatch(/^BYRobot error 404/);
		expect((out[1].error as unknown as ApiError).context.itemIndex).toBe(1);
		expect(out[2]).toMatchObject({ json: { callJobId: second }, pairedItem: { item: 2 } });
	});
});

// Every operation, with valid parameters, passes the shared check and honours Continue On Fail.
const everyOperation: Array<[string, INodeParameters]> = [
	[
		'task create',
		{
			resource: 'task',
			operation: 'create',
			company: rl(SEED.company.demo.id),
			taskName: 't',
			callerLines: [SEED.phone.mobile.id],
			robot: SEED.robot.loan.id,
		},
	],
	[
		'task update',
		{ resource: 'task', operation: 'update', company: rl(SEED.company.demo.id), task: rl(5001) },
	],
	[
		'task delete',
		{ resource: 'task', operation: 'delete', company: rl(SEED.company.demo.id), task: rl(5001) },
	],
	[
		'task start',
		{ resource: 'task', operation: 'start', company: rl(SEED.company.demo.id), task: rl(5001) },
	],
	[
		'task pause',
		{ resource: 'task', operation: 'pause', company: rl(SEED.company.demo.id), task: rl(5001) },
	],
	[
		'task stop',
		{ resource: 'task', operation: 'stop', company: rl(SEED.company.demo.id), task: rl(5001) },
	],
	[
		'task get',
		{ resource: 'task', operation: 'get', company: rl(SEED.company.demo.id), task: rl(5001) },
	],
	['task getAll', { resource: 'task', operation: 'getAll', company: rl(SEED.company.demo.id) }],
	[
		'task importCustomers',
		{
			resource: 'task',
			operation: 'importCustomers',
			company: rl(SEED.company.demo.id),
			task: rl(5001),
			phoneField: '={{ "13800138000" }}',
			nameField: '',
		},
	],
	[
		'task getCallRecords',
		{
			resource: 'task',
			operation: 'getCallRecords',
			company: rl(SEED.company.demo.id),
			task: rl(5001),
		},
	],
	[
		'task getUncalledCustomers',
		{
			resource: 'task',
			operation: 'getUncalledCustomers',
			company: rl(SEED.company.demo.id),
			task: rl(5001),
		},
	],
	[
		'task getCallDetail',
		{ resource: 'task', operation: 'getCallDetail', callInstanceId: '800001' },
	],
	['company getAll', { resource: 'company', operation: 'getAll' }],
	[
		'company getCallerLines',
		{ resource: 'company', operation: 'getCallerLines', company: rl(SEED.company.demo.id) },
	],
	[
		'company getRobots',
		{ resource: 'company', operation: 'getRobots', company: rl(SEED.company.demo.id) },
	],
	[
		'company getSeatStatistics',
		{ resource: 'company', operation: 'getSeatStatistics', company: rl(SEED.company.demo.id) },
	],
	[
		'company getSmsTemplates',
		{ resource: 'company', operation: 'getSmsTemplates', company: rl(SEED.company.demo.id) },
	],
	[
		'company getScriptVariables',
		{
			resource: 'company',
			operation: 'getScriptVariables',
			company: rl(SEED.company.demo.id),
			sceneDefId: SEED.robot.loan.sceneDefId,
		},
	],
	[
		'blacklist add',
		{
			resource: 'blacklist',
			operation: 'add',
			company: rl(SEED.company.demo.id),
			mobile: '13800138000',
		},
	],
	[
		'blacklist addMany',
		{
			resource: 'blacklist',
			operation: 'addMany',
			importMode: 'perItem',
			company: rl(SEED.company.demo.id),
			blacklistGroup: SEED.blacklistGroup.default.id,
			entries: { entry: [{ mobile: '13800138000', name: 'x' }] },
		},
	],
	[
		'blacklist delete',
		{
			resource: 'blacklist',
			operation: 'delete',
			company: rl(SEED.company.demo.id),
			blacklistGroup: SEED.blacklistGroup.default.id,
			mobile: '13800138000',
		},
	],
	[
		'blacklist getAll',
		{
			resource: 'blacklist',
			operation: 'getAll',
			company: rl(SEED.company.demo.id),
			blacklistGroup: SEED.blacklistGroup.default.id,
		},
	],
	[
		'blacklistGroup getAll',
		{ resource: 'blacklistGroup', operation: 'getAll', company: rl(SEED.company.demo.id) },
	],
	[
		'blacklistGroup create',
		{
			resource: 'blacklistGroup',
			operation: 'create',
			company: rl(SEED.company.demo.id),
			name: 'g',
		},
	],
	[
		'blacklistGroup update',
		{
			resource: 'blacklistGroup',
			operation: 'update',
			company: rl(SEED.company.demo.id),
			blacklistGroup: 301,
			name: 'g',
		},
	],
	[
		'blacklistGroup delete',
		{
			resource: 'blacklistGroup',
			operation: 'delete',
			company: rl(SEED.company.demo.id),
			blacklistGroup: 301,
		},
	],
	[
		'callback getUndelivered',
		{
			resource: 'callback',
			operation: 'getUndelivered',
			company: rl(SEED.company.demo.id),
			startDate: '2024-05-01',
			endDate: '2024-05-02',
		},
	],
];

describe.each(everyOperation)('%s', (_name, parameters) => {
	it('turns an envelope error into a NodeApiError, or an error item with Continue On Fail', async () => {
		sandbox.answerNext(
			'*',
			{ body: { code: 500, data: null, resultMsg: '系统繁忙' } },
			{ times: Infinity },
		);
		const error = await failure(parameters);
		expect(error.message).toBe('BYRobot error 500: 系统繁忙');
		expect(sandbox.requests.length).toBeGreaterThan(0);

		const out = await run(parameters, { continueOnFail: true, items: [{ a: 1 }] });
		expect(out).toHaveLength(1);
		expect(out[0].json).toEqual({});
		expect(out[0].error?.message).toBe('BYRobot error 500: 系统繁忙');
	});
});

describe('IDs from pickers and expressions', () => {
	it.each([
		[
			'an empty Company',
			{ resource: 'task', operation: 'getAll', company: rl('') },
			'Item 0: "Company" — is empty',
		],
		[
			'a Task that is not a number',
			{
				resource: 'task',
				operation: 'start',
				company: rl(SEED.company.demo.id),
				task: rl('={{ "abc" }}', 'id'),
			},
			'Item 0: "Task" — "abc" is not an ID',
		],
		[
			'an empty Blacklist Group',
			{
				resource: 'blacklist',
				operation: 'getAll',
				company: rl(SEED.company.demo.id),
				blacklistGroup: '',
			},
			'Item 0: "Blacklist Group" — is empty',
		],
	])('stops before any request on %s, naming the field', async (_label, parameters, message) => {
		const error = await failure(parameters as INodeParameters);
		expect(error.message).toContain(message);
		expect(sandbox.requests).toHaveLength(0);
	});

	it('sends picker IDs as JSON numbers in a body, and -1 for the default blacklist group in a query', async () => {
		const [taskId] = sandbox.seedTasks(SEED.company.demo.id, 1);
		await run({
			resource: 'task',
			operation: 'start',
			company: rl(SEED.company.demo.id),
			task: rl(String(taskId), 'id'),
		});
		await run({
			resource: 'blacklist',
			operation: 'getAll',
			company: rl(String(SEED.company.demo.id), 'id'),
			blacklistGroup: String(SEED.blacklistGroup.default.id),
		});
		expect(sandbox.requests[0].body).toEqual({ taskId });
		expect(typeof (sandbox.requests[0].body as { taskId: unknown }).taskId).toBe('number');
		expect(sandbox.requests[1].url).toContain(
			`blacklistInfoGroupId=${SEED.blacklistGroup.default.id}`,
		);
		expect(sandbox.requests[1].query).toMatchObject({
			companyId: String(SEED.company.demo.id),
			blacklistInfoGroupId: String(SEED.blacklistGroup.default.id),
		});
	});
});
