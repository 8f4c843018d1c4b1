'use strict';
// Faults in real n8n (nodes/shared/requests.ts): a vendor that never answers ends the node within
// its timeout with the node's own message, and an import rides out a transient batch failure.
const assert = require('assert/strict');

const { buildWorkflow } = require('../../scripts/lib/workflow');
const { SEED } = require('../../test/sandbox/byrobot');

const company = { __rl: true, mode: 'id', value: String(SEED.company.demo.id) };
const task = { __rl: true, mode: 'id', value: String(SEED.firstId.task) };
const byrobot = (name, parameters, extra = {}) => ({ name, type: 'byrobot', parameters, ...extra });

module.exports = () => [
	{
		name: 'faults: a BYRobot that never answers ends within the timeout (2 s), with a hint',
		workflow: buildWorkflow({
			nodes: [
				byrobot('Get Task', {
					resource: 'task',
					operation: 'get',
					company,
					task,
					// n8n's own Request Options → Timeout, in milliseconds.
					requestOptions: { timeout: 2000 },
				}),
			],
		}),
		expectFailure: true,
		setup({ byrobot: sandbox }) {
			sandbox.seedTasks(SEED.company.demo.id, 1);
			sandbox.answerNext('GET /openapi/v1/task/getTaskDetail', { delayMs: 60_000, body: {} });
		},
		check(run) {
			assert.equal(run.error.message, 'BYRobot did not answer within 2 s');
			assert.match(run.error.description, /raise Request Options → Timeout/);
			const took = run.runData['Get Task'][0].executionTime;
			assert.ok(took < 6000, `the node ended after ${took} ms`);
		},
	},
	{
		name: 'faults: Import Customers rides out a 502 on batch 2 of 3 (2,501 rows), reporting the retry',
		workflow: buildWorkflow({
			nodes: [
				{
					name: 'Sheet Rows',
					type: 'code',
					parameters: {
						jsCode:
							"return Array.from({ length: 2501 }, (_, i) => ({ json: { name: '客户' + i, phone: '137' + String(i).padStart(8, '0') } }));",
					},
				},
				byrobot(
					'Import Customers',
					{
						resource: 'task',
						operation: 'importCustomers',
						company,
						task,
						importOptions: { batchSize: 1000 },
					},
					{ after: 'Sheet Rows' },
				),
			],
		}),
		setup({ byrobot: sandbox }) {
			sandbox.seedTasks(SEED.company.demo.id, 1);
			sandbox.answerNext(
				'POST /openapi/v2/task/importTaskCustomer',
				{
					status: 502,
					body: '<html><body>502 Bad Gateway</body></html>',
					contentType: 'text/html',
				},
				{ skip: 1 },
			);
		},
		check(run, { byrobot: sandbox }) {
			assert.equal(sandbox.requestsTo('/openapi/v2/task/importTaskCustomer', 'POST').length, 4);
			assert.equal(sandbox.customersOf(SEED.firstId.task).length, 2501);
			assert.deepEqual(
				run.items('Import Customers').map((o) => [o.count, o.attempts]),
				[
					[1000, 1],
					[1000, 2],
					[501, 1],
				],
			);
		},
	},
];
