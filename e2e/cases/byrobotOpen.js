'use strict';
// The Byrobot node on the open platform (百应开放平台, Authentication: Open Platform) in real n8n:
// every operation it offers there, the 2,501-row import in 3 requests, and a token the platform
// refuses (40000010) renewed and the request repeated. Ids are deterministic after a sandbox
// reset: jobs from 241491320, call instances from 3887178818710.
const assert = require('assert/strict');

const { buildWorkflow } = require('../../scripts/lib/workflow');
const { SEED } = require('../../test/sandbox/byrobotOpen');

const COMPANY = SEED.company.demo.id;
const FIRST_JOB = SEED.firstId.callJob;
const NEW_JOB = FIRST_JOB + 1;
const company = { __rl: true, mode: 'id', value: String(COMPANY) };
const byId = (value) => ({ __rl: true, mode: 'id', value: String(value) });
const open = (name, parameters, extra = {}) => ({
	name,
	type: 'byrobot',
	credential: 'byrobotOpen',
	parameters: { authentication: 'openPlatform', ...parameters },
	...extra,
});
const once = { executeOnce: true, alwaysOutputData: true };

function chain(nodes) {
	return nodes.map((node, index) =>
		index === 0 ? node : { ...node, after: nodes[index - 1].name },
	);
}

/** The form fields of the sandbox's requests to one API, token left out. */
function formsOf(sandbox, api) {
	return sandbox.requestsToApi(api).map((request) => {
		const { accessToken, ...form } = request.body ?? {};
		assert.equal(typeof accessToken, 'string', `${api} carried no accessToken`);
		return form;
	});
}

