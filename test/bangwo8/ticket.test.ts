// Every Ticket operation, with both ways of authenticating: the requests Bangwo8 receives
// (method, path, query, body, Authorization) and the items the node outputs.
import type { IDataObject } from 'n8n-workflow';

import { Bangwo8Sandbox, SEED } from '../sandbox/bangwo8';
import { apiRequests, AUTH_CASES, run } from './helpers';

const { ticket: tickets, contact: contacts, company: companies, agent: agents } = SEED;
const rl = (value: string) => ({ __rl: true, mode: 'id', value });
const fromList = (value: string) => ({ __rl: true, mode: 'list', value, cachedResultName: 'x' });

/** Bangwo8's wall clock (UTC+8) of an instant, as its created_* filters take it. */
const beijing = (ms: number) =>
	new Date(ms + 8 * 3600 * 1000).toISOString().slice(0, 19).replace('T', ' ');

describe.each(AUTH_CASES)('Ticket with $name authentication', (auth) => {
	const sandbox = new Bangwo8Sandbox();
	let baseUrl: string;
	beforeAll(async () => {
		baseUrl = await sandbox.start();
	});
	afterAll(async () => sandbox.stop());
	beforeEach(() => sandbox.reset());

	describe('Get Many', () => {
		it('gets Limit tickets from tickets.json, codes kept and labelled, linked to the input item', async () => {
			const out = await run(auth, baseUrl, { resource: 'ticket', operation: 'getAll', limit: 2 });
			const requests = apiRequests(sandbox);
			expect(requests).toHaveLength(1);
			expect(requests[0].method).toBe('GET');
			expect(requests[0].path).toBe('/api/v1/tickets.json');
			expect(requests[0].query).toEqual({ page: '1', per_page: '2' });
			expect(requests[0].headers.authorization).toBe(auth.expectedAuthorization(sandbox));
			expect(out).toHaveLength(2);
			expect(out[0]).toEqual({
				json: {
					ticketId: tickets.printer.id,
					subject: '打印机无法连接',
					descript: '办公室打印机连不上网络，已重启无效。',
					custUserId: contacts.zhao.id,
					servicerUserId: agents.admin.id,
					ticketType: '1',
					ticketTypeLabel: 'Question (问题)',
					priorityLevel: '2',
					priorityLevelLabel: 'Normal (正常)',
					ticketStatus: '2',
					ticketStatusLabel: 'Open (已开启)',
					ticketTemplateId: '4',
					ccUserIdList: '',
					ccGroupIdList: '',
					servicerGroupId: '0',
					tagList: '',
					createrId: agents.admin.id,
					createrType: '0',
					ticketSource: '1',
					isDeleted: '0',
					custom_fields: [
						{ key: 'field_12', value: '上门' },
						{ key: 'field_13', value: '2024-03-05' },
					],
					createDT: '2024-03-01 09:00:00',
					updateDT: '2024-03-02 10:00:00',
				},
				pairedItem: { item: 0 },
			});
			expect(out[1].json).toMatchObject({
				ticketId: tickets.callback.id,
				ticketTypeLabel: 'To-Do (任务)',
				priorityLevelLabel: 'High (高)',
				ticketStatusLabel: 'New (新建)',
			});
		});

		it('Return All over 250 tickets: 3 requests following next_page, 250 distinct', async () => {
			sandbox.seedTickets(245);
			const out = await run(auth, baseUrl, {
				resource: 'ticket',
				operation: 'getAll',
				returnAll: true,
			});
			expect(apiRequests(sandbox).map((r) => r.query)).toEqual([
				{ page: '1', per_page: '100' },
				{ page: '2', per_page: '100' },
				{ page: '3', per_page: '100' },
			]);
			expect(new Set(out.map((i) => i.json.ticketId)).size).toBe(250);
		});

		it("a contact's tickets (users/{id}/tickets.json), by status, created after a date", async () => {
			const out = await run(auth, baseUrl, {
				resource: 'ticket',
				operation: 'getAll',
				returnAll: true,
				contactId: fromList(contacts.zhao.id),
				filters: { createdStart: '2024-03-01', order: 'status_order:desc' },
			});
			const [request] = apiRequests(sandbox);
			expect(request.path).toBe(`/api/v1/users/${contacts.zhao.id}/tickets.json`);
			expect(request.query).toEqual({
				page: '1',
				per_page: '100',
				created_start: '2024-03-01',
				status_order: 'desc',
			});
			expect(out.map((i) => [i.json.ticketId, i.json.ticketStatusLabel])).toEqual([
				[tickets.solved.id, 'Solved (已解决)'],
				[tickets.printer.id, 'Open (已开启)'],
			]);
		});

		it("a company's tickets (companies/{id}/tickets.json), newest first", async () => {
			const out = await run(auth, baseUrl, {
				resource: 'ticket',
				operation: 'getAll',
				limit: 10,
				companyId: rl(` ${companies.testCo.id} `),
				filters: { order: 'created_order:desc' },
			});
			expect(apiRequests(sandbox)[0].path).toBe(
				`/api/v1/companies/${companies.testCo.id}/tickets.json`,
			);
			expect(out.map((i) => i.json.ticketId)).toEqual([
				tickets.solved.id,
				tickets.callback.id,
				tickets.printer.id,
			]);
		});

		it('labels the undocumented codes: ticketType 0 Unknown, ticketStatus 6 Closed', async () => {
			const out = await run(auth, baseUrl, {
				resource: 'ticket',
				operation: 'getAll',
				returnAll: true,
			});
			const odd = out.find((i) => i.json.ticketId === tickets.odd.id)!.json;
			expect([
				odd.ticketType,
				odd.ticketTypeLabel,
				odd.ticketStatus,
				odd.ticketStatusLabel,
			]).toEqual(['0', 'Unknown', '6', 'Closed (已关闭)']);
		});
	});

	describe('Search', () => {
		it('sends query, sort_by and sort_order; reads the nested page', async () => {
			const out = await run(auth, baseUrl, {
				resource: 'ticket',
				operation: 'search',
				searchQuery: `  createDT:2024-03   custUserId:${contacts.zhao.id} `,
				searchSort: 'createDT:desc',
				returnAll: true,
			});
			const requests = apiRequests(sandbox);
			expect(requests).toHaveLength(1);
			expect(requests[0].path).toBe('/api/v1/tickets/search.json');
			expect(requests[0].query).toEqual({
				query: `createDT:2024-03 custUserId:${contacts.zhao.id}`,
				sort_by: 'createDT',
				sort_order: 'desc',
				page: '1',
				per_page: '100',
			});
			expect(requests[0].headers.authorization).toBe(auth.expectedAuthorization(sandbox));
			expect(out.map((i) => [i.json.ticketId, i.json.ticketStatusLabel, i.pairedItem])).toEqual([
				[tickets.solved.id, 'Solved (已解决)', { item: 0 }],
				[tickets.printer.id, 'Open (已开启)', { item: 0 }],
			]);
		});

		it('Return All pages by the count (no next_page): 230 results in 3 requests', async () => {
			sandbox.seedTickets(225);
			const out = await run(auth, baseUrl, {
				resource: 'ticket',
				operation: 'search',
				searchQuery: 'createDT:2024',
				returnAll: true,
			});
			expect(apiRequests(sandbox).map((r) => [r.query.page, r.query.per_page])).toEqual([
				['1', '100'],
				['2', '100'],
				['3', '100'],
			]);
			expect(new Set(out.map((i) => i.json.ticketId)).size).toBe(230);
		});

		it('stops at the count when the server ignores per_page', async () => {
			sandbox.answerNext('GET /api/v1/tickets/search.json', {
				body: {
					tickets: {
						count: '3',
						results: [{ ticketId: '1' }, { ticketId: '2' }, { ticketId: '3' }],
					},
				},
			});
			const out = await run(auth, baseUrl, {
				resource: 'ticket',
				operation: 'search',
				searchQuery: 'x',
				limit: 2,
			});
			expect(out.map((i) => i.json.ticketId)).toEqual(['1', '2']);
			expect(apiRequests(sandbox)).toHaveLength(1);
		});
	});

	describe('Get', () => {
		it("v1's one-element array becomes the ticket, labelled", async () => {
			const out = await run(auth, baseUrl, {
				resource: 'ticket',
				operation: 'get',
				ticketId: rl(tickets.complaint.id),
			});
			const requests = apiRequests(sandbox);
			expect(requests.map((r) => [r.method, r.path])).toEqual([
				['GET', `/api/v1/tickets/${tickets.complaint.id}.json`],
			]);
			expect(requests[0].headers.authorization).toBe(auth.expectedAuthorization(sandbox));
			expect(out).toEqual([
				{
					json: expect.objectContaining({
						ticketId: tickets.complaint.id,
						subject: '投诉：送货延迟',
						ticketType: '3',
						ticketTypeLabel: 'Incident (故障)',
						priorityLevelLabel: 'Urgent (紧急)',
						ticketStatusLabel: 'Awaiting Reply (待回应)',
						custom_fields: [{ key: 'field_12', value: '远程' }],
					}),
					pairedItem: { item: 0 },
				},
			]);
		});

		it("_v2's bare object, dropdown values as option ids", async () => {
			const out = await run(auth, baseUrl, {
				resource: 'ticket',
				operation: 'get',
				ticketId: fromList(tickets.printer.id),
				detailVersion: 'v2',
			});
			expect(apiRequests(sandbox).map((r) => r.path)).toEqual([
				`/api/v1/tickets/${tickets.printer.id}_v2.json`,
			]);
			expect(out[0].json.custom_fields).toEqual([
				{ key: 'field_12', value: '4272477' },
				{ key: 'field_13', value: '2024-03-05' },
			]);
			expect(out[0].json.ticketStatusLabel).toBe('Open (已开启)');
		});

		it('an empty {"ticket": []} is an error naming the id', async () => {
			sandbox.answerNext('GET /api/v1/tickets/5.json', { body: { ticket: [] } });
			await expect(
				run(auth, baseUrl, { resource: 'ticket', operation: 'get', ticketId: rl('5') }),
			).rejects.toMatchObject({
				message: 'Bangwo8 answered no ticket for ID 5',
				httpCode: '404',
			});
		});
	});

	describe('Create', () => {
		const create = (extra: IDataObject = {}) => ({
			resource: 'ticket',
			operation: 'create',
			subject: ' 客户要求回电 ',
			description: '意向：A\n录音：http://rec/1.wav',
			...extra,
		});

		it('sends {"ticket": {…}} from every field; the answer names no id, so the new ticket is listed', async () => {
			const before = Date.now();
			const out = await run(
				auth,
				baseUrl,
				create({
					contactId: fromList(contacts.qian.id),
					agentId: rl(agents.zhang.id),
					ticketFields: {
						ticketType: '4',
						priorityLevel: '3',
						ticketStatus: '2',
						ticketTemplateId: '4',
						ccAgentIds: [agents.admin.id, agents.agent.id],
						tagList: '回电',
						customFields: {
							field: [
								{ key: 'field_14', value: 'A' },
								{ key: 'field_13', value: '2024-06-01' },
							],
						},
					},
				}),
			);
			const requests = apiRequests(sandbox);
			expect(requests.map((r) => [r.method, r.path])).toEqual([
				['POST', '/api/v1/tickets.json'],
				['GET', '/api/v1/tickets.json'],
			]);
			for (const r of requests)
				expect(r.headers.authorization).toBe(auth.expectedAuthorization(sandbox));
			expect(requests[0].headers['content-type']).toMatch(/^application\/json/);
			expect(requests[0].body).toEqual({
				ticket: {
					subject: '客户要求回电',
					descript: '意向：A\n录音：http://rec/1.wav',
					custUserId: contacts.qian.id,
					servicerUserId: agents.zhang.id,
					ticketType: '4',
					priorityLevel: '3',
					ticketStatus: '2',
					ticketTemplateId: '4',
					ccUserIdList: `${agents.admin.id},${agents.agent.id}`,
					tagList: '回电',
					custom_fields: [
						{ key: 'field_14', value: 'A' },
						{ key: 'field_13', value: '2024-06-01' },
					],
				},
			});
			// The lookup: created shortly before the request (10 minutes' margin, Bangwo8's UTC+8), newest first.
			const lookup = requests[1].query;
			expect(lookup).toEqual({
				created_start: expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/),
				created_order: 'desc',
				page: '1',
				per_page: '100',
			});
			const start = String(lookup.created_start);
			expect(start >= beijing(before - 10 * 60_000 - 1000)).toBe(true);
			expect(start <= beijing(Date.now() - 10 * 60_000 + 1000)).toBe(true);
			expect(out).toEqual([
				{
					json: expect.objectContaining({
						ticketId: SEED.ticketFirstId,
						subject: '客户要求回电',
						custUserId: contacts.qian.id,
						ticketStatusLabel: 'Open (已开启)',
						idFoundBy: 'lookup',
					}),
					pairedItem: { item: 0 },
				},
			]);
			expect(sandbox.ticketById(SEED.ticketFirstId)).toMatchObject({
				servicerUserId: agents.zhang.id,
				custom_fields: [
					{ key: 'field_14', value: 'A' },
					{ key: 'field_13', value: '2024-06-01' },
				],
			});
		});

		it('takes the ticket from an answer that holds it, with no lookup', async () => {
			sandbox.ticketCreateAnswer = 'ticket';
			const out = await run(auth, baseUrl, create());
			expect(apiRequests(sandbox).map((r) => r.method)).toEqual(['POST']);
			expect(out[0].json).toMatchObject({
				ticketId: SEED.ticketFirstId,
				createDT: expect.any(String),
				ticketTypeLabel: 'Unknown',
				idFoundBy: 'answer',
			});
		});

		it.each([
			['id', 'answer'],
			['location', 'location'],
		] as const)('takes the id from a "%s" answer: idFoundBy %s', async (answer, foundBy) => {
			sandbox.ticketCreateAnswer = answer;
			const out = await run(auth, baseUrl, create({ contactId: rl(contacts.sun.id) }));
			expect(apiRequests(sandbox).map((r) => r.method)).toEqual(['POST']);
			expect(out[0].json).toEqual({
				ticketId: SEED.ticketFirstId,
				subject: '客户要求回电',
				descript: '意向：A\n录音：http://rec/1.wav',
				custUserId: contacts.sun.id,
				idFoundBy: foundBy,
			});
		});

		it('a lookup that finds nothing, or fails, still outputs the ticket (ticketId null) and never re-sends', async () => {
			sandbox.answerNext('GET /api/v1/tickets.json', {
				body: { tickets: [], count: 0, next_page: null },
			});
			const none = await run(auth, baseUrl, create());
			expect(none[0].json).toMatchObject({
				ticketId: null,
				subject: '客户要求回电',
				idFoundBy: 'none',
				notice: expect.stringMatching(/^Bangwo8 created it but named no ticketId, and no match/),
			});
			sandbox.clearRequests();
			sandbox.answerNext('GET /api/v1/tickets.json', { status: 503 }, { times: Infinity });
			const failed = await run(auth, baseUrl, {
				...create(),
				requestOptions: { retryTransientFailures: false },
			});
			expect(failed[0].json).toMatchObject({
				ticketId: null,
				idFoundBy: 'none',
				notice: expect.stringContaining('looking it up failed: Bangwo8'),
			});
			expect(apiRequests(sandbox).filter((r) => r.method === 'POST')).toHaveLength(1);
		});

		it('one ticket per input item, fields mapped from each', async () => {
			sandbox.ticketCreateAnswer = 'ticket';
			const out = await run(
				auth,
				baseUrl,
				create({ subject: '={{ $json.s }}', agentId: rl('={{ $json.agent }}') }),
				{
					items: [
						{ s: '一', agent: agents.admin.id },
						{ s: '二', agent: Number(agents.zhang.id) },
					],
				},
			);
			expect(out.map((i) => [i.json.subject, i.json.servicerUserId, i.pairedItem])).toEqual([
				['一', agents.admin.id, { item: 0 }],
				['二', agents.zhang.id, { item: 1 }],
			]);
		});
	});

	describe('Update', () => {
		it('reads the ticket, applies the changes, and PUTs the whole ticket back without its ticketId', async () => {
			const before = { ...sandbox.ticketById(tickets.printer.id)! };
			const out = await run(auth, baseUrl, {
				resource: 'ticket',
				operation: 'update',
				ticketId: rl(tickets.printer.id),
				agentId: fromList(agents.agent.id),
				ticketFields: {
					ticketStatus: '4',
					priorityLevel: '3',
					customFields: {
						field: [
							{ key: 'field_12', value: '远程' },
							{ key: 'field_14', value: 'C' },
						],
					},
				},
			});
			const requests = apiRequests(sandbox);
			expect(requests.map((r) => [r.method, r.path])).toEqual([
				['GET', `/api/v1/tickets/${tickets.printer.id}.json`],
				['PUT', `/api/v1/tickets/${tickets.printer.id}.json`],
			]);
			for (const r of requests)
				expect(r.headers.authorization).toBe(auth.expectedAuthorization(sandbox));
			const sent = (requests[1].body as IDataObject).ticket as IDataObject;
			expect(sent).not.toHaveProperty('ticketId');
			expect(sent).toEqual({
				subject: before.subject,
				descript: before.descript,
				custUserId: before.custUserId,
				servicerUserId: agents.agent.id,
				servicerGroupId: '0',
				ccUserIdList: '',
				ccGroupIdList: '',
				ticketType: '1',
				priorityLevel: '3',
				ticketStatus: '4',
				tagList: '',
				ticketTemplateId: '4',
				createrId: before.createrId,
				createrType: '0',
				ticketSource: '1',
				isDeleted: '0',
				custom_fields: [
					{ key: 'field_12', value: '远程' },
					{ key: 'field_13', value: '2024-03-05' },
					{ key: 'field_14', value: 'C' },
				],
				createDT: '2024-03-01 09:00:00',
				updateDT: '2024-03-02 10:00:00',
			});
			expect(out).toEqual([
				{
					json: {
						ticketId: tickets.printer.id,
						...sent,
						ticketTypeLabel: 'Question (问题)',
						priorityLevelLabel: 'High (高)',
						ticketStatusLabel: 'Solved (已解决)',
					},
					pairedItem: { item: 0 },
				},
			]);
			expect(sandbox.ticketById(tickets.printer.id)).toMatchObject({
				servicerUserId: agents.agent.id,
				ticketStatus: '4',
				priorityLevel: '3',
			});
		});

		it('changes the subject and description, or only reassigns', async () => {
			await run(auth, baseUrl, {
				resource: 'ticket',
				operation: 'update',
				ticketId: rl(tickets.callback.id),
				ticketFields: { subject: '已改标题', description: '新的描述' },
			});
			expect(sandbox.ticketById(tickets.callback.id)).toMatchObject({
				subject: '已改标题',
				descript: '新的描述',
			});
			await run(auth, baseUrl, {
				resource: 'ticket',
				operation: 'update',
				ticketId: rl(tickets.callback.id),
				agentId: rl(agents.admin.id),
			});
			expect(sandbox.ticketById(tickets.callback.id)!.servicerUserId).toBe(agents.admin.id);
		});
	});

	describe('Add Reply', () => {
		it('reads the ticket and PUTs it back whole with ticketReply.replyMsg', async () => {
			const out = await run(auth, baseUrl, {
				resource: 'ticket',
				operation: 'addReply',
				ticketId: rl(tickets.complaint.id),
				replyMsg: ' 已联系物流，明天送达。 ',
			});
			const requests = apiRequests(sandbox);
			expect(requests.map((r) => [r.method, r.path])).toEqual([
				['GET', `/api/v1/tickets/${tickets.complaint.id}.json`],
				['PUT', `/api/v1/tickets/${tickets.complaint.id}.json`],
			]);
			const sent = (requests[1].body as IDataObject).ticket as IDataObject;
			expect(sent).toMatchObject({
				subject: '投诉：送货延迟',
				ticketStatus: '3',
				ticketReply: { replyMsg: '已联系物流，明天送达。' },
			});
			expect(sent).not.toHaveProperty('ticketId');
			expect(sandbox.repliesOf(tickets.complaint.id).map((r) => r.replyMsg)).toEqual([
				'已联系物流，明天送达。',
			]);
			expect(out[0]).toEqual({
				json: expect.objectContaining({
					ticketId: tickets.complaint.id,
					ticketReply: { replyMsg: '已联系物流，明天送达。' },
					ticketStatusLabel: 'Awaiting Reply (待回应)',
				}),
				pairedItem: { item: 0 },
			});
		});
	});
});
