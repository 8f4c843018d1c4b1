'use strict';
/*
 * Tickets (工单), their field definitions and templates (docs/api/bangwo8-helpdesk.md: Tickets,
 * Custom fields, Ticket templates). The admin account only (the tickets page's caller role).
 *
 * What the doc gives: the three lists with created_* / updated_* filters and created_order /
 * updated_order / status_order, default order by id ascending; GET tickets/{id}.json answers a
 * one-element array {"ticket": [{…}]}, tickets/{id}_v2.json a bare object with dropdown custom
 * fields as option ids; PUT tickets/{id}.json takes the GET's field names in {"ticket": {…}},
 * ticketReply.replyMsg being a reply; search answers {"tickets": {"count", "results"}}.
 * Our reading where the doc leaves it open:
 *   POST tickets.json answers the generic write answer {"status": "0", "message": "Insert ok",
 *     "data": false} without the new id (ticketCreateAnswer 'generic', the default); 'ticket'
 *     answers {"ticket": {…}}, 'id' puts {"ticketId"} in data, 'location' adds a Location header.
 *   subject and descript are required; custUserId must be a contact, servicerUserId and every
 *     ccUserIdList id an active agent, ticketTemplateId a template (0 = none); ticketType 0–4,
 *     priorityLevel 1–4, ticketStatus 1–6; custom_fields keys must be defined, a dropdown's value
 *     one of its options' text (v1): otherwise 400 100010 naming the field.
 *   PUT accepts the whole ticket (read-only fields such as createDT are ignored) or only some
 *     fields; a ticketId in the body must be the path's; custom_fields are merged by key.
 *   Search: query is space-separated field:value terms; createDT / updateDT match by prefix
 *     (2024-03), subject / descript by substring, the id fields exactly; a bare word matches
 *     subject or descript; other fields are a 400. sort_by createDT | updateDT | ticketId,
 *     sort_order asc | desc (default ticketId asc), per_page up to 1000; count is a string.
 *   An unknown ticket, company or contact id is 404 100044.
 */
const { badParam, fault, formatUtc8, listAnswer, one, readPaging } = require('./protocol');

const LIST_ORDERS = { status_order: 'ticketStatus' };
const TICKET_TYPES = new Set(['0', '1', '2', '3', '4']);
const PRIORITIES = new Set(['1', '2', '3', '4']);
const STATUSES = new Set(['1', '2', '3', '4', '5', '6']);
/** What PUT may change; everything else in a whole-ticket body is read-only and ignored. */
const WRITABLE = [
	'subject',
	'descript',
	'custUserId',
	'servicerUserId',
	'ccUserIdList',
	'ticketType',
	'priorityLevel',
	'ticketStatus',
	'ticketTemplateId',
	'tagList',
];
const SEARCH_EXACT = new Set([
	'ticketId',
	'ticketStatus',
	'priorityLevel',
	'ticketType',
	'ticketTemplateId',
	'custUserId',
	'servicerUserId',
]);
const SEARCH_SORT = { createDT: 'created_at', updateDT: 'updated_at', ticketId: 'ticketId' };

const routes = [
	[
		/^\/api\/v1\/tickets\.json$/,
		{ GET: ['listTickets', 'admin'], POST: ['createTicket', 'admin'] },
	],
	[/^\/api\/v1\/tickets\/search\.json$/, { GET: ['searchTickets', 'admin'] }],
	[/^\/api\/v1\/tickets\/ticket_fields(2?)\.json$/, { GET: ['listTicketFields', 'admin'] }],
	[
		/^\/api\/v1\/tickets\/(\d+)\.json$/,
		{ GET: ['getTicket', 'admin'], PUT: ['updateTicket', 'admin'] },
	],
	[/^\/api\/v1\/tickets\/(\d+)_v2\.json$/, { GET: ['getTicketV2', 'admin'] }],
	[/^\/api\/v1\/companies\/(\d+)\/tickets\.json$/, { GET: ['listCompanyTickets', 'admin'] }],
	[/^\/api\/v1\/users\/(\d+)\/tickets\.json$/, { GET: ['listContactTickets', 'admin'] }],
	[/^\/api\/v1\/tickettemplates\.json$/, { GET: ['listTicketTemplates', 'admin'] }],
	[/^\/api\/v1\/tickettemplates\/(\d+)(?:\.json)?$/, { GET: ['getTicketTemplate', 'admin'] }],
];

