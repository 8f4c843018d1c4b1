// Bangwo8 sandbox, companies, one contact (v1 and _v2), creating and updating contacts, one agent.
import { SEED } from '../bangwo8';
import { AGENT, useSandbox } from './client';

const { sandbox, call, get } = useSandbox();
const { agent: agents, contact: contacts, company: companies } = SEED;

describe('companies', () => {
	it('lists the seeded companies with companyName and uId, pages and filters them', async () => {
		const res = await get('/api/v1/companies.json?created_order=asc');
		expect(res.status).toBe(200);
		expect(res.json.count).toBe(3);
		expect(res.json.companies.map((c: { uId: string }) => c.uId)).toEqual([
			companies.testCo.id,
			companies.co2233.id,
			companies.sandboxTech.id,
		]);
		expect(res.json.companies[0]).toEqual({
			uId: companies.testCo.id,
			companyName: '测试公司2',
			supportId: agents.admin.id,
			address: '',
			province: '北京',
			city: '北京',
			status: '1',
			tableName: '',
			custom_fields: [],
			createDT: '2023-05-01 09:00:00',
			updateDT: '2024-02-01 09:00:00',
		});
		const page = await get('/api/v1/companies.json?per_page=2');
		expect(page.json.next_page).toMatch(/page=2/);
		const since = await get('/api/v1/companies.json?created_start=2023-05-02');
		expect(since.json.count).toBe(2);
	});

	it('answers one company as an object, or a one-element array when told to; unknown is 404', async () => {
		const one = await get(`/api/v1/companies/${companies.co2233.id}.json`);
		expect(one.json.company).toMatchObject({ uId: companies.co2233.id, companyName: '2233' });
		sandbox.wrapDetailInArray = true;
		const wrapped = await get(`/api/v1/companies/${companies.co2233.id}.json`);
		expect(wrapped.json.company).toEqual([one.json.company]);
		expect((await get('/api/v1/companies/1.json')).status).toBe(404);
	});

	it('lets the agent account read them', async () => {
		expect((await get('/api/v1/companies.json', AGENT)).status).toBe(200);
	});
});

describe('one contact and one agent', () => {
	it('v1 and _v2 answer the contact (v2 names users_v2 in its url), wrapped when told to', async () => {
		const v1 = await get(`/api/v1/users/${contacts.zhao.id}.json`);
		expect(v1.json.user).toMatchObject({
			cId: contacts.zhao.id,
			name: '赵先生',
			url: `https://www.bangwo8.com/api/v1/users/${contacts.zhao.id}.json`,
			createDT: '2023-06-01 10:00:00',
		});
		const v2 = await get(`/api/v1/users_v2/${contacts.zhao.id}.json`);
		expect(v2.json.user.url).toBe(
			`https://www.bangwo8.com/api/v1/users_v2/${contacts.zhao.id}.json`,
		);
		sandbox.wrapDetailInArray = true;
		expect((await get(`/api/v1/users/${contacts.zhao.id}.json`)).json.user).toHaveLength(1);
		expect(Array.isArray((await get(`/api/v1/users_v2/${contacts.zhao.id}.json`)).json.user)).toBe(
			false,
		);
		expect((await get('/api/v1/users/1.json')).json).toEqual({
			errcode: '100044',
			errmsg: 'user 1 does not exist',
		});
	});

	it('answers one agent as {"support": …}', async () => {
		const res = await get(`/api/v1/supports/${agents.zhang.id}.json`);
		expect(res.json.support).toMatchObject({ sId: agents.zhang.id, name: '张客服' });
		expect((await get('/api/v1/supports/1.json')).status).toBe(404);
	});
});

describe('creating and updating contacts', () => {
	const create = (user: Record<string, unknown>) =>
		call('POST', '/api/v1/users.json', { body: { user } });

	it('creates a contact with a mobile or a landline; the answer names no id', async () => {
		const res = await create({
			name: '新线索',
			mobile: '13700001111',
			companyId: companies.sandboxTech.id,
			email: 'lead@example.com',
		});
		expect(res.json).toEqual({ status: '0', message: 'Insert ok', data: false });
		expect(sandbox.contacts.at(-1)).toMatchObject({
			cId: SEED.contactFirstId,
			name: '新线索',
			mobile: '13700001111',
			companyId: companies.sandboxTech.id,
			supportId: companies.sandboxTech.supportId,
			state: '1',
			email: 'lead@example.com',
		});
		const landline = await create({ fixnumber: '010-63701717', companyId: companies.testCo.id });
		expect(landline.status).toBe(200);
		const listed = await get('/api/v1/users.json?created_start=2025-01-01');
		expect(listed.json.count).toBe(2);
	});

	it('answers {"user": …} when told to; 2C mode takes a contact without company', async () => {
		sandbox.contactCreateAnswer = 'user';
		sandbox.contactMode = '2C';
		const res = await create({ mobile: '13700002222' });
		expect(res.json.user).toMatchObject({ cId: SEED.contactFirstId, companyId: '' });
	});

	it.each([
		[{ name: 'x' }, 'mobile or fixnumber is required'],
		[{ mobile: '1234' }, 'mobile "1234" is not an 11-digit mobile number'],
		[{ fixnumber: 'abc-def' }, 'fixnumber "abc-def" is not a landline number'],
		[
			{ mobile: contacts.zhao.mobile, companyId: companies.testCo.id },
			`mobile ${contacts.zhao.mobile} already belongs to another contact`,
		],
		[
			{ mobile: '13700003333' },
			'companyId is required (2B mode: every contact belongs to a company)',
		],
		[{ mobile: '13700003333', companyId: '1' }, 'companyId "1" is not a company'],
	])('refuses %j with 400', async (user, message) => {
		const res = await create(user);
		expect(res.status).toBe(400);
		expect(res.json.errmsg).toBe(message);
		expect(sandbox.contacts).toHaveLength(8);
	});

	it('updates only the fields given, ignores read-only ones, refuses nothing and bad values', async () => {
		const put = (id: string, user: unknown) =>
			call('PUT', `/api/v1/users/${id}.json`, { body: { user } });
		const res = await put(contacts.qian.id, {
			name: '钱经理',
			state: 2,
			companyId: companies.co2233.id,
		});
		expect(res.json).toEqual({ status: '0', message: 'Update ok', data: false });
		expect(sandbox.contacts.find((c) => c.cId === contacts.qian.id)).toMatchObject({
			name: '钱经理',
			state: '2',
			companyId: companies.testCo.id,
			mobile: contacts.qian.mobile,
		});
		expect((await put(contacts.qian.id, { companyId: '1' })).json.errmsg).toBe('nothing to update');
		expect((await put(contacts.qian.id, { state: '9' })).status).toBe(400);
		expect((await put(contacts.qian.id, { mobile: contacts.zhao.mobile })).status).toBe(400);
		expect((await put('1', { name: 'x' })).status).toBe(404);
	});
});
