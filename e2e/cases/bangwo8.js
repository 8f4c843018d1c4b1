'use strict';
// The Bangwo8 node in real n8n: every operation at least once (the example adds Contact Get
// Many, Create, Get Customers and Delete), both authentications, and an error with and
// without Continue On Fail. Seeded call tasks get ids from 49242970 upwards.
const assert = require('assert/strict');

const { buildWorkflow } = require('../../scripts/lib/workflow');

const byId = (value) => ({ __rl: true, mode: 'id', value: String(value) });
const bangwo8 = (name, parameters, extra = {}) => ({
	name,
	type: 'bangwo8',
	parameters: { authentication: 'basicAuth', ...parameters },
	...extra,
});

module.exports = () => [
	{
		name: 'bangwo8: call task reads, agents and contacts (Basic auth)',
		workflow: buildWorkflow({
			nodes: [
				bangwo8('All Call Tasks', {
					resource: 'callTask',
					operation: 'getAll',
					returnAll: true,
					filters: {},
				}),
				bangwo8('Two Oldest Call Tasks', {
					resource: 'callTask',
					operation: 'getAll',
					returnAll: false,
					limit: 2,
					filters: { order: 'created_order:asc', createdStart: '2024-01-01' },
				}),
				bangwo8('One Call Task', {
					resource: 'callTask',
					operation: 'get',
					callTaskId: byId(49242971),
				}),
				bangwo8('Customers', {
					resource: 'callTask',
					operation: 'getCustomers',
					callTaskId: byId(49242970),
					returnAll: true,
				}),
				bangwo8('Agents', { resource: 'agent', operation: 'getAll', returnAll: true, filters: {} }),
				bangwo8('Contacts', {
					resource: 'contact',
					operation: 'getAll',
					returnAll: false,
					limit: 3,
					filters: {},
				}),
			],
		}),
		setup({ bangwo8: sandbox }) {
			assert.deepEqual(sandbox.seedCallTasks(3), ['49242970', '49242971', '49242972']);
		},
		check(run, { bangwo8: sandbox }) {
			assert.deepEqual(
				run
					.items('All Call Tasks')
					.map((t) => t.callTaskId)
					.sort(),
				['49242970', '49242971', '49242972'],
			);
			assert.deepEqual(
				run.items('Two Oldest Call Tasks').map((t) => t.callTaskId),
				['49242970', '49242971'],
			);
			const ordered = sandbox
				.requestsTo('/api/v1/callTask.json', 'GET')
				.find((r) => r.query.created_order);
			assert.equal(ordered.query.created_order, 'asc');
			assert.equal(ordered.query.created_start, '2024-01-01');

			const [task] = run.items('One Call Task');
			assert.equal(String(task.callTaskId), '49242971');
			assert.equal(task.task_name, '沙盒外呼任务2');
			assert.equal(typeof task.phoneCount, 'number');

			assert.equal(run.items('Customers').length, 3);
			assert.ok(run.items('Agents').some((a) => a.sId === '567332'));
			assert.equal(run.items('Contacts').length, 3);
			for (const request of sandbox.requests) {
				assert.match(
					String(request.headers.authorization),
					/^Basic /,
					`${request.method} ${request.url}`,
				);
			}
		},
	},
	{
		name: 'bangwo8: OAuth2 credential — token fetched once, Bearer on every call',
		workflow: buildWorkflow({
			nodes: [
				bangwo8(
					'Call Tasks (OAuth2)',
					{
						authentication: 'oAuth2',
						resource: 'callTask',
						operation: 'getAll',
						returnAll: true,
						filters: {},
					},
					{ credential: 'bangwo8OAuth2' },
				),
				bangwo8(
					'Agents (OAuth2)',
					{
						authentication: 'oAuth2',
						resource: 'agent',
						operation: 'getAll',
						returnAll: true,
						filters: {},
					},
					{ credential: 'bangwo8OAuth2', after: 'Call Tasks (OAuth2)', executeOnce: true },
				),
			],
		}),
		setup({ bangwo8: sandbox }) {
			sandbox.seedCallTasks(2);
		},
		check(run, { bangwo8: sandbox }) {
			assert.equal(run.items('Call Tasks (OAuth2)').length, 2);
			assert.ok(run.items('Agents (OAuth2)').length >= 3);
			const tokenRequests = sandbox.requestsTo('/api/token.php', 'POST');
			assert.ok(tokenRequests.length >= 1, 'a token was requested');
			assert.equal(tokenRequests[0].body.grant_type, 'client_credentials');
			for (const request of sandbox.requests.filter((r) => r.path.startsWith('/api/v1/'))) {
				assert.match(
					String(request.headers.authorization),
					/^Bearer /,
					`${request.method} ${request.url}`,
				);
			}
		},
	},
	{
		name: 'bangwo8: an error stops the workflow without Continue On Fail',
		workflow: buildWorkflow({
			nodes: [
				bangwo8('Get Call Task', { resource: 'callTask', operation: 'get', callTaskId: byId(1) }),
			],
		}),
		expectFailure: true,
		check(run, { bangwo8: sandbox }) {
			assert.match(run.error.message, /^Bangwo8: .*\(HTTP 404/);
			assert.equal(sandbox.requestsTo('/api/v1/callTask/1.json', 'GET').length, 1);
		},
	},
	{
		name: 'bangwo8: Continue On Fail turns failed items into error items and goes on',
		workflow: buildWorkflow({
			nodes: [
				{
					name: 'Call Task IDs',
					type: 'code',
					parameters: {
						jsCode:
							"return [{ json: { id: '49242970' } }, { json: { id: '1' } }, { json: { id: 'abc' } }];",
					},
				},
				bangwo8(
					'Get Call Task',
					{ resource: 'callTask', operation: 'get', callTaskId: byId('={{ $json.id }}') },
					{ after: 'Call Task IDs', continueOnFail: true },
				),
				{ name: 'After', type: 'noOp', after: 'Get Call Task' },
			],
		}),
		setup({ bangwo8: sandbox }) {
			sandbox.seedCallTasks(1);
		},
		check(run, { bangwo8: sandbox }) {
			const items = run.items('Get Call Task');
			assert.equal(items.length, 3);
			assert.equal(String(items[0].callTaskId), '49242970');
			assert.match(String(items[1].error), /Bangwo8: .*\(HTTP 404/);
			assert.match(String(items[2].error), /Item 2: "Call Task" — "abc" is not a call task ID/);
			assert.equal(
				sandbox.requests.filter((r) => r.path.includes('abc')).length,
				0,
				'nothing was sent for the bad id',
			);
			assert.equal(run.items('After').length, 3, 'the workflow went on');
		},
	},
];
