// The lists behind the dropdowns (agents, contacts, companies, ticket fields, templates) and the
// "From List" of the Call Task, Ticket, Contact, Company and Agent pickers, with both ways of
// authenticating.
import { listSearch, loadOptions } from '../harness';
import { Bangwo8Sandbox } from '../sandbox/bangwo8';
import { apiRequests, AUTH_CASES, helperWith, node } from './helpers';
import { SEED } from '../sandbox/bangwo8';

describe.each(AUTH_CASES)('pickers with $name authentication', (auth) => {
	const sandbox = new Bangwo8Sandbox();
	let baseUrl: string;
	beforeAll(async () => {
		baseUrl = await sandbox.start();
	});
	afterAll(async () => sandbox.stop());
	beforeEach(() => sandbox.reset());

	const options = () => {
		const credentials = auth.credentials(baseUrl);
		return {
			node,
			parameters: {
				authentication: auth.authentication,
				resource: 'callTask',
				operation: 'create',
			},
			credentials,
			credentialsHelper: helperWith(credentials),
		};
	};

	it('getAgents lists the active agents (task_service ids)', async () => {
		const result = await loadOptions(options(), 'getAgents');
		expect(result).toEqual(
			[
				{
					name: '张客服 (8003)',
					value: SEED.agent.zhang.id,
					description: 'zhang@sandbox.bangwo8.com · 13800138003',
				},
				{
					name: '李客服 (8002)',
					value: SEED.agent.agent.id,
					description: 'agent@sandbox.bangwo8.com · 13800138002',
				},
				{
					name: '王客服 (8001)',
					value: SEED.agent.admin.id,
					description: 'admin@sandbox.bangwo8.com · 13800138001',
				},
			].sort((a, b) => a.name.localeCompare(b.name)),
		);
		const requests = apiRequests(sandbox);
		expect(requests).toHaveLength(1);
		expect(requests[0].path).toBe('/api/v1/supports.json');
		expect(requests[0].query).toEqual({ page: '1', per_page: '100' });
		expect(requests[0].headers.authorization).toBe(auth.expectedAuthorization(sandbox));
	});

	it('getContacts lists the active contacts (task_user ids for data source Contact)', async () => {
		const result = await loadOptions(options(), 'getContacts');
		expect(result.map((o) => o.value).sort()).toEqual([
			SEED.contact.sun.id,
			SEED.contact.zhao.id,
			SEED.contact.qian.id,
			SEED.contact.zhou.id,
			SEED.contact.testCo2.id,
			SEED.contact.testCo1.id,
		]);
		expect(result).toContainEqual({
			name: '赵先生 (13911110001)',
			value: SEED.contact.zhao.id,
			description: `Company ${SEED.company.testCo.id}`,
		});
		expect(apiRequests(sandbox).map((r) => r.path)).toEqual(['/api/v1/users.json']);
	});

	it('getCompanies lists companies.json (task_user ids for data source Company)', async () => {
		sandbox.companies.push({
			...sandbox.companies[0],
			uId: '999',
			companyName: '已删除公司',
			status: '2',
		});
		const result = await loadOptions(options(), 'getCompanies');
		expect(result).toEqual(
			[
				{ name: '2233', value: SEED.company.co2233.id, description: '上海 上海' },
				{ name: '沙盒科技有限公司', value: SEED.company.sandboxTech.id, description: '浙江 杭州' },
				{ name: '测试公司2', value: SEED.company.testCo.id, description: '北京 北京' },
			].sort((a, b) => a.name.localeCompare(b.name)),
		);
		const requests = apiRequests(sandbox);
		expect(requests.map((r) => [r.path, r.query])).toEqual([
			['/api/v1/companies.json', { page: '1', per_page: '100' }],
		]);
		expect(requests[0].headers.authorization).toBe(auth.expectedAuthorization(sandbox));
	});

	it("getTicketFields lists the custom fields with a dropdown's options", async () => {
		const result = await loadOptions(options(), 'getTicketFields');
		expect(result).toEqual([
			{ name: '服务方式 (field_12)', value: 'field_12', description: 'Options: 上门, 远程' },
			{ name: '回访日期 (field_13)', value: 'field_13', description: undefined },
			{ name: '来电意向 (field_14)', value: 'field_14', description: 'Options: A, B, C, D' },
		]);
		expect(apiRequests(sandbox).map((r) => [r.path, r.query])).toEqual([
			['/api/v1/tickets/ticket_fields.json', {}],
		]);
		// The list key is not certain: "fields", "data" or a bare array are read too.
		for (const body of [
			{ fields: [{ key: 'field_1', name: 'A' }] },
			{ data: [{ key: 'field_1', name: 'A' }] },
			[{ key: 'field_1', name: 'A' }],
		]) {
			sandbox.answerNext('GET /api/v1/tickets/ticket_fields.json', { body });
			expect((await loadOptions(options(), 'getTicketFields')).map((o) => o.value)).toEqual([
				'field_1',
			]);
		}
	});

	it('getTicketTemplates lists tickettemplates.json (no paging parameters)', async () => {
		const result = await loadOptions(options(), 'getTicketTemplates');
		expect(result).toEqual([
			{ name: '安装表 (4)', value: '4', description: 'Published' },
			{ name: '维修单 (8)', value: '8', description: 'Not published (no public form)' },
		]);
		expect(apiRequests(sandbox).map((r) => [r.path, r.query])).toEqual([
			['/api/v1/tickettemplates.json', {}],
		]);
	});

	it('searchTickets: newest first, "#id subject (status)", filtered, a page per scroll', async () => {
		sandbox.seedTickets(120);
		const first = await listSearch(options(), 'searchTickets');
		expect(first.results).toHaveLength(100);
		expect(first.paginationToken).toBe('2');
		const second = await listSearch(options(), 'searchTickets', undefined, '2');
		expect(second.results).toHaveLength(25);
		expect(second.results).toContainEqual({
			name: `#${SEED.ticket.printer.id} 打印机无法连接 (Open (已开启))`,
			value: SEED.ticket.printer.id,
		});
		const filtered = await listSearch(options(), 'searchTickets', '打印机', '2');
		expect(filtered.results.map((r) => r.value)).toEqual([SEED.ticket.printer.id]);
		expect(apiRequests(sandbox).map((r) => r.query)).toEqual([
			{ page: '1', per_page: '100', created_order: 'desc' },
			{ page: '2', per_page: '100', created_order: 'desc' },
			{ page: '2', per_page: '100', created_order: 'desc' },
		]);
	});

	it('searchContacts: deleted contacts left out, left ones marked, filtered by name, mobile or id', async () => {
		const all = await listSearch(options(), 'searchContacts');
		expect(all.results.map((r) => r.value)).not.toContain(SEED.contact.deleted.id);
		expect(all.results).toContainEqual({
			name: '吴女士 (13911110007, left)',
			value: SEED.contact.left.id,
		});
		expect(all.results).toContainEqual({
			name: '赵先生 (13911110001)',
			value: SEED.contact.zhao.id,
		});
		// 13911110001 … 0008 but the deleted 0008.
		expect((await listSearch(options(), 'searchContacts', '1391111000')).results).toHaveLength(5);
		expect((await listSearch(options(), 'searchContacts', '钱')).results).toEqual([
			{ name: '钱女士 (13911110002)', value: SEED.contact.qian.id },
		]);
		expect(apiRequests(sandbox)[0]).toMatchObject({
			path: '/api/v1/users.json',
			query: { page: '1', per_page: '100', created_order: 'desc' },
		});
	});

	it('searchCompanies and searchAgents: live ones only, filtered', async () => {
		sandbox.companies.push({
			...sandbox.companies[0],
			uId: '999',
			companyName: '已删除公司',
			status: '2',
		});
		const companies = await listSearch(options(), 'searchCompanies');
		expect(companies.results.map((r) => r.value).sort()).toEqual(
			[SEED.company.testCo.id, SEED.company.co2233.id, SEED.company.sandboxTech.id].sort(),
		);
		expect((await listSearch(options(), 'searchCompanies', '沙盒')).results).toEqual([
			{ name: '沙盒科技有限公司', value: SEED.company.sandboxTech.id },
		]);
		const agents = await listSearch(options(), 'searchAgents', '客服');
		expect(agents.results.map((r) => r.value).sort()).toEqual(
			[SEED.agent.admin.id, SEED.agent.agent.id, SEED.agent.zhang.id].sort(),
		);
		expect((await listSearch(options(), 'searchAgents', '8003')).results).toEqual([
			{ name: '张客服 (8003)', value: SEED.agent.zhang.id },
		]);
		expect(apiRequests(sandbox).map((r) => r.path)).toEqual([
			'/api/v1/companies.json',
			'/api/v1/companies.json',
			'/api/v1/supports.json',
			'/api/v1/supports.json',
		]);
	});

	it('the lists page through next_page', async () => {
		for (let i = 0; i < 120; i++) {
			sandbox.agents.push({
				...sandbox.agents[0],
				sId: String(900000 + i),
				name: `客服${i}`,
				created_at: `2022-01-01 00:00:00`,
			});
		}
		const result = await loadOptions(options(), 'getAgents');
		expect(result).toHaveLength(123);
		expect(apiRequests(sandbox).map((r) => r.query.page)).toEqual(['1', '2']);
	});

	it('searchCallTasks: newest first, one page per scroll, filtered by name or id', async () => {
		sandbox.seedCallTasks(150);
		const first = await listSearch(options(), 'searchCallTasks');
		expect(first.results).toHaveLength(100);
		expect(first.results[0]).toEqual({
			name: '沙盒外呼任务150 (2024-05-29 – 2024-06-05)',
			value: '49243119',
		});
		expect(first.paginationToken).toBe('2');
		const second = await listSearch(options(), 'searchCallTasks', undefined, '2');
		expect(second.results).toHaveLength(50);
		expect(second.paginationToken).toBeUndefined();
		expect(new Set([...first.results, ...second.results].map((r) => r.value)).size).toBe(150);
		const filtered = await listSearch(options(), 'searchCallTasks', '任务14');
		// 沙盒外呼任务149 … 沙盒外呼任务140 on the first page (task 14 itself is on page 2).
		expect(filtered.results.map((r) => r.value)).toEqual([
			'49243118',
			'49243117',
			'49243116',
			'49243115',
			'49243114',
			'49243113',
			'49243112',
			'49243111',
			'49243110',
			'49243109',
		]);
		expect(filtered.paginationToken).toBe('2');
		expect(apiRequests(sandbox).map((r) => r.query)).toEqual([
			{ page: '1', per_page: '100', created_order: 'desc' },
			{ page: '2', per_page: '100', created_order: 'desc' },
			{ page: '1', per_page: '100', created_order: 'desc' },
		]);
	});

	it('a failure in a picker is a NodeApiError with the hint, after the retries', async () => {
		sandbox.fail({
			path: '/api/v1/users.json',
			times: Infinity,
			failure: { kind: 'http', status: 503 },
		});
		await expect(loadOptions(options(), 'getContacts')).rejects.toMatchObject({
			message: 'Bangwo8: Service under maintenance (HTTP 503, errcode 100503)',
			description: expect.stringMatching(/Retry On Fail.*\(4 attempts\)$/s),
		});
		expect(sandbox.requestsTo('/api/v1/users.json')).toHaveLength(4);
	});
});
