// Bangwo8 sandbox, tickets: the three lists with filters and orders, v1 and _v2 detail, create
// (each answer shape), update and reply, search, field definitions, templates, access.
import { SEED } from '../bangwo8';
import { AGENT, useSandbox } from './client';

const { sandbox, call, get } = useSandbox();
const { ticket: tickets, contact: contacts, company: companies, agent: agents } = SEED;
const ids = (res: { json: { tickets: Array<{ ticketId: string }> } }) =>
	res.json.tickets.map((t) => t.ticketId);

describe('ticket lists', () => {
	it('lists every seeded ticket by id ascending by default, with next_page', async () => {
		const all = await get('/api/v1/tickets.json');
		expect(all.status).toBe(200);
		expect(all.json.count).toBe(5);
		expect(ids(all)).toEqual([
			tickets.printer.id,
			tickets.callback.id,
			tickets.complaint.id,
			tickets.solved.id,
			tickets.odd.id,
		]);
		expect(all.json.tickets[0]).toMatchObject({
			ticketId: tickets.printer.id,
			subject: '打印机无法连接',
			descript: '办公室打印机连不上网络，已重启无效。',
			custUserId: contacts.zhao.id,
			servicerUserId: agents.admin.id,
			ticketType: '1',
			priorityLevel: '2',
			ticketStatus: '2',
			ticketTemplateId: '4',
			custom_fields: [
				{ key: 'field_12', value: '上门' },
				{ key: 'field_13', value: '2024-03-05' },
			],
			createDT: '2024-03-01 09:00:00',
			updateDT: '2024-03-02 10:00:00',
		});
		expect(all.json.tickets[0]).not.toHaveProperty('replies');
		const page1 = await get('/api/v1/tickets.json?per_page=2');
		expect(ids(page1)).toEqual([tickets.printer.id, tickets.callback.id]);
		const page2 = await get(page1.json.next_page);
		expect(ids(page2)).toEqual([tickets.complaint.id, tickets.solved.id]);
		const page3 = await get(page2.json.next_page);
		expect(ids(page3)).toEqual([tickets.odd.id]);
		expect(page3.json.next_page).toBeNull();
	});

	it('orders by status, creation or update time and filters by inclusive dates', async () => {
		expect(ids(await get('/api/v1/tickets.json?status_order=desc'))).toEqual([
			tickets.odd.id,
			tickets.solved.id,
			tickets.complaint.id,
			tickets.printer.id,
			tickets.callback.id,
		]);
		expect(ids(await get('/api/v1/tickets.json?created_order=desc&per_page=2'))).toEqual([
			tickets.solved.id,
			tickets.complaint.id,
		]);
		expect(
			ids(
				await get(
					'/api/v1/tickets.json?created_start=2024-03-03&created_end=2024-03-05%2014:30:00&updated_order=asc',
				),
			),
		).toEqual([tickets.callback.id, tickets.complaint.id]);
		const bad = await get('/api/v1/tickets.json?status_order=up');
		expect(bad.status).toBe(400);
	});

	it("lists a contact's and a company's tickets; unknown ones are 404", async () => {
		expect(ids(await get(`/api/v1/users/${contacts.zhao.id}/tickets.json`))).toEqual([
			tickets.printer.id,
			tickets.solved.id,
		]);
		// testCo's contacts are zhao and qian.
		expect(ids(await get(`/api/v1/companies/${companies.testCo.id}/tickets.json`))).toEqual([
			tickets.printer.id,
			tickets.callback.id,
			tickets.solved.id,
		]);
		expect((await get('/api/v1/users/1/tickets.json')).json).toEqual({
			errcode: '100044',
			errmsg: 'user 1 does not exist',
		});
		expect((await get('/api/v1/companies/1/tickets.json')).status).toBe(404);
	});

	it('refuses status_order on lists other than tickets', async () => {
		const res = await get('/api/v1/users.json?status_order=asc');
		expect(res.status).toBe(400);
		expect(res.json.errmsg).toBe('status_order is not a sort parameter of users');
	});

	it('answers the agent account 403', async () => {
		const res = await get('/api/v1/tickets.json', AGENT);
		expect(res.status).toBe(403);
		expect(res.json.errmsg).toBe('Permission denied: the tickets API needs the admin account');
	});
});

