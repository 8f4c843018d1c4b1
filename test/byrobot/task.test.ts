import type { IDataObject, INodeParameters } from 'n8n-workflow';

import {
	expectedFailure,
	expectOnlyRequest,
	expectSigned,
	jsonOf,
	pairedOf,
	rl,
	runner,
	useSandbox,
} from './helpers';
import { SEED } from '../sandbox/byrobot';

const { sandbox, baseUrl } = useSandbox();
const { run } = runner(baseUrl);

const V1 = '/openapi/v1';

describe('Task → Create', () => {
	const base = {
		resource: 'task',
		operation: 'create',
		company: rl(SEED.company.demo.id),
		taskName: '回访任务',
		taskType: 2,
		callerLines: [SEED.phone.mobile.id],
		robot: SEED.robot.loan.id,
		concurrencyQuota: 2,
	};

	it('takes callType from the chosen line (getPhones), sends the full body and outputs { taskId }', async () => {
		const out = await run({
			...base,
			redial: { rules: [{ phoneStatus: 2, times: 2, interval: 10 }] },
			additionalFields: {
				workingStartTime: '09:00',
				workingEndTime: '18:00',
				breakStartTime: '12:00',
				breakEndTime: '13:00',
				smsType: true,
				smsTemplateId: SEED.smsTemplate.approved.id,
				remark: '来自 n8n',
				openElasticity: true,
			},
		});
		expect(sandbox.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
			`GET ${V1}/company/getPhones?companyId=${SEED.company.demo.id}`,
			`POST ${V1}/task/createTask`,
		]);
		sandbox.requests.forEach(expectSigned);
		expect(sandbox.requests[1].body).toEqual({
			companyId: SEED.company.demo.id,
			taskName: '回访任务',
			taskType: 2,
			userPhoneIds: [SEED.phone.mobile.id],
			robotDefId: SEED.robot.loan.id,
			callType: 0,
			concurrencyQuota: 2,
			workingStartTime: '09:00',
			workingEndTime: '18:00',
			breakStartTime: '12:00',
			breakEndTime: '13:00',
			smsType: 1,
			smsTemplateId: SEED.smsTemplate.approved.id,
			remark: '来自 n8n',
			openElasticity: true,
			repeatCall: true,
			repeatCallRule: [{ phoneStatus: 2, times: 2, interval: 10 }],
		});
		expect(out).toEqual([{ json: { taskId: SEED.firstId.task }, pairedItem: { item: 0 } }]);
		expect(sandbox.tasks.get(SEED.firstId.task)).toMatchObject({
			jobName: '回访任务',
			callType: 0,
			concurrencyQuota: 2,
		});
	});

	it('sends an explicit Call Type without looking the line up, and startDate for a scheduled task', async () => {
		const out = await run({
			...base,
			taskType: 1,
			startDate: '2030-01-15',
			callerLines: [SEED.phone.landline.id],
			callType: 1,
		});
		expectOnlyRequest(sandbox, {
			method: 'POST',
			path: `${V1}/task/createTask`,
			body: {
				companyId: SEED.company.demo.id,
				taskName: '回访任务',
				taskType: 1,
				startDate: '2030-01-15',
				userPhoneIds: [SEED.phone.landline.id],
				robotDefId: SEED.robot.loan.id,
				callType: 1,
				concurrencyQuota: 2,
			},
		});
		expect(jsonOf(out)).toEqual([{ taskId: SEED.firstId.task }]);
	});

	it.each([
		[
			'a scheduled task without start date',
			{ taskType: 1, startDate: '' },
			'Start Date',
			/scheduled task needs a start date/,
		],
		[
			'a start date not yyyy-MM-dd',
			{ taskType: 1, startDate: '15/01/2030' },
			'Start Date',
			/not a date in yyyy-MM-dd/,
		],
		[
			'a time not HH:mm',
			{ additionalFields: { workingStartTime: '9点' } },
			'Working Start Time',
			/HH:mm/,
		],
		[
			'a break outside the working hours',
			{
				additionalFields: {
					workingStartTime: '09:00',
					workingEndTime: '18:00',
					breakStartTime: '18:30',
					breakEndTime: '19:00',
				},
			},
			'Break End Time',
			/outside the working hours 09:00–18:00/,
		],
		['no caller line', { callerLines: [] }, 'Caller Lines', /at least one caller line/],
	])(
		'stops before any request on %s, naming item and field',
		async (_case, change, field, problem) => {
			const error = await run({ ...base, ...change } as INodeParameters).then(
				expectedFailure,
				(e: unknown) => e,
			);
			expect(error).toBeInstanceOf(Error);
			const { message, description, context } = error as {
				message: string;
				description: string;
				context: IDataObject;
			};
			expect(message).toContain(`Item 0: "${field}"`);
			expect(message).toMatch(problem);
			expect(description).toMatch(/Nothing was sent/);
			expect(context.itemIndex).toBe(0);
			expect(sandbox.requests).toHaveLength(0);
		},
	);

	it('refuses caller lines of different phone types when Call Type is left to the lines', async () => {
		const error = await run({
			...base,
			callerLines: [SEED.phone.mobile.id, SEED.phone.landline.id],
		}).then(expectedFailure, (e: unknown) => e as Error);
		expect((error as Error).message).toContain('"Call Type"');
		expect(sandbox.requestsTo('task/createTask')).toHaveLength(0);
	});
});

