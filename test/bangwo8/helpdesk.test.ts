// Company: Get Many, Get; Contact: Get, Create, Update; Agent: Get — with both ways of
// authenticating: the requests Bangwo8 receives and the items the node outputs.
import { Bangwo8Sandbox, SEED } from '../sandbox/bangwo8';
import { apiRequests, AUTH_CASES, run } from './helpers';

const { contact: contacts, company: companies, agent: agents } = SEED;
const rl = (value: string) => ({ __rl: true, mode: 'id', value });
const fromList = (value: string) => ({ __rl: true, mode: 'list', value, cachedResultName: 'x' });

describe.each(AUTH_CASES)('Company, Contact and Agent with $name authentication', (auth) => {
	const sandbox = new Bangwo8Sandbox();
	let baseUrl: string;
	beforeAll(async () => {
		baseUrl = await sandbox.start();
	});
	afterAll(async () => sandbox.stop());
	beforeEach(() => sandbox.reset());

	describe('Company', () => {
		it('Get Many lists companies.json, Return All following next_page', async () => {
			for (let i = 0; i < 120; i++) {
				sandbox.companies.push({
					...sandbox.companies[0],
					uId: String(800000 + i),
					companyName: `公司${i}`,
					created_at: '2022-01-01 00:00:00',
				});
			}
			const out = await run(auth, baseUrl, {
				resource: 'company',
				operation: 'getAll',
				returnAll: true,
			});
			const requests = apiRequests(sandbox);
			expect(requests.map((r) => [r.path, r.query])).toEqual([
				['/api/v1/companies.json', { page: '1', per_page: '100' }],
				['/api/v1/companies.json', { page: '2', per_page: '100' }],
			]);
			for (const r of requests)
				expect(r.headers.authorization).toBe(auth.expectedAuthorization(sandbox));
			expect(new Set(out.map((i) => i.json.uId)).size).toBe(123);
			expect(out[0]).toEqual({
				json: {
					uId: companies.sandboxTech.id,
					companyName: '沙盒科技有限公司',
					supportId: agents.zhang.id,
					address: '',
					province: '浙江',
					city: '杭州',
					status: '1',
					tableName: '',
					custom_fields: [],
					createDT: '2023-05-03 09:00:00',
					updateDT: '2024-02-03 09:00:00',
				},
				pairedItem: { item: 0 },
			});
		});

		it('Get Many with Limit and a created filter', async () => {
			const out = await run(auth, baseUrl, {
				resource: 'company',
				operation: 'getAll',
				limit: 1,
				filters: { createdStart: '2023-05-02', order: 'created_order:asc' },
			});
			expect(apiRequests(sandbox)[0].query).toEqual({
				page: '1',
				per_page: '1',
				created_start: '2023-05-02',
				created_order: 'asc',
			});
			expect(out.map((i) => i.json.uId)).toEqual([companies.co2233.id]);
		});

		it.each([false, true])(
			'Get reads companies/{uId}.json (wrapped in an array: %s)',
			async (wrapped) => {
				sandbox.wrapDetailInArray = wrapped;
				const out = await run(auth, baseUrl, {
					resource: 'company',
					operation: 'get',
					companyId: fromList(companies.testCo.id),
				});
				const requests = apiRequests(sandbox);
				expect(requests.map((r) => [r.method, r.path])).toEqual([
					['GET', `/api/v1/companies/${companies.testCo.id}.json`],
				]);
				expect(requests[0].headers.authorization).toBe(auth.expectedAuthorization(sandbox));
				expect(out).toEqual([
					{
						json: expect.objectContaining({ uId: companies.testCo.id, companyName: '测试公司2' }),
						pairedItem: { item: 0 },
					},
				]);
			},
		);
	});

	describe('Contact', () => {
		it.each([
			['v1', false, `/api/v1/users/${contacts.zhou.id}.json`],
			['v1', true, `/api/v1/users/${contacts.zhou.id}.json`],
			['v2', false, `/api/v1/users_v2/${contacts.zhou.id}.json`],
		])('Get (%s, wrapped %s) reads %s', async (version, wrapped, path) => {
			sandbox.wrapDetailInArray = wrapped;
			const out = await run(auth, baseUrl, {
				resource: 'contact',
				operation: 'get',
				contactId: rl(contacts.zhou.id),
				detailVersion: version,
			});
			const requests = apiRequests(sandbox);
			expect(requests.map((r) => [r.method, r.path])).toEqual([['GET', path]]);
			expect(requests[0].headers.authorization).toBe(auth.expectedAuthorization(sandbox));
			expect(out).toEqual([
				{
					json: expect.objectContaining({
						cId: contacts.zhou.id,
						name: '周先生',
						url: `https://www.bangwo8.com${path}`,
					}),
					pairedItem: { item: 0 },
				},
			]);
		});

		it('Create sends {"user": {…}} (mobile normalised); the answer names no id, so the contact is listed', async () => {
			const out = await run(auth, baseUrl, {
				resource: 'contact',
				operation: 'create',
				contactName: ' 新线索 ',
				mobile: '+86 137-0000-1111',
				fixnumber: '010-63701717',
				companyId: fromList(companies.sandboxTech.id),
				contactFields: {
					email: 'lead@example.com',
					position: '采购',
					QQ: '601100987',
					note: '展会名片',
					tableName: '展会',
				},
			});
			const requests = apiRequests(sandbox);
			expect(requests.map((r) => [r.method, r.path])).toEqual([
				['POST', '/api/v1/users.json'],
				['GET', '/api/v1/users.json'],
			]);
			for (const r of requests)
				expect(r.headers.authorization).toBe(auth.expectedAuthorization(sandbox));
			expect(requests[0].body).toEqual({
				user: {
					name: '新线索',
					mobile: '13700001111',
					fixnumber: '010-63701717',
					companyId: companies.sandboxTech.id,
					email: 'lead@example.com',
					position: '采购',
					QQ: '601100987',
					note: '展会名片',
					tableName: '展会',
				},
			});
			expect(requests[1].query).toMatchObject({ created_order: 'desc', per_page: '100' });
			expect(out).toEqual([
				{
					json: expect.objectContaining({
						cId: SEED.contactFirstId,
						name: '新线索',
						mobile: '13700001111',
						companyId: companies.sandboxTech.id,
						idFoundBy: 'lookup',
					}),
					pairedItem: { item: 0 },
				},
			]);
		});

		it('Create with a landline only, and an answer that holds the contact (no lookup)', async () => {
			sandbox.contactCreateAnswer = 'user';
			const out = await run(auth, baseUrl, {
				resource: 'contact',
				operation: 'create',
				fixnumber: '021 6888 6666',
				companyId: rl(companies.testCo.id),
			});
			expect(apiRequests(sandbox).map((r) => r.method)).toEqual(['POST']);
			expect(apiRequests(sandbox)[0].body).toEqual({
				user: { fixnumber: '02168886666', companyId: companies.testCo.id },
			});
			expect(out[0].json).toMatchObject({
				cId: SEED.contactFirstId,
				fixnumber: '02168886666',
				idFoundBy: 'answer',
			});
		});

		it('Update sends only the fields given and outputs the contact id with them', async () => {
			const out = await run(auth, baseUrl, {
				resource: 'contact',
				operation: 'update',
				contactId: fromList(contacts.qian.id),
				contactName: '钱经理',
				contactFields: { state: '2', note: '已离职' },
			});
			const requests = apiRequests(sandbox);
			expect(requests.map((r) => [r.method, r.path])).toEqual([
				['PUT', `/api/v1/users/${contacts.qian.id}.json`],
			]);
			expect(requests[0].headers.authorization).toBe(auth.expectedAuthorization(sandbox));
			expect(requests[0].body).toEqual({ user: { name: '钱经理', note: '已离职', state: '2' } });
			expect(out).toEqual([
				{
					json: { cId: contacts.qian.id, name: '钱经理', note: '已离职', state: '2' },
					pairedItem: { item: 0 },
				},
			]);
			expect(sandbox.contacts.find((c) => c.cId === contacts.qian.id)).toMatchObject({
				name: '钱经理',
				state: '2',
				note: '已离职',
			});
		});
	});

	describe('Agent', () => {
		it.each([false, true])('Get reads supports/{sId}.json (wrapped: %s)', async (wrapped) => {
			sandbox.wrapDetailInArray = wrapped;
			const out = await run(auth, baseUrl, {
				resource: 'agent',
				operation: 'get',
				agentId: fromList(agents.zhang.id),
			});
			const requests = apiRequests(sandbox);
			expect(requests.map((r) => [r.method, r.path])).toEqual([
				['GET', `/api/v1/supports/${agents.zhang.id}.json`],
			]);
			expect(requests[0].headers.authorization).toBe(auth.expectedAuthorization(sandbox));
			expect(out).toEqual([
				{
					json: sandbox.agents.find((a) => a.sId === agents.zhang.id),
					pairedItem: { item: 0 },
				},
			]);
		});
	});
});