describe('one ticket', () => {
	it('v1 wraps it in a one-element array, dropdowns as option text; _v2 is bare, dropdowns as option ids', async () => {
		const v1 = await get(`/api/v1/tickets/${tickets.printer.id}.json`);
		expect(Array.isArray(v1.json.ticket)).toBe(true);
		expect(v1.json.ticket).toHaveLength(1);
		expect(v1.json.ticket[0].custom_fields).toEqual([
			{ key: 'field_12', value: '上门' },
			{ key: 'field_13', value: '2024-03-05' },
		]);
		const v2 = await get(`/api/v1/tickets/${tickets.printer.id}_v2.json`);
		expect(Array.isArray(v2.json.ticket)).toBe(false);
		expect(v2.json.ticket.custom_fields).toEqual([
			{ key: 'field_12', value: '4272477' },
			{ key: 'field_13', value: '2024-03-05' },
		]);
		expect({ ...v2.json.ticket, custom_fields: [] }).toEqual({
			...v1.json.ticket[0],
			custom_fields: [],
		});
		const missing = await get('/api/v1/tickets/1.json');
		expect(missing.status).toBe(404);
		expect(missing.json).toEqual({ errcode: '100044', errmsg: 'ticketId 1 does not exist' });
	});
});

describe('creating tickets', () => {
	const body = (over: Record<string, unknown> = {}) => ({
		ticket: { subject: '回电', descript: '客户希望回电', ...over },
	});

	it('stores the ticket and answers the generic write answer without its id', async () => {
		const res = await call('POST', '/api/v1/tickets.json', {
			body: body({
				custUserId: Number(contacts.qian.id),
				servicerUserId: agents.zhang.id,
				ccUserIdList: `${agents.admin.id},${agents.agent.id}`,
				ticketType: 4,
				priorityLevel: '3',
				ticketStatus: '2',
				ticketTemplateId: '4',
				custom_fields: [{ key: 'field_14', value: 'B' }],
			}),
		});
		expect(res.status).toBe(200);
		expect(res.json).toEqual({ status: '0', message: 'Insert ok', data: false });
		const stored = sandbox.ticketById(SEED.ticketFirstId)!;
		expect(stored).toMatchObject({
			subject: '回电',
			custUserId: contacts.qian.id,
			servicerUserId: agents.zhang.id,
			ccUserIdList: `${agents.admin.id},${agents.agent.id}`,
			ticketType: '4',
			priorityLevel: '3',
			ticketStatus: '2',
			ticketTemplateId: '4',
			custom_fields: [{ key: 'field_14', value: 'B' }],
		});
		const listed = await get(`/api/v1/tickets.json?created_start=2024-12-01&created_order=desc`);
		expect(listed.json.tickets[0].ticketId).toBe(SEED.ticketFirstId);
	});

	it.each([
		['ticket', (json: any) => expect(json.ticket.ticketId).toBe(SEED.ticketFirstId)],
		['id', (json: any) => expect(json.data).toEqual({ ticketId: SEED.ticketFirstId })],
	] as const)('answers "%s" when told to', async (answer, check) => {
		sandbox.ticketCreateAnswer = answer;
		const res = await call('POST', '/api/v1/tickets.json', { body: body() });
		expect(res.status).toBe(200);
		check(res.json);
	});

	it('answers 201 with a Location header when told to', async () => {
		sandbox.ticketCreateAnswer = 'location';
		const res = await call('POST', '/api/v1/tickets.json', { body: body() });
		expect(res.status).toBe(201);
		expect(res.headers.get('location')).toBe(
			`${sandbox.url}/api/v1/tickets/${SEED.ticketFirstId}.json`,
		);
	});

	it.each([
		[{ subject: '' }, 'subject is required'],
		[{ descript: undefined }, 'descript is required'],
		[{ custUserId: '1' }, 'custUserId "1" is not a contact'],
		[
			{ servicerUserId: agents.deleted.id },
			`servicerUserId "${agents.deleted.id}" is not an active agent`,
		],
		[{ ccUserIdList: `${agents.admin.id},x` }, 'ccUserIdList "x" is not an active agent'],
		[{ ticketStatus: '7' }, 'ticketStatus "7" is not one of 1, 2, 3, 4, 5, 6'],
		[{ priorityLevel: 0 }, 'priorityLevel 0 is not one of 1, 2, 3, 4'],
		[{ ticketTemplateId: '99' }, 'ticketTemplateId "99" is not a template'],
		[{ custom_fields: [{ key: 'field_99', value: 'x' }] }, 'custom field field_99 does not exist'],
		[
			{ custom_fields: [{ key: 'field_12', value: '4272477' }] },
			'custom field field_12 (服务方式): "4272477" is not one of 上门, 远程',
		],
	])('refuses %j with 400', async (over, message) => {
		const res = await call('POST', '/api/v1/tickets.json', { body: body(over) });
		expect(res.status).toBe(400);
		expect(res.json).toEqual({ errcode: '100010', errmsg: message });
		expect(sandbox.tickets.size).toBe(5);
	});

	it('replays a repeated Requestid without creating again', async () => {
		const headers = { Requestid: 'r-1', 'Content-Type': 'application/json' };
		await call('POST', '/api/v1/tickets.json', { body: body(), headers });
		await call('POST', '/api/v1/tickets.json', { body: body(), headers });
		expect(sandbox.tickets.size).toBe(6);
	});
});