module.exports = () => [
	{
		name: 'byrobot open platform: company reads, balances and SOP workflows (8 operations)',
		workflow: buildWorkflow({
			nodes: chain([
				open('Companies', { resource: 'company', operation: 'getAll' }, once),
				open('Caller Lines', { resource: 'company', operation: 'getCallerLines', company }, once),
				open(
					'Robots',
					{ resource: 'company', operation: 'getRobots', company, robotStatus: 2 },
					once,
				),
				open(
					'Script Variables',
					{
						resource: 'company',
						operation: 'getScriptVariables',
						company,
						robotDefId: SEED.robot.loan.id,
					},
					once,
				),
				open('Seats', { resource: 'company', operation: 'getSeatStatistics', company }, once),
				open('AI Balance', { resource: 'company', operation: 'getAiBalance', company }, once),
				open('Line Balance', { resource: 'company', operation: 'getLineBalance', company }, once),
				open(
					'SOP Workflows',
					{ resource: 'sopWorkflow', operation: 'getAll', returnAll: true },
					once,
				),
			]),
		}),
		check(run, { byrobotOpen }) {
			assert.ok(run.items('Companies').some((c) => c.companyId === COMPANY));
			const demoLine = run.items('Caller Lines').find((l) => l.userPhoneId === SEED.phone.demo.id);
			assert.equal(demoLine.phoneTypeLabel, 'Unknown (9)');
			assert.deepEqual(formsOf(byrobotOpen, 'byai.openapi.robot.list'), [
				{ companyId: String(COMPANY), robotStatus: '2' },
			]);
			assert.deepEqual(
				run.items('Script Variables').map((v) => v.name),
				SEED.robot.loan.variables,
			);
			assert.deepEqual(run.items('Seats'), [
				{
					companyAllCallSeat: SEED.company.demo.seats.all,
					companyUsingCallSeat: SEED.company.demo.seats.using,
				},
			]);
			assert.deepEqual(run.items('AI Balance'), [SEED.company.demo.ai]);
			assert.deepEqual(run.items('Line Balance'), [SEED.company.demo.communication]);
			assert.ok(run.items('SOP Workflows').length > 0);
			assert.equal(
				byrobotOpen.requestsToApi('byai.sop.workflow.list.page.search')[0].body.pageNum,
				'0',
			);
			// One token for the whole execution: n8n stores it with the credential.
			assert.equal(byrobotOpen.issuedTokens, 1);
		},
	},
	{
		name: 'byrobot open platform: create, import 2,501 rows in 3 requests, start, read calls, pause, stop',
		// A finished job with 501 calls (FIRST_JOB) for the reads; the new task gets the next id.
		setup({ byrobotOpen }) {
			const [done] = byrobotOpen.seedCallJobs(COMPANY, 1, { callJobStatus: 2 });
			assert.equal(done, FIRST_JOB);
			byrobotOpen.seedCallRecords(done, 501);
			byrobotOpen.clearRequests();
		},
		workflow: buildWorkflow({
			nodes: chain([
				open(
					'Create Task',
					{
						resource: 'task',
						operation: 'create',
						company,
						taskName: 'n8n 开放平台回访',
						callerLines: [SEED.phone.mobile.id],
						robot: SEED.robot.loan.id,
						concurrencyQuota: 2,
					},
					once,
				),
				{
					name: 'Rows',
					type: 'code',
					parameters: {
						jsCode:
							"const rows = [];\nfor (let i = 0; i < 2501; i++) rows.push({ json: { phone: '139' + String(i).padStart(8, '0'), name: '客户' + i, crmId: 'C-' + i } });\nrows[7].json.phone = 'not a phone';\nreturn rows;",
					},
				},
				open('Import Customers', {
					resource: 'task',
					operation: 'importCustomers',
					company,
					task: byId(NEW_JOB),
					importOptions: { batchSize: 1000, includeOtherFields: true },
				}),
				open(
					'Start Task',
					{ resource: 'task', operation: 'start', company, task: byId(NEW_JOB) },
					once,
				),
				open('Get', { resource: 'task', operation: 'get', company, task: byId(NEW_JOB) }, once),
				open('Get Many', { resource: 'task', operation: 'getAll', company, returnAll: true }, once),
				open(
					'Call Records',
					{
						resource: 'task',
						operation: 'getCallRecords',
						company,
						task: byId(FIRST_JOB),
						returnAll: true,
					},
					once,
				),
				open(
					'Call Detail',
					{
						resource: 'task',
						operation: 'getCallDetail',
						callInstanceId: String(SEED.firstId.callInstance),
					},
					once,
				),
				open('Pause', { resource: 'task', operation: 'pause', company, task: byId(NEW_JOB) }, once),
				open('Stop', { resource: 'task', operation: 'stop', company, task: byId(NEW_JOB) }, once),
			]),
		}),
		check(run, { byrobotOpen }) {
			assert.deepEqual(
				run.items('Create Task').map((t) => t.taskId),
				[NEW_JOB],
			);
			const [created] = formsOf(byrobotOpen, 'byai.openapi.calljob.create');
			assert.deepEqual(created, {
				companyId: String(COMPANY),
				callJobName: 'n8n 开放平台回访',
				callJobType: '2',
				robotDefId: String(SEED.robot.loan.id),
				userPhoneIds: `[${SEED.phone.mobile.id}]`,
				concurrencyQuota: '2',
			});

			const imports = formsOf(byrobotOpen, 'byai.openapi.calljob.customer.import');
			assert.deepEqual(
				imports.map((form) => JSON.parse(form.customerInfoVOList).length),
				[1000, 1000, 500],
				'2,501 rows (one invalid) in 3 requests of at most 1,000',
			);
			assert.deepEqual(JSON.parse(imports[0].customerInfoVOList)[0], {
				name: '客户0',
				phone: '13900000000',
				properties: { crmId: 'C-0' },
			});
			const summaries = run.items('Import Customers');
			assert.equal(summaries.length, 3);
			assert.equal(
				summaries.reduce((sum, s) => sum + s.successNum, 0),
				2500,
			);
			assert.deepEqual(
				summaries[0].rejectedRows.map((r) => r.index),
				[7],
			);
			assert.equal(byrobotOpen.customersOf(NEW_JOB).length, 2500);

			assert.deepEqual(
				formsOf(byrobotOpen, 'byai.openapi.calljob.execute').map((f) => f.command),
				['1', '2', '3'],
			);
			assert.equal(run.items('Start Task')[0].taskId, NEW_JOB);
			assert.equal(run.items('Start Task')[0].success, true);
			const [job] = run.items('Get');
			assert.equal(job.callJobId, NEW_JOB);
			assert.equal(job.status, 1);
			assert.deepEqual(
				run
					.items('Get Many')
					.map((t) => t.callJobId)
					.sort(),
				[FIRST_JOB, NEW_JOB].sort(),
			);

			const records = run.items('Call Records');
			assert.equal(records.length, 501);
			assert.deepEqual(
				byrobotOpen
					.requestsToApi('byai.openapi.calljob.calldone.list')
					.map((r) => [r.body.pageNum, r.body.pageSize]),
				[
					['1', '500'],
					['2', '500'],
				],
			);
			assert.match(String(records[0].startTime), /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
			const [detail] = run.items('Call Detail');
			assert.equal(String(detail.callInstanceId), String(SEED.firstId.callInstance));
			assert.ok(Array.isArray(detail.dialogue));
			assert.equal(byrobotOpen.jobs.get(NEW_JOB).callJobStatus, 6);
		},
	},
	{
		name: 'byrobot open platform: a token refused with 40000010 is renewed and the request sent once more',
		setup({ byrobotOpen }) {
			byrobotOpen.answerTokenInvalid();
		},
		workflow: buildWorkflow({
			nodes: [open('Companies', { resource: 'company', operation: 'getAll' })],
		}),
		check(run, { byrobotOpen }) {
			assert.ok(run.items('Companies').length > 0);
			const calls = byrobotOpen.requestsToApi('byai.openapi.company.list');
			assert.deepEqual(
				calls.map((r) => r.code),
				[40000010, 200],
			);
			assert.notEqual(calls[1].body.accessToken, calls[0].body.accessToken);
		},
	},
	{
		name: 'byrobot open platform: a task name over 50 characters stops before any request',
		expectFailure: true,
		workflow: buildWorkflow({
			nodes: [
				open('Create Task', {
					resource: 'task',
					operation: 'create',
					company,
					taskName: '长'.repeat(51),
					callerLines: [SEED.phone.mobile.id],
					robot: SEED.robot.loan.id,
				}),
			],
		}),
		check(run, { byrobotOpen }) {
			assert.match(run.error.message, /Task Name/);
			assert.match(run.error.message, /50 characters/);
			assert.equal(byrobotOpen.requestsToApi('byai.openapi.calljob.create').length, 0);
		},
	},
];
