// The Byrobot node on the open platform (Authentication: Open Platform, 百应开放平台): every
// operation it offers there, through n8n's RoutingNode against the open-platform sandbox, with the
// same output names as on the signed API; the token renewed once on 40000010.
import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { forgetByrobotOpenTokens } from '../../credentials/ByrobotOpenPlatformApi.credentials';
import { Byrobot } from '../../nodes/Byrobot/Byrobot.node';
import { listSearch, loadOptions, runNode } from '../harness';
import {
	ByrobotOpenSandbox,
	SANDBOX_OPEN_APP_KEY,
	SANDBOX_OPEN_APP_SECRET,
	SEED,
} from '../sandbox/byrobotOpen';
import { expectedFailure, jsonOf, pairedOf, rl } from './helpers';

const sandbox = new ByrobotOpenSandbox();
beforeAll(async () => {
	await sandbox.start();
});
afterAll(async () => sandbox.stop());
beforeEach(() => {
	sandbox.reset();
	forgetByrobotOpenTokens();
});

const DEMO = SEED.company.demo.id;
const credentials = (appSecret = SANDBOX_OPEN_APP_SECRET) => ({
	byrobotOpenPlatformApi: {
		appKey: SANDBOX_OPEN_APP_KEY,
		appSecret,
		companyId: String(DEMO),
		tokenUrl: sandbox.tokenUrl,
		baseUrl: sandbox.baseUrl,
	},
});
const open = (parameters: INodeParameters): INodeParameters => ({
	authentication: 'openPlatform',
	...parameters,
});
const run = async (
	parameters: INodeParameters,
	args: { items?: IDataObject[]; continueOnFail?: boolean } = {},
): Promise<INodeExecutionData[]> =>
	await runNode({
		node: new Byrobot(),
		parameters: open(parameters),
		items: args.items,
		continueOnFail: args.continueOnFail,
		credentials: credentials(),
	});

/** The API calls the sandbox received (token requests left out), as "name {form}". */
const apiCalls = () => sandbox.requests.filter((r) => r.path.startsWith('/api/oauth/'));
const pathOf = (api: string) => {
	const dot = api.lastIndexOf('.');
	return `/api/oauth/${api.slice(0, dot)}/1.0.0/${api.slice(dot + 1)}`;
};

/** One API call, a form POST with a token and exactly `form` besides it. */
function expectOnlyCall(api: string, form: IDataObject): void {
	const calls = apiCalls();
	expect(calls.map((r) => r.path)).toEqual([pathOf(api)]);
	const [call] = calls;
	expect(call.method).toBe('POST');
	expect(String(call.headers['content-type'])).toMatch(/application\/x-www-form-urlencoded/);
	const { accessToken, ...rest } = call.body as IDataObject;
	expect(typeof accessToken).toBe('string');
	expect(rest).toEqual(form);
	expect(JSON.stringify(apiCalls())).not.toContain(SANDBOX_OPEN_APP_SECRET);
}

