// Import Customers in batch mode (the default): all input items of a run in as few
// importTaskCustomer requests as allowed, with every row accounted for.
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { expectedFailure, expectSigned, rl, runner, useSandbox } from './helpers';
import { SEED } from '../sandbox/byrobot';

const { sandbox, baseUrl } = useSandbox();
const { run } = runner(baseUrl);

const PATH = '/openapi/v2/task/importTaskCustomer';

const phoneOf = (i: number) => `138${String(i).padStart(8, '0')}`;
const rows = (n: number) =>
	Array.from({ length: n }, (_, i) => ({ name: `客户${i}`, phone: phoneOf(i), crmId: `C${i}` }));

const params = (taskId: number, extra: INodeParameters = {}): INodeParameters => ({
	resource: 'task',
	operation: 'importCustomers',
	company: rl(SEED.company.demo.id),
	task: rl(taskId),
	...extra,
});

const customerLists = () =>
	sandbox
		.requestsTo(PATH)
		.map((r) => (r.body as { customerInfoList: IDataObject[] }).customerInfoList);

describe('Task → Import Customers, batch mode', () => {
	it('sends 25,001 rows as 3 requests of 10,000, 10,000 and 5,001, one output item per request', async () => {
		const [taskId] = sandbox.seedTasks(SEED.company.demo.id, 1);
		const out = await run(params(taskId), { items: rows(25001) });
		expect(sandbox.requests).toHaveLength(3);
		expect(customerLists().map((list) => list.length)).toEqual([10000, 10000, 5001]);
		sandbox.requests.forEach((r) => {
			expect(`${r.method} ${r.path}`).toBe(`POST ${PATH}`);
			expect(r.body).toMatchObject({ companyId: SEED.company.demo.id, taskId });
			expectSigned(r);
		});
		expect(customerLists()[2][5000]).toEqual({ name: '客户25000', phone: phoneOf(25000) });
		expect(out.map((item) => item.json)).toEqual([
			{
				taskId,
				firstRow: 0,
				lastRow: 9999,
				attempts: 1,
				count: 10000,
				successNum: 10000,
				repeatNum: 0,
				placeFailNum: 0,
				rejectedRows: [],
			},
			{
				taskId,
				firstRow: 10000,
				lastRow: 19999,
				attempts: 1,
				count: 10000,
				successNum: 10000,
				repeatNum: 0,
				placeFailNum: 0,
				rejectedRows: [],
			},
			{
				taskId,
				firstRow: 20000,
				lastRow: 25000,
				attempts: 1,
				count: 5001,
				successNum: 5001,
				repeatNum: 0,
				placeFailNum: 0,
				rejectedRows: [],
			},
		]);
		const paired = out.map((item) => item.pairedItem as Array<{ item: number }>);
		expect(paired.map((p) => p.length)).toEqual([10000, 10000, 5001]);
		expect(paired.flat().map((p) => p.item)).toEqual(Array.from({ length: 25001 }, (_, i) => i));
		expect(sandbox.customersOf(taskId)).toHaveLength(25001);
	}, 600000);

	it('honours a lower batch size and sends variables, explicit (an expression per row) and from the other fields', async () => {
		const [taskId] = sandbox.seedTasks(SEED.company.demo.id, 1);
		const out = await run(
			params(taskId, {
				variables: { variable: [{ name: '金额', field: '={{ $json.amount * 2 }}' }] },
				importOptions: { batchSize: 2, includeOtherFields: true },
			}),
			{
				items: [
					{ name: '甲', phone: '13800000001', amount: 1, crmId: 'A' },
					{ name: '乙', phone: '13800000002', amount: 2, crmId: 'B' },
					{ name: '丙', phone: '13800000003', amount: 3, crmId: 'C', tags: ['x'] },
				],
			},
		);
		expect(customerLists()).toEqual([
			[
				{ name: '甲', phone: '13800000001', properties: { amount: '1', crmId: 'A', 金额: '2' } },
				{ name: '乙', phone: '13800000002', properties: { amount: '2', crmId: 'B', 金额: '4' } },
			],
			[
				{
					name: '丙',
					phone: '13800000003',
					properties: { amount: '3', crmId: 'C', tags: '["x"]', 金额: '6' },
				},
			],
		]);
		expect(out.map((item) => [item.json.firstRow, item.json.lastRow, item.json.count])).toEqual([
			[0, 1, 2],
			[2, 2, 1],
		]);
		expect(out[1].pairedItem).toEqual([{ item: 2 }]);
	});

	it('skips invalid rows (bad phone, empty name) and lists them in the output of the request that covers them', async () => {
		const [taskId] = sandbox.seedTasks(SEED.company.demo.id, 1);
		const items = rows(5);
		items[1].phone = '12345';
		items[3].name = '';
		items.push({ name: 'x', phone: 'abc', crmId: 'C5' });
		const out = await run(params(taskId, { importOptions: { batchSize: 2 } }), { items });
		expect(customerLists().map((list) => list.map((c) => c.phone))).toEqual([
			[phoneOf(0), phoneOf(2)],
			[phoneOf(4)],
		]);
		expect(out.map((item) => item.json)).toEqual([
			expect.objectContaining({
				firstRow: 0,
				lastRow: 3,
				attempts: 1,
				count: 2,
				successNum: 2,
				rejectedRows: [
					{
						index: 1,
						phone: '12345',
						reason: expect.stringContaining('Phone: "12345" is not a plausible phone number'),
					},
					{ index: 3, phone: phoneOf(3), reason: 'Name: is empty' },
				],
			}),
			expect.objectContaining({
				firstRow: 4,
				lastRow: 5,
				count: 1,
				successNum: 1,
				rejectedRows: [{ index: 5, phone: 'abc', reason: expect.stringContaining('Phone: "abc"') }],
			}),
		]);
		expect(out[0].pairedItem).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }, { item: 3 }]);
	});

	it('with every row invalid sends nothing and outputs one item listing them', async () => {
		const [taskId] = sandbox.seedTasks(SEED.company.demo.id, 1);
		const out = await run(params(taskId), { items: [{ name: 'a', phone: '1' }] });
		expect(sandbox.requests).toHaveLength(0);
		expect(out).toEqual([
			{
				json: expect.objectContaining({
					count: 0,
					firstRow: 0,
					lastRow: 0,
					rejectedRows: [expect.objectContaining({ index: 0 })],
				}),
				pairedItem: [{ item: 0 }],
			},
		]);
	});

	it('with On Invalid Row = Stop, sends nothing and names the first invalid row', async () => {
		const [taskId] = sandbox.seedTasks(SEED.company.demo.id, 1);
		const items = rows(4);
		items[2].phone = '999';
		const error = await run(params(taskId, { importOptions: { onInvalidRow: 'stop' } }), {
			items,
		}).then(expectedFailure, (e: unknown) => e as Error & { description?: string });
		expect(error.message).toContain('Item 2: "Phone"');
		expect(error.description).toContain('Nothing was sent to BYRobot');
		expect(error.message).toContain('999');
		expect(sandbox.requests).toHaveLength(0);
	});

	it('when request 2 of 3 fails, says rows 0–9,999 were imported and 10,000–24,999 were not, and that rerunning is safe', async () => {
		const [taskId] = sandbox.seedTasks(SEED.company.demo.id, 1);
		// The vendor answers request 2 with code 500 every time; request 1 is imported.
		sandbox.answerNext(
			`POST ${PATH}`,
			{ body: { code: 500, data: null, resultMsg: '系统异常' } },
			{ skip: 1, times: Infinity },
		);
		const error = await run(params(taskId), { items: rows(25000) }).then(
			expectedFailure,
			(e: unknown) => e as Error & { description?: string },
		);
		// Request 2 was tried 4 times (the node's own retries), then the run stopped.
		expect(sandbox.requestsTo(PATH)).toHaveLength(5);
		expect(error.description).toContain('(4 attempts)');
		expect(error.constructor.name).toBe('NodeApiError');
		expect(error.message).toContain('rows 0–9,999 were imported; rows 10,000–24,999 were not');
		expect(error.description).toContain('Request 2 of 3 failed');
		expect(error.description).toContain('rows 10,000–24,999 were not');
		expect(error.description).toContain('Running the import again is safe');
		expect(sandbox.customersOf(taskId)).toHaveLength(10000);
	}, 600000);

	it('after a failed request, running the same rows again adds only the missing ones', async () => {
		const [taskId] = sandbox.seedTasks(SEED.company.demo.id, 1);
		const parameters = params(taskId, {
			importOptions: { batchSize: 2 },
			requestOptions: { retryTransientFailures: false },
		});
		sandbox.fail({ path: PATH, skip: 1, failure: { kind: 'envelope', code: 500 } });
		const error = await run(parameters, { items: rows(5) }).then(
			expectedFailure,
			(e: unknown) => e as Error,
		);
		expect(error.message).toContain('rows 0–1 were imported; rows 2–4 were not');
		expect(sandbox.customersOf(taskId)).toHaveLength(2);
		const out = await run(parameters, { items: rows(5) });
		expect(out.map((item) => [item.json.successNum, item.json.repeatNum])).toEqual([
			[0, 2],
			[2, 0],
			[1, 0],
		]);
		expect(sandbox.customersOf(taskId)).toHaveLength(5);
	});

	it('with Continue On Fail, outputs the requests that succeeded and an error item pairing the rows not imported', async () => {
		const [taskId] = sandbox.seedTasks(SEED.company.demo.id, 1);
		sandbox.fail({ path: PATH, skip: 1, failure: { kind: 'envelope', code: 500 } });
		const parameters = params(taskId, {
			importOptions: { batchSize: 2 },
			requestOptions: { retryTransientFailures: false },
		});
		const out = await run(parameters, {
			items: rows(5),
			continueOnFail: true,
		});
		expect(out).toHaveLength(2);
		expect(out[0].json).toMatchObject({ firstRow: 0, lastRow: 1, successNum: 2 });
		expect(out[1].json).toEqual({});
		expect(out[1].error?.message).toContain('rows 0–1 were imported; rows 2–4 were not');
		expect(out[1].pairedItem).toEqual([{ item: 2 }, { item: 3 }, { item: 4 }]);
	});
});