describe('Task → Update', () => {
	it('sends the changed fields with caller lines as the vendor’s int/comma form and callType from the line', async () => {
		const [taskId] = sandbox.seedTasks(SEED.company.demo.id, 1);
		const out = await run({
			resource: 'task',
			operation: 'update',
			company: rl(SEED.company.demo.id),
			task: rl(taskId, 'id'),
			updateFields: {
				taskName: '改名',
				callerLines: [SEED.phone.landline.id],
				concurrencyQuota: 3,
				breakStartTime: '12:00',
				breakEndTime: '13:00',
			},
		});
		expect(sandbox.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
			`GET ${V1}/company/getPhones`,
			`POST ${V1}/task/update`,
		]);
		expect(sandbox.requests[1].body).toEqual({
			companyId: SEED.company.demo.id,
			taskId,
			taskName: '改名',
			userPhoneIds: SEED.phone.landline.id,
			callType: 1,
			concurrencyQuota: 3,
			breakStartTime: '12:00',
			breakEndTime: '13:00',
		});
		expect(out).toEqual([
			{ json: { taskId, success: true, message: '修改成功' }, pairedItem: { item: 0 } },
		]);
		expect(sandbox.tasks.get(taskId)).toMatchObject({
			jobName: '改名',
			userPhoneIds: [SEED.phone.landline.id],
			callType: 1,
		});
	});

	it('sends only company and task when nothing else changes, and checks a given start date', async () => {
		const [taskId] = sandbox.seedTasks(SEED.company.demo.id, 1);
		await run({
			resource: 'task',
			operation: 'update',
			company: rl(SEED.company.demo.id),
			task: rl(taskId),
			updateFields: {},
		});
		expectOnlyRequest(sandbox, {
			method: 'POST',
			path: `${V1}/task/update`,
			body: { companyId: SEED.company.demo.id, taskId },
		});
		sandbox.clearRequests();
		const error = await run({
			resource: 'task',
			operation: 'update',
			company: rl(SEED.company.demo.id),
			task: rl(taskId),
			updateFields: { startDate: '2030-02-30' },
		}).then(expectedFailure, (e: unknown) => e as Error);
		expect((error as Error).message).toContain('Item 0: "Start Date"');
		expect(sandbox.requests).toHaveLength(0);
	});
});

describe.each([
	['start', 0, 1, '启动成功'],
	['pause', 1, 4, '执行成功'],
	['stop', 1, 6, '执行成功'],
	['delete', 0, undefined, '删除成功'],
] as const)('Task → %s', (operation, from, to, message) => {
	it(`POSTs { taskId } to task/${operation} and reports success`, async () => {
		const [taskId] = sandbox.seedTasks(SEED.company.demo.id, 1, { status: from });
		const out = await run({
			resource: 'task',
			operation,
			company: rl(SEED.company.demo.id),
			task: rl(taskId),
		});
		expectOnlyRequest(sandbox, {
			method: 'POST',
			path: `${V1}/task/${operation}`,
			body: { taskId },
		});
		expect(out).toEqual([{ json: { taskId, success: true, message }, pairedItem: { item: 0 } }]);
		if (to === undefined) expect(sandbox.tasks.has(taskId)).toBe(false);
		else expect(sandbox.tasks.get(taskId)?.status).toBe(to);
	});
});