describe('Byrobot on the open platform: Company', () => {
	it('Get Many (company.list): one item per company', async () => {
		const out = await run({ resource: 'company', operation: 'getAll' });
		expectOnlyCall('byai.openapi.company.list', {});
		expect(jsonOf(out).map((c) => c.companyId)).toContain(DEMO);
		expect(jsonOf(out)[0]).toHaveProperty('companyName');
	});

	it('Get Caller Lines (phone.list) labels the phone type, 9 included', async () => {
		const out = await run({ resource: 'company', operation: 'getCallerLines', company: rl(DEMO) });
		expectOnlyCall('byai.openapi.phone.list', { companyId: String(DEMO) });
		const demo = jsonOf(out).find((line) => line.userPhoneId === SEED.phone.demo.id)!;
		expect(demo.phoneType).toBe(9);
		expect(demo.phoneTypeLabel).toBe('Unknown (9)');
		expect(demo).toHaveProperty('lineAmount');
	});

	it('Get Robots (robot.list) sends robotStatus in the form', async () => {
		const out = await run({
			resource: 'company',
			operation: 'getRobots',
			company: rl(DEMO),
			robotStatus: 2,
		});
		expectOnlyCall('byai.openapi.robot.list', { companyId: String(DEMO), robotStatus: '2' });
		expect(
			jsonOf(out)
				.map((robot) => robot.robotDefId)
				.sort(),
		).toEqual([SEED.robot.loan.id, SEED.robot.survey.id].sort());
	});

	it.each([
		['nested one-element arrays', SEED.robot.loan],
		['flat strings', SEED.robot.survey],
	])(
		'Get Script Variables (scenevariables.get by robotDefId) flattens %s',
		async (_form, robot) => {
			const out = await run({
				resource: 'company',
				operation: 'getScriptVariables',
				company: rl(DEMO),
				robotDefId: robot.id,
			});
			expectOnlyCall('byai.openapi.company.scenevariables.get', {
				companyId: String(DEMO),
				robotDefId: String(robot.id),
				hideDefaultVar: 'true',
			});
			expect(jsonOf(out)).toEqual(robot.variables.map((name: string) => ({ name })));
		},
	);

	it('Get Seat Statistics (seatinfo.get) answers with the signed API’s field names', async () => {
		const [item] = await run({
			resource: 'company',
			operation: 'getSeatStatistics',
			company: rl(DEMO),
		});
		expectOnlyCall('byai.openapi.seatinfo.get', { companyId: String(DEMO) });
		expect(item.json).toEqual({
			companyAllCallSeat: SEED.company.demo.seats.all,
			companyUsingCallSeat: SEED.company.demo.seats.using,
		});
	});

	it('Get AI Balance (company.ai.balance)', async () => {
		const [item] = await run({ resource: 'company', operation: 'getAiBalance', company: rl(DEMO) });
		expectOnlyCall('byai.openapi.company.ai.balance', { companyId: String(DEMO) });
		expect(item.json).toEqual(SEED.company.demo.ai);
	});

	it('Get Line Balance (company.communication.balance)', async () => {
		const [item] = await run({
			resource: 'company',
			operation: 'getLineBalance',
			company: rl(DEMO),
		});
		expectOnlyCall('byai.openapi.company.communication.balance', { companyId: String(DEMO) });
		expect(item.json).toEqual(SEED.company.demo.communication);
	});
});

describe('Byrobot on the open platform: SOP Workflow → Get Many', () => {
	it('pages from pageNum 0 and returns every workflow once', async () => {
		const out = await run({ resource: 'sopWorkflow', operation: 'getAll', returnAll: true });
		const calls = apiCalls();
		expect(calls[0].path).toBe(pathOf('byai.sop.workflow.list.page.search'));
		expect((calls[0].body as IDataObject).pageNum).toBe('0');
		const ids = jsonOf(out).map((workflow) => workflow.id);
		expect(new Set(ids).size).toBe(ids.length);
		expect(ids.length).toBeGreaterThan(0);
	});

	it('sends the status filter', async () => {
		await run({
			resource: 'sopWorkflow',
			operation: 'getAll',
			limit: 5,
			sopFilters: { workflowExecuteStatus: 'FINISH' },
		});
		expect(apiCalls()[0].body).toMatchObject({ workflowExecuteStatus: 'FINISH', pageSize: '5' });
	});
});

