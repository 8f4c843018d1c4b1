import type { IDataObject } from 'n8n-workflow';

import { expectedFailure, expectOnlyRequest, jsonOf, rl, runner, useSandbox } from './helpers';
import { SEED } from '../sandbox/byrobot';

const { sandbox, baseUrl } = useSandbox();
const { run } = runner(baseUrl);

const V1 = '/openapi/v1/company';

describe('Blacklist', () => {
	it('Add: POST addBlackList with the normalised mobile, outputs the new entry id', async () => {
		const out = await run({
			resource: 'blacklist',
			operation: 'add',
			company: rl(SEED.company.demo.id),
			mobile: '0086 139-0000-0001',
			additionalFields: { name: '王五', remark: '投诉' },
		});
		expectOnlyRequest(sandbox, {
			method: 'POST',
			path: `${V1}/addBlackList`,
			body: {
				companyId: SEED.company.demo.id,
				mobile: '13900000001',
				name: '王五',
				remark: '投诉',
			},
		});
		expect(out).toEqual([
			{ json: { blacklistInfoId: SEED.firstId.blacklistEntry }, pairedItem: { item: 0 } },
		]);
		expect(
			sandbox
				.blacklistOf(SEED.company.demo.id, SEED.blacklistGroup.default.id)
				.map((e) => e.mobile),
		).toEqual(['13900000001']);
	});

	it('Add: an implausible mobile stops before the request', async () => {
		const error = await run({
			resource: 'blacklist',
			operation: 'add',
			company: rl(SEED.company.demo.id),
			mobile: '110',
		}).then(expectedFailure, (e: unknown) => e as Error);
		expect(error.message).toContain('Item 0: "Mobile"');
		expect(sandbox.requests).toHaveLength(0);
	});

	it('Add Many: POST addBlackList/batch with the group and the entries', async () => {
		const out = await run({
			resource: 'blacklist',
			operation: 'addMany',
			importMode: 'perItem',
			company: rl(SEED.company.demo.id),
			blacklistGroup: SEED.blacklistGroup.default.id,
			entries: {
				entry: [
					{ mobile: '139 0000 0002', name: 'A', remark: '' },
					{ mobile: '13900000003', name: 'B', remark: '重复投诉' },
				],
			},
		});
		expectOnlyRequest(sandbox, {
			method: 'POST',
			path: `${V1}/addBlackList/batch`,
			body: {
				companyId: SEED.company.demo.id,
				blacklistInfoGroupId: SEED.blacklistGroup.default.id,
				blacklist: [
					{ mobile: '13900000002', name: 'A' },
					{ mobile: '13900000003', name: 'B', remark: '重复投诉' },
				],
			},
		});
		expect(out).toEqual([
			{
				json: {
					blacklistGroupId: SEED.blacklistGroup.default.id,
					firstRow: 0,
					lastRow: 1,
					count: 2,
					requsetNum: 2,
					successNum: 2,
					notAddedNum: 0,
					rejectedRows: [],
					attempts: 1,
				},
				pairedItem: [{ item: 0 }],
			},
		]);
	});

	it('Add Many, one request per item: skips and lists an implausible entry by default', async () => {
		const out = await run({
			resource: 'blacklist',
			operation: 'addMany',
			importMode: 'perItem',
			company: rl(SEED.company.demo.id),
			blacklistGroup: SEED.blacklistGroup.default.id,
			entries: {
				entry: [
					{ mobile: '13900000002', name: 'A' },
					{ mobile: '12', name: 'B' },
				],
			},
		});
		expect((sandbox.requests[0].body as IDataObject).blacklist).toEqual([
			{ mobile: '13900000002', name: 'A' },
		]);
		expect(out[0].json).toMatchObject({ count: 1, successNum: 1 });
		expect(out[0].json.rejectedRows).toEqual([
			{ index: 1, phone: '12', reason: expect.stringContaining('Mobile: "12" is not a plausible') },
		]);
	});

	it('Add Many, one request per item, Stop the Run: names the entry whose mobile is implausible', async () => {
		const error = await run({
			resource: 'blacklist',
			operation: 'addMany',
			importMode: 'perItem',
			addManyOptions: { onInvalidRow: 'stop' },
			company: rl(SEED.company.demo.id),
			blacklistGroup: SEED.blacklistGroup.default.id,
			entries: {
				entry: [
					{ mobile: '13900000002', name: 'A' },
					{ mobile: '12', name: 'B' },
				],
			},
		}).then(expectedFailure, (e: unknown) => e as Error);
		expect(error.message).toContain('Item 0: "Entries → Mobile (entry 2)"');
		expect(sandbox.requests).toHaveLength(0);
	});

	it('Delete: POST blacklist/info/delete with group and mobile', async () => {
		await run({
			resource: 'blacklist',
			operation: 'add',
			company: rl(SEED.company.demo.id),
			mobile: '13900000001',
		});
		sandbox.clearRequests();
		const out = await run({
			resource: 'blacklist',
			operation: 'delete',
			company: rl(SEED.company.demo.id),
			blacklistGroup: SEED.blacklistGroup.default.id,
			mobile: '13900000001',
		});
		expectOnlyRequest(sandbox, {
			method: 'POST',
			path: `${V1}/blacklist/info/delete`,
			body: {
				companyId: SEED.company.demo.id,
				blacklistInfoGroupId: SEED.blacklistGroup.default.id,
				mobile: '13900000001',
			},
		});
		expect(jsonOf(out)).toEqual([{ success: true, message: '删除成功' }]);
		expect(sandbox.blacklistOf(SEED.company.demo.id)).toHaveLength(0);
	});

	it('Get Many: GET blacklist/info/page with the group, paged', async () => {
		await run({
			resource: 'blacklist',
			operation: 'addMany',
			importMode: 'perItem',
			company: rl(SEED.company.demo.id),
			blacklistGroup: SEED.blacklistGroup.default.id,
			entries: { entry: [1, 2, 3].map((i) => ({ mobile: `1390000000${i}`, name: `N${i}` })) },
		});
		sandbox.clearRequests();
		const out = await run({
			resource: 'blacklist',
			operation: 'getAll',
			company: rl(SEED.company.demo.id),
			blacklistGroup: SEED.blacklistGroup.default.id,
			returnAll: true,
		});
		expectOnlyRequest(sandbox, {
			method: 'GET',
			path: `${V1}/blacklist/info/page`,
			query: {
				companyId: String(SEED.company.demo.id),
				blacklistInfoGroupId: String(SEED.blacklistGroup.default.id),
				pageNum: '1',
				pageSize: '100',
			},
		});
		expect(out.map((item) => item.json.mobile).sort()).toEqual([
			'13900000001',
			'13900000002',
			'13900000003',
		]);
	});
});

