// Agent: Get Many (supports.json) and Contact: Get Many (users.json), with both ways of authenticating.
import { Bangwo8Sandbox } from '../sandbox/bangwo8';
import { apiRequests, AUTH_CASES, run } from './helpers';
import { SEED } from '../sandbox/bangwo8';

describe.each(AUTH_CASES)('Agent and Contact with $name authentication', (auth) => {
	const sandbox = new Bangwo8Sandbox();
	let baseUrl: string;
	beforeAll(async () => {
		baseUrl = await sandbox.start();
	});
	afterAll(async () => sandbox.stop());
	beforeEach(() => sandbox.reset());

	it('Agent: Get Many returns every agent from supports.json', async () => {
		const out = await run(auth, baseUrl, {
			resource: 'agent',
			operation: 'getAll',
			returnAll: true,
		});
		const requests = apiRequests(sandbox);
		expect(requests).toHaveLength(1);
		expect(requests[0].method).toBe('GET');
		expect(requests[0].path).toBe('/api/v1/supports.json');
		expect(requests[0].query).toEqual({ page: '1', per_page: '100' });
		expect(requests[0].headers.authorization).toBe(auth.expectedAuthorization(sandbox));
		expect(out.map((i) => i.json.sId).sort()).toEqual([
			SEED.agent.agent.id,
			SEED.agent.admin.id,
			SEED.agent.zhang.id,
			SEED.agent.deleted.id,
			SEED.agent.recycled.id,
		]);
		expect(out[0].json).toEqual(sandbox.agents.find((a) => a.sId === out[0].json.sId));
		expect(out.every((i) => (i.pairedItem as { item: number }).item === 0)).toBe(true);
	});

	it('Agent: Get Many with Limit and a created filter', async () => {
		const out = await run(auth, baseUrl, {
			resource: 'agent',
			operation: 'getAll',
			limit: 2,
			filters: { createdStart: '2023-02-01', order: 'created_order:asc' },
		});
		expect(apiRequests(sandbox)[0].query).toEqual({
			page: '1',
			per_page: '2',
			created_start: '2023-02-01',
			created_order: 'asc',
		});
		expect(out.map((i) => i.json.sId)).toEqual([SEED.agent.agent.id, SEED.agent.zhang.id]);
	});

	it('Contact: Get Many returns contacts from users.json', async () => {
		const out = await run(auth, baseUrl, { resource: 'contact', operation: 'getAll', limit: 3 });
		const requests = apiRequests(sandbox);
		expect(requests).toHaveLength(1);
		expect(requests[0].method).toBe('GET');
		expect(requests[0].path).toBe('/api/v1/users.json');
		expect(requests[0].query).toEqual({ page: '1', per_page: '3' });
		expect(requests[0].headers.authorization).toBe(auth.expectedAuthorization(sandbox));
		// Newest first by default.
		expect(out.map((i) => i.json.cId)).toEqual([
			SEED.contact.deleted.id,
			SEED.contact.left.id,
			SEED.contact.zhou.id,
		]);
		expect(out[0]).toEqual({
			json: sandbox.contacts.find((c) => c.cId === SEED.contact.deleted.id),
			pairedItem: { item: 0 },
		});
	});

	it('Contact: Get Many Return All with an updated range', async () => {
		const out = await run(auth, baseUrl, {
			resource: 'contact',
			operation: 'getAll',
			returnAll: true,
			filters: { updatedStart: '2023-06-02', updatedEnd: '2023-06-04T00:00:00' },
		});
		expect(apiRequests(sandbox)[0].query).toEqual({
			page: '1',
			per_page: '100',
			updated_start: '2023-06-02',
			updated_end: '2023-06-04',
		});
		expect(out.map((i) => i.json.cId).sort()).toEqual([
			SEED.contact.sun.id,
			SEED.contact.qian.id,
			SEED.contact.testCo1.id,
		]);
	});
});
