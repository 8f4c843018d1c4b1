'use strict';
// The Bangwo8 node in real n8n: every operation at least once (the examples add Contact Get
// Many, Create, Get Customers, Delete and Ticket Create), both authentications, Create Call Task
// from all items, and an error with and without Continue On Fail. Seeded call tasks get ids from
// 49242970 upwards, created tickets from 7000200, created contacts from 600001.
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
		name: 'bangwo8: ticket reads — Get Many (all, a contact, a company, by status), Search, Get v1 and _v2',
		workflow: buildWorkflow({
			nodes: [
				bangwo8('All Tickets', {
					resource: 'ticket',
					operation: 'getAll',
					returnAll: true,
					filters: {},
				}),
				bangwo8('Contact Tickets', {
					resource: 'ticket',
					operation: 'getAll',
					returnAll: true,
					contactId: byId(321456),
					filters: { order: 'status_order:desc' },
				}),
				bangwo8('Company Tickets', {
					resource: 'ticket',
					operation: 'getAll',
					returnAll: false,
					limit: 2,
					companyId: { __rl: true, mode: 'list', value: '5061778', cachedResultName: '测试公司2' },
					filters: { createdStart: '2024-03-02' },
				}),
				bangwo8('Search Tickets', {
					resource: 'ticket',
					operation: 'search',
					searchQuery: 'createDT:2024-03',
					searchSort: 'createDT:desc',
					returnAll: true,
				}),
				bangwo8('Ticket v1', { resource: 'ticket', operation: 'get', ticketId: byId(7000101) }),
				bangwo8('Ticket v2', {
					resource: 'ticket',
					operation: 'get',
					ticketId: byId(7000101),
					detailVersion: 'v2',
				}),
			],
		}),
		setup({ bangwo8: sandbox }) {
			// 150 more tickets of 周先生 (company 500001), so that All Tickets takes two pages.
			assert.equal(sandbox.seedTickets(150, { custUserId: '400001' }).length, 150);
		},
		check(run, { bangwo8: sandbox }) {
			assert.equal(run.items('All Tickets').length, 155);
			assert.deepEqual(
				sandbox.requestsTo('/api/v1/tickets.json', 'GET').map((r) => r.query.page),
				['1', '2'],
			);
			assert.deepEqual(
				run.items('Contact Tickets').map((t) => [t.ticketId, t.ticketStatusLabel]),
				[
					['7000104', 'Solved (已解决)'],
					['7000101', 'Open (已开启)'],
				],
			);
			assert.equal(
				sandbox.requestsTo('/api/v1/users/321456/tickets.json', 'GET')[0].query.status_order,
				'desc',
			);
			assert.deepEqual(
				run.items('Company Tickets').map((t) => t.ticketId),
				['7000102', '7000104'],
			);
			assert.deepEqual(
				run.items('Search Tickets').map((t) => t.ticketId),
				['7000104', '7000103', '7000102', '7000101'],
			);
			const [v1] = run.items('Ticket v1');
			assert.equal(v1.ticketTypeLabel, 'Question (问题)');
			assert.deepEqual(v1.custom_fields[0], { key: 'field_12', value: '上门' });
			const [v2] = run.items('Ticket v2');
			assert.deepEqual(v2.custom_fields[0], { key: 'field_12', value: '4272477' });
			assert.equal(sandbox.requestsTo('/api/v1/tickets/7000101_v2.json', 'GET').length, 1);
		},
	},
	{
		name: 'bangwo8: ticket writes with OAuth2 — Create (found by listing), Update, Add Reply',
		workflow: buildWorkflow({
			nodes: [
				bangwo8(
					'Create Ticket',
					{
						authentication: 'oAuth2',
						resource: 'ticket',
						operation: 'create',
						subject: '客户要求回电',
						description: '意向：A',
						contactId: byId(378594),
						agentId: byId(655758),
						ticketFields: {
							ticketType: '4',
							priorityLevel: '3',
							ticketTemplateId: '4',
							ccAgentIds: ['567332'],
							customFields: { field: [{ key: 'field_14', value: 'A' }] },
						},
					},
					{ credential: 'bangwo8OAuth2' },
				),
				bangwo8(
					'Update Ticket',
					{
						authentication: 'oAuth2',
						resource: 'ticket',
						operation: 'update',
						ticketId: byId('={{ $json.ticketId }}'),
						agentId: byId(567332),
						ticketFields: {
							ticketStatus: '2',
							customFields: { field: [{ key: 'field_13', value: '2030-06-01' }] },
						},
					},
					{ credential: 'bangwo8OAuth2', after: 'Create Ticket' },
				),
				bangwo8(
					'Reply',
					{
						authentication: 'oAuth2',
						resource: 'ticket',
						operation: 'addReply',
						ticketId: byId('={{ $json.ticketId }}'),
						replyMsg: '已安排回电',
					},
					{ credential: 'bangwo8OAuth2', after: 'Update Ticket' },
				),
			],
		}),
		check(run, { bangwo8: sandbox }) {
			const [created] = run.items('Create Ticket');
			assert.equal(created.ticketId, '7000200');
			assert.equal(created.idFoundBy, 'lookup');
			// A fresh credential has no token yet: n8n's first tries get 401 (nothing stored), then it
			// fetches a token and the POST goes through once.
			const posts = sandbox.requestsTo('/api/v1/tickets.json', 'POST');
			assert.equal(posts.filter((r) => r.status === 200).length, 1, 'created once');
			assert.equal(sandbox.tickets.size, 6);
			const [updated] = run.items('Update Ticket');
			assert.equal(updated.ticketStatusLabel, 'Open (已开启)');
			assert.equal(updated.servicerUserId, '567332');
			const put = sandbox.requestsTo('/api/v1/tickets/7000200.json', 'PUT')[0].body.ticket;
			assert.equal(put.ticketId, undefined, 'the whole ticket without its ticketId');
			assert.equal(put.subject, '客户要求回电');
			assert.deepEqual(put.custom_fields, [
				{ key: 'field_14', value: 'A' },
				{ key: 'field_13', value: '2030-06-01' },
			]);
			assert.deepEqual(run.items('Reply')[0].ticketReply, { replyMsg: '已安排回电' });
			const stored = sandbox.ticketById('7000200');
			assert.equal(stored.ticketStatus, '2');
			assert.equal(stored.ccUserIdList, '567332');
			assert.deepEqual(
				sandbox.repliesOf('7000200').map((r) => r.replyMsg),
				['已安排回电'],
			);
			for (const request of sandbox.requests.filter(
				(r) => r.path.startsWith('/api/v1/') && r.status === 200,
			)) {
				assert.match(
					String(request.headers.authorization),
					/^Bearer [0-9a-f]{40}$/,
					`${request.method} ${request.url}`,
				);
			}
		},
	},
	{
		name: 'bangwo8: companies, contacts and agents — Get Many, Get, Create, Update',
		workflow: buildWorkflow({
			nodes: [
				bangwo8('Companies', {
					resource: 'company',
					operation: 'getAll',
					returnAll: true,
					filters: {},
				}),
				bangwo8('One Company', { resource: 'company', operation: 'get', companyId: byId(500001) }),
				bangwo8('One Contact', {
					resource: 'contact',
					operation: 'get',
					contactId: byId(400001),
					detailVersion: 'v2',
				}),
				bangwo8('New Contact', {
					resource: 'contact',
					operation: 'create',
					contactName: '新线索',
					mobile: '137 0000 1111',
					companyId: byId(500001),
					contactFields: { note: '展会' },
				}),
				bangwo8(
					'Rename Contact',
					{
						resource: 'contact',
						operation: 'update',
						contactId: byId('={{ $json.cId }}'),
						contactName: '新线索（已联系）',
					},
					{ after: 'New Contact' },
				),
				bangwo8('One Agent', { resource: 'agent', operation: 'get', agentId: byId(655758) }),
			],
		}),
		check(run, { bangwo8: sandbox }) {
			assert.equal(run.items('Companies').length, 3);
			assert.equal(run.items('One Company')[0].companyName, '沙盒科技有限公司');
			assert.match(run.items('One Contact')[0].url, /\/users_v2\/400001\.json$/);
			const [created] = run.items('New Contact');
			assert.equal(created.cId, '600001');
			assert.equal(created.mobile, '13700001111');
			assert.equal(created.idFoundBy, 'lookup');
			assert.deepEqual(run.items('Rename Contact'), [{ cId: '600001', name: '新线索（已联系）' }]);
			assert.equal(sandbox.contacts.find((c) => c.cId === '600001').name, '新线索（已联系）');
			assert.equal(run.items('One Agent')[0].name, '张客服');
		},
	},
	{
		name: 'bangwo8: Create Call Task from all items — 508 contacts from Get Many into one call task',
		workflow: buildWorkflow({
			nodes: [
				bangwo8('All Contacts', {
					resource: 'contact',
					operation: 'getAll',
					returnAll: true,
					filters: {},
				}),
				bangwo8(
					'One Call Task',
					{
						resource: 'callTask',
						operation: 'create',
						taskName: '全部联系人回访',
						taskStart: '2030-05-20',
						taskEnd: '2030-05-31',
						agentIds: ['567332', '655758'],
						dataSource: '1',
						mode: 'allItems',
						customerIdField: 'cId',
					},
					{ after: 'All Contacts' },
				),
			],
		}),
		setup({ bangwo8: sandbox }) {
			for (let i = 0; i < 500; i++) {
				sandbox.contacts.push({
					...sandbox.contacts[0],
					cId: String(700000 + i),
					name: `线索${i}`,
					mobile: String(13600000000 + i),
				});
			}
		},
		check(run, { bangwo8: sandbox }) {
			assert.equal(run.items('All Contacts').length, 508);
			const posts = sandbox.requestsTo('/api/v1/callTask.json', 'POST');
			assert.equal(posts.length, 1, 'one request for all 508 items');
			assert.equal(posts[0].body.callTask.task_user.length, 508);
			const out = run.items('One Call Task');
			assert.equal(out.length, 1);
			assert.equal(out[0].callTaskId, '49242970');
			assert.equal(out[0].inputItems, 508);
			assert.equal(out[0].sentIds, 508);
			// The left and the deleted contact are refused by Bangwo8 (state ≠ "1").
			assert.deepEqual([...out[0].illegalIds].sort(), ['400002', '400003']);
			assert.equal(out[0].legalCount, 506);
			const [task] = run.runData['One Call Task'][0].data.main[0];
			assert.equal(task.pairedItem.length, 508, 'paired with every input item');
			assert.equal(sandbox.callTasks.get('49242970').customers.length, 506);
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