describe('Byrobot on the open platform: Task', () => {
	const create = {
		resource: 'task',
		operation: 'create',
		company: rl(DEMO),
		taskName: '开放平台回访',
		callerLines: [SEED.phone.demo.id],
		robot: SEED.robot.loan.id,
		concurrencyQuota: 3,
	};

	it('Create (calljob.create): the fields under its names, lines as JSON text; outputs { taskId }', async () => {
		const [item] = await run({
			...create,
			redial: { rules: [{ phoneStatus: 3, times: 3, interval: 5 }] },
		});
		expectOnlyCall('byai.openapi.calljob.create', {
			companyId: String(DEMO),
			callJobName: '开放平台回访',
			callJobType: '2',
			robotDefId: String(SEED.robot.loan.id),
			userPhoneIds: `[${SEED.phone.demo.id}]`,
			concurrencyQuota: '3',
			repeatCall: 'true',
			repeatCallRule: '[{"phoneStatus":3,"times":3,"interval":5}]',
		});
		expect(item.json.taskId).toEqual(expect.any(Number));
		expect(sandbox.jobs.get(Number(item.json.taskId))).toBeDefined();
	});

	it('Create stops a name over 50 characters before any request', async () => {
		const error = await run({ ...create, taskName: '任'.repeat(51) }).then(
			expectedFailure,
			(e) => e,
		);
		expect(String(error.message)).toMatch(/Task Name/);
		expect(String(error.message)).toMatch(/50 characters/);
		expect(apiCalls()).toHaveLength(0);
	});

	it('Get Many (calljob.list): 250 tasks in 3 pages, with the signed API’s status and label', async () => {
		sandbox.seedCallJobs(DEMO, 250);
		const out = await run({
			resource: 'task',
			operation: 'getAll',
			company: rl(DEMO),
			returnAll: true,
		});
		expect(apiCalls().map((r) => (r.body as IDataObject).pageNum)).toEqual(['1', '2', '3']);
		const tasks = jsonOf(out);
		expect(tasks).toHaveLength(250);
		expect(new Set(tasks.map((t) => t.callJobId)).size).toBe(250);
		expect(tasks[0]).toMatchObject({ status: 0, statusLabel: expect.any(String) });
		expect(tasks[0].jobName).toEqual(expect.any(String));
	});

	it('Get (calljob.detail.get) and an unknown task as an error naming the Task', async () => {
		const [jobId] = sandbox.seedCallJobs(DEMO, 1);
		const [item] = await run({
			resource: 'task',
			operation: 'get',
			company: rl(DEMO),
			task: rl(jobId),
		});
		expectOnlyCall('byai.openapi.calljob.detail.get', {
			companyId: String(DEMO),
			callJobId: String(jobId),
		});
		expect(item.json).toMatchObject({ callJobId: jobId, status: 0 });
		const error = await run({
			resource: 'task',
			operation: 'get',
			company: rl(DEMO),
			task: rl(999999),
		}).then(expectedFailure, (e) => e);
		expect(String(error.message)).toMatch(/no such task/);
	});

	it.each([
		['start', 1],
		['pause', 2],
		['stop', 3],
	])('%s (calljob.execute) sends command %s', async (operation, command) => {
		const [jobId] = sandbox.seedCallJobs(DEMO, 1, {
			callJobStatus: operation === 'start' ? 0 : 1,
		});
		const [item] = await run({ resource: 'task', operation, company: rl(DEMO), task: rl(jobId) });
		expectOnlyCall('byai.openapi.calljob.execute', {
			companyId: String(DEMO),
			callJobId: String(jobId),
			command: String(command),
		});
		expect(item.json).toMatchObject({ taskId: jobId, success: true });
	});

	it('Import Customers: 25,001 rows in 3 requests of JSON text, every row accounted for', async () => {
		const [jobId] = sandbox.seedCallJobs(DEMO, 1);
		const items = Array.from({ length: 25001 }, (_, i) => ({
			phone: `138${String(i).padStart(8, '0')}`,
			name: `客户${i}`,
		}));
		const out = await run(
			{ resource: 'task', operation: 'importCustomers', company: rl(DEMO), task: rl(jobId) },
			{ items },
		);
		const calls = apiCalls();
		expect(calls.map((r) => r.path)).toEqual(
			Array(3).fill(pathOf('byai.openapi.calljob.customer.import')),
		);
		const sizes = calls.map(
			(r) => (JSON.parse(String((r.body as IDataObject).customerInfoVOList)) as unknown[]).length,
		);
		expect(sizes).toEqual([10000, 10000, 5001]);
		expect(calls[0].body).toMatchObject({
			companyId: String(DEMO),
			callJobId: String(jobId),
			permitrepeatnum: 'false',
		});
		const summaries = jsonOf(out);
		expect(summaries.map((s) => s.count)).toEqual([10000, 10000, 5001]);
		expect(summaries.reduce((sum, s) => sum + Number(s.successNum), 0)).toBe(25001);
		expect(pairedOf(out).flat()).toHaveLength(25001);
	}, 600000);

	it('Get Call Records (calldone.list): pages of 500, times as Beijing text, ids kept', async () => {
		const [jobId] = sandbox.seedCallJobs(DEMO, 1);
		sandbox.seedCallRecords(jobId, 501);
		const out = await run({
			resource: 'task',
			operation: 'getCallRecords',
			company: rl(DEMO),
			task: rl(jobId),
			returnAll: true,
			simplify: false,
		});
		expect(apiCalls().map((r) => (r.body as IDataObject).pageSize)).toEqual(['500', '500']);
		const records = jsonOf(out);
		expect(records).toHaveLength(501);
		expect(String(records[0].startTime)).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
		expect(records[0].startTimeMs).toEqual(expect.any(Number));
		expect(records[0].finishStatusLabel).toEqual(expect.any(String));
	});

	it('Get Call Records of a task without calls: the empty-page sentinel gives no items', async () => {
		const [jobId] = sandbox.seedCallJobs(DEMO, 1);
		const out = await run({
			resource: 'task',
			operation: 'getCallRecords',
			company: rl(DEMO),
			task: rl(jobId),
			returnAll: true,
		});
		expect(out).toHaveLength(0);
		expect(apiCalls()).toHaveLength(1);
	});

	it('Get Call Detail (callinstance.detail.get), simplified as on the signed API', async () => {
		const [jobId] = sandbox.seedCallJobs(DEMO, 1);
		const [call] = sandbox.seedCallRecords(jobId, 1);
		const callId = call.callInstanceId;
		sandbox.clearRequests();
		const [item] = await run({
			resource: 'task',
			operation: 'getCallDetail',
			callInstanceId: String(callId),
		});
		const calls = apiCalls();
		expect(calls.map((r) => r.path)).toEqual([pathOf('byai.openapi.callinstance.detail.get')]);
		expect(calls[0].body).toMatchObject({
			callInstanceId: String(callId),
			companyId: String(DEMO),
		});
		expect(item.json).toMatchObject({
			callInstanceId: callId,
			finishStatusLabel: expect.any(String),
			dialogue: expect.any(Array),
		});
	});
});

