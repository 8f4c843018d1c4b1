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
		expect(out).toEqual([{ json: { requsetNum: 2, successNum: 2 }, pairedItem: { item: 0 } }]);
	});

	it('Add Many: names the entry whose mobile is implausible', async () => {
		const error = await run({
			resource: 'blacklist',
			operation: 'addMany',
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
