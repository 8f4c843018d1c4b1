// Every Call Task operation, with both ways of authenticating: the requests Bangwo8 receives
// (method, path, query, body, Authorization) and the items the node outputs.
import { Bangwo8Sandbox } from '../sandbox/bangwo8';
import { apiRequests, AUTH_CASES, run } from './helpers';
import { SEED } from '../sandbox/bangwo8';

describe.each(AUTH_CASES)('Call Task with $name authentication', (auth) => {
	const sandbox = new Bangwo8Sandbox();
	let baseUrl: string;
	beforeAll(async () => {
		baseUrl = await sandbox.start();
	});
	afterAll(async () => sandbox.stop());
	beforeEach(() => sandbox.reset());

	describe('Get Many', () => {
		it('gets Limit call tasks in one request, newest first, each linked to its input item', async () => {
			sandbox.seedCallTasks(5);
			const out = await run(auth, baseUrl, { resource: 'callTask', operation: 'getAll', limit: 2 });
			const requests = apiRequests(sandbox);
			expect(requests).toHaveLength(1);
			expect(requests[0].method).toBe('GET');
			expect(requests[0].path).toBe('/api/v1/callTask.json');
			expect(requests[0].query).toEqual({ page: '1', per_page: '2' });
			expect(requests[0].headers.authorization).toBe(auth.expectedAuthorization(sandbox));
			expect(out).toEqual([
				{
					json: {
						callTaskId: '49242974',
						task_name: '沙盒外呼任务5',
						task_start: '2024-01-05',
						task_end: '2024-01-12',
						complete: '逾期未完成',
						created_at: '2024-01-05 09:00:00',
						updated_at: '2024-01-05 09:30:00',
					},
					pairedItem: { item: 0 },
				},
				expect.objectContaining({
					json: expect.objectContaining({ callTaskId: '49242973' }),
					pairedItem: { item: 0 },
				}),
			]);
		});

		it('Return All over 250 call tasks: exactly 3 requests following next_page, 250 distinct tasks', async () => {
			const ids = sandbox.seedCallTasks(250);
			const out = await run(auth, baseUrl, {
				resource: 'callTask',
				operation: 'getAll',
				returnAll: true,
			});
			const requests = apiRequests(sandbox);
			expect(requests.map((r) => r.query)).toEqual([
				{ page: '1', per_page: '100' },
				{ page: '2', per_page: '100' },
				{ page: '3', per_page: '100' },
			]);
			for (const r of requests)
				expect(r.headers.authorization).toBe(auth.expectedAuthorization(sandbox));
			const got = out.map((item) => item.json.callTaskId as string);
			expect(got).toHaveLength(250);
			expect(new Set(got).size).toBe(250);
			expect([...got].sort()).toEqual([...ids].sort());
			expect(out.every((item) => (item.pairedItem as { item: number }).item === 0)).toBe(true);
		});

		it('a Limit above 100 pages until it has enough and stops', async () => {
			sandbox.seedCallTasks(250);
			const out = await run(auth, baseUrl, {
				resource: 'callTask',
				operation: 'getAll',
				limit: 150,
			});
			expect(apiRequests(sandbox).map((r) => r.query.page)).toEqual(['1', '2']);
			expect(out).toHaveLength(150);
			expect(new Set(out.map((i) => i.json.callTaskId)).size).toBe(150);
		});

		it('sends the created/updated filters as Bangwo8 dates and the order', async () => {
			sandbox.seedCallTasks(20);
			const out = await run(auth, baseUrl, {
				resource: 'callTask',
				operation: 'getAll',
				returnAll: true,
				filters: {
					createdStart: '2024-01-05T00:00:00',
					createdEnd: '2024-01-10',
					updatedStart: '2024-01-01 08:00',
					updatedEnd: '2024-02-01T12:30:00',
					order: 'created_order:asc',
				},
			});
			expect(apiRequests(sandbox)[0].query).toEqual({
				page: '1',
				per_page: '100',
				created_start: '2024-01-05',
				created_end: '2024-01-10',
				updated_start: '2024-01-01 08:00:00',
				updated_end: '2024-02-01 12:30:00',
				created_order: 'asc',
			});
			expect(out.map((i) => i.json.task_start)).toEqual([
				'2024-01-05',
				'2024-01-06',
				'2024-01-07',
				'2024-01-08',
				'2024-01-09',
				'2024-01-10',
			]);
		});

		it('sorts by update time when asked', async () => {
			sandbox.seedCallTasks(3);
			await run(auth, baseUrl, {
				resource: 'callTask',
				operation: 'getAll',
				limit: 3,
				filters: { order: 'updated_order:desc' },
			});
			expect(apiRequests(sandbox)[0].query).toEqual({
				page: '1',
				per_page: '3',
				updated_order: 'desc',
			});
		});

		it('outputs nothing for an empty list', async () => {
			const out = await run(auth, baseUrl, {
				resource: 'callTask',
				operation: 'getAll',
				returnAll: true,
			});
			expect(out).toEqual([]);
			expect(apiRequests(sandbox)).toHaveLength(1);
		});
	});

	describe('Get', () => {
		it('gets a call task by ID, with task_start for the detail example\'s "startime" and counts as numbers', async () => {
			const [id] = sandbox.seedCallTasks(1);
			sandbox.setProgress(id, SEED.contact.zhao.id, '已完成');
			const out = await run(auth, baseUrl, {
				resource: 'callTask',
				operation: 'get',
				callTaskId: { __rl: true, mode: 'id', value: id },
			});
			const requests = apiRequests(sandbox);
			expect(requests).toHaveLength(1);
			expect(requests[0].method).toBe('GET');
			expect(requests[0].path).toBe(`/api/v1/callTask/${id}.json`);
			expect(requests[0].headers.authorization).toBe(auth.expectedAuthorization(sandbox));
			expect(out).toEqual([
				{
					json: {
						callTaskId: id,
						task_name: '沙盒外呼任务1',
						task_start: '2024-01-01',
						task_end: '2024-01-08',
						complete: '逾期未完成',
						task_service: SEED.agent.admin.id,
						phoneCount: 3,
						completeCount: 1,
						connectCount: 1,
					},
					pairedItem: { item: 0 },
				},
			]);
		});

		it('accepts a detail wrapped in a one-element array, and an ID picked from the list', async () => {
			sandbox.wrapDetailInArray = true;
			const [id] = sandbox.seedCallTasks(1);
			const out = await run(auth, baseUrl, {
				resource: 'callTask',
				operation: 'get',
				callTaskId: { __rl: true, mode: 'list', value: id, cachedResultName: '沙盒外呼任务1' },
			});
			expect(out).toHaveLength(1);
			expect(out[0].json).toMatchObject({
				callTaskId: id,
				task_start: '2024-01-01',
				phoneCount: 3,
			});
			expect(out[0].json).not.toHaveProperty('startime');
		});

		it('gets one call task per input item, the ID mapped from each item', async () => {
			const ids = sandbox.seedCallTasks(3);
			const out = await run(
				auth,
				baseUrl,
				{
					resource: 'callTask',
					operation: 'get',
					callTaskId: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
				},
				{ items: [{ id: ids[2] }, { id: Number(ids[0]) }] },
			);
			expect(out.map((i) => [i.json.callTaskId, i.pairedItem])).toEqual([
				[ids[2], { item: 0 }],
				[ids[0], { item: 1 }],
			]);
			expect(
				apiRequests(sandbox)
					.map((r) => r.path)
					.sort(),
			).toEqual([`/api/v1/callTask/${ids[0]}.json`, `/api/v1/callTask/${ids[2]}.json`].sort());
		});
	});

	describe('Create', () => {
		it('sends {"callTask": {...}} as documented: picker and text dates, contact IDs, data_source "1"', async () => {
			const out = await run(auth, baseUrl, {
				resource: 'callTask',
				operation: 'create',
				taskName: ' 五月回访 ',
				taskStart: '2024-05-20T00:00:00',
				taskEnd: '2024-05-23 18:00',
				agentIds: [SEED.agent.admin.id, SEED.agent.agent.id],
				dataSource: '1',
				contactIds: [SEED.contact.zhao.id, SEED.contact.qian.id, '999999'],
			});
			const requests = apiRequests(sandbox);
			expect(requests).toHaveLength(1);
			expect(requests[0].method).toBe('POST');
			expect(requests[0].path).toBe('/api/v1/callTask.json');
			expect(requests[0].headers.authorization).toBe(auth.expectedAuthorization(sandbox));
			expect(requests[0].headers['content-type']).toMatch(/^application\/json/);
			expect(requests[0].body).toEqual({
				callTask: {
					task_name: '五月回访',
					task_start: '2024-05-20',
					task_end: '2024-05-23 18:00:00',
					task_user: [SEED.contact.zhao.id, SEED.contact.qian.id, '999999'],
					task_service: [SEED.agent.admin.id, SEED.agent.agent.id],
					data_source: '1',
				},
			});
			expect(out).toEqual([
				{
					json: {
						callTaskId: SEED.callTask.firstId,
						task_name: '五月回访',
						task_start: '2024-05-20',
						task_end: '2024-05-23 18:00:00',
						sumCount: 3,
						legalCount: 2,
						illegalCount: 1,
						illegalIds: ['999999'],
						successCount: 2,
						failureCount: 1,
						data: [
							{
								callTaskId: SEED.callTask.firstId,
								task_user: [SEED.contact.zhao.id],
								task_service: SEED.agent.admin.id,
							},
							{
								callTaskId: SEED.callTask.firstId,
								task_user: [SEED.contact.qian.id],
								task_service: SEED.agent.agent.id,
							},
						],
					},
					pairedItem: { item: 0 },
				},
			]);
			expect(sandbox.callTasks.get(SEED.callTask.firstId)?.customers.map((c) => c.userId)).toEqual([
				SEED.contact.zhao.id,
				SEED.contact.qian.id,
			]);
		});

		it('takes company IDs for data_source "0", IDs as numbers or text from expressions, and ISO instants', async () => {
			const out = await run(
				auth,
				baseUrl,
				{
					resource: 'callTask',
					operation: 'create',
					taskName: '={{ $json.name }}',
					taskStart: '={{ $json.start }}',
					taskEnd: '2024-06-01 20:00:00',
					agentIds: '={{ $json.agents }}',
					dataSource: '0',
					companyIds: '={{ $json.companies }}',
				},
				{
					items: [
						{
							name: '公司回访',
							// An instant is sent as wall time in the workflow time zone (n8n's default, America/New_York).
							start: '2024-06-01T01:30:00.000Z',
							agents: [Number(SEED.agent.zhang.id)],
							companies: `${SEED.company.testCo.id}, ${SEED.company.co2233.id}`,
						},
					],
				},
			);
			expect(apiRequests(sandbox)[0].body).toEqual({
				callTask: {
					task_name: '公司回访',
					task_start: '2024-05-31 21:30:00',
					task_end: '2024-06-01 20:00:00',
					task_user: [SEED.company.testCo.id, SEED.company.co2233.id],
					task_service: [Number(SEED.agent.zhang.id)],
					data_source: '0',
				},
			});
			expect(out[0].json).toMatchObject({
				legalCount: 2,
				illegalCount: 0,
				illegalIds: [],
				failureCount: 0,
			});
		});
	});

	describe('Delete', () => {
		it('deletes a call task and outputs { deleted: true, callTaskId }', async () => {
			const [id] = sandbox.seedCallTasks(1);
			const out = await run(auth, baseUrl, {
				resource: 'callTask',
				operation: 'delete',
				callTaskId: { __rl: true, mode: 'id', value: id },
			});
			const requests = apiRequests(sandbox);
			expect(requests).toHaveLength(1);
			expect(requests[0].method).toBe('DELETE');
			expect(requests[0].path).toBe(`/api/v1/callTask/${id}.json`);
			expect(requests[0].headers.authorization).toBe(auth.expectedAuthorization(sandbox));
			expect(out).toEqual([{ json: { deleted: true, callTaskId: id }, pairedItem: { item: 0 } }]);
			expect(sandbox.callTasks.has(id)).toBe(false);
		});

		it('sends an ID typed with spaces around it trimmed, in the path and the output', async () => {
			const [id] = sandbox.seedCallTasks(1);
			const out = await run(auth, baseUrl, {
				resource: 'callTask',
				operation: 'delete',
				callTaskId: { __rl: true, mode: 'id', value: ` ${id} ` },
			});
			expect(apiRequests(sandbox).map((r) => r.path)).toEqual([`/api/v1/callTask/${id}.json`]);
			expect(out).toEqual([{ json: { deleted: true, callTaskId: id }, pairedItem: { item: 0 } }]);
		});
	});

	describe('Get Customers', () => {
		it('lists the customers with progress as a number and a label, keeping the raw value', async () => {
			const [id] = sandbox.seedCallTasks(1);
			sandbox.setProgress(id, SEED.contact.qian.id, '未接听');
			sandbox.setProgress(id, SEED.contact.sun.id, 1);
			const out = await run(auth, baseUrl, {
				resource: 'callTask',
				operation: 'getCustomers',
				callTaskId: { __rl: true, mode: 'id', value: id },
				returnAll: true,
			});
			const requests = apiRequests(sandbox);
			expect(requests).toHaveLength(1);
			expect(requests[0].method).toBe('GET');
			expect(requests[0].path).toBe(`/api/v1/callTask/userList/${id}.json`);
			expect(requests[0].query).toEqual({ page: '1', per_page: '100' });
			expect(requests[0].headers.authorization).toBe(auth.expectedAuthorization(sandbox));
			expect(out).toEqual([
				{
					json: {
						callTaskId: id,
						cId: SEED.contact.zhao.id,
						uId: SEED.company.testCo.id,
						userName: '赵先生',
						companyName: '测试公司2',
						phone: '13911110001',
						progress: -1,
						progressLabel: 'Pending',
						progressRaw: '待处理',
					},
					pairedItem: { item: 0 },
				},
				{
					json: expect.objectContaining({
						cId: SEED.contact.qian.id,
						progress: 0,
						progressLabel: 'Not Answered',
						progressRaw: '未接听',
					}),
					pairedItem: { item: 0 },
				},
				{
					json: expect.objectContaining({
						cId: SEED.contact.sun.id,
						progress: 1,
						progressLabel: 'Completed',
						progressRaw: 1,
					}),
					pairedItem: { item: 0 },
				},
			]);
		});

		it('maps "-1", 0 and unknown progress values', async () => {
			const [id] = sandbox.seedCallTasks(1);
			sandbox.setProgress(id, SEED.contact.zhao.id, '-1');
			sandbox.setProgress(id, SEED.contact.qian.id, 0);
			sandbox.setProgress(id, SEED.contact.sun.id, '外星状态');
			const out = await run(auth, baseUrl, {
				resource: 'callTask',
				operation: 'getCustomers',
				callTaskId: { __rl: true, mode: 'id', value: id },
				returnAll: true,
			});
			expect(out.map((i) => [i.json.progress, i.json.progressLabel, i.json.progressRaw])).toEqual([
				[-1, 'Pending', '-1'],
				[0, 'Not Answered', 0],
				[null, 'Unknown', '外星状态'],
			]);
		});

		it('Return All pages through 150 customers in 2 requests; Limit stops early', async () => {
			const [id] = sandbox.seedCallTasks(1);
			const rows = sandbox.customersOf(id)!;
			const template = rows[0];
			for (let i = 0; i < 147; i++) {
				rows.push({
					...template,
					userId: `x${i}`,
					cId: String(800000 + i),
					phone: String(13700000000 + i),
				});
			}
			const all = await run(auth, baseUrl, {
				resource: 'callTask',
				operation: 'getCustomers',
				callTaskId: { __rl: true, mode: 'id', value: id },
				returnAll: true,
			});
			expect(apiRequests(sandbox).map((r) => r.query)).toEqual([
				{ page: '1', per_page: '100' },
				{ page: '2', per_page: '100' },
			]);
			expect(all).toHaveLength(150);
			expect(new Set(all.map((i) => i.json.cId)).size).toBe(150);

			sandbox.clearRequests();
			const some = await run(auth, baseUrl, {
				resource: 'callTask',
				operation: 'getCustomers',
				callTaskId: { __rl: true, mode: 'id', value: id },
				limit: 5,
			});
			expect(apiRequests(sandbox).map((r) => r.query)).toEqual([{ page: '1', per_page: '5' }]);
			expect(some.map((i) => i.json.cId)).toEqual(all.slice(0, 5).map((i) => i.json.cId));
		});
	});
});