describe('Task → Import Customers, mapping input fields', () => {
	it('reads the fields named in Phone Field, Name Field and Variables: any column name, nested with a dot', async () => {
		const [taskId] = sandbox.seedTasks(SEED.company.demo.id, 1);
		const out = await run(
			params(taskId, {
				phoneField: '联系.手机',
				nameField: '客户',
				variables: {
					variable: [
						{ name: '贷款金额', field: '金额' },
						{ name: '还款日期', field: '到期[0]' },
					],
				},
			}),
			{
				items: [
					{ 客户: '张三', 联系: { 手机: '+86 138 0013 8000' }, 金额: 5000, 到期: ['2024-06-01'] },
					{ 客户: '李四', 联系: { 手机: '021-8888 6666' }, 金额: 800, 到期: ['2024-06-03'] },
				],
			},
		);
		expect(customerLists()).toEqual([
			[
				{
					name: '张三',
					phone: '13800138000',
					properties: { 贷款金额: '5000', 还款日期: '2024-06-01' },
				},
				{
					name: '李四',
					phone: '02188886666',
					properties: { 贷款金额: '800', 还款日期: '2024-06-03' },
				},
			],
		]);
		expect(out[0].json).toMatchObject({ count: 2, successNum: 2, rejectedRows: [] });
	});

	it('takes an expression as the value itself, row by row', async () => {
		const [taskId] = sandbox.seedTasks(SEED.company.demo.id, 1);
		await run(
			params(taskId, {
				phoneField: '={{ $json.tel }}',
				nameField: '={{ $json.family + $json.given }}',
			}),
			{
				items: [
					{ tel: '13800000001', family: '王', given: '五' },
					{ tel: '13800000002', family: '赵', given: '六' },
				],
			},
		);
		expect(customerLists()).toEqual([
			[
				{ name: '王五', phone: '13800000001' },
				{ name: '赵六', phone: '13800000002' },
			],
		]);
	});

	it('with Name Field cleared, sends no names and does not require them', async () => {
		const [taskId] = sandbox.seedTasks(SEED.company.demo.id, 1);
		const out = await run(params(taskId, { nameField: '' }), {
			items: [{ phone: '13800000001', name: '' }],
		});
		expect(customerLists()).toEqual([[{ name: '', phone: '13800000001' }]]);
		expect(out[0].json.rejectedRows).toEqual([]);
	});

	it('sends the other fields as variables, leaving out the mapped ones', async () => {
		const [taskId] = sandbox.seedTasks(SEED.company.demo.id, 1);
		await run(
			params(taskId, {
				phoneField: '手机',
				nameField: '姓名',
				variables: { variable: [{ name: '贷款金额', field: '金额' }] },
				importOptions: { includeOtherFields: true },
			}),
			{
				items: [
					{ 姓名: '张三', 手机: '13800138000', 金额: 5000, crmId: 'C1', 标签: { vip: true } },
				],
			},
		);
		expect(customerLists()).toEqual([
			[
				{
					name: '张三',
					phone: '13800138000',
					properties: { crmId: 'C1', 标签: '{"vip":true}', 贷款金额: '5000' },
				},
			],
		]);
	});

	it.each([
		['phoneField', { phoneField: 'mobile' }, '"Phone Field": no input item has a field "mobile"'],
		['nameField', { nameField: '姓名' }, '"Name Field": no input item has a field "姓名"'],
		[
			'a variable',
			{ variables: { variable: [{ name: '贷款金额', field: 'amount' }] } },
			'"Variables → Field": no input item has a field "amount"',
		],
	])(
		'stops before any request when %s names a field no item has, and lists the fields there are',
		async (_label, extra, message) => {
			const [taskId] = sandbox.seedTasks(SEED.company.demo.id, 1);
			const error = await run(params(taskId, extra), { items: rows(3) }).then(
				expectedFailure,
				(e: unknown) => e as Error & { description?: string },
			);
			expect(error.message).toBe(message);
			expect(error.description).toContain('The input items have "name", "phone", "crmId".');
			expect(error.description).toContain('Nothing was sent to BYRobot');
			expect(sandbox.requests).toHaveLength(0);
		},
	);

	it('stops before any request when Phone Field is empty', async () => {
		const [taskId] = sandbox.seedTasks(SEED.company.demo.id, 1);
		const error = await run(params(taskId, { phoneField: ' ' }), { items: rows(2) }).then(
			expectedFailure,
			(e: unknown) => e as Error,
		);
		expect(error.message).toContain('Item 0: "Phone Field" — is empty');
		expect(sandbox.requests).toHaveLength(0);
	});

	it('lists a row that lacks the phone field as invalid when other rows have it', async () => {
		const [taskId] = sandbox.seedTasks(SEED.company.demo.id, 1);
		const out = await run(params(taskId), {
			items: [{ name: '甲', phone: '13800000001' }, { name: '乙' }],
		});
		expect(customerLists()).toEqual([[{ name: '甲', phone: '13800000001' }]]);
		expect(out[0].json.rejectedRows).toEqual([
			{
				index: 1,
				phone: '',
				reason: expect.stringContaining('Phone: "" is not a plausible phone number'),
			},
		]);
	});
});

