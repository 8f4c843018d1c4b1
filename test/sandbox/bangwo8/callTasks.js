'use strict';
/*
 * Call tasks (外呼任务): list, detail, create, delete and the customer list (userList)
 * (docs/api/bangwo8.md: Call tasks). The admin account only: the agent account gets 403.
 * Our reading where the doc leaves it open:
 * POST: task_service ids must be active agents (else 400 naming the id; repeats are dropped);
 *   task_user ids that are unknown, inactive (contact state ≠ "1"), not digits, or repeated are echoed in
 *   illegalCount as given; with no legal id at all the answer is still 200 (successCount 0, data []) and no task
 *   is stored. A repeated Requestid header replays the first answer without creating again.
 * Detail: task_service is the task's agent ids joined with ","; connectCount = completeCount (done rows).
 * userList: count is a string; progress by row position i (i % 10):
 *   待处理 待处理 "-1" 待处理 0 待处理 1 未接听 待处理 已完成 — the vendor mixes documented numbers with
 *   the Chinese text its example shows. Done (completeCount/connectCount): 1, "1", "已完成".
 * complete = 已完成 when every row is done, else 逾期未完成 when now (UTC+8) is past task_end (end of
 *   day for a bare date), else 进行中.
 */
const {
	badParam,
	fault,
	formatUtc8,
	listAnswer,
	pageUrl,
	parseDate,
	rangeEnd,
	rangeStart,
	readPaging,
} = require('./protocol');
const { SEED } = require('./seed');

const DAY_MS = 24 * 3600 * 1000;
const PROGRESS_PATTERN = [
	'待处理',
	'待处理',
	'-1',
	'待处理',
	0,
	'待处理',
	1,
	'未接听',
	'待处理',
	'已完成',
];
const DONE_PROGRESS = new Set(['1', '已完成']);

const routes = [
	[
		/^\/api\/v1\/[cC]allTask\.json$/,
		{ GET: ['listCallTasks', 'admin'], POST: ['createCallTask', 'admin'] },
	],
	[/^\/api\/v1\/[cC]allTask\/userList\/(\d+)\.json$/, { GET: ['listCustomers', 'admin'] }],
	[
		/^\/api\/v1\/[cC]allTask\/(\d+)\.json$/,
		{ GET: ['getCallTask', 'admin'], DELETE: ['deleteCallTask', 'admin'] },
	],
];

/** A task_user / task_service id: a positive integer number or a string of digits. */
function idString(value) {
	if (typeof value === 'number' && Number.isSafeInteger(value) && value > 0) return String(value);
	if (typeof value === 'string' && /^\d+$/.test(value.trim())) return value.trim();
	return undefined;
}

