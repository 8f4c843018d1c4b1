'use strict';
// The example workflows of e2e/examples/, run as they are shipped (only our node types are
// renamed for N8N_CUSTOM_EXTENSIONS), against sandboxes prepared the way `npm run dev` does.
// ai-agent-callback-desk.json is not run (its AI Agent needs the user's own chat model):
// tools.js checks that n8n loads it and runs each of its tools through Tool Executor.
const assert = require('assert/strict');
const fs = require('fs');
const path = require('path');

const EXAMPLES_DIR = path.join(__dirname, '..', 'examples');
const byrobotOpenFirstJob = require('../../test/sandbox/byrobotOpen').SEED.firstId.callJob;

function example(file) {
	return JSON.parse(fs.readFileSync(path.join(EXAMPLES_DIR, file), 'utf8'));
}

/**
 * Examples (a) and (a′): however the node batches them, the three sheet rows arrive as three
 * customers, phones normalised and script variables (plus crmId) in `properties`.
 */
function expectSheetCustomers(customers) {
	assert.deepEqual(
		customers.map((c) => [c.name, c.phone]),
		[
			['张三', '13900001001'],
			['李四', '13900001002'],
			['王五', '13900001007'],
		],
	);
	assert.deepEqual(customers[1].properties, {
		客户姓名: '李四',
		贷款金额: '12000',
		还款日期: '2024-06-03',
		crmId: 'C-1002',
	});
}