describe('Task → Import Customers, mapping edge cases', () => {
	it('reads a dragged nested path with quoted keys, a top-level name with a dot, and a typed variable name', async () => {
		const [taskId] = sandbox.seedTasks(SEED.company.demo.id, 1);
		await run(
			params(taskId, {
				phoneField: "['联系']['手机']",
				nameField: 'Name.',
				variables: { variable: [{ name: '=crmId', field: 'id' }] },
				importOptions: { includeOtherFields: true },
			}),
			{ items: [{ 'Name.': '张三', 联系: { 手机: '13800138000' }, id: 'C1', '': 'blank header' }] },
		);
		expect(customerLists()).toEqual([
			[{ name: '张三', phone: '13800138000', properties: { crmId: 'C1' } }],
		]);
	});

	it.each([
		['a variable without a name', { name: '', field: 'crmId' }, 'variable 1 has no name'],
		['a variable without a field', { name: '贷款金额', field: '' }, '"贷款金额" has no Field'],
	])('stops before any request on %s', async (_label, variable, message) => {
		const [taskId] = sandbox.seedTasks(SEED.company.demo.id, 1);
		const error = await run(params(taskId, { variables: { variable: [variable] } }), {
			items: rows(2),
		}).then(expectedFailure, (e: unknown) => e as Error);
		expect(error.message).toContain(`"Variables" — ${message}`);
		expect(sandbox.requests).toHaveLength(0);
	});

	it('stops before any request when a Task expression gives another task for a later item', async () => {
		const [first, second] = sandbox.seedTasks(SEED.company.demo.id, 2);
		const items = [
			...rows(3).map((row) => ({ ...row, taskId: first })),
			{ ...rows(4)[3], taskId: second },
		];
		const error = await run(params(first, { task: rl('={{ $json.taskId }}', 'id') }), {
			items,
		}).then(expectedFailure, (e: unknown) => e as Error & { description?: string });
		expect(error.message).toBe(`Item 3: "Task" gives ${second}, but item 0 gives ${first}`);
		expect(error.description).toContain('One Request per Item');
		expect(sandbox.requests).toHaveLength(0);
	});

	it('accepts a Task expression that gives the same task for every item', async () => {
		const [taskId] = sandbox.seedTasks(SEED.company.demo.id, 1);
		await run(params(taskId, { task: rl('={{ $json.taskId }}', 'id') }), {
			items: rows(3).map((row) => ({ ...row, taskId })),
		});
		expect(customerLists().map((list) => list.length)).toEqual([3]);
		expect(sandbox.requests[0].body).toMatchObject({ companyId: SEED.company.demo.id, taskId });
	});
});

