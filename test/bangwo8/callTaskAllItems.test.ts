// Create Call Task, mode "One Call Task from All Items": every input item is one customer, and
// all of them go into one POST callTask.json, on the first item; the output item accounts for
// every input item and is paired with all of them.
import type { INodeParameters } from 'n8n-workflow';

import { Bangwo8Sandbox, SEED } from '../sandbox/bangwo8';
import { apiRequests, AUTH_CASES, failure, run, type CaughtError } from './helpers';

const { contact: contacts, company: companies, agent: agents } = SEED;
const [BASIC] = AUTH_CASES;

const allItems = (extra: INodeParameters = {}): INodeParameters => ({
	resource: 'callTask',
	operation: 'create',
	taskName: '五月回访',
	taskStart: '2030-05-20',
	taskEnd: '2030-05-31',
	agentIds: [agents.admin.id, agents.zhang.id],
	dataSource: '1',
	mode: 'allItems',
	...extra,
});

/** Adds n active contacts to the sandbox; returns their ids. */
function addContacts(sandbox: Bangwo8Sandbox, n: number): string[] {
	const ids: string[] = [];
	for (let i = 0; i < n; i++) {
		const cId = String(700000 + i);
		sandbox.contacts.push({
			...sandbox.contacts[0],
			cId,
			name: `线索${i}`,
			mobile: String(13600000000 + i),
		});
		ids.push(cId);
	}
	return ids;
}

const posts = (sandbox: Bangwo8Sandbox) =>
	apiRequests(sandbox).filter((r) => r.method === 'POST' && r.path === '/api/v1/callTask.json');

describe.each(AUTH_CASES)('Create Call Task from all items ($name)', (auth) => {
	const sandbox = new Bangwo8Sandbox();
	let baseUrl: string;
	beforeAll(async () => {
		baseUrl = await sandbox.start();
	});
	afterAll(async () => sandbox.stop());
	beforeEach(() => sandbox.reset());

	it('500 contact items (as Contact → Get Many gives them) make one call task in one request', async () => {
		const ids = addContacts(sandbox, 500);
		// Contact → Get Many's items: cId as text; a spreadsheet's may be numbers.
		const items = ids.map((cId, i) => ({ cId: i % 2 ? cId : Number(cId), name: `线索${i}` }));
		const out = await run(auth, baseUrl, allItems(), { items });
		const requests = apiRequests(sandbox);
		expect(requests).toHaveLength(1);
		expect(requests[0].headers.authorization).toBe(auth.expectedAuthorization(sandbox));
		expect(requests[0].body).toEqual({
			callTask: {
				task_name: '五月回访',
				task_start: '2030-05-20',
				task_end: '2030-05-31',
				task_user: items.map((item) => item.cId),
				task_service: [agents.admin.id, agents.zhang.id],
				data_source: '1',
			},
		});
		expect(out).toHaveLength(1);
		expect(out[0].json).toMatchObject({
			callTaskId: SEED.callTask.firstId,
			legalCount: 500,
			illegalCount: 0,
			illegalIds: [],
			inputItems: 500,
			sentIds: 500,
			rejectedRows: [],
			duplicateRows: [],
		});
		expect(out[0].pairedItem).toEqual(ids.map((_, item) => ({ item })));
		expect(sandbox.callTasks.get(SEED.callTask.firstId)?.customers).toHaveLength(500);
	});

	it('lists items without a usable ID, sends each ID once, and shows what Bangwo8 refused', async () => {
		const out = await run(auth, baseUrl, allItems(), {
			items: [
				{ cId: contacts.zhao.id },
				{ name: 'no id' },
				{ cId: 'abc' },
				{ cId: contacts.qian.id },
				{ cId: contacts.zhao.id },
				{ cId: '999999' },
				{ cId: `${contacts.sun.id},${contacts.zhou.id}` },
			],
		});
		expect(posts(sandbox)[0].body).toMatchObject({
			callTask: {
				task_user: [
					contacts.zhao.id,
					contacts.qian.id,
					'999999',
					contacts.sun.id,
					contacts.zhou.id,
				],
			},
		});
		expect(out[0].json).toMatchObject({
			inputItems: 7,
			sentIds: 5,
			legalCount: 4,
			illegalIds: ['999999'],
			rejectedRows: [
				{ index: 1, value: '', reason: 'no customer ID' },
				{ index: 2, value: 'abc', reason: 'not an ID: abc' },
			],
			duplicateRows: [{ index: 4, id: contacts.zhao.id, sameAs: 0 }],
		});
		expect(out[0].pairedItem).toHaveLength(7);
	});
});