describe('Byrobot on the open platform: a refused token (40000010)', () => {
	it('is renewed once and the request repeated: the run succeeds', async () => {
		sandbox.answerTokenInvalid();
		const out = await run({ resource: 'company', operation: 'getAll' });
		expect(out.length).toBeGreaterThan(0);
		const [refused, repeated] = apiCalls();
		expect(apiCalls()).toHaveLength(2);
		expect(refused.code).toBe(40000010);
		expect(repeated.code).toBe(200);
		// The harness stores no token between runs: one for the run, one after the refusal.
		expect(sandbox.issuedTokens).toBe(2);
		expect((repeated.body as IDataObject).accessToken).not.toBe(
			(refused.body as IDataObject).accessToken,
		);
	});

	it('a Create refused for its token is sent once more (nothing was created)', async () => {
		await run({ resource: 'company', operation: 'getAll' });
		sandbox.answerTokenInvalid();
		const [item] = await run({
			resource: 'task',
			operation: 'create',
			company: rl(DEMO),
			taskName: '令牌续期',
			callerLines: [SEED.phone.demo.id],
			robot: SEED.robot.loan.id,
		});
		expect(item.json.taskId).toEqual(expect.any(Number));
		expect(sandbox.jobs.size).toBe(1);
	});

	it('refused twice: an error that names the credential’s fields, no secret in it', async () => {
		sandbox.answerTokenInvalid(undefined, { times: 2 });
		const error = await run({ resource: 'company', operation: 'getAll' }).then(
			expectedFailure,
			(e) => e,
		);
		expect(String(error.message)).toContain('40000010');
		expect(String(error.description)).toMatch(/AppKey, AppSecret and Company ID/);
		expect(JSON.stringify(error)).not.toContain(SANDBOX_OPEN_APP_SECRET);
	});
});

