// Every error class: HTTP errors and error bodies become NodeApiErrors with the vendor's message
// and a hint; bad input stops before any request naming the item and the field; Continue On
// Fail and item linking for every operation; secrets never appear in errors.
import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { Bangwo8Sandbox, SANDBOX_ADMIN, SANDBOX_AGENT } from '../sandbox/bangwo8';
import { AUTH_CASES, failure, run, type CaughtError } from './helpers';
import { SEED } from '../sandbox/bangwo8';

const [BASIC, OAUTH2] = AUTH_CASES;

// The answer check alone: the node's own retries of transient failures are tested in faults.test.ts.
const noRetries = { retryTransientFailures: false };
const getMany: INodeParameters = {
	resource: 'callTask',
	operation: 'getAll',
	limit: 10,
	requestOptions: noRetries,
};
const rl = (value: string) => ({ __rl: true, mode: 'id', value });

describe('Bangwo8 errors', () => {
	const sandbox = new Bangwo8Sandbox();
	let baseUrl: string;
	beforeAll(async () => {
		baseUrl = await sandbox.start();
	});
	afterAll(async () => sandbox.stop());
	beforeEach(() => sandbox.reset());

	describe('answers from Bangwo8', () => {
		it('401 wrong password: the vendor message, a hint about the admin account, no password', async () => {
			const error = await failure(
				run(
					{
						...BASIC,
						credentials: (url) => ({
							bangwo8Api: {
								account: SANDBOX_ADMIN.account,
								password: 'not-the-password-42',
								baseUrl: url,
							},
						}),
					},
					baseUrl,
					getMany,
				),
			);
			expect(error.constructor.name).toBe('NodeApiError');
			expect(error.message).toBe(
				"Bangwo8: Couldn't authenticate you: wrong account or password (HTTP 401, errcode 100001)",
			);
			expect(error.httpCode).toBe('401');
			expect(error.description).toMatch(/main \(admin\) account .* password/);
			expect(JSON.stringify(error)).not.toContain('not-the-password-42');
			expect(`${error.message} ${error.description}`).not.toContain('not-the-password-42');
		});

		it('403 for an agent account: says the call task API needs the admin', async () => {
			const error = await failure(
				run(
					{ ...BASIC, credentials: (url) => ({ bangwo8Api: { ...SANDBOX_AGENT, baseUrl: url } }) },
					baseUrl,
					getMany,
				),
			);
			expect(error.message).toBe(
				'Bangwo8: Permission denied: the callTask API needs the admin account (HTTP 403, errcode 100003)',
			);
			expect(error.httpCode).toBe('403');
			expect(error.description).toMatch(/not the main \(admin\) account/);
			expect(JSON.stringify(error)).not.toContain(SANDBOX_AGENT.password);
		});

		it.each(AUTH_CASES)('404 for an unknown call task on Get ($name)', async (auth) => {
			const error = await failure(
				run(auth, baseUrl, { resource: 'callTask', operation: 'get', callTaskId: rl('123') }),
			);
			expect(error.message).toBe(
				'Bangwo8: callTaskId 123 does not exist (HTTP 404, errcode 100044)',
			);
			expect(error.httpCode).toBe('404');
			expect(error.description).toMatch(/call task id/);
		});

		it.each([
			[200, 'HTTP 200'],
			[403, 'HTTP 403'],
		])(
			'Delete of an unknown id: {"Status": "403", message} (sent with %s) is an error',
			async (status) => {
				sandbox.deleteMissingStatus = status;
				const error = await failure(
					run(BASIC, baseUrl, { resource: 'callTask', operation: 'delete', callTaskId: rl('777') }),
				);
				expect(error.constructor.name).toBe('NodeApiError');
				expect(error.message).toBe('Bangwo8: callTaskId does not exist (HTTP 403)');
				expect(error.httpCode).toBe('403');
				expect(error.description).toMatch(/does not exist/);
			},
		);

		it('a {Status, message} body with HTTP 200 on a list is an error', async () => {
			sandbox.answerNext('GET /api/v1/callTask.json', {
				body: { Status: '500', message: 'internal' },
			});
			const error = await failure(run(BASIC, baseUrl, getMany));
			expect(error.message).toBe('Bangwo8: internal (HTTP 500)');
		});

		it('an {errcode, errmsg} body with HTTP 200 is an error', async () => {
			sandbox.answerNext('GET /api/v1/supports.json', {
				body: { errcode: '100047', errmsg: 'Invalid resource URI' },
			});
			const error = await failure(
				run(BASIC, baseUrl, { resource: 'agent', operation: 'getAll', limit: 1 }),
			);
			expect(error.message).toBe('Bangwo8: Invalid resource URI (HTTP 400, errcode 100047)');
		});

		it.each(AUTH_CASES)('429 asks to wait and use Retry On Fail ($name)', async (auth) => {
			sandbox.answerNext('GET /api/v1/callTask.json', {
				status: 429,
				headers: { 'Retry-After': '1' },
				body: { errcode: '100429', errmsg: 'Too many requests' },
			});
			const error = await failure(run(auth, baseUrl, getMany));
			expect(error.message).toBe('Bangwo8: Too many requests (HTTP 429, errcode 100429)');
			expect(error.httpCode).toBe('429');
			expect(error.description).toMatch(/Retry On Fail/);
		});

		it.each(AUTH_CASES)(
			'503 maintenance says to try later with Retry On Fail ($name)',
			async (auth) => {
				sandbox.fail({ path: /callTask/, failure: { kind: 'http', status: 503 } });
				const error = await failure(
					run(auth, baseUrl, {
						resource: 'callTask',
						operation: 'getCustomers',
						callTaskId: rl('1'),
						limit: 1,
						requestOptions: noRetries,
					}),
				);
				expect(error.message).toBe('Bangwo8: Service under maintenance (HTTP 503, errcode 100503)');
				expect(error.description).toMatch(/maintenance.*Retry On Fail/);
			},
		);

		it('500 and an HTML error page', async () => {
			sandbox.fail({ path: '/api/v1/callTask.json', failure: { kind: 'http', status: 500 } });
			let error = await failure(run(BASIC, baseUrl, getMany));
			expect(error.message).toBe('Bangwo8: Internal Server Error (HTTP 500, errcode 100500)');
			expect(error.description).toMatch(/Retry On Fail/);
			sandbox.fail({ path: '/api/v1/callTask.json', failure: { kind: 'html', status: 502 } });
			error = await failure(run(BASIC, baseUrl, getMany));
			expect(error.httpCode).toBe('502');
			expect(error.message).toBe('Bangwo8 answered HTTP 502 with an HTML page instead of JSON');
			expect(error.description).toMatch(/The answer began: "502 Bad Gateway/);
			expect(error.description).not.toMatch(/<html>/);
		});

		it('a 200 answer that is not JSON', async () => {
			sandbox.fail({ path: '/api/v1/callTask.json', failure: { kind: 'malformed' } });
			const error = await failure(run(BASIC, baseUrl, getMany));
			expect(error.message).toBe('Bangwo8 answered HTTP 200 with a body that is not valid JSON');
			expect(error.description).toMatch(/The answer began: "/);
			expect(error.description).toMatch(/Base URL/);
		});

		it('a 400 from Create carries the vendor message', async () => {
			const error = await failure(
				run(BASIC, baseUrl, {
					resource: 'callTask',
					operation: 'create',
					taskName: 'x',
					taskStart: '2024-05-20',
					taskEnd: '2024-05-21',
					agentIds: [SEED.agent.deleted.id],
					dataSource: '1',
					contactIds: [SEED.contact.zhao.id],
				}),
			);
			expect(error.message).toBe(
				`Bangwo8: task_service "${SEED.agent.deleted.id}" is not an active agent (HTTP 400, errcode 100010)`,
			);
			expect(error.description).toMatch(/parameter/);
		});
	});

	describe('bad input stops before any request, naming the item and the field', () => {
		const ticket = (overrides: INodeParameters): INodeParameters => ({
			resource: 'ticket',
			operation: 'create',
			subject: '回电',
			description: '客户要求回电',
			...overrides,
		});
		const create = (overrides: INodeParameters): INodeParameters => ({
			resource: 'callTask',
			operation: 'create',
			taskName: '五月回访',
			taskStart: '2024-05-20',
			taskEnd: '2024-05-23',
			agentIds: [SEED.agent.admin.id],
			dataSource: '1',
			contactIds: [SEED.contact.zhao.id],
			...overrides,
		});
		it.each([
			[
				'an empty Task Name',
				create({ taskName: '  ' }),
				'Item 0: "Task Name" — the call task needs a name',
			],
			[
				'a malformed Task Start',
				create({ taskStart: 'next monday' }),
				'Item 0: "Task Start" — "next monday" is not a date',
			],
			[
				'an impossible date',
				create({ taskEnd: '2024-02-30' }),
				'Item 0: "Task End" — "2024-02-30" is not a date',
			],
			[
				'an empty Task End',
				create({ taskEnd: '' }),
				'Item 0: "Task End" — the call task needs an end date',
			],
			[
				'an end before the start',
				create({ taskStart: '2024-05-20 10:00', taskEnd: '2024-05-19' }),
				'Item 0: "Task End" — 2024-05-19 is before "Task Start" (2024-05-20 10:00:00)',
			],
			[
				'no contacts',
				create({ contactIds: [] }),
				'Item 0: "Contacts" — the call task needs at least one customer',
			],
			[
				'a contact that is not an id',
				create({ contactIds: `={{ ["${SEED.contact.zhao.id}", "abc"] }}` }),
				'Item 0: "Contacts" — not IDs: abc',
			],
			[
				'no agents',
				create({ agentIds: [] }),
				'Item 0: "Agents" — the call task needs at least one agent',
			],
			[
				'a bad data source',
				create({ dataSource: '={{ "2" }}' }),
				'Item 0: "Data Source" — "2" is neither "0" (Company) nor "1" (Contact)',
			],
			[
				'a call task id that is not a number',
				{ resource: 'callTask', operation: 'get', callTaskId: rl('12a') },
				'Item 0: "Call Task" — "12a" is not a call task ID',
			],
			[
				'an empty call task id',
				{ resource: 'callTask', operation: 'delete', callTaskId: rl('') },
				'Item 0: "Call Task" — no call task given',
			],
			[
				'a malformed filter date',
				{ ...getMany, filters: { createdStart: 'yesterday' } },
				'Item 0: "Created After" — "yesterday" is not a date',
			],
			[
				'a filter range ending before it starts',
				{
					resource: 'contact',
					operation: 'getAll',
					limit: 5,
					filters: { updatedStart: '2024-03-02', updatedEnd: '2024-03-01' },
				},
				'Item 0: "Updated Before" — 2024-03-01 is before "Updated After" (2024-03-02)',
			],
			[
				'a status order outside tickets',
				{ ...getMany, filters: { order: 'status_order:asc' } },
				'Item 0: "Sort" — sorting by status is documented for tickets only',
			],
			[
				"both a contact's and a company's tickets",
				{
					resource: 'ticket',
					operation: 'getAll',
					contactId: rl(SEED.contact.zhao.id),
					companyId: rl(SEED.company.testCo.id),
				},
				'Item 0: "Company" — a Contact and a Company are both given',
			],
			[
				'a ticket id that is not a number',
				{ resource: 'ticket', operation: 'get', ticketId: rl('12a') },
				'Item 0: "Ticket" — "12a" is not a ticket ID',
			],
			[
				'an empty search',
				{ resource: 'ticket', operation: 'search', searchQuery: '  ' },
				'Item 0: "Query" — no search terms given',
			],
			[
				'a ticket without subject',
				ticket({ subject: ' ' }),
				'Item 0: "Subject" — the ticket needs a subject',
			],
			[
				'a ticket without description',
				ticket({ description: '' }),
				'Item 0: "Description" — the ticket needs a description',
			],
			[
				'a ticket contact that is not an id',
				ticket({ contactId: rl('zhao') }),
				'Item 0: "Contact" — "zhao" is not a contact ID',
			],
			[
				'a custom field given twice',
				ticket({
					ticketFields: {
						customFields: {
							field: [
								{ key: 'field_12', value: '上门' },
								{ key: 'field_12', value: '远程' },
							],
						},
					},
				}),
				'Item 0: "Custom Fields" — field_12 is given twice',
			],
			[
				'a custom field without its field',
				ticket({ ticketFields: { customFields: { field: [{ key: '', value: 'x' }] } } }),
				'Item 0: "Custom Fields" — every custom field needs a field chosen',
			],
			[
				'a status code from an expression that is not one',
				ticket({ ticketFields: { ticketStatus: '={{ "9" }}' } }),
				'Item 0: "Status" — "9" is not one of 1 New (新建), 2 Open (已开启), 3 Awaiting Reply (待回应), 4 Solved (已解决), 5 Closed (已关闭)',
			],
			[
				'a ticket update with nothing to change',
				{ resource: 'ticket', operation: 'update', ticketId: rl(SEED.ticket.printer.id) },
				'Item 0: "Ticket Fields" — nothing to update',
			],
			[
				'an update emptying the subject',
				{
					resource: 'ticket',
					operation: 'update',
					ticketId: rl(SEED.ticket.printer.id),
					ticketFields: { subject: ' ' },
				},
				'Item 0: "Subject" — an empty subject is not allowed',
			],
			[
				'an empty reply',
				{
					resource: 'ticket',
					operation: 'addReply',
					ticketId: rl(SEED.ticket.printer.id),
					replyMsg: ' ',
				},
				'Item 0: "Reply" — the reply is empty',
			],
			[
				'a contact without mobile or landline',
				{ resource: 'contact', operation: 'create', contactName: '张三' },
				'Item 0: "Mobile" — the contact needs a mobile or a landline number',
			],
			[
				'a mobile that is not one',
				{ resource: 'contact', operation: 'create', mobile: '12345' },
				'Item 0: "Mobile" — "12345" is not a mainland mobile number',
			],
			[
				'a landline that is not one',
				{ resource: 'contact', operation: 'create', fixnumber: 'call me' },
				'Item 0: "Landline" — "call me" is not a landline number',
			],
			[
				'an email that is not one',
				{
					resource: 'contact',
					operation: 'create',
					mobile: '13700000001',
					contactFields: { email: 'no-at-sign' },
				},
				'Item 0: "Email" — "no-at-sign" is not an email address',
			],
			[
				'a contact update with nothing to change',
				{ resource: 'contact', operation: 'update', contactId: rl(SEED.contact.zhao.id) },
				'Item 0: "Contact Fields" — nothing to update',
			],
			[
				'an empty company',
				{ resource: 'company', operation: 'get', companyId: rl('') },
				'Item 0: "Company" — no company given',
			],
			[
				'an agent id that is not a number',
				{ resource: 'agent', operation: 'get', agentId: rl('wang') },
				'Item 0: "Agent" — "wang" is not an agent ID',
			],
		])('%s', async (_name, parameters, message) => {
			const error = await failure(run(BASIC, baseUrl, parameters));
			expect(error.message).toBe(message);
			expect(error.context?.itemIndex).toBe(0);
			expect(sandbox.requests).toHaveLength(0);

			sandbox.clearRequests();
			const out = await run(OAUTH2, baseUrl, parameters, { continueOnFail: true });
			expect(out).toHaveLength(1);
			expect(out[0].json).toEqual({});
			expect(out[0].error?.constructor.name).toBe('NodeOperationError');
			expect(out[0].error?.message).toBe(message);
			expect((out[0].error as unknown as CaughtError).context?.itemIndex).toBe(0);
			expect(sandbox.requests).toHaveLength(0);
		});

		it('the description says what to fix and that nothing was sent', async () => {
			const bad = await failure(
				run(BASIC, baseUrl, { resource: 'callTask', operation: 'get', callTaskId: rl(' 12a ') }),
			);
			expect(bad.description).toBe(
				'A call task ID is a number such as 49242970. Pick the task from the list or map its callTaskId. Nothing was sent to Bangwo8 for this item.',
			);
			const empty = await failure(
				run(BASIC, baseUrl, {
					resource: 'callTask',
					operation: 'getCustomers',
					callTaskId: rl(''),
				}),
			);
			expect(empty.message).toBe('Item 0: "Call Task" — no call task given');
			expect(empty.description).toBe(
				'Fix "Call Task" for input item 0. Nothing was sent to Bangwo8 for this item.',
			);
			expect(sandbox.requests).toHaveLength(0);
		});
	});

	describe('vendor errors of the help-desk operations', () => {
		it('a 400 from Ticket → Create carries the vendor message; it is not sent twice', async () => {
			const error = await failure(
				run(BASIC, baseUrl, {
					resource: 'ticket',
					operation: 'create',
					subject: '回电',
					description: 'x',
					ticketFields: { customFields: { field: [{ key: 'field_12', value: '电话' }] } },
				}),
			);
			expect(error.message).toBe(
				'Bangwo8: custom field field_12 (服务方式): "电话" is not one of 上门, 远程 (HTTP 400, errcode 100010)',
			);
			expect(error.description).toMatch(/parameter/);
			expect(sandbox.requestsTo('/api/v1/tickets.json', 'POST')).toHaveLength(1);
		});

		it("Contact → Create without a company in 2B mode passes Bangwo8's message on", async () => {
			const error = await failure(
				run(BASIC, baseUrl, { resource: 'contact', operation: 'create', mobile: '13700000001' }),
			);
			expect(error.message).toBe(
				'Bangwo8: companyId is required (2B mode: every contact belongs to a company) (HTTP 400, errcode 100010)',
			);
		});

		it('the agent account gets 403 on tickets, with the admin hint', async () => {
			const error = await failure(
				run(
					{ ...BASIC, credentials: (url) => ({ bangwo8Api: { ...SANDBOX_AGENT, baseUrl: url } }) },
					baseUrl,
					{ resource: 'ticket', operation: 'getAll', limit: 1 },
				),
			);
			expect(error.message).toBe(
				'Bangwo8: Permission denied: the tickets API needs the admin account (HTTP 403, errcode 100003)',
			);
			expect(error.description).toMatch(/call task and ticket APIs need the admin role/);
		});

		it.each(AUTH_CASES)(
			'Update of an unknown ticket fails on the read, naming the item, and writes nothing ($name)',
			async (auth) => {
				const error = await failure(
					run(auth, baseUrl, {
						resource: 'ticket',
						operation: 'update',
						ticketId: rl('123'),
						ticketFields: { ticketStatus: '4' },
					}),
				);
				expect(error.message).toBe(
					'Bangwo8: ticketId 123 does not exist (HTTP 404, errcode 100044)',
				);
				expect(error.context?.itemIndex).toBe(0);
				expect(sandbox.requests.filter((r) => r.method === 'PUT')).toHaveLength(0);
			},
		);

		it('a list body with bare backslashes (seen on live answers) is repaired, not refused', async () => {
			sandbox.answerNext('GET /api/v1/companies.json', {
				body: '{"companies":[{"uId":"1","companyName":"C:\\data\\共享","note":"a\\"b"}],"count":1,"next_page":null}',
			});
			const out = await run(BASIC, baseUrl, { resource: 'company', operation: 'getAll', limit: 5 });
			expect(out.map((i) => i.json)).toEqual([
				{ uId: '1', companyName: 'C:\\data\\共享', note: 'a"b' },
			]);
		});
	});

	describe('Continue On Fail and item linking for every operation', () => {
		const errorOf = (item: INodeExecutionData) => item.error as unknown as CaughtError;

		it.each(AUTH_CASES)(
			'Call Task: Get Many, Get, Create, Delete, Get Customers ($name)',
			async (auth) => {
				const [a, b] = sandbox.seedCallTasks(2);
				const cases: Array<[INodeParameters, IDataObject[], string]> = [
					[
						{
							resource: 'callTask',
							operation: 'getAll',
							limit: 1,
							filters: { createdStart: '={{ $json.from }}' },
						},
						[{ from: '2024-01-01' }, { from: 'not a date' }],
						'Item 1: "Created After" — "not a date" is not a date',
					],
					[
						{ resource: 'callTask', operation: 'get', callTaskId: rl('={{ $json.id }}') },
						[{ id: a }, { id: '999' }],
						'Bangwo8: callTaskId 999 does not exist (HTTP 404, errcode 100044)',
					],
					[
						{
							resource: 'callTask',
							operation: 'create',
							taskName: 't',
							taskStart: '2024-05-20',
							taskEnd: '={{ $json.end }}',
							agentIds: [SEED.agent.admin.id],
							dataSource: '1',
							contactIds: [SEED.contact.zhao.id],
						},
						[{ end: '2024-05-21' }, { end: '2024-05-01' }],
						'Item 1: "Task End" — 2024-05-01 is before "Task Start" (2024-05-20)',
					],
					[
						{
							resource: 'callTask',
							operation: 'getCustomers',
							callTaskId: rl('={{ $json.id }}'),
							returnAll: true,
						},
						[{ id: b }, { id: '998' }],
						'Bangwo8: callTaskId 998 does not exist (HTTP 404, errcode 100044)',
					],
					[
						{ resource: 'callTask', operation: 'delete', callTaskId: rl('={{ $json.id }}') },
						[{ id: a }, { id: '997' }],
						'Bangwo8: callTaskId does not exist (HTTP 403)',
					],
				];
				for (const [parameters, items, message] of cases) {
					const out = await run(auth, baseUrl, parameters, { items, continueOnFail: true });
					const ok = out.filter((item) => !item.error);
					const failed = out.filter((item) => item.error);
					expect(ok.length).toBeGreaterThan(0);
					for (const item of ok) expect(item.pairedItem).toEqual({ item: 0 });
					expect(failed).toHaveLength(1);
					expect(failed[0].json).toEqual({});
					expect(failed[0].error?.message).toBe(message);
					expect(errorOf(failed[0]).context?.itemIndex).toBe(1);
				}
			},
		);

		it.each(AUTH_CASES)('Agent and Contact: Get Many ($name)', async (auth) => {
			for (const resource of ['agent', 'contact']) {
				const out = await run(
					auth,
					baseUrl,
					{ resource, operation: 'getAll', limit: 2, filters: { createdEnd: '={{ $json.to }}' } },
					{
						items: [{ to: '2024-12-31' }, { to: '31/12/2024' }, { to: '2024-12-31' }],
						continueOnFail: true,
					},
				);
				expect(
					out.map((item) => (item.error ? 'error' : (item.pairedItem as { item: number }).item)),
				).toEqual([0, 0, 'error', 2, 2]);
				expect(errorOf(out[2]).context?.itemIndex).toBe(1);
			}
		});

		it.each(AUTH_CASES)('Ticket, Company, Contact and Agent operations ($name)', async (auth) => {
			const cases: Array<[INodeParameters, IDataObject[], string]> = [
				[
					{
						resource: 'ticket',
						operation: 'getAll',
						limit: 1,
						contactId: rl('={{ $json.id }}'),
					},
					[{ id: SEED.contact.zhao.id }, { id: '1' }],
					'Bangwo8: user 1 does not exist (HTTP 404, errcode 100044)',
				],
				[
					{ resource: 'ticket', operation: 'search', searchQuery: '={{ $json.q }}', limit: 1 },
					[{ q: 'createDT:2024' }, { q: 'nope:1' }],
					'Bangwo8: unknown search field "nope" (HTTP 400, errcode 100010)',
				],
				[
					{ resource: 'ticket', operation: 'get', ticketId: rl('={{ $json.id }}') },
					[{ id: SEED.ticket.printer.id }, { id: '2' }],
					'Bangwo8: ticketId 2 does not exist (HTTP 404, errcode 100044)',
				],
				[
					{
						resource: 'ticket',
						operation: 'create',
						subject: '={{ $json.s }}',
						description: 'x',
					},
					[{ s: '回电' }, { s: '' }],
					'Item 1: "Subject" — the ticket needs a subject',
				],
				[
					{
						resource: 'ticket',
						operation: 'update',
						ticketId: rl('={{ $json.id }}'),
						ticketFields: { ticketStatus: '2' },
					},
					[{ id: SEED.ticket.printer.id }, { id: '3' }],
					'Bangwo8: ticketId 3 does not exist (HTTP 404, errcode 100044)',
				],
				[
					{
						resource: 'ticket',
						operation: 'addReply',
						ticketId: rl(SEED.ticket.callback.id),
						replyMsg: '={{ $json.r }}',
					},
					[{ r: '好的' }, { r: '' }],
					'Item 1: "Reply" — the reply is empty',
				],
				[
					{
						resource: 'company',
						operation: 'getAll',
						limit: 1,
						filters: { createdEnd: '={{ $json.d }}' },
					},
					[{ d: '2030-01-01' }, { d: 'soon' }],
					'Item 1: "Created Before" — "soon" is not a date',
				],
				[
					{ resource: 'company', operation: 'get', companyId: rl('={{ $json.id }}') },
					[{ id: SEED.company.testCo.id }, { id: '4' }],
					'Bangwo8: company 4 does not exist (HTTP 404, errcode 100044)',
				],
				[
					{ resource: 'contact', operation: 'get', contactId: rl('={{ $json.id }}') },
					[{ id: SEED.contact.zhao.id }, { id: '5' }],
					'Bangwo8: user 5 does not exist (HTTP 404, errcode 100044)',
				],
				[
					{
						resource: 'contact',
						operation: 'create',
						mobile: '={{ $json.m }}',
						companyId: rl(SEED.company.testCo.id),
					},
					[{ m: '13700000009' }, { m: SEED.contact.zhao.mobile }],
					`Bangwo8: mobile ${SEED.contact.zhao.mobile} already belongs to another contact (HTTP 400, errcode 100010)`,
				],
				[
					{
						resource: 'contact',
						operation: 'update',
						contactId: rl('={{ $json.id }}'),
						contactName: 'x',
					},
					[{ id: SEED.contact.sun.id }, { id: '6' }],
					'Bangwo8: user 6 does not exist (HTTP 404, errcode 100044)',
				],
				[
					{ resource: 'agent', operation: 'get', agentId: rl('={{ $json.id }}') },
					[{ id: SEED.agent.zhang.id }, { id: '7' }],
					'Bangwo8: support 7 does not exist (HTTP 404, errcode 100044)',
				],
			];
			for (const [parameters, items, message] of cases) {
				const out = await run(auth, baseUrl, parameters, { items, continueOnFail: true });
				const ok = out.filter((item) => !item.error);
				const failed = out.filter((item) => item.error);
				expect([parameters.operation, ok.length > 0]).toEqual([parameters.operation, true]);
				for (const item of ok) expect(item.pairedItem).toEqual({ item: 0 });
				expect(failed).toHaveLength(1);
				expect(failed[0].json).toEqual({});
				expect(failed[0].error?.message).toBe(message);
				expect(errorOf(failed[0]).context?.itemIndex).toBe(1);
			}
		});

		it('without Continue On Fail the error names the failing item', async () => {
			sandbox.seedCallTasks(1);
			const error = await failure(
				run(
					BASIC,
					baseUrl,
					{ resource: 'callTask', operation: 'get', callTaskId: rl('={{ $json.id }}') },
					{
						items: [{ id: SEED.callTask.firstId }, { id: '5' }],
					},
				),
			);
			expect(error.message).toBe('Bangwo8: callTaskId 5 does not exist (HTTP 404, errcode 100044)');
			expect(error.context?.itemIndex).toBe(1);
		});
	});
});