describe('Task → Import Customers, one request per item', () => {
	it('sends each item’s customer list on its own, split at the batch size', async () => {
		const [taskId] = sandbox.seedTasks(SEED.company.demo.id, 1);
		const out = await run(
			{
				resource: 'task',
				operation: 'importCustomers',
				company: rl(SEED.company.demo.id),
				task: rl(taskId),
				importMode: 'perItem',
				importOptions: { batchSize: 2 },
			},
			{
				items: [
					{
						customers: [
							{ name: '甲', phone: '+86 138 0000 0001', properties: { 金额: 5 } },
							{ name: '乙', phone: 'bad' },
							{ name: '丙', phone: '13800000003' },
						],
					},
					{ customers: [{ name: '丁', phone: '021-8888 6666' }] },
				],
			},
		);
		const lists = customerLists().sort((x, y) => x.length - y.length);
		expect(lists).toEqual([
			[{ name: '丁', phone: '02188886666' }],
			[
				{ name: '甲', phone: '13800000001', properties: { 金额: '5' } },
				{ name: '丙', phone: '13800000003' },
			],
		]);
		expect(
			out.map((item) => [item.json.firstRow, item.json.lastRow, item.json.count, item.pairedItem]),
		).toEqual([
			[0, 2, 2, [{ item: 0 }]],
			[0, 0, 1, [{ item: 1 }]],
		]);
		expect((out[0].json.rejectedRows as IDataObject[])[0]).toMatchObject({
			index: 1,
			phone: 'bad',
		});
		expect(sandbox.customersOf(taskId)).toHaveLength(3);
	});
});