describe('Byrobot on the open platform: HTTP errors', () => {
	it('an HTTP 404 names the open platform credential and its default Base URL', async () => {
		sandbox.fail({ path: /company\/1\.0\.0\/list/, failure: { kind: 'http', status: 404 } });
		const error = await run({ resource: 'company', operation: 'getAll' }).then(
			expectedFailure,
			(e) => e,
		);
		expect(String(error.message)).toMatch(/^BYRobot answered HTTP 404/);
		expect(String(error.description)).toBe(
			'Check the Base URL in the Byrobot Open Platform API credential (default https://open.byai.com/api/oauth).',
		);
	});
});

describe('Byrobot on the open platform: Continue On Fail', () => {
	it('a task BYRobot does not know becomes an error item naming it; the other items go on', async () => {
		const [jobId] = sandbox.seedCallJobs(DEMO, 1);
		const out = await run(
			{ resource: 'task', operation: 'get', company: rl(DEMO), task: rl('={{ $json.id }}') },
			{ items: [{ id: jobId }, { id: 999999 }, { id: jobId }], continueOnFail: true },
		);
		expect(out).toHaveLength(3);
		expect(out[0].json.callJobId).toBe(jobId);
		expect(out[1].error?.message).toBe('BYRobot knows no such task');
		expect((out[1].error as unknown as { context: IDataObject }).context.itemIndex).toBe(1);
		expect(out[0]).toMatchObject({ json: { callJobId: jobId }, pairedItem: { item: 0 } });
		expect(out[2]).toMatchObject({ json: { callJobId: jobId }, pairedItem: { item: 2 } });
	});
});

describe('Byrobot on the open platform: dropdowns and list searches', () => {
	const context = (parameters: INodeParameters) => ({
		node: new Byrobot(),
		parameters: open(parameters),
		credentials: credentials(),
	});

	it('Company list (company.list)', async () => {
		const { results } = await listSearch(context({}), 'searchCompanies');
		expect(results.map((r) => r.value)).toContain(String(DEMO));
	});

	it('Task list (calljob.list) by name', async () => {
		sandbox.seedCallJobs(DEMO, 3);
		const { results } = await listSearch(context({ company: rl(DEMO) }), 'searchTasks');
		expect(results).toHaveLength(3);
		expect(apiCalls()[0].path).toBe(pathOf('byai.openapi.calljob.list'));
	});

	it('Caller lines (phone.list) and robots (robot.list, published)', async () => {
		const lines = await loadOptions(context({ company: rl(DEMO) }), 'getCallerLines');
		expect(lines.map((l) => l.value)).toContain(SEED.phone.demo.id);
		const robots = await loadOptions(context({ company: rl(DEMO) }), 'getRobots');
		expect(robots.map((r) => r.value).sort()).toEqual(
			[SEED.robot.loan.id, SEED.robot.survey.id].sort(),
		);
	});

	it('Import Customers variables: every robot’s, flattened and labelled', async () => {
		const options = await loadOptions(context({ company: rl(DEMO) }), 'getTaskScriptVariables');
		const names = options.map((o) => o.name);
		for (const name of [...SEED.robot.loan.variables, ...SEED.robot.survey.variables]) {
			expect(names).toContain(name);
		}
	});
});