describe('Task → Get', () => {
	it('GETs getTaskDetail with companyId and taskId and labels the status', async () => {
		const [taskId] = sandbox.seedTasks(SEED.company.demo.id, 1, { status: 4 });
		const out = await run({
			resource: 'task',
			operation: 'get',
			company: rl(SEED.company.demo.id),
			task: rl(taskId, 'id'),
		});
		expectOnlyRequest(sandbox, {
			method: 'GET',
			path: `${V1}/task/getTaskDetail`,
			query: { companyId: String(SEED.company.demo.id), taskId: String(taskId) },
		});
		expect(out).toHaveLength(1);
		expect(out[0].json).toMatchObject({
			callJobId: taskId,
			status: 4,
			statusLabel: 'Paused by User',
			robotDefName: '贷款回访机器人',
		});
		expect(out[0].pairedItem).toEqual({ item: 0 });
	});
});

describe('Task → Get Many', () => {
	it('Return All over 250 tasks takes exactly 3 requests (pages of 100) and returns 250 distinct tasks', async () => {
		sandbox.seedTasks(SEED.company.demo.id, 250);
		const out = await run({
			resource: 'task',
			operation: 'getAll',
			company: rl(SEED.company.demo.id),
			returnAll: true,
		});
		expect(sandbox.requests.map((r) => r.query)).toEqual([
			{ companyId: String(SEED.company.demo.id), pageNum: '1', pageSize: '100' },
			{ companyId: String(SEED.company.demo.id), pageNum: '2', pageSize: '100' },
			{ companyId: String(SEED.company.demo.id), pageNum: '3', pageSize: '100' },
		]);
		sandbox.requests.forEach((r) => {
			expect(r.method).toBe('GET');
			expect(r.path).toBe(`${V1}/task/getTasks`);
			expectSigned(r);
		});
		expect(out).toHaveLength(250);
		expect(new Set(out.map((item) => item.json.callJobId)).size).toBe(250);
		expect(new Set(pairedOf(out).map((p) => JSON.stringify(p)))).toEqual(new Set(['{"item":0}']));
	});

	it('asks for just the Limit and sends the filters', async () => {
		sandbox.seedTasks(SEED.company.demo.id, 8, { status: 1 });
		sandbox.seedTasks(SEED.company.demo.id, 2, { status: 0 });
		const today = new Date(sandbox.now() + 8 * 3600 * 1000).toISOString().slice(0, 10);
		const out = await run({
			resource: 'task',
			operation: 'getAll',
			company: rl(SEED.company.demo.id),
			returnAll: false,
			limit: 5,
			filters: { taskName: '种子', status: 1, createDate: today },
		});
		expectOnlyRequest(sandbox, {
			method: 'GET',
			path: `${V1}/task/getTasks`,
			query: {
				companyId: String(SEED.company.demo.id),
				taskName: '种子',
				status: '1',
				createDate: today,
				pageNum: '1',
				pageSize: '5',
			},
		});
		expect(out).toHaveLength(5);
		expect(out.every((item) => item.json.status === 1 && item.json.statusLabel === 'Running')).toBe(
			true,
		);
	});

	it('rejects a Created On that is not yyyy-MM-dd before any request', async () => {
		const error = await run({
			resource: 'task',
			operation: 'getAll',
			company: rl(SEED.company.demo.id),
			filters: { createDate: '2024/05/01' },
		}).then(expectedFailure, (e: unknown) => e as Error);
		expect((error as Error).message).toContain('Item 0: "Created On"');
		expect(sandbox.requests).toHaveLength(0);
	});
});