describe('Task → Import Customers, one request per item, mapping list entries', () => {
	const aggregated = {
		data: [
			{ 姓名: '张三', 手机: '+86 138 0013 8000', 金额: 5000, crmId: 'C1' },
			{ 姓名: '李四', 手机: '021-8888 6666', 金额: 800, crmId: 'C2' },
		],
	};
	const listParams = (taskId: number, extra: INodeParameters = {}): INodeParameters =>
		params(taskId, {
			importMode: 'perItem',
			customers: '={{ $json.data }}',
			phoneField: '手机',
			nameField: '姓名',
			...extra,
		});

	it('reads each entry through Phone Field, Name Field and Variables (an item made by the Aggregate node)', async () => {
		const [taskId] = sandbox.seedTasks(SEED.company.demo.id, 1);
		const out = await run(
			listParams(taskId, {
				variables: { variable: [{ name: '贷款金额', field: '金额' }] },
				importOptions: { includeOtherFields: true },
			}),
			{ items: [aggregated] },
		);
		expect(customerLists()).toEqual([
			[
				{ name: '张三', phone: '13800138000', properties: { crmId: 'C1', 贷款金额: '5000' } },
				{ name: '李四', phone: '02188886666', properties: { crmId: 'C2', 贷款金额: '800' } },
			],
		]);
		expect(out.map((item) => [item.json.count, item.json.successNum, item.pairedItem])).toEqual([
			[2, 2, [{ item: 0 }]],
		]);
	});

	it('takes an expression in Phone Field as the field name, as n8n field-name parameters do', async () => {
		const [taskId] = sandbox.seedTasks(SEED.company.demo.id, 1);
		await run(listParams(taskId, { phoneField: '={{ "手" + "机" }}' }), { items: [aggregated] });
		expect(customerLists()[0].map((c) => c.phone)).toEqual(['13800138000', '02188886666']);
	});

	it('takes a field dragged from the list in the input panel (data[0].手机) as the field of each entry', async () => {
		const [taskId] = sandbox.seedTasks(SEED.company.demo.id, 1);
		await run(listParams(taskId, { phoneField: 'data[0].手机', nameField: 'data[0].姓名' }), {
			items: [aggregated],
		});
		expect(customerLists()[0].map((c) => [c.name, c.phone])).toEqual([
			['张三', '13800138000'],
			['李四', '02188886666'],
		]);
	});

	it('stops when a Name Field expression gives no field name, instead of dropping the names', async () => {
		const [taskId] = sandbox.seedTasks(SEED.company.demo.id, 1);
		const error = await run(listParams(taskId, { nameField: '={{ $json.nothing }}' }), {
			items: [aggregated],
		}).then(expectedFailure, (e: unknown) => e as Error);
		expect(error.message).toContain('"Name Field" — the expression gives an empty field name');
		expect(sandbox.requests).toHaveLength(0);
	});

	it('answers an empty list with one item of count 0, sending nothing', async () => {
		const [taskId] = sandbox.seedTasks(SEED.company.demo.id, 1);
		const out = await run(listParams(taskId), { items: [{ data: [] }, aggregated] });
		expect(sandbox.requests).toHaveLength(1);
		expect(out[0]).toEqual({
			json: expect.objectContaining({ taskId, count: 0, firstRow: null }),
			pairedItem: { item: 0 },
		});
		expect(out[1].json).toMatchObject({ count: 2, successNum: 2 });
	});

	it('says what Customers gave when it is not a list', async () => {
		const [taskId] = sandbox.seedTasks(SEED.company.demo.id, 1);
		const error = await run(listParams(taskId), { items: [{ rows: [] }] }).then(
			expectedFailure,
			(e: unknown) => e as Error,
		);
		expect(error.message).toContain('"Customers" — gives nothing, not a list of customers');
		expect(error.message).toContain('{{ $json.data }}');
	});

	it('stops before any request when no entry has the phone field, listing the fields there are', async () => {
		const [taskId] = sandbox.seedTasks(SEED.company.demo.id, 1);
		const error = await run(listParams(taskId, { phoneField: 'mobile' }), {
			items: [aggregated],
		}).then(expectedFailure, (e: unknown) => e as Error & { description?: string });
		expect(error.message).toBe('"Phone Field": no customer in the list has a field "mobile"');
		expect(error.description).toContain(
			'The customers in the list have "姓名", "手机", "金额", "crmId".',
		);
		expect(sandbox.requests).toHaveLength(0);
	});
});

describe('Task → Import Customers, one request per item, splitting', () => {
	it('splits a list longer than the batch size into several requests for that item', async () => {
		const [taskId] = sandbox.seedTasks(SEED.company.demo.id, 1);
		const out = await run(
			{
				resource: 'task',
				operation: 'importCustomers',
				company: rl(SEED.company.demo.id),
				task: rl(taskId),
				importMode: 'perItem',
				importOptions: { batchSize: 2 },
			},
			{ items: [{ customers: rows(5) }] },
		);
		expect(customerLists().map((list) => list.length)).toEqual([2, 2, 1]);
		expect(out.map((item) => [item.json.firstRow, item.json.lastRow, item.pairedItem])).toEqual([
			[0, 1, [{ item: 0 }]],
			[2, 3, [{ item: 0 }]],
			[4, 4, [{ item: 0 }]],
		]);
	});
});
