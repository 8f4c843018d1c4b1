// Bangwo8 sandbox, agents and contacts: the seeded lists, date filters and ordering.
import { SEED } from '../bangwo8';
import { useSandbox } from './client';

const { get } = useSandbox();
const { agent: agents, contact: contacts, company: companies } = SEED;

describe('agents and contacts', () => {
	it('lists the five seeded agents, newest first', async () => {
		const res = await get('/api/v1/supports.json');
		expect(res.status).toBe(200);
		expect(res.json.count).toBe(5);
		expect(res.json.next_page).toBeNull();
		expect(res.json.previous_page).toBeNull();
		expect(res.json.supports.map((a: { sId: string }) => a.sId)).toEqual([
			agents.recycled.id,
			agents.deleted.id,
			agents.zhang.id,
			agents.agent.id,
			agents.admin.id,
		]);
		const wang = res.json.supports.find((a: { sId: string }) => a.sId === agents.admin.id);
		expect(wang).toEqual({
			sId: agents.admin.id,
			name: '王客服',
			sPassportName: 'admin@sandbox.bangwo8.com',
			sNum: '8001',
			email: 'admin@sandbox.bangwo8.com',
			mobile: '13800138001',
			groupId: '101',
			isAdmin: '1',
			isStat: '1',
			created_at: '2023-01-05 09:00:00',
			updated_at: '2024-03-01 10:00:00',
		});
		const stat = Object.fromEntries(
			res.json.supports.map((a: { sId: string; isStat: string; name: string }) => [
				a.sId,
				[a.name, a.isStat],
			]),
		);
		expect(stat).toEqual({
			[agents.admin.id]: ['王客服', '1'],
			[agents.agent.id]: ['李客服', '1'],
			[agents.zhang.id]: ['张客服', '1'],
			[agents.deleted.id]: ['离职客服', '2'],
			[agents.recycled.id]: ['回收站客服', '0'],
		});
	});

	it('lists the eight seeded contacts with 11-digit mobiles and their states', async () => {
		const res = await get('/api/v1/users.json?created_order=asc');
		expect(res.status).toBe(200);
		expect(res.json.count).toBe(8);
		const users = res.json.users as Array<{
			cId: string;
			state: string;
			mobile: string;
			companyId: string;
		}>;
		expect(users.map((u) => u.cId)).toEqual([
			contacts.zhao.id,
			contacts.qian.id,
			contacts.sun.id,
			contacts.testCo1.id,
			contacts.testCo2.id,
			contacts.zhou.id,
			contacts.left.id,
			contacts.deleted.id,
		]);
		expect(users.map((u) => u.state)).toEqual(['1', '1', '1', '1', '1', '1', '2', '3']);
		for (const u of users) expect(u.mobile).toMatch(/^1\d{10}$/);
		expect(users[0]).toEqual({
			cId: contacts.zhao.id,
			name: '赵先生',
			mobile: '13911110001',
			email: 'zhao@example.com',
			companyId: companies.testCo.id,
			supportId: agents.admin.id,
			state: '1',
			created_at: '2023-06-01 10:00:00',
			updated_at: '2023-06-01 10:00:00',
		});
	});

	it('filters by inclusive created dates and orders by updated', async () => {
		const range = await get(
			'/api/v1/users.json?created_start=2023-06-02&created_end=2023-06-04&created_order=asc',
		);
		expect(range.json.users.map((u: { cId: string }) => u.cId)).toEqual([
			contacts.qian.id,
			contacts.sun.id,
			contacts.testCo1.id,
		]);
		const precise = await get(
			'/api/v1/users.json?created_start=2023-06-02%2010:00:01&created_end=2023-06-04%2010:00:00',
		);
		expect(precise.json.users.map((u: { cId: string }) => u.cId)).toEqual([
			contacts.testCo1.id,
			contacts.sun.id,
		]);
		const updated = await get('/api/v1/supports.json?updated_order=asc&updated_start=2024-02-01');
		expect(updated.json.supports.map((a: { sId: string }) => a.sId)).toEqual([
			agents.zhang.id,
			agents.admin.id,
			agents.agent.id,
		]);
	});

	it('answers 400 to malformed filters and paging', async () => {
		for (const query of [
			'created_start=2023/06/02',
			'created_end=2023-02-30',
			'updated_start=yesterday',
			'created_start=2023-06-02T10:00:00Z',
			'created_order=newest',
			'per_page=101',
			'per_page=0',
			'page=0',
			'page=x',
		]) {
			const res = await get(`/api/v1/users.json?${query}`);
			expect([query, res.status]).toEqual([query, 400]);
			expect(res.json).toEqual({ errcode: '100010', errmsg: expect.any(String) });
		}
	});
});
