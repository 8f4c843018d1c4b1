'use strict';
// The Byrobot node in real n8n: every operation at least once (the examples add Create Task,
// Import Customers, Start and Get Call Records), and an error with and without Continue On Fail.
// Ids are deterministic after a sandbox reset: tasks from 5001, call instances from 800001,
// blacklist groups from 301, blacklist entries from 7001.
const assert = require('assert/strict');

const { buildWorkflow } = require('../../scripts/lib/workflow');

const company = { __rl: true, mode: 'id', value: '1001' };
const byId = (value) => ({ __rl: true, mode: 'id', value: String(value) });
const byrobot = (name, parameters, extra = {}) => ({ name, type: 'byrobot', parameters, ...extra });
/** Chained one after the other, each running once whatever the previous one put out. */
const once = { executeOnce: true, alwaysOutputData: true };

function chain(nodes) {
	return nodes.map((node, index) =>
		index === 0 ? node : { ...node, after: nodes[index - 1].name },
	);
}

module.exports = () => [
	{
		name: 'byrobot: company reads and undelivered callbacks (7 operations)',
		workflow: buildWorkflow({
			nodes: [
				byrobot('Companies', { resource: 'company', operation: 'getAll' }),
				byrobot('Caller Lines', { resource: 'company', operation: 'getCallerLines', company }),
				byrobot('Robots', { resource: 'company', operation: 'getRobots', company, robotStatus: 2 }),
				byrobot('Script Variables', {
					resource: 'company',
					operation: 'getScriptVariables',
					company,
					sceneDefId: 31,
				}),
				byrobot('Seats', { resource: 'company', operation: 'getSeatStatistics', company }),
				byrobot('SMS Templates', {
					resource: 'company',
					operation: 'getSmsTemplates',
					company,
					returnAll: true,
					status: 2,
				}),
				byrobot('Undelivered Callbacks', {
					resource: 'callback',
					operation: 'getUndelivered',
					company,
					dataType: 0,
					startDate: "={{ $today.minus({ days: 2 }).toFormat('yyyy-MM-dd') }}",
					endDate: "={{ $today.plus({ days: 2 }).toFormat('yyyy-MM-dd') }}",
					returnAll: true,
				}),
			],
		}),
		setup({ byrobot: sandbox }) {
			sandbox.seedUndeliveredCallbacks(3);
		},
		check(run, { byrobot: sandbox }) {
			assert.deepEqual(
				run.items('Companies').map((c) => [c.companyId, c.companyName]),
				[
					[1001, '百应演示公司'],
					[1002, '百应测试二部'],
				],
			);
			const lines = run.items('Caller Lines');
			assert.deepEqual(
				lines.map((l) => l.userPhoneId),
				[11, 12, 13],
			);
			assert.equal(lines[0].phoneTypeLabel, 'Mobile (SIM)');
			assert.deepEqual(
				run.items('Robots').map((r) => r.robotDefId),
				[21, 22],
			);
			assert.equal(sandbox.requestsTo('/company/getRobots')[0].query.robotStatus, '2');
			assert.deepEqual(
				run.items('Script Variables').map((v) => v.name),
				['客户姓名', '贷款金额', '还款日期'],
			);
			assert.equal(run.items('Seats')[0].companyAllCallSeat, 10);
			const templates = run.items('SMS Templates');
			assert.deepEqual(
				templates.map((t) => t.smsTemplateId),
				[51],
			);
			assert.equal(run.items('Undelivered Callbacks').length, 3);
			const [callbackQuery] = sandbox.requestsTo('/callBack/queryUnCallBack');
			assert.equal(callbackQuery.query.companyId, '1001');
			assert.match(String(callbackQuery.query.startDate), /^\d{4}-\d{2}-\d{2}$/);
			// Every request was signed with the sandbox key.
			for (const request of sandbox.requests) assert.equal(request.headers.appkey, 'sandboxAppKey');
		},
	},
	{
		name: 'byrobot: task lifecycle — Get, Get Many, Update, Get Uncalled Customers, Start, Pause, Stop, Get Call Detail, Delete',
		workflow: buildWorkflow({
			nodes: chain([
				byrobot(
					'Get Task',
					{ resource: 'task', operation: 'get', company, task: byId(5001) },
					once,
				),
				byrobot(
					'Get Many Tasks',
					{ resource: 'task', operation: 'getAll', company, returnAll: true, filters: {} },
					once,
				),
				byrobot(
					'Update Task',
					{
						resource: 'task',
						operation: 'update',
						company,
						task: byId(5001),
						updateFields: { taskName: 'e2e 改名', concurrencyQuota: 2, remark: 'from n8n' },
					},
					once,
				),
				byrobot(
					'Uncalled Customers',
					{
						resource: 'task',
						operation: 'getUncalledCustomers',
						company,
						task: byId(5001),
						returnAll: true,
					},
					once,
				),
				byrobot(
					'Start Task',
					{ resource: 'task', operation: 'start', company, task: byId(5001) },
					once,
				),
				byrobot(
					'Pause Task',
					{ resource: 'task', operation: 'pause', company, task: byId(5001) },
					once,
				),
				byrobot(
					'Stop Task',
					{ resource: 'task', operation: 'stop', company, task: byId(5001) },
					once,
				),
				byrobot(
					'Call Detail',
					{
						resource: 'task',
						operation: 'getCallDetail',
						callInstanceId: '800001',
						simplify: true,
					},
					once,
				),
				byrobot(
					'Delete Task',
					{ resource: 'task', operation: 'delete', company, task: byId(5001) },
					once,
				),
			]),
		}),
		setup({ byrobot: sandbox }) {
			const [taskId, doneTask] = sandbox.seedTasks(1001, 2);
			assert.deepEqual([taskId, doneTask], [5001, 5002]);
			const [call] = sandbox.seedCallRecords(doneTask, 1);
			assert.equal(call.callInstanceId, 800001);
			sandbox.importCustomers(taskId, [
				{ name: '甲', phone: '13900002001', properties: { 客户姓名: '甲' } },
				{ name: '乙', phone: '13900002002', properties: { 客户姓名: '乙' } },
			]);
		},
		check(run, { byrobot: sandbox }) {
			const [task] = run.items('Get Task');
			assert.equal(task.callJobId, 5001);
			assert.equal(task.statusLabel, 'Not Started');
			assert.deepEqual(
				run
					.items('Get Many Tasks')
					.map((t) => t.callJobId)
					.sort(),
				[5001, 5002],
			);

			const [update] = sandbox.requestsTo('/task/update', 'POST');
			assert.equal(update.body.taskId, 5001);
			assert.equal(update.body.companyId, 1001);
			assert.equal(update.body.taskName, 'e2e 改名');
			assert.equal(update.body.concurrencyQuota, 2);
			assert.equal(run.items('Update Task')[0].success, true);

			assert.deepEqual(
				run.items('Uncalled Customers').map((c) => c.phone),
				['13900002001', '13900002002'],
			);
			for (const [node, path] of [
				['Start Task', '/task/start'],
				['Pause Task', '/task/pause'],
				['Stop Task', '/task/stop'],
				['Delete Task', '/task/delete'],
			]) {
				assert.deepEqual(
					sandbox.requestsTo(path, 'POST').map((r) => r.body),
					[{ taskId: 5001 }],
					path,
				);
				assert.equal(run.items(node)[0].success, true, node);
				assert.equal(run.items(node)[0].taskId, 5001, node);
			}
			const [detail] = run.items('Call Detail');
			assert.equal(String(detail.callInstanceId), '800001');
			assert.ok(
				Array.isArray(detail.dialogue) && detail.dialogue.length > 0,
				'the dialogue is listed',
			);
			assert.equal(sandbox.requestsTo('/task/phoneLogInfo')[0].query.callInstanceId, '800001');
			assert.equal(sandbox.tasks.has(5001), false, 'task 5001 is deleted');
		},
	},
	{
		name: 'byrobot: Import Customers gathers 2,501 rows into 3 requests (batch size 1,000), listing the invalid ones',
		workflow: buildWorkflow({
			nodes: [
				{
					name: 'Sheet Rows',
					type: 'code',
					parameters: {
						// Row 7 has a phone no one can call; its name stays so only the phone is at fault.
						jsCode:
							"return Array.from({ length: 2501 }, (_, i) => ({ json: { 姓名: '客户' + i, 手机: i === 7 ? '12345' : '139' + String(i).padStart(8, '0'), 金额: i * 10 } }));",
					},
				},
				byrobot(
					'Import Customers',
					{
						resource: 'task',
						operation: 'importCustomers',
						company,
						task: byId(5001),
						phoneField: '手机',
						nameField: '姓名',
						variables: { variable: [{ name: '贷款金额', field: '金额' }] },
						importOptions: { batchSize: 1000 },
					},
					{ after: 'Sheet Rows' },
				),
			],
		}),
		setup({ byrobot: sandbox }) {
			sandbox.seedTasks(1001, 1);
		},
		check(run, { byrobot: sandbox }) {
			const requests = sandbox.requestsTo('/openapi/v2/task/importTaskCustomer', 'POST');
			assert.deepEqual(
				requests.map((r) => r.body.customerInfoList.length),
				[1000, 1000, 500],
			);
			assert.deepEqual(requests[0].body.customerInfoList[0], {
				name: '客户0',
				phone: '13900000000',
				properties: { 贷款金额: '0' },
			});
			assert.equal(sandbox.customersOf(5001).length, 2500);
			const out = run.items('Import Customers');
			assert.deepEqual(
				out.map((o) => [o.firstRow, o.lastRow, o.count, o.successNum]),
				[
					[0, 1000, 1000, 1000],
					[1001, 2000, 1000, 1000],
					[2001, 2500, 500, 500],
				],
			);
			assert.deepEqual(out[0].rejectedRows, [
				{ index: 7, phone: '12345', reason: out[0].rejectedRows[0].reason },
			]);
			assert.match(
				out[0].rejectedRows[0].reason,
				/^Phone: "12345" is not a plausible phone number/,
			);
			// Item linking: each output item pairs every input row it covered.
			const task = run.runData['Import Customers'][0];
			const paired = task.data.main[0].map((item) => item.pairedItem.length);
			assert.deepEqual(paired, [1001, 1000, 500]);
		},
	},
	{
		name: 'byrobot: Blacklist Add Many gathers 2,501 sheet rows into 3 requests (1,000 each by default), listing the invalid one',
		workflow: buildWorkflow({
			nodes: [
				{
					name: 'Do Not Call Sheet',
					type: 'code',
					parameters: {
						jsCode:
							"return Array.from({ length: 2501 }, (_, i) => ({ json: { mobile: i === 3 ? '999' : '137' + String(i).padStart(8, '0'), 姓名: '客户' + i, reason: 'opt-out' } }));",
					},
				},
				byrobot(
					'Add Many',
					{
						resource: 'blacklist',
						operation: 'addMany',
						company,
						blacklistGroup: '-1',
						phoneField: 'mobile',
						nameField: '姓名',
						remarkField: 'reason',
					},
					{ after: 'Do Not Call Sheet' },
				),
			],
		}),
		check(run, { byrobot: sandbox }) {
			const requests = sandbox.requestsTo('/company/addBlackList/batch', 'POST');
			assert.deepEqual(
				requests.map((r) => r.body.blacklist.length),
				[1000, 1000, 500],
			);
			assert.deepEqual(requests[0].body.blacklist[0], {
				mobile: '13700000000',
				name: '客户0',
				remark: 'opt-out',
			});
			const out = run.items('Add Many');
			assert.deepEqual(
				out.map((o) => [o.firstRow, o.lastRow, o.count, o.successNum, o.rejectedRows.length]),
				[
					[0, 1000, 1000, 1000, 1],
					[1001, 2000, 1000, 1000, 0],
					[2001, 2500, 500, 500, 0],
				],
			);
			assert.equal(out[0].rejectedRows[0].index, 3);
			assert.equal(sandbox.blacklistOf(1001, -1).length, 2500);
			const task = run.runData['Add Many'][0];
			assert.deepEqual(
				task.data.main[0].map((item) => item.pairedItem.length),
				[1001, 1000, 500],
			);
		},
	},
	{
		name: 'byrobot: blacklist groups and entries (8 operations)',
		workflow: buildWorkflow({
			nodes: chain([
				byrobot(
					'Create Group',
					{
						resource: 'blacklistGroup',
						operation: 'create',
						company,
						name: 'e2e 分组',
						remark: '',
					},
					once,
				),
				byrobot(
					'Rename Group',
					{
						resource: 'blacklistGroup',
						operation: 'update',
						company,
						blacklistGroup: "={{ $('Create Group').first().json.blacklistInfoGroupId }}",
						name: 'e2e 分组（改）',
						remark: 'renamed',
					},
					once,
				),
				byrobot('List Groups', { resource: 'blacklistGroup', operation: 'getAll', company }, once),
				byrobot(
					'Add Number',
					{
						resource: 'blacklist',
						operation: 'add',
						company,
						mobile: '+86 138-0000-9999',
						additionalFields: { name: '勿扰' },
					},
					once,
				),
				byrobot(
					'Add Numbers',
					{
						resource: 'blacklist',
						operation: 'addMany',
						importMode: 'perItem',
						company,
						blacklistGroup: '301',
						entries: {
							entry: [
								{ mobile: '13800008881', name: '甲', remark: '' },
								{ mobile: '13800008882', name: '乙', remark: 'x' },
							],
						},
					},
					once,
				),
				byrobot(
					'List Numbers',
					{
						resource: 'blacklist',
						operation: 'getAll',
						company,
						blacklistGroup: '301',
						returnAll: true,
					},
					once,
				),
				byrobot(
					'Remove Number 1',
					{
						resource: 'blacklist',
						operation: 'delete',
						company,
						blacklistGroup: '301',
						mobile: '13800008881',
					},
					once,
				),
				byrobot(
					'Remove Number 2',
					{
						resource: 'blacklist',
						operation: 'delete',
						company,
						blacklistGroup: '301',
						mobile: '13800008882',
					},
					once,
				),
				byrobot(
					'Delete Group',
					{ resource: 'blacklistGroup', operation: 'delete', company, blacklistGroup: '301' },
					once,
				),
			]),
		}),
		check(run, { byrobot: sandbox }) {
			assert.equal(run.items('Create Group')[0].blacklistInfoGroupId, 301);
			assert.equal(sandbox.requestsTo('/blacklist/group/edit')[0].body.name, 'e2e 分组（改）');
			assert.deepEqual(
				run
					.items('List Groups')
					.map((g) => g.blacklistInfoGroupId)
					.sort((a, b) => a - b),
				[-1, 301],
			);
			assert.deepEqual(sandbox.requestsTo('/company/addBlackList', 'POST')[0].body, {
				companyId: 1001,
				mobile: '13800009999',
				name: '勿扰',
			});
			assert.equal(run.items('Add Number')[0].blacklistInfoId, 7001);
			const batch = sandbox.requestsTo('/company/addBlackList/batch', 'POST')[0].body;
			assert.equal(batch.blacklistInfoGroupId, 301);
			assert.deepEqual(
				batch.blacklist.map((e) => e.mobile),
				['13800008881', '13800008882'],
			);
			assert.deepEqual(
				run
					.items('List Numbers')
					.map((e) => e.mobile)
					.sort(),
				['13800008881', '13800008882'],
			);
			assert.equal(sandbox.requestsTo('/blacklist/info/delete', 'POST').length, 2);
			assert.equal(run.items('Delete Group')[0].success, true);
			assert.equal(sandbox.groupsOf(1001).size, 1, 'only the default group is left');
		},
	},
	{
		name: 'byrobot: an error stops the workflow without Continue On Fail',
		workflow: buildWorkflow({
			nodes: [
				byrobot('Get Task', { resource: 'task', operation: 'get', company, task: byId(9999) }),
			],
		}),
		expectFailure: true,
		check(run, { byrobot: sandbox }) {
			assert.match(run.error.message, /BYRobot error 404/);
			assert.equal(sandbox.requestsTo('/task/getTaskDetail').length, 1);
		},
	},
	{
		name: 'byrobot: Continue On Fail turns failed items into error items and goes on',
		workflow: buildWorkflow({
			nodes: [
				{
					name: 'Task IDs',
					type: 'code',
					parameters: {
						jsCode: 'return [{ json: { taskId: 5001 } }, { json: { taskId: 9999 } }];',
					},
				},
				byrobot(
					'Get Task',
					{ resource: 'task', operation: 'get', company, task: byId('={{ $json.taskId }}') },
					{ after: 'Task IDs', continueOnFail: true },
				),
				{ name: 'After', type: 'noOp', after: 'Get Task' },
			],
		}),
		setup({ byrobot: sandbox }) {
			sandbox.seedTasks(1001, 1);
		},
		check(run) {
			const items = run.items('Get Task');
			assert.equal(items.length, 2);
			assert.equal(items[0].callJobId, 5001);
			assert.match(String(items[1].error), /BYRobot error 404/);
			assert.equal(run.items('After').length, 2, 'the workflow went on');
		},
	},
];