describe('Blacklist Group', () => {
	it('Get Many: GET group/list', async () => {
		const out = await run({
			resource: 'blacklistGroup',
			operation: 'getAll',
			company: rl(SEED.company.demo.id),
		});
		expectOnlyRequest(sandbox, {
			method: 'GET',
			path: `${V1}/blacklist/group/list`,
			query: { companyId: String(SEED.company.demo.id) },
		});
		expect(jsonOf(out)).toEqual([
			{
				blacklistInfoGroupId: SEED.blacklistGroup.default.id,
				name: '默认分组',
				publicFlag: true,
				remark: '',
			},
		]);
	});

	it('Create: POST group/add, outputs the new group id', async () => {
		const out = await run({
			resource: 'blacklistGroup',
			operation: 'create',
			company: rl(SEED.company.demo.id),
			name: '投诉客户',
			remark: 'r',
		});
		expectOnlyRequest(sandbox, {
			method: 'POST',
			path: `${V1}/blacklist/group/add`,
			body: { companyId: SEED.company.demo.id, name: '投诉客户', remark: 'r' },
		});
		expect(jsonOf(out)).toEqual([{ blacklistInfoGroupId: SEED.firstId.blacklistGroup }]);
	});

	it('Update: POST group/edit', async () => {
		await run({
			resource: 'blacklistGroup',
			operation: 'create',
			company: rl(SEED.company.demo.id),
			name: '旧名',
		});
		sandbox.clearRequests();
		const out = await run({
			resource: 'blacklistGroup',
			operation: 'update',
			company: rl(SEED.company.demo.id),
			blacklistGroup: SEED.firstId.blacklistGroup,
			name: '新名',
		});
		expectOnlyRequest(sandbox, {
			method: 'POST',
			path: `${V1}/blacklist/group/edit`,
			body: {
				companyId: SEED.company.demo.id,
				blacklistInfoGroupId: SEED.firstId.blacklistGroup,
				name: '新名',
			},
		});
		expect(jsonOf(out)).toEqual([
			{ blacklistInfoGroupId: SEED.firstId.blacklistGroup, success: true, message: '修改成功' },
		]);
		expect(
			sandbox.blacklistGroups.get(SEED.company.demo.id)?.get(SEED.firstId.blacklistGroup)?.name,
		).toBe('新名');
	});

	it('Delete: POST group/delete', async () => {
		await run({
			resource: 'blacklistGroup',
			operation: 'create',
			company: rl(SEED.company.demo.id),
			name: '临时',
		});
		sandbox.clearRequests();
		const out = await run({
			resource: 'blacklistGroup',
			operation: 'delete',
			company: rl(SEED.company.demo.id),
			blacklistGroup: SEED.firstId.blacklistGroup,
		});
		expectOnlyRequest(sandbox, {
			method: 'POST',
			path: `${V1}/blacklist/group/delete`,
			body: { companyId: SEED.company.demo.id, blacklistInfoGroupId: SEED.firstId.blacklistGroup },
		});
		expect(jsonOf(out)).toEqual([
			{ blacklistInfoGroupId: SEED.firstId.blacklistGroup, success: true, message: '删除成功' },
		]);
		expect(
			sandbox.blacklistGroups.get(SEED.company.demo.id)?.has(SEED.firstId.blacklistGroup),
		).toBe(false);
	});

	it('Delete: the default group is refused by BYRobot with code 412 and the parameter named', async () => {
		const error = await run({
			resource: 'blacklistGroup',
			operation: 'delete',
			company: rl(SEED.company.demo.id),
			blacklistGroup: SEED.blacklistGroup.default.id,
		}).then(expectedFailure, (e: unknown) => e as Error & { description: string });
		expect(error.message).toMatch(/^BYRobot error 412: 参数错误/);
		expect(error.description).toMatch(/A parameter was rejected: 参数错误: the default group/);
		expect((sandbox.requests[0].body as IDataObject).blacklistInfoGroupId).toBe(
			SEED.blacklistGroup.default.id,
		);
	});
});