describe('updating and replying', () => {
	const put = (id: string, ticket: unknown) =>
		call('PUT', `/api/v1/tickets/${id}.json`, { body: { ticket } });

	it('takes the whole ticket back (read-only fields ignored) and merges custom fields by key', async () => {
		const [whole] = (await get(`/api/v1/tickets/${tickets.printer.id}.json`)).json.ticket;
		delete whole.ticketId;
		const res = await put(tickets.printer.id, {
			...whole,
			ticketStatus: '4',
			createDT: '1999-01-01 00:00:00',
			custom_fields: [{ key: 'field_12', value: '远程' }],
		});
		expect(res.json).toEqual({ status: '0', message: 'Update ok', data: false });
		const stored = sandbox.ticketById(tickets.printer.id)!;
		expect(stored.ticketStatus).toBe('4');
		expect(stored.created_at).toBe('2024-03-01 09:00:00');
		expect(stored.custom_fields).toEqual([
			{ key: 'field_12', value: '远程' },
			{ key: 'field_13', value: '2024-03-05' },
		]);
	});

	it('takes a partial body, and a reply as ticketReply.replyMsg', async () => {
		expect((await put(tickets.callback.id, { priorityLevel: 1 })).status).toBe(200);
		expect(sandbox.ticketById(tickets.callback.id)!.priorityLevel).toBe('1');
		expect((await put(tickets.callback.id, { ticketReply: { replyMsg: '已回电' } })).status).toBe(
			200,
		);
		expect(sandbox.repliesOf(tickets.callback.id)).toEqual([
			{ replyMsg: '已回电', servicerUserId: agents.zhang.id, createDT: expect.any(String) },
		]);
	});

	it.each([
		[{ ticketId: '1' }, 'ticketId cannot be changed'],
		[{}, 'nothing to update'],
		[{ subject: ' ' }, 'subject must not be empty'],
		[{ ticketReply: { replyMsg: '' } }, 'ticketReply.replyMsg must be a non-empty string'],
		[
			{ servicerUserId: agents.recycled.id },
			`servicerUserId "${agents.recycled.id}" is not an active agent`,
		],
	])('refuses %j with 400', async (ticket, message) => {
		const res = await put(tickets.complaint.id, ticket);
		expect(res.status).toBe(400);
		expect(res.json.errmsg).toBe(message);
	});

	it('answers 404 for an unknown ticket', async () => {
		expect((await put('1', { ticketStatus: '2' })).status).toBe(404);
	});
});