/** A positive integer id given as a number or a string of digits, as a string; else undefined. */
function idString(value) {
	if (typeof value === 'number' && Number.isSafeInteger(value) && value > 0) return String(value);
	if (typeof value === 'string' && /^\d+$/.test(value.trim())) return value.trim();
	return undefined;
}

/** An enum value given as a number or a string, as a string. */
function code(value) {
	return value === undefined || value === null ? undefined : String(value).trim();
}

const methods = {
	// ── test helpers ────────────────────────────────────────────────────────────────────────────
	/** A stored ticket (live object), or undefined. */
	ticketById(id) {
		return this.tickets.get(String(id));
	},

	/** The replies added to a ticket through PUT ticketReply, oldest first. */
	repliesOf(id) {
		return this.ticketById(id)?.replies ?? [];
	},

	/** Adds n tickets directly (no HTTP), created an hour apart from 2024-04-01 09:00; returns their ids. */
	seedTickets(n, overrides = {}) {
		const ids = [];
		const start = Date.UTC(2024, 3, 1, 1, 0, 0); // 09:00 UTC+8
		for (let i = 0; i < n; i++) {
			const at = formatUtc8(start + (this.tickets.size + i) * 3600 * 1000);
			const stored = this.storeTicket(
				{
					subject: `沙盒工单${this.nextTicketId}`,
					descript: '批量生成的工单。',
					custUserId: this.contacts[0].cId,
					servicerUserId: this.agents[0].sId,
					ticketStatus: String((i % 5) + 1),
					...overrides,
				},
				at,
			);
			ids.push(stored.ticketId);
		}
		return ids;
	},

	// ── views ───────────────────────────────────────────────────────────────────────────────────
	/** The v1 form: every documented field, dropdown custom fields as option text. */
	ticketView(ticket) {
		const { replies, created_at, updated_at, ...fields } = ticket;
		return {
			...fields,
			custom_fields: ticket.custom_fields.map((f) => ({ ...f })),
			createDT: created_at,
			updateDT: updated_at,
		};
	},

	/** The _v2 form: dropdown custom fields as option ids. */
	ticketViewV2(ticket) {
		const view = this.ticketView(ticket);
		view.custom_fields = view.custom_fields.map(({ key, value }) => {
			const field = this.ticketFields.find((f) => f.key === key);
			const option = field?.custom_field_options.find((o) => o.value === value);
			return { key, value: option ? option.key : value };
		});
		return view;
	},

	// ── endpoints ───────────────────────────────────────────────────────────────────────────────
	listTickets(record) {
		return this.ticketList(record, [...this.tickets.values()]);
	},

	listCompanyTickets(record, companyId) {
		if (!this.companies.some((c) => c.uId === companyId))
			return fault(404, '100044', `company ${companyId} does not exist`);
		const people = new Set(
			this.contacts.filter((c) => c.companyId === companyId).map((c) => c.cId),
		);
		return this.ticketList(
			record,
			[...this.tickets.values()].filter((t) => people.has(t.custUserId)),
		);
	},

	listContactTickets(record, contactId) {
		if (!this.contacts.some((c) => c.cId === contactId))
			return fault(404, '100044', `user ${contactId} does not exist`);
		return this.ticketList(
			record,
			[...this.tickets.values()].filter((t) => t.custUserId === contactId),
		);
	},

	ticketList(record, tickets) {
		return listAnswer(
			record,
			'tickets',
			tickets,
			(t) => t.ticketId,
			(t) => this.ticketView(t),
			{ orders: LIST_ORDERS, idAscending: true },
		);
	},

	getTicket(record, id) {
		const ticket = this.tickets.get(id);
		if (!ticket) return fault(404, '100044', `ticketId ${id} does not exist`);
		return { status: 200, json: { ticket: [this.ticketView(ticket)] } };
	},

	getTicketV2(record, id) {
		const ticket = this.tickets.get(id);
		if (!ticket) return fault(404, '100044', `ticketId ${id} does not exist`);
		return { status: 200, json: { ticket: this.ticketViewV2(ticket) } };
	},

	searchTickets(record) {
		const paging = readPaging(record.query, 1000);
		if (paging.error) return paging.error;
		const query = String(one(record.query.query) ?? '').trim();
		if (!query) return badParam('query is required, e.g. query=createDT:2024-03');
		const tests = [];
		for (const term of query.split(/\s+/)) {
			const colon = term.indexOf(':');
			if (colon < 0) {
				tests.push((t) => t.subject.includes(term) || t.descript.includes(term));
				continue;
			}
			const field = term.slice(0, colon);
			const value = term.slice(colon + 1);
			if (field === 'createDT') tests.push((t) => t.created_at.startsWith(value));
			else if (field === 'updateDT') tests.push((t) => t.updated_at.startsWith(value));
			else if (field === 'subject' || field === 'descript')
				tests.push((t) => t[field].includes(value));
			else if (SEARCH_EXACT.has(field)) tests.push((t) => String(t[field]) === value);
			else return badParam(`unknown search field "${field}"`);
		}
		const sortBy = String(one(record.query.sort_by) ?? 'ticketId');
		if (!(sortBy in SEARCH_SORT)) return badParam('sort_by must be createDT, updateDT or ticketId');
		const sortOrder = String(one(record.query.sort_order) ?? 'asc').toLowerCase();
		if (sortOrder !== 'asc' && sortOrder !== 'desc')
			return badParam('sort_order must be asc or desc');
		const key = SEARCH_SORT[sortBy];
		const dir = sortOrder === 'asc' ? 1 : -1;
		const byId = (a, b) => Number(a.ticketId) - Number(b.ticketId);
		const found = [...this.tickets.values()]
			.filter((t) => tests.every((test) => test(t)))
			.sort((a, b) =>
				key === 'ticketId'
					? dir * byId(a, b)
					: dir * (a[key] < b[key] ? -1 : a[key] > b[key] ? 1 : 0) || byId(a, b),
			);
		const { page, perPage } = paging;
		return {
			status: 200,
			json: {
				tickets: {
					count: String(found.length),
					results: found.slice((page - 1) * perPage, page * perPage).map((t) => this.ticketView(t)),
				},
			},
		};
	},

	createTicket(record) {
		const requestId = record.headers.requestid;
		if (typeof requestId === 'string' && this.requestIds.has(requestId))
			return this.requestIds.get(requestId);
		const input = record.body.ticket;
		if (!input || typeof input !== 'object' || Array.isArray(input))
			return badParam('ticket is required: send {"ticket": {...}}');
		for (const field of ['subject', 'descript']) {
			if (typeof input[field] !== 'string' || !input[field].trim())
				return badParam(`${field} is required`);
		}
		const checked = this.checkTicketFields(input);
		if (checked.error) return checked.error;
		const ticket = this.storeTicket(checked.fields, formatUtc8(this.clock()));
		if (checked.custom) this.mergeCustomFields(ticket, checked.custom);
		if (checked.reply) ticket.replies.push(this.reply(checked.reply, ticket));
		const generic = { status: '0', message: 'Insert ok', data: false };
		let answer;
		if (this.ticketCreateAnswer === 'ticket') {
			answer = { status: 200, json: { ticket: this.ticketView(ticket) } };
		} else if (this.ticketCreateAnswer === 'id') {
			answer = { status: 200, json: { ...generic, data: { ticketId: ticket.ticketId } } };
		} else if (this.ticketCreateAnswer === 'location') {
			const location = `http://${record.headers.host}/api/v1/tickets/${ticket.ticketId}.json`;
			answer = { status: 201, json: generic, headers: { Location: location } };
		} else {
			answer = { status: 200, json: generic };
		}
		if (typeof requestId === 'string') this.requestIds.set(requestId, answer);
		return answer;
	},

	updateTicket(record, id) {
		const ticket = this.tickets.get(id);
		if (!ticket) return fault(404, '100044', `ticketId ${id} does not exist`);
		const input = record.body.ticket;
		if (!input || typeof input !== 'object' || Array.isArray(input))
			return badParam('ticket is required: send {"ticket": {...}}');
		if (input.ticketId !== undefined && String(input.ticketId) !== id)
			return badParam('ticketId cannot be changed');
		for (const field of ['subject', 'descript']) {
			if (field in input && (typeof input[field] !== 'string' || !input[field].trim()))
				return badParam(`${field} must not be empty`);
		}
		const checked = this.checkTicketFields(input);
		if (checked.error) return checked.error;
		const known = WRITABLE.some((f) => f in checked.fields) || checked.custom || checked.reply;
		if (!known) return badParam('nothing to update');
		Object.assign(ticket, checked.fields);
		if (checked.custom) this.mergeCustomFields(ticket, checked.custom);
		if (checked.reply) ticket.replies.push(this.reply(checked.reply, ticket));
		ticket.updated_at = formatUtc8(this.clock());
		return { status: 200, json: { status: '0', message: 'Update ok', data: false } };
	},

	listTicketFields(record, all) {
		const custom = this.ticketFields.map((f) => ({
			...f,
			custom_field_options: f.custom_field_options.map((o) => ({ ...o })),
		}));
		if (!all) return { status: 200, json: { ticket_fields: custom } };
		const select = (key, name, values) => ({
			key,
			name,
			type: 'select',
			custom_field_options: Object.entries(values).map(([k, v]) => ({ key: k, value: v })),
		});
		const system = [
			{ key: 'subject', name: '标题', type: 'text', custom_field_options: [] },
			{ key: 'descript', name: '描述', type: 'textarea', custom_field_options: [] },
			select('ticketType', '工单类型', { 1: '问题', 2: '事务', 3: '故障', 4: '任务' }),
			select('priorityLevel', '优先级', { 1: '低', 2: '正常', 3: '高', 4: '紧急' }),
			select('ticketStatus', '工单状态', {
				1: '新建',
				2: '已开启',
				3: '待回应',
				4: '已解决',
				5: '已关闭',
			}),
		];
		return { status: 200, json: { ticket_fields: [...system, ...custom] } };
	},

	listTicketTemplates() {
		return { status: 200, json: { tickettemplates: this.ticketTemplates.map((t) => ({ ...t })) } };
	},

	getTicketTemplate(record, id) {
		const template = this.ticketTemplates.find((t) => t.tId === id);
		return { status: 200, json: { tickettemplate: template ? { ...template } : [] } };
	},

	// ── checks and storage ──────────────────────────────────────────────────────────────────────
	/**
	 * The writable fields of a create or update body, checked: { fields, custom, reply } or
	 * { error }. Only the fields present are returned.
	 */
	checkTicketFields(input) {
		const fields = {};
		for (const key of ['subject', 'descript', 'tagList']) {
			if (key in input) fields[key] = String(input[key]);
		}
		if (input.custUserId !== undefined && input.custUserId !== '' && input.custUserId !== '0') {
			const id = idString(input.custUserId);
			if (!id || !this.contacts.some((c) => c.cId === id))
				return {
					error: badParam(`custUserId ${JSON.stringify(input.custUserId)} is not a contact`),
				};
			fields.custUserId = id;
		}
		if (
			input.servicerUserId !== undefined &&
			input.servicerUserId !== '' &&
			input.servicerUserId !== '0'
		) {
			const id = idString(input.servicerUserId);
			if (!id || !this.activeAgent(id))
				return {
					error: badParam(
						`servicerUserId ${JSON.stringify(input.servicerUserId)} is not an active agent`,
					),
				};
			fields.servicerUserId = id;
		}
		if (input.ccUserIdList !== undefined && input.ccUserIdList !== '') {
			const ids = String(input.ccUserIdList).split(/[,，]/);
			for (const raw of ids) {
				const id = idString(raw);
				if (!id || !this.activeAgent(id))
					return { error: badParam(`ccUserIdList ${JSON.stringify(raw)} is not an active agent`) };
			}
			fields.ccUserIdList = ids.map((raw) => idString(raw)).join(',');
		}
		for (const [key, allowed] of [
			['ticketType', TICKET_TYPES],
			['priorityLevel', PRIORITIES],
			['ticketStatus', STATUSES],
		]) {
			if (input[key] === undefined) continue;
			const value = code(input[key]);
			if (!allowed.has(value))
				return {
					error: badParam(
						`${key} ${JSON.stringify(input[key])} is not one of ${[...allowed].join(', ')}`,
					),
				};
			fields[key] = value;
		}
		if (input.ticketTemplateId !== undefined) {
			const value = code(input.ticketTemplateId);
			if (value !== '0' && value !== '' && !this.ticketTemplates.some((t) => t.tId === value))
				return {
					error: badParam(
						`ticketTemplateId ${JSON.stringify(input.ticketTemplateId)} is not a template`,
					),
				};
			fields.ticketTemplateId = value || '0';
		}
		let custom;
		if (input.custom_fields !== undefined) {
			if (!Array.isArray(input.custom_fields))
				return { error: badParam('custom_fields must be an array of {key, value}') };
			custom = [];
			for (const entry of input.custom_fields) {
				const key = entry && typeof entry === 'object' ? String(entry.key ?? '') : '';
				const field = this.ticketFields.find((f) => f.key === key);
				if (!field) return { error: badParam(`custom field ${key || '(no key)'} does not exist`) };
				const value = entry.value === undefined || entry.value === null ? '' : String(entry.value);
				if (field.type === 'select' && value !== '') {
					const texts = field.custom_field_options.map((o) => o.value);
					if (!texts.includes(value))
						return {
							error: badParam(
								`custom field ${key} (${field.name}): ${JSON.stringify(value)} is not one of ${texts.join(', ')}`,
							),
						};
				}
				custom.push({ key, value });
			}
		}
		let reply;
		if (input.ticketReply !== undefined) {
			const msg = input.ticketReply && input.ticketReply.replyMsg;
			if (typeof msg !== 'string' || !msg.trim())
				return { error: badParam('ticketReply.replyMsg must be a non-empty string') };
			reply = msg;
		}
		return { fields, custom, reply };
	},

	mergeCustomFields(ticket, entries) {
		for (const { key, value } of entries) {
			const existing = ticket.custom_fields.find((f) => f.key === key);
			if (existing) existing.value = value;
			else ticket.custom_fields.push({ key, value });
		}
	},

	reply(replyMsg, ticket) {
		return { replyMsg, servicerUserId: ticket.servicerUserId, createDT: formatUtc8(this.clock()) };
	},

	/** Stores a ticket with defaults for what was not given; `at` is its created time (UTC+8). */
	storeTicket(fields, at) {
		const ticketId = String(this.nextTicketId++);
		const ticket = {
			ticketId,
			subject: '',
			descript: '',
			custUserId: '0',
			servicerUserId: '0',
			servicerGroupId: '0',
			ccUserIdList: '',
			ccGroupIdList: '',
			ticketType: '0',
			priorityLevel: '2',
			ticketStatus: '1',
			tagList: '',
			ticketTemplateId: '0',
			createrId: this.agents[0].sId,
			createrType: '0',
			ticketSource: '1',
			isDeleted: '0',
			custom_fields: [],
			...fields,
			created_at: at,
			updated_at: at,
			replies: [],
		};
		this.tickets.set(ticketId, ticket);
		return ticket;
	},
};

module.exports = { routes, methods };