module.exports = () => [
	{
		name: 'example (a): spreadsheet rows → Byrobot Create Task → Import Customers → Start Task',
		workflow: example('byrobot-spreadsheet-to-call-task.json'),
		autoDial: true,
		check(run, { byrobot }) {
			const [created] = run.items('Create Task');
			assert.equal(created.taskId, 5001);
			const [createRequest] = byrobot.requestsTo('/task/createTask', 'POST');
			assert.equal(
				byrobot.requestsTo('/task/createTask').length,
				1,
				'Create Task runs once for all rows',
			);
			assert.deepEqual(
				{ ...createRequest.body, taskName: undefined },
				{
					companyId: 1001,
					taskName: undefined,
					taskType: 2,
					userPhoneIds: [11],
					robotDefId: 21,
					callType: 0,
					concurrencyQuota: 1,
					workingStartTime: '09:00',
					workingEndTime: '20:00',
				},
			);
			assert.match(createRequest.body.taskName, /^还款提醒 \d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);

			// However the node batches them, the three rows arrive as three customers of task 5001,
			// phones normalised and script variables (plus crmId) in `properties`.
			const imports = byrobot.requestsTo('/openapi/v2/task/importTaskCustomer', 'POST');
			assert.equal(imports.length, 1, 'the three rows go in as one request');
			for (const request of imports) {
				assert.equal(request.body.companyId, 1001);
				assert.equal(request.body.taskId, 5001);
			}
			expectSheetCustomers(byrobot.customersOf(5001));
			const imported = run.items('Import Customers');
			assert.equal(
				imported.reduce((sum, i) => sum + (i.successNum ?? 0), 0),
				3,
				`Import Customers should report 3 successes: ${JSON.stringify(imported)}`,
			);

			assert.deepEqual(
				byrobot.requestsTo('/task/start', 'POST').map((r) => r.body),
				[{ taskId: 5001 }],
			);
			assert.deepEqual(run.items('Start Task'), [
				{ taskId: 5001, success: true, message: run.items('Start Task')[0].message },
			]);
			// autoDial: the sandbox called the three customers as soon as the task ran.
			const calls = byrobot.callRecordsOf(5001);
			assert.deepEqual(
				calls.map((c) => [c.customerTelephone, c.finishStatus]),
				[
					['13900001001', 0],
					['13900001002', 0],
					['13900001007', 1],
				],
			);
		},
	},
	{
		name: 'example (a′): spreadsheet rows → call task on the open platform (百应开放平台)',
		workflow: example('byrobot-open-platform-call-task.json'),
		autoDial: true,
		check(run, { byrobotOpen }) {
			const jobId = byrobotOpenFirstJob;
			assert.deepEqual(
				run.items('Create Task').map((t) => t.taskId),
				[jobId],
			);
			const [created] = byrobotOpen.requestsToApi('byai.openapi.calljob.create');
			assert.equal(created.body.companyId, '1001');
			assert.equal(created.body.userPhoneIds, '[11]');
			assert.equal(created.body.callJobType, '2');
			const imports = byrobotOpen.requestsToApi('byai.openapi.calljob.customer.import');
			assert.equal(imports.length, 1, 'the three rows go in as one request');
			expectSheetCustomers(JSON.parse(imports[0].body.customerInfoVOList));
			assert.equal(
				run.items('Import Customers').reduce((sum, i) => sum + (i.successNum ?? 0), 0),
				3,
			);
			assert.deepEqual(
				byrobotOpen.requestsToApi('byai.openapi.calljob.execute').map((r) => r.body.command),
				['1'],
			);
			assert.equal(run.items('Start Task')[0].taskId, jobId);
			assert.equal(byrobotOpen.callRecordsOf(jobId).length, 3);
		},
	},
	{
		name: 'example (b): Byrobot Get Call Records → answered only → CRM fields',
		workflow: example('byrobot-answered-calls-to-crm.json'),
		setup({ byrobot }) {
			// What `npm run dev` seeds: task 5001 with 12 finished calls (9 answered).
			const [taskId] = byrobot.seedTasks(1001, 1, { jobName: '示例：上周的回访任务' });
			assert.equal(taskId, 5001);
			byrobot.seedCallRecords(taskId, 12);
		},
		check(run, { byrobot }) {
			assert.equal(run.items('Get Call Records').length, 12);
			const crm = run.items('CRM Fields');
			assert.equal(crm.length, 9, 'the 9 answered calls of 12');
			assert.deepEqual(Object.keys(crm[0]).sort(), [
				'callId',
				'calledAt',
				'chatRounds',
				'crmId',
				'durationSeconds',
				'intention',
				'name',
				'phone',
				'recordingUrl',
			]);
			assert.equal(crm[0].phone, '13950010001');
			assert.equal(crm[0].name, '客户1');
			assert.equal(crm[0].durationSeconds, 11, '"11秒" arrives as the number 11');
			assert.match(crm[0].intention, /^[ABCD]$/);
			assert.match(crm[0].recordingUrl, /\/RobotPhoneCommunicate\/\d+\.wav$/);
			assert.ok(!crm.some((c) => ['13950010007', '13950010008', '13950010009'].includes(c.phone)));
			const [query] = byrobot.requestsTo('/task/queryDoneTaskPhones', 'POST');
			assert.equal(query.body.callJobId, 5001);
			assert.equal(query.body.pageNum, 1);
		},
	},
	{
		name: 'example (d): Byrobot call records → interested only → a Bangwo8 ticket per call',
		workflow: example('byrobot-calls-to-bangwo8-tickets.json'),
		setup({ byrobot }) {
			// What `npm run dev` seeds: task 5001 with 12 finished calls (9 answered, all intention A).
			const [taskId] = byrobot.seedTasks(1001, 1, { jobName: '示例：上周的回访任务' });
			assert.equal(taskId, 5001);
			byrobot.seedCallRecords(taskId, 12);
		},
		check(run, { bangwo8 }) {
			assert.equal(run.items('Get Call Records').length, 12);
			assert.equal(run.items('Interested Only').length, 9, 'the 9 answered calls, intention A');
			const posts = bangwo8.requestsTo('/api/v1/tickets.json', 'POST');
			assert.equal(posts.length, 9, 'one ticket per interested call');
			for (const post of posts) {
				const ticket = post.body.ticket;
				assert.match(ticket.subject, /^回电：客户\d+ 1395001\d{4}$/);
				assert.match(
					ticket.descript,
					/^AI 外呼意向：A\n录音：http:\/\/127\.0\.0\.1:\d+\/RobotPhoneCommunicate\/\d+\.wav\n通话时长：\d+ 秒\n/,
				);
				assert.equal(ticket.servicerUserId, '567332');
				assert.equal(ticket.ticketType, '4');
				assert.equal(ticket.priorityLevel, '3');
				assert.deepEqual(ticket.custom_fields, [{ key: 'field_14', value: 'A' }]);
				assert.equal(ticket.custUserId, undefined, 'no contact picked');
			}
			const created = run.items('Create Ticket');
			assert.equal(created.length, 9);
			// Bangwo8's answer names no id: each ticket was found by listing (shared/created.ts).
			assert.deepEqual(
				created.map((t) => [t.idFoundBy, t.ticketStatusLabel, t.servicerUserId]),
				Array(9).fill(['lookup', 'New (新建)', '567332']),
			);
			assert.equal(new Set(created.map((t) => t.ticketId)).size, 9);
			for (const t of created)
				assert.ok(bangwo8.ticketById(t.ticketId), `ticket ${t.ticketId} stored`);
			assert.equal(bangwo8.tickets.size, 5 + 9);
		},
	},
	{
		name: 'example (c): Bangwo8 contacts → Create Call Task → Get Customers → Delete',
		workflow: example('bangwo8-contacts-call-task.json'),
		check(run, { bangwo8 }) {
			const contacts = run.items('Get Contacts');
			assert.equal(contacts.length, 5);
			const active = contacts.filter((c) => c.state === '1').map((c) => c.cId);
			assert.ok(active.length >= 1);

			const [create] = bangwo8.requestsTo('/api/v1/callTask.json', 'POST');
			assert.equal(
				bangwo8.requestsTo('/api/v1/callTask.json', 'POST').length,
				1,
				'Create Call Task runs once',
			);
			assert.deepEqual(create.body.callTask.task_user, active);
			assert.deepEqual(create.body.callTask.task_service, ['567332']);
			assert.equal(create.body.callTask.data_source, '1');
			assert.match(create.body.callTask.task_start, /^\d{4}-\d{2}-\d{2}$/);

			const [created] = run.items('Create Call Task');
			assert.equal(created.callTaskId, '49242970');
			const customers = run.items('Get Customers');
			assert.equal(customers.length, active.length);
			assert.equal(bangwo8.requestsTo('/api/v1/callTask/userList/49242970.json', 'GET').length, 1);

			assert.deepEqual(run.items('Delete Call Task'), [{ deleted: true, callTaskId: '49242970' }]);
			assert.equal(
				bangwo8.requestsTo('/api/v1/callTask/49242970.json', 'DELETE').length,
				1,
				'Delete runs once',
			);
			assert.equal(bangwo8.callTasks.size, 0);
		},
	},
];