describe('search', () => {
	it('matches field:value terms and bare words, sorts, pages; the page is nested with a string count', async () => {
		const march = await get('/api/v1/tickets/search.json?query=createDT:2024-03');
		expect(march.json.tickets.count).toBe('4');
		expect(march.json.tickets.results.map((t: { ticketId: string }) => t.ticketId)).toEqual([
			tickets.printer.id,
			tickets.callback.id,
			tickets.complaint.id,
			tickets.solved.id,
		]);
		expect(march.json).not.toHaveProperty('next_page');
		const both = await get(
			`/api/v1/tickets/search.json?query=${encodeURIComponent(`createDT:2024-03 custUserId:${contacts.zhao.id}`)}&sort_by=createDT&sort_order=desc`,
		);
		expect(both.json.tickets.results.map((t: { ticketId: string }) => t.ticketId)).toEqual([
			tickets.solved.id,
			tickets.printer.id,
		]);
		const word = await get(`/api/v1/tickets/search.json?query=${encodeURIComponent('打印机')}`);
		expect(word.json.tickets.count).toBe('1');
		const paged = await get('/api/v1/tickets/search.json?query=createDT:2024&per_page=2&page=3');
		expect(paged.json.tickets).toMatchObject({
			count: '5',
			results: [{ ticketId: tickets.odd.id }],
		});
		expect((await get('/api/v1/tickets/search.json?query=x&per_page=1000')).status).toBe(200);
	});

	it.each([
		['', 'query is required, e.g. query=createDT:2024-03'],
		['?query=foo:1', 'unknown search field "foo"'],
		['?query=createDT:2024&sort_by=name', 'sort_by must be createDT, updateDT or ticketId'],
		['?query=createDT:2024&per_page=1001', 'per_page must not exceed 1000'],
	])('answers 400 to %s', async (query, message) => {
		const res = await get(`/api/v1/tickets/search.json${query}`);
		expect(res.status).toBe(400);
		expect(res.json.errmsg).toBe(message);
	});
});

describe('field definitions and templates', () => {
	it('ticket_fields.json lists the custom fields, ticket_fields2.json the system ones too', async () => {
		const custom = await get('/api/v1/tickets/ticket_fields.json');
		expect(custom.json.ticket_fields.map((f: { key: string }) => f.key)).toEqual([
			'field_12',
			'field_13',
			'field_14',
		]);
		expect(custom.json.ticket_fields[0]).toEqual({
			key: 'field_12',
			name: '服务方式',
			type: 'select',
			custom_field_options: [
				{ key: '4272477', value: '上门' },
				{ key: '4272478', value: '远程' },
			],
		});
		const all = await get('/api/v1/tickets/ticket_fields2.json');
		expect(all.json.ticket_fields.map((f: { key: string }) => f.key)).toEqual([
			'subject',
			'descript',
			'ticketType',
			'priorityLevel',
			'ticketStatus',
			'field_12',
			'field_13',
			'field_14',
		]);
	});

	it('lists the templates as the templates page samples them; one template, or [] for none', async () => {
		const list = await get('/api/v1/tickettemplates.json');
		expect(list.json.tickettemplates).toEqual([
			expect.objectContaining({ tId: '4', ticketTemplateName: '安装表', isReleased: '1' }),
			expect.objectContaining({ tId: '8', ticketTemplateName: '维修单', isReleased: '0' }),
		]);
		expect((await get('/api/v1/tickettemplates/8')).json.tickettemplate.tId).toBe('8');
		expect((await get('/api/v1/tickettemplates/9.json')).json).toEqual({ tickettemplate: [] });
	});
});