describe('Blacklist → Add Many, all input items (the default mode)', () => {
	const PATH = `${V1}/addBlackList/batch`;
	const company = SEED.company.demo.id;
	const group = SEED.blacklistGroup.default.id;
	const params = (extra: IDataObject = {}) => ({
		resource: 'blacklist',
		operation: 'addMany',
		company: rl(company),
		blacklistGroup: group,
		...extra,
	});
	const rows = (n: number, from = 0) =>
		Array.from({ length: n }, (_, i) => ({
			phone: `137${String(from + i).padStart(8, '0')}`,
			name: `客户${from + i}`,
		}));

	it('sends 10,001 rows as ⌈10,001 / 1,000⌉ = 11 requests, every row accounted for in the output', async () => {
		const out = await run(params(), { items: rows(10001) });
		const requests = sandbox.requestsTo(PATH);
		expect(requests.map((r) => ((r.body as IDataObject).blacklist as unknown[]).length)).toEqual([
			...Array(10).fill(1000),
			1,
		]);
		expect(out).toHaveLength(11);
		expect(out.reduce((sum, item) => sum + Number(item.json.count), 0)).toBe(10001);
		expect(out.reduce((sum, item) => sum + Number(item.json.successNum), 0)).toBe(10001);
		expect(out[10].json).toMatchObject({ firstRow: 10000, lastRow: 10000, count: 1 });
		// Each output item is paired with the input rows it covered.
		expect(out.flatMap((item) => item.pairedItem as Array<{ item: number }>)).toHaveLength(10001);
		expect(sandbox.blacklistOf(company, group)).toHaveLength(10001);
	}, 300000);

	it('honours Batch Size: 2,501 rows in batches of 1,250 are 3 requests', async () => {
		const out = await run(params({ addManyOptions: { batchSize: 1250 } }), { items: rows(2501) });
		expect(
			sandbox.requestsTo(PATH).map((r) => ((r.body as IDataObject).blacklist as unknown[]).length),
		).toEqual([1250, 1250, 1]);
		expect(out.map((item) => [item.json.firstRow, item.json.lastRow])).toEqual([
			[0, 1249],
			[1250, 2499],
			[2500, 2500],
		]);
	});

	it('maps Phone, Name and Remark by field name, normalises numbers, and counts the ones already listed', async () => {
		sandbox.addBlacklistEntry(company, group, { mobile: '13900000009' });
		const out = await run(params({ phoneField: '手机', nameField: '', remarkField: 'why' }), {
			items: [
				{ 手机: '+86 139-0000-0001', why: '投诉' },
				{ 手机: '139 0000 0009', why: '' },
				{ 手机: '13900000003' },
			],
		});
		expectOnlyRequest(sandbox, {
			method: 'POST',
			path: PATH,
			body: {
				companyId: company,
				blacklistInfoGroupId: group,
				blacklist: [
					{ mobile: '13900000001', name: '', remark: '投诉' },
					{ mobile: '13900000009', name: '' },
					{ mobile: '13900000003', name: '' },
				],
			},
		});
		expect(out[0].json).toMatchObject({ count: 3, requsetNum: 3, successNum: 2, notAddedNum: 1 });
		expect(out[0].pairedItem).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
	});

	it('skips implausible numbers and lists them with their row, by default', async () => {
		const items = [...rows(2), { phone: '110', name: 'x' }, ...rows(1, 5)];
		const out = await run(params(), { items });
		expect(((sandbox.requestsTo(PATH)[0].body as IDataObject).blacklist as unknown[]).length).toBe(
			3,
		);
		expect(out[0].json).toMatchObject({ firstRow: 0, lastRow: 3, count: 3, successNum: 3 });
		expect(out[0].json.rejectedRows).toEqual([
			{
				index: 2,
				phone: '110',
				reason: expect.stringContaining('Phone: "110" is not a plausible'),
			},
		]);
	});

	it('with On Invalid Row = Stop, sends nothing and names the first invalid row', async () => {
		const items = [...rows(2), { phone: '110', name: 'x' }];
		const error = await run(params({ addManyOptions: { onInvalidRow: 'stop' } }), { items }).then(
			expectedFailure,
			(e: unknown) => e as Error & { description?: string },
		);
		expect(error.message).toContain('Item 2: "Phone"');
		expect(error.description).toContain('Nothing was sent to BYRobot');
		expect(sandbox.requests).toHaveLength(0);
	});

	it('stops before any request when no row has the Phone Field, listing the fields there are', async () => {
		const error = await run(params({ phoneField: 'mobile' }), { items: rows(3) }).then(
			expectedFailure,
			(e: unknown) => e as Error & { description?: string },
		);
		expect(error.message).toContain('"Phone Field": no input item has a field "mobile"');
		expect(error.description).toContain('"phone", "name"');
		expect(sandbox.requests).toHaveLength(0);
	});

	it('when request 2 of 3 fails, says which rows went in and that running it again is safe', async () => {
		sandbox.fail({ path: PATH, skip: 1, failure: { kind: 'envelope', code: 500 } });
		const error = await run(
			params({
				addManyOptions: { batchSize: 2 },
				requestOptions: { retryTransientFailures: false },
			}),
			{ items: rows(5) },
		).then(expectedFailure, (e: unknown) => e as Error & { description?: string });
		expect(error.message).toContain('rows 0–1 were imported; rows 2–4 were not');
		expect(error.description).toContain('Running it again is safe');
		expect(sandbox.blacklistOf(company, group)).toHaveLength(2);
		const again = await run(params({ addManyOptions: { batchSize: 2 } }), { items: rows(5) });
		expect(again.map((item) => item.json.successNum)).toEqual([0, 2, 1]);
		expect(sandbox.blacklistOf(company, group)).toHaveLength(5);
	});

	it('stops before any request when a Blacklist Group expression gives another group for a later item', async () => {
		const error = await run(params({ blacklistGroup: '={{ $json.group }}' }), {
			items: [
				{ phone: '13900000001', group: group },
				{ phone: '13900000002', group: 301 },
			],
		}).then(expectedFailure, (e: unknown) => e as Error);
		expect(error.message).toContain('Item 1: "Blacklist Group" gives 301, but item 0 gives -1');
		expect(sandbox.requests).toHaveLength(0);
	});
});