const methods = {
	// ── test helpers ────────────────────────────────────────────────────────────────────────────
	/** Creates n call tasks directly (no HTTP), created on consecutive days; returns their ids. */
	seedCallTasks(n, overrides = {}) {
		const ids = [];
		for (let i = 0; i < n; i++) {
			const k = this.seededCount++;
			const created = Date.UTC(2024, 0, 1, 1, 0, 0) + k * DAY_MS; // 09:00 UTC+8
			const day = formatUtc8(created).slice(0, 10);
			const spec = {
				task_name: `沙盒外呼任务${k + 1}`,
				task_start: day,
				task_end: formatUtc8(created + 7 * DAY_MS).slice(0, 10),
				...SEED.callTask.seeded,
				created_at: formatUtc8(created),
				updated_at: formatUtc8(created + 30 * 60 * 1000),
				...overrides,
			};
			const source = String(spec.data_source);
			const users = spec.task_user.map((u) => {
				const id = idString(u);
				if (!id || !this.customerExists(id, source))
					throw new Error(`seedCallTasks: no legal task_user ${u}`);
				return id;
			});
			const services = spec.task_service.map((s) => {
				const id = idString(s);
				if (!id || !this.activeAgent(id)) throw new Error(`seedCallTasks: no active agent ${s}`);
				return id;
			});
			const task = this.storeCallTask({ ...spec, data_source: source }, users, services);
			task.created_at = spec.created_at;
			task.updated_at = spec.updated_at;
			ids.push(task.callTaskId);
		}
		return ids;
	},

	/** The userList rows of a call task (live objects), or undefined for an unknown id. */
	customersOf(callTaskId) {
		return this.callTasks.get(String(callTaskId))?.customers;
	},

	/** Sets one customer's progress; userId is the task_user id (company or contact) it was added with. */
	setProgress(callTaskId, userId, value) {
		const row = this.customersOf(callTaskId)?.find((r) => r.userId === String(userId));
		if (!row) throw new Error(`setProgress: no customer ${userId} in call task ${callTaskId}`);
		row.progress = value;
		this.callTasks.get(String(callTaskId)).updated_at = formatUtc8(this.clock());
	},

	// ── endpoints ───────────────────────────────────────────────────────────────────────────────
	listCallTasks(record) {
		return listAnswer(
			record,
			'callTask',
			[...this.callTasks.values()],
			(t) => t.callTaskId,
			(t) => this.callTaskSummary(t),
		);
	},

	callTaskSummary(task) {
		return {
			callTaskId: task.callTaskId,
			task_name: task.task_name,
			task_start: task.task_start,
			task_end: task.task_end,
			complete: this.completeText(task),
			created_at: task.created_at,
			updated_at: task.updated_at,
		};
	},

	completeText(task) {
		const rows = task.customers;
		if (rows.length > 0 && rows.every((r) => DONE_PROGRESS.has(String(r.progress))))
			return '已完成';
		const end = rangeEnd(parseDate(task.task_end));
		return formatUtc8(this.clock()) > end ? '逾期未完成' : '进行中';
	},

	getCallTask(record, id) {
		const task = this.callTasks.get(id);
		if (!task) return fault(404, '100044', `callTaskId ${id} does not exist`);
		const done = task.customers.filter((r) => DONE_PROGRESS.has(String(r.progress))).length;
		const detail = {
			callTaskId: task.callTaskId,
			task_name: task.task_name,
			startime: task.task_start, // sic: the seed's detail example spells it this way
			task_end: task.task_end,
			complete: this.completeText(task),
			task_service: task.task_service.join(','),
			phoneCount: String(task.customers.length),
			completeCount: String(done),
			connectCount: String(done),
		};
		return { status: 200, json: { callTask: this.wrapDetailInArray ? [detail] : detail } };
	},

	deleteCallTask(record, id) {
		if (!this.callTasks.delete(id)) {
			return {
				status: this.deleteMissingStatus,
				json: { Status: '403', message: 'callTaskId does not exist' },
			};
		}
		return { status: 200, json: { Status: '200 OK', callTaskId: id } };
	},

	listCustomers(record, id) {
		const task = this.callTasks.get(id);
		if (!task) return fault(404, '100044', `callTaskId ${id} does not exist`);
		const paging = readPaging(record.query);
		if (paging.error) return paging.error;
		const { page, perPage } = paging;
		const rows = task.customers.slice((page - 1) * perPage, page * perPage);
		return {
			status: 200,
			json: {
				callTask: rows.map((r) => ({
					callTaskid: task.callTaskId, // sic: lower-case "id" in the seed's example
					userList: {
						cId: r.cId,
						uId: r.uId,
						userName: r.userName,
						companyName: r.companyName,
						phone: r.phone,
						progress: r.progress,
					},
				})),
				count: String(task.customers.length),
				previous_page: page > 1 ? pageUrl(record, page - 1) : '',
				next_page: page * perPage < task.customers.length ? pageUrl(record, page + 1) : '',
			},
		};
	},

	createCallTask(record) {
		const requestId = record.headers.requestid;
		if (typeof requestId === 'string' && this.requestIds.has(requestId))
			return this.requestIds.get(requestId);

		const input = record.body.callTask;
		if (!input || typeof input !== 'object' || Array.isArray(input)) {
			return badParam('callTask is required: send {"callTask": {...}}');
		}
		for (const field of [
			'task_name',
			'task_start',
			'task_end',
			'task_user',
			'task_service',
			'data_source',
		]) {
			const v = input[field];
			if (v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0)) {
				return badParam(`${field} is required`);
			}
		}
		if (typeof input.task_name !== 'string' || !input.task_name.trim())
			return badParam('task_name must be a string');
		const start = parseDate(input.task_start);
		if (!start) return badParam('task_start must be YYYY-MM-DD or YYYY-MM-DD HH:mm:ss');
		const end = parseDate(input.task_end);
		if (!end) return badParam('task_end must be YYYY-MM-DD or YYYY-MM-DD HH:mm:ss');
		if (rangeEnd(end) < rangeStart(start))
			return badParam('task_end must not be before task_start');
		const source = String(input.data_source);
		if (source !== '0' && source !== '1')
			return badParam('data_source must be "0" (company) or "1" (contact)');
		if (!Array.isArray(input.task_user)) return badParam('task_user must be an array of ids');
		if (!Array.isArray(input.task_service)) return badParam('task_service must be an array of ids');

		const services = [];
		for (const s of input.task_service) {
			const id = idString(s);
			if (!id || !this.activeAgent(id))
				return badParam(`task_service ${JSON.stringify(s)} is not an active agent`);
			if (!services.includes(id)) services.push(id);
		}
		// Unknown, inactive, malformed and repeated users are echoed back as illegal, not refused.
		const legal = [];
		const legalGiven = [];
		const illegal = [];
		for (const u of input.task_user) {
			const id = idString(u);
			if (id && this.customerExists(id, source) && !legal.includes(id)) {
				legal.push(id);
				legalGiven.push(u);
			} else {
				illegal.push(u);
			}
		}
		// Like a batch insert, nothing legal still answers 200 (successCount 0, data []) and stores no task.
		const task =
			legal.length > 0
				? this.storeCallTask({ ...input, data_source: source }, legal, services)
				: undefined;
		const data = (task ? services : [])
			.map((service, i) => ({
				callTaskId: task.callTaskId,
				task_user: legalGiven.filter((_, j) => j % services.length === i),
				task_service: service,
			}))
			.filter((d) => d.task_user.length > 0);
		const answer = {
			status: 200,
			json: {
				callTask: {
					task_name: input.task_name,
					task_start: input.task_start,
					task_end: input.task_end,
					sumCount: input.task_user.length,
					legalCount: legal.length,
					illegalCount: illegal, // sic: the seed's example puts the illegal ids here
					successCount: legal.length,
					failureCount: String(illegal.length),
					data,
				},
			},
		};
		if (typeof requestId === 'string') this.requestIds.set(requestId, answer);
		return answer;
	},

	// ── storage ─────────────────────────────────────────────────────────────────────────────────
	/** Stores a call task whose users (legal id strings) go round-robin over the agents. */
	storeCallTask(spec, users, services) {
		const callTaskId = String(this.nextCallTaskId++);
		const now = formatUtc8(this.clock());
		const customers = users.map((userId, i) => ({
			userId,
			agentId: services[i % services.length],
			...this.customerRow(userId, spec.data_source),
			progress: PROGRESS_PATTERN[i % PROGRESS_PATTERN.length],
		}));
		const task = {
			callTaskId,
			task_name: spec.task_name,
			task_start: spec.task_start,
			task_end: spec.task_end,
			data_source: spec.data_source,
			task_service: services,
			created_at: now,
			updated_at: now,
			customers,
		};
		this.callTasks.set(callTaskId, task);
		return task;
	},

	/** cId, uId, userName, companyName and phone of a company ("0") or contact ("1") id. */
	customerRow(userId, source) {
		const contactById = (id) => this.contacts.find((c) => c.cId === id);
		const companyById = (id) => this.companies.find((c) => c.uId === id);
		if (source === '0') {
			const company = companyById(userId);
			const person = contactById(company.primaryContactId);
			return {
				cId: person?.cId ?? '',
				uId: company.uId,
				userName: person?.name ?? '',
				companyName: company.companyName,
				phone: person?.mobile ?? '',
			};
		}
		const person = contactById(userId);
		const company = companyById(person.companyId);
		return {
			cId: person.cId,
			uId: person.companyId,
			userName: person.name,
			companyName: company?.companyName ?? '',
			phone: person.mobile,
		};
	},

	customerExists(id, source) {
		if (source === '0') return this.companies.some((c) => c.uId === id);
		return this.contacts.some((c) => c.cId === id && c.state === '1');
	},
};

module.exports = { routes, methods };