describe('Task → Import Customers', () => {
	it('POSTs all items in one request to the v2 path with phones normalised and variables as properties', async () => {
		const [taskId] = sandbox.seedTasks(SEED.company.demo.id, 1);
		const out = await run(
			{
				resource: 'task',
				operation: 'importCustomers',
				company: rl(SEED.company.demo.id),
				task: rl(taskId),
				variables: {
					variable: [
						{ name: '贷款金额', field: 'amount' },
						{ name: 'crmId', field: 'id' },
					],
				},
			},
			{
				items: [
					{ name: '张三', phone: '+86 138-0013-8000', amount: 5000, id: 'C1' },
					{ name: '李四', phone: '021-8888 6666', amount: 800, id: 'C2' },
				],
			},
		);
		const r = expectOnlyRequest(sandbox, {
			method: 'POST',
			path: '/openapi/v2/task/importTaskCustomer',
			body: {
				companyId: SEED.company.demo.id,
				taskId,
				customerInfoList: [
					{ name: '张三', phone: '13800138000', properties: { 贷款金额: '5000', crmId: 'C1' } },
					{ name: '李四', phone: '02188886666', properties: { 贷款金额: '800', crmId: 'C2' } },
				],
			},
		});
		expectSigned(r);
		expect(out).toHaveLength(1);
		expect(out[0].json).toEqual({
			taskId,
			firstRow: 0,
			lastRow: 1,
			attempts: 1,
			count: 2,
			successNum: 2,
			repeatNum: 0,
			placeFailNum: 0,
			rejectedRows: [],
		});
		expect(out[0].pairedItem).toEqual([{ item: 0 }, { item: 1 }]);
		expect(
			sandbox
				.customersOf(taskId)
				.map((c) => c.phone)
				.sort(),
		).toEqual(['02188886666', '13800138000']);
	});

	it.each(['12345', '2380013800', '138001380001', 'abc'])(
		'with On Invalid Row = Stop, stops on the implausible phone %s, naming the item and the Phone field',
		async (phone) => {
			const [taskId] = sandbox.seedTasks(SEED.company.demo.id, 1);
			const error = await run(
				{
					resource: 'task',
					operation: 'importCustomers',
					company: rl(SEED.company.demo.id),
					task: rl(taskId),
					importOptions: { onInvalidRow: 'stop' },
				},
				{ items: [{ name: '张三', phone }] },
			).then(expectedFailure, (e: unknown) => e as Error & { context: IDataObject });
			expect(error.message).toContain('Item 0: "Phone"');
			expect(error.message).toContain(phone);
			expect(error.context.itemIndex).toBe(0);
			expect(sandbox.requests).toHaveLength(0);
		},
	);

	it('by default skips a bad row, lists it, and imports the others', async () => {
		const [taskId] = sandbox.seedTasks(SEED.company.demo.id, 1);
		const out = await run(
			{
				resource: 'task',
				operation: 'importCustomers',
				company: rl(SEED.company.demo.id),
				task: rl(taskId),
				nameField: '',
			},
			{
				items: [{ phone: '13800138000' }, { phone: 'not a phone' }, { phone: '13900139000' }],
				continueOnFail: true,
			},
		);
		expect(sandbox.requests).toHaveLength(1);
		expect(out).toHaveLength(1);
		expect(out[0].json).toMatchObject({ firstRow: 0, lastRow: 2, count: 2, successNum: 2 });
		expect(out[0].json.rejectedRows).toEqual([
			{ index: 1, phone: 'not a phone', reason: expect.stringContaining('Phone: "not a phone"') },
		]);
		expect(out[0].pairedItem).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
	});
});

describe('Task → Get Call Records', () => {
	it('pages POST queryDoneTaskPhones by 50 with callJobId and simplifies each call', async () => {
		const [taskId] = sandbox.seedTasks(SEED.company.demo.id, 1);
		const calls = sandbox.seedCallRecords(taskId, 120);
		const out = await run({
			resource: 'task',
			operation: 'getCallRecords',
			company: rl(SEED.company.demo.id),
			task: rl(taskId),
			returnAll: true,
		});
		expect(sandbox.requests.map((r) => [r.method, r.path, r.body])).toEqual([
			['POST', `${V1}/task/queryDoneTaskPhones`, { callJobId: taskId, pageNum: 1, pageSize: 50 }],
			['POST', `${V1}/task/queryDoneTaskPhones`, { callJobId: taskId, pageNum: 2, pageSize: 50 }],
			['POST', `${V1}/task/queryDoneTaskPhones`, { callJobId: taskId, pageNum: 3, pageSize: 50 }],
		]);
		sandbox.requests.forEach(expectSigned);
		expect(out).toHaveLength(120);
		const first = calls[0];
		expect(out[0]).toEqual({
			json: {
				callInstanceId: first.callInstanceId,
				customerName: first.customerName,
				customerTelephone: first.customerTelephone,
				finishStatus: first.finishStatus,
				finishStatusLabel: 'Answered',
				duration: 11,
				chatRound: first.chatRound,
				startTime: first.startTime,
				endTime: first.endTime,
				recordingUrl: first.luyinOssUrl,
				results: [{ name: '意向标签', value: 'A' }],
			},
			pairedItem: { item: 0 },
		});
		// the wire gives "11秒", "21" and 31; all come out as numbers
		expect([calls[0], calls[10], calls[20]].map((c) => c.duration)).toEqual(['11秒', '21', 31]);
		expect([out[0], out[10], out[20]].map((item) => item.json.duration)).toEqual([11, 21, 31]);
	});

	it('sends the filters and, not simplified, keeps every field with properties parsed', async () => {
		const [taskId] = sandbox.seedTasks(SEED.company.demo.id, 1);
		sandbox.seedCallRecords(taskId, 30);
		const out = await run({
			resource: 'task',
			operation: 'getCallRecords',
			company: rl(SEED.company.demo.id),
			task: rl(taskId),
			returnAll: false,
			limit: 3,
			simplify: false,
			filters: {
				finishStatus: 0,
				durationLeft: 10,
				durationRight: 40,
				chatRoundLeft: 2,
				chatRoundRight: 9,
			},
			resultFilters: { conditions: [{ name: '意向标签', value: 'A' }] },
		});
		expectOnlyRequest(sandbox, {
			method: 'POST',
			path: `${V1}/task/queryDoneTaskPhones`,
			body: {
				callJobId: taskId,
				finishStatus: 0,
				durationLeft: 10,
				durationRight: 40,
				chatRoundLeft: 2,
				chatRoundRight: 9,
				resultQueryList: [{ name: '意向标签', value: 'A' }],
				pageNum: 1,
				pageSize: 3,
			},
		});
		expect(out).toHaveLength(3);
		for (const { json } of out) {
			expect(json).toMatchObject({
				finishStatus: 0,
				finishStatusLabel: 'Answered',
				status: 2,
				callJobId: taskId,
			});
			expect(typeof json.duration).toBe('number');
			expect(json.properties).toEqual({ 客户姓名: expect.stringMatching(/^客户\d+$/) });
		}
	});
});

