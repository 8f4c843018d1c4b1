// What the node does when the network or Bangwo8 misbehaves (nodes/shared/requests.ts): the same
// guarantees as the Byrobot node, under both ways of authenticating.
import type { INodeParameters } from 'n8n-workflow';

import { Bangwo8Sandbox, SANDBOX_ADMIN, SEED } from '../sandbox/bangwo8';
import { AUTH_CASES, apiRequests, failure, run } from './helpers';
import { closedPort } from '../harness/network';

const [BASIC] = AUTH_CASES;

const rl = (value: string) => ({ __rl: true, mode: 'id', value });
const getTask = (id: string, extra: INodeParameters = {}): INodeParameters => ({
	resource: 'callTask',
	operation: 'get',
	callTaskId: rl(id),
	...extra,
});

describe('Bangwo8 faults', () => {
	const sandbox = new Bangwo8Sandbox();
	let baseUrl = '';
	beforeAll(async () => {
		baseUrl = await sandbox.start();
	});
	afterAll(async () => await sandbox.stop());
	beforeEach(() => sandbox.reset());

	it.each(AUTH_CASES)(
		'a vendor that never answers ends within the timeout with a hint ($name)',
		async (auth) => {
			const [id] = sandbox.seedCallTasks(1);
			sandbox.answerNext(`GET /api/v1/callTask/${id}.json`, { delayMs: 20_000, body: {} });
			const started = Date.now();
			const error = await failure(
				run(auth, baseUrl, getTask(id, { requestOptions: { timeout: 1000 } })),
			);
			expect(Date.now() - started).toBeLessThan(4000);
			expect(error.constructor.name).toBe('NodeApiError');
			expect(error.message).toBe('Bangwo8 did not answer within 1 s');
			expect(error.description).toMatch(/raise Request Options → Timeout/);
		},
	);

	it.each(AUTH_CASES)('a closed port names the Base URL, without secrets ($name)', async (auth) => {
		const port = await closedPort();
		const error = await failure(run(auth, `http://127.0.0.1:${port}`, getTask('1')));
		expect(error.constructor.name).toBe('NodeApiError');
		expect(error.message).toBe(`http://127.0.0.1:${port} refused the connection`);
		expect(error.description).toContain('the Base URL in the Bangwo8 credential');
		const dump = JSON.stringify({
			...error,
			message: error.message,
			description: error.description,
		});
		expect(dump).not.toContain(SANDBOX_ADMIN.password);
	});

	it('a reset connection is retried and the item succeeds', async () => {
		const [id] = sandbox.seedCallTasks(1);
		sandbox.answerNext(`GET /api/v1/callTask/${id}.json`, { drop: true });
		const out = await run(BASIC, baseUrl, getTask(id));
		expect(String(out[0].json.callTaskId)).toBe(id);
		expect(apiRequests(sandbox)).toHaveLength(2);
	});

	it.each(AUTH_CASES)(
		'Return All over 250 call tasks rides out a 503 on page 2: every task exactly once ($name)',
		async (auth) => {
			sandbox.seedCallTasks(250);
			sandbox.answerNext('GET /api/v1/callTask.json', { status: 503, body: 'busy' }, { skip: 1 });
			const out = await run(auth, baseUrl, {
				resource: 'callTask',
				operation: 'getAll',
				returnAll: true,
			});
			const ids = out.map((item) => String(item.json.id ?? item.json.callTaskId));
			expect(ids).toHaveLength(250);
			expect(new Set(ids).size).toBe(250);
		},
	);

	it('a 502 that persists stops after 4 attempts and says so', async () => {
		sandbox.answerNext(
			'GET /api/v1/callTask.json',
			{ status: 502, body: 'bad' },
			{ times: Infinity },
		);
		const error = await failure(
			run(BASIC, baseUrl, { resource: 'callTask', operation: 'getAll', limit: 5 }),
		);
		expect(error.message).toMatch(/^Bangwo8/);
		expect(error.description).toMatch(/\(4 attempts\)$/);
		expect(apiRequests(sandbox)).toHaveLength(4);
	});

	it.each(AUTH_CASES)(
		'Ticket → Update: a 503 on its read of the ticket is retried, then the ticket is written ($name)',
		async (auth) => {
			const id = SEED.ticket.printer.id;
			sandbox.answerNext(`GET /api/v1/tickets/${id}.json`, { status: 503, body: 'busy' });
			const out = await run(auth, baseUrl, {
				resource: 'ticket',
				operation: 'update',
				ticketId: rl(id),
				ticketFields: { ticketStatus: '4' },
			});
			expect(out[0].json.ticketStatus).toBe('4');
			expect(apiRequests(sandbox).map((r) => r.method)).toEqual(['GET', 'GET', 'PUT']);
		},
	);

	it("Ticket → Update's read honours Request Options → Timeout", async () => {
		const id = SEED.ticket.printer.id;
		sandbox.answerNext(`GET /api/v1/tickets/${id}.json`, { delayMs: 20_000, body: {} });
		const started = Date.now();
		const error = await failure(
			run(BASIC, baseUrl, {
				resource: 'ticket',
				operation: 'update',
				ticketId: rl(id),
				ticketFields: { ticketStatus: '4' },
				requestOptions: { timeout: 1000 },
			}),
		);
		expect(Date.now() - started).toBeLessThan(4000);
		expect(error.message).toBe('Bangwo8 did not answer within 1 s');
		expect(apiRequests(sandbox).filter((r) => r.method === 'PUT')).toHaveLength(0);
	});

	it.each([
		[
			'Ticket → Create',
			{ resource: 'ticket', operation: 'create', subject: 'x', description: 'y' },
			'POST /api/v1/tickets.json',
		],
		[
			'Ticket → Add Reply',
			{
				resource: 'ticket',
				operation: 'addReply',
				ticketId: rl(SEED.ticket.printer.id),
				replyMsg: 'ok',
			},
			`PUT /api/v1/tickets/${SEED.ticket.printer.id}.json`,
		],
		[
			'Contact → Create',
			{
				resource: 'contact',
				operation: 'create',
				mobile: '13700000001',
				companyId: rl(SEED.company.testCo.id),
			},
			'POST /api/v1/users.json',
		],
	])(
		'%s is not sent twice, and a lost answer says it may have arrived',
		async (_name, parameters, route) => {
			sandbox.answerNext(route, { drop: true });
			const error = await failure(run(BASIC, baseUrl, parameters));
			expect(error.message).toMatch(/^The connection to http:\/\/127\.0\.0\.1:\d+ was reset$/);
			expect(error.description).toContain('The request may have reached Bangwo8');
			const [method, path] = route.split(' ');
			expect(sandbox.requestsTo(path, method)).toHaveLength(1);
		},
	);

	it('Create Call Task is not sent twice, and a lost answer says it may exist', async () => {
		sandbox.answerNext('POST /api/v1/callTask.json', { drop: true });
		const error = await failure(
			run(BASIC, baseUrl, {
				resource: 'callTask',
				operation: 'create',
				taskName: 'Reset',
				taskStart: '2024-05-20',
				taskEnd: '2024-05-21',
				agentIds: [SEED.agent.admin.id],
				dataSource: '1',
				contactIds: [SEED.contact.zhao.id],
			}),
		);
		expect(error.message).toMatch(/^The connection to http:\/\/127\.0\.0\.1:\d+ was reset$/);
		expect(error.description).toContain('The request may have reached Bangwo8');
		expect(apiRequests(sandbox).filter((r) => r.method === 'POST')).toHaveLength(1);
	});
});