describe('Create Call Task from all items: mapping and checks', () => {
	const sandbox = new Bangwo8Sandbox();
	let baseUrl: string;
	beforeAll(async () => {
		baseUrl = await sandbox.start();
	});
	afterAll(async () => sandbox.stop());
	beforeEach(() => sandbox.reset());

	it('companies by uId, from a nested field path, or an expression', async () => {
		await run(BASIC, baseUrl, allItems({ dataSource: '0', customerIdField: 'company.uId' }), {
			items: [{ company: { uId: companies.testCo.id } }, { company: { uId: companies.co2233.id } }],
		});
		expect(posts(sandbox)[0].body).toMatchObject({
			callTask: { task_user: [companies.testCo.id, companies.co2233.id], data_source: '0' },
		});
		sandbox.clearRequests();
		await run(BASIC, baseUrl, allItems({ customerIdField: '={{ $json.id }}' }), {
			items: [{ id: contacts.zhao.id }, { id: contacts.qian.id }],
		});
		expect(posts(sandbox)[0].body).toMatchObject({
			callTask: { task_user: [contacts.zhao.id, contacts.qian.id] },
		});
		sandbox.clearRequests();
		await run(BASIC, baseUrl, allItems({ customerIdField: '={{ String($json.n + 321000) }}' }), {
			items: [{ n: 456 }],
		});
		expect(posts(sandbox)[0].body).toMatchObject({ callTask: { task_user: [contacts.zhao.id] } });
	});

	it('a Task Name mapped from item data must be the same on every item', async () => {
		const same = await run(BASIC, baseUrl, allItems({ taskName: '={{ $json.campaign }}' }), {
			items: [
				{ cId: contacts.zhao.id, campaign: '回访A' },
				{ cId: contacts.qian.id, campaign: '回访A' },
			],
		});
		expect(same[0].json.task_name).toBe('回访A');
		sandbox.clearRequests();
		const error = await failure(
			run(BASIC, baseUrl, allItems({ taskName: '={{ $json.campaign }}' }), {
				items: [
					{ cId: contacts.zhao.id, campaign: '回访A' },
					{ cId: contacts.qian.id, campaign: '回访B' },
				],
			}),
		);
		expect(error.message).toBe('Item 1: "Task Name" gives "回访B", but item 0 gives "回访A"');
		expect(error.description).toMatch(/Nothing was sent to Bangwo8/);
		expect(apiRequests(sandbox)).toHaveLength(0);
	});

	it.each([
		[
			'a field no item has',
			allItems({ customerIdField: 'contactId' }),
			[{ cId: '1', name: 'x' }],
			'"Customer ID Field": no input item has a field "contactId"',
			/The input items have "cId", "name"/,
		],
		[
			'On Invalid Item → Stop the Run',
			allItems({ onInvalidItem: 'stop' }),
			[{ cId: contacts.zhao.id }, { cId: '12x' }],
			'Item 1: "Customer ID Field" — not an ID: 12x ("12x")',
			/Fix the customer ID of input item 1/,
		],
		[
			'no valid ID at all',
			allItems(),
			[{ cId: '' }, { cId: 'x' }],
			'None of the 2 input items gives a customer ID',
			/Item 0: no customer ID; Item 1: not an ID: x/,
		],
		[
			'a bad Task End, checked once',
			allItems({ taskEnd: '2030-05-01' }),
			[{ cId: contacts.zhao.id }, { cId: contacts.qian.id }],
			'Item 0: "Task End" — 2030-05-01 is before "Task Start" (2030-05-20)',
			/Nothing was sent/,
		],
	])('%s stops before any request', async (_name, parameters, items, message, description) => {
		const error = await failure(run(BASIC, baseUrl, parameters, { items }));
		expect(error.message).toBe(message);
		expect(error.description).toMatch(description);
		expect(apiRequests(sandbox)).toHaveLength(0);
	});

	it('Continue On Fail: a refused request becomes one error item paired with every input item', async () => {
		const out = await run(BASIC, baseUrl, allItems({ agentIds: [agents.deleted.id] }), {
			items: [{ cId: contacts.zhao.id }, { cId: contacts.qian.id }, { cId: contacts.sun.id }],
			continueOnFail: true,
		});
		expect(out).toHaveLength(1);
		expect(out[0].error?.message).toBe(
			`Bangwo8: task_service "${agents.deleted.id}" is not an active agent (HTTP 400, errcode 100010)`,
		);
		expect(out[0].pairedItem).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(posts(sandbox)).toHaveLength(1);
	});

	it('without Continue On Fail the vendor error stops the node, sent once', async () => {
		const error: CaughtError = await failure(
			run(BASIC, baseUrl, allItems({ agentIds: [agents.deleted.id] }), {
				items: [{ cId: contacts.zhao.id }],
			}),
		);
		expect(error.constructor.name).toBe('NodeApiError');
		expect(posts(sandbox)).toHaveLength(1);
	});

	it('the per-item mode still makes one call task per item', async () => {
		const out = await run(
			BASIC,
			baseUrl,
			{
				...allItems({ mode: 'perItem' }),
				contactIds: '={{ [$json.cId] }}',
			},
			{ items: [{ cId: contacts.zhao.id }, { cId: contacts.qian.id }] },
		);
		expect(posts(sandbox)).toHaveLength(2);
		expect(out.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});
});