describe('Task → Get Uncalled Customers', () => {
	it('POSTs notDialedCustomerList with taskId and pages of 50', async () => {
		const [taskId] = sandbox.seedTasks(SEED.company.demo.id, 1);
		sandbox.importCustomers(
			taskId,
			Array.from({ length: 60 }, (_, i) => ({
				name: `客户${i}`,
				phone: `1370000${String(i).padStart(4, '0')}`,
			})),
		);
		const out = await run({
			resource: 'task',
			operation: 'getUncalledCustomers',
			company: rl(SEED.company.demo.id),
			task: rl(taskId),
			returnAll: true,
		});
		expect(sandbox.requests.map((r) => [r.method, r.path, r.body])).toEqual([
			['POST', `${V1}/task/notDialedCustomerList`, { taskId, pageNum: 1, pageSize: 50 }],
			['POST', `${V1}/task/notDialedCustomerList`, { taskId, pageNum: 2, pageSize: 50 }],
		]);
		expect(out).toHaveLength(60);
		expect(out[0]).toEqual({
			json: expect.objectContaining({
				customerName: '客户0',
				customerTelephone: '13700000000',
				calledTimes: 0,
			}),
			pairedItem: { item: 0 },
		});
	});
});

describe('Task → Get Call Detail', () => {
	it('GETs phoneLogInfo and gives dialogue, recording URL and parsed properties', async () => {
		const [taskId] = sandbox.seedTasks(SEED.company.demo.id, 1);
		const [call] = sandbox.seedCallRecords(taskId, 1);
		const out = await run({
			resource: 'task',
			operation: 'getCallDetail',
			callInstanceId: String(call.callInstanceId),
		});
		expectOnlyRequest(sandbox, {
			method: 'GET',
			path: `${V1}/task/phoneLogInfo`,
			query: { callInstanceId: String(call.callInstanceId) },
		});
		expect(out).toHaveLength(1);
		const json = out[0].json;
		expect(json).toMatchObject({
			callInstanceId: call.callInstanceId,
			customerTelephone: call.customerTelephone,
			finishStatus: 0,
			finishStatusLabel: 'Answered',
			duration: 11,
			recordingUrl: call.luyinOssUrl,
			properties: { 客户姓名: '客户1' },
		});
		expect((json.dialogue as IDataObject[])[0]).toEqual({
			speaker: 'AI',
			content: expect.any(String),
		});
		expect(json.dialogue).toHaveLength(call.chatRound * 2);
		expect(out[0].pairedItem).toEqual({ item: 0 });
	});

	it('not simplified, keeps the full answer with sceneInstance.properties parsed', async () => {
		const [taskId] = sandbox.seedTasks(SEED.company.demo.id, 1);
		const [call] = sandbox.seedCallRecords(taskId, 1);
		const out = await run({
			resource: 'task',
			operation: 'getCallDetail',
			callInstanceId: String(call.callInstanceId),
			simplify: false,
		});
		const json = out[0].json as IDataObject;
		expect((json.sceneInstance as IDataObject).properties).toEqual({ 客户姓名: '客户1' });
		expect(json.phoneLog).toBeDefined();
		expect(json.taskResult).toEqual([
			{ name: '意向标签', value: 'A', resultName: '意向标签', resultValue: 'A' },
		]);
		expect(json.recordingUrl).toBe(call.luyinOssUrl);
	});
});
