// BYRobot sandbox, the blacklist: the default group, groups, single and batch entries.
import { SEED } from '../byrobot';
import { useSandbox } from './client';

const { sandbox, get, post, ok, fails } = useSandbox();
const { demo, unbound } = SEED.company;
const defaultGroup = SEED.blacklistGroup.default;
const firstGroup = SEED.firstId.blacklistGroup;

describe('blacklist', () => {
	it('starts with the default group and no entries', async () => {
		expect(await ok(get('company/blacklist/group/list', { companyId: demo.id }))).toEqual([
			{
				blacklistInfoGroupId: defaultGroup.id,
				name: defaultGroup.name,
				publicFlag: true,
				remark: '',
			},
		]);
		expect(await ok(get('company/blacklist/info/page', { companyId: demo.id }))).toMatchObject({
			total: 0,
			list: [],
		});
	});

	it('addBlackList adds to the default group', async () => {
		const id = await ok(
			post('company/addBlackList', {
				companyId: demo.id,
				mobile: '13900000001',
				name: '张三',
				remark: '投诉',
			}),
		);
		expect(id).toBe(SEED.firstId.blacklistEntry);
		const page = await ok(
			get('company/blacklist/info/page', {
				companyId: demo.id,
				blacklistInfoGroupId: defaultGroup.id,
			}),
		);
		expect(page).toMatchObject({ pageNum: 1, pageSize: 20, total: 1 });
		expect(page.list[0]).toEqual({
			blacklistInfoId: SEED.firstId.blacklistEntry,
			blacklistInfoGroupId: defaultGroup.id,
			name: '张三',
			mobile: '13900000001',
			remark: '投诉',
			gmtCreate: expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/),
		});
		expect(
			await fails(post('company/addBlackList', { companyId: demo.id, mobile: '13900000001' }), 412),
		).toContain('already');
		expect(await fails(post('company/addBlackList', { companyId: demo.id }), 412)).toBe(
			'参数错误: mobile is required',
		);
		await fails(post('company/addBlackList', { companyId: demo.id, mobile: 'abc' }), 412);
		await fails(
			post('company/addBlackList', { companyId: unbound.id, mobile: '13900000001' }),
			403,
		);
	});

	it('groups: add, batch add, page, edit, delete', async () => {
		const groupId = await ok(
			post('company/blacklist/group/add', { companyId: demo.id, name: '投诉用户', remark: 'r' }),
		);
		expect(groupId).toBe(firstGroup);
		const viaGroupName = await ok(
			post('company/blacklist/group/add', { companyId: demo.id, groupName: '第二组' }),
		);
		expect(viaGroupName).toBe(firstGroup + 1);
		await fails(post('company/blacklist/group/add', { companyId: demo.id, name: '投诉用户' }), 412);
		expect(await fails(post('company/blacklist/group/add', { companyId: demo.id }), 412)).toContain(
			'name',
		);

		const batch = await ok(
			post('company/addBlackList/batch', {
				companyId: demo.id,
				blacklistInfoGroupId: groupId,
				blacklist: [
					{ mobile: '13900000001', name: 'a', remark: 'x' },
					{ mobile: '13900000002', name: 'b' },
					{ mobile: '13900000001', name: 'a again' },
					{ mobile: 'bad', name: 'c' },
				],
			}),
		);
		expect(batch).toEqual({ requsetNum: 4, successNum: 2 });
		await fails(
			post('company/addBlackList/batch', {
				companyId: demo.id,
				blacklistInfoGroupId: 999,
				blacklist: [{ mobile: '1', name: 'x' }],
			}),
			404,
		);
		expect(
			await fails(
				post('company/addBlackList/batch', {
					companyId: demo.id,
					blacklistInfoGroupId: groupId,
					blacklist: [{ mobile: '13900000003' }],
				}),
				412,
			),
		).toBe('参数错误: blacklist[0].name is required');
		await fails(post('company/addBlackList/batch', { companyId: demo.id, blacklist: [] }), 412);

		const groups = await ok(get('company/blacklist/group/list', { companyId: demo.id }));
		expect(groups.map((g: any) => [g.blacklistInfoGroupId, g.name])).toEqual([
			[defaultGroup.id, defaultGroup.name],
			[firstGroup, '投诉用户'],
			[firstGroup + 1, '第二组'],
		]);
		expect(
			await ok(
				get('company/blacklist/group/list', { companyId: demo.id, pageNum: 2, pageSize: 2 }),
			),
		).toHaveLength(1);

		const inGroup = await ok(
			get('company/blacklist/info/page', { companyId: demo.id, blacklistInfoGroupId: groupId }),
		);
		expect(inGroup.list.map((e: any) => e.mobile)).toEqual(['13900000002', '13900000001']);
		const byMobile = await ok(
			get('company/blacklist/info/page', { companyId: demo.id, mobile: '13900000002' }),
		);
		expect(byMobile.total).toBe(1);
		const paged = await ok(
			get('company/blacklist/info/page', { companyId: demo.id, pageNum: 2, pageSize: 1 }),
		);
		expect(paged).toMatchObject({ total: 2, pages: 2, size: 1 });
		await fails(
			get('company/blacklist/info/page', { companyId: demo.id, blacklistInfoGroupId: 999 }),
			404,
		);

		expect(
			await ok(
				post('company/blacklist/group/edit', {
					companyId: demo.id,
					blacklistInfoGroupId: groupId,
					name: '改名组',
				}),
			),
		).toBe(true);
		expect(sandbox.blacklistGroups.get(demo.id)!.get(groupId)!.name).toBe('改名组');
		await fails(
			post('company/blacklist/group/edit', {
				companyId: demo.id,
				blacklistInfoGroupId: defaultGroup.id,
				name: 'x',
			}),
			412,
		);
		await fails(
			post('company/blacklist/group/edit', {
				companyId: demo.id,
				blacklistInfoGroupId: 999,
				name: 'x',
			}),
			404,
		);

		expect(
			await fails(
				post('company/blacklist/group/delete', {
					companyId: demo.id,
					blacklistInfoGroupId: groupId,
				}),
				412,
			),
		).toContain('still holds');
		await fails(
			post('company/blacklist/group/delete', {
				companyId: demo.id,
				blacklistInfoGroupId: defaultGroup.id,
			}),
			412,
		);

		const [first] = sandbox.blacklistOf(demo.id, groupId);
		expect(
			await ok(
				post('company/blacklist/info/delete', {
					companyId: demo.id,
					blacklistInfoId: first.blacklistInfoId,
				}),
			),
		).toBe(true);
		expect(
			await ok(
				post('company/blacklist/info/delete', {
					companyId: demo.id,
					blacklistInfoGroupId: groupId,
					mobile: '13900000001',
				}),
			),
		).toBe(true);
		await fails(
			post('company/blacklist/info/delete', { companyId: demo.id, mobile: '13900000001' }),
			404,
		);
		await fails(post('company/blacklist/info/delete', { companyId: demo.id }), 412);
		expect(
			await ok(
				post('company/blacklist/group/delete', {
					companyId: demo.id,
					blacklistInfoGroupId: groupId,
				}),
			),
		).toBe(true);
		expect(sandbox.blacklistGroups.get(demo.id)!.has(groupId)).toBe(false);
	});
});
