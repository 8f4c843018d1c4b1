// The lists behind Create's dropdowns (agents, contacts, companies) and the Call Task
// "From List", with both ways of authenticating.
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

	it('getCompanies lists the companies the contacts belong to (task_user ids for data source Company)', async () => {
		const result = await loadOptions(options(), 'getCompanies');
		expect(result.map((o) => o.value).sort()).toEqual([
			SEED.company.co2233.id,
			SEED.company.sandboxTech.id,
			SEED.company.testCo.id,
		]);
		expect(result).toContainEqual({
			name: `Company ${SEED.company.sandboxTech.id} (周先生)`,
			value: SEED.company.sandboxTech.id,
		});
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
