// The node with the Bangwo8 OAuth2 API credential: the token is fetched once and reused across
// items and runs, and renewed (and stored) after it expires or is revoked, even though requests
// run with ignoreHttpStatusErrors.
import { Bangwo8Sandbox, SANDBOX_OAUTH } from '../sandbox/bangwo8';
import { apiRequests, AUTH_CASES, CLIENT_HEADER, helperWith, run, tokenRequests } from './helpers';
import { SEED } from '../sandbox/bangwo8';

const OAUTH2 = AUTH_CASES[1];

describe('Bangwo8 node with OAuth2', () => {
	const sandbox = new Bangwo8Sandbox();
	let baseUrl: string;
	beforeAll(async () => {
		baseUrl = await sandbox.start();
	});
	afterAll(async () => sandbox.stop());
	beforeEach(() => sandbox.reset());

	const helperFor = () => helperWith(OAUTH2.credentials(baseUrl));

	it('fetches one token (client credentials) for all items and reuses it in the next run', async () => {
		const ids = sandbox.seedCallTasks(3);
		const helper = helperFor();
		const parameters = {
			resource: 'callTask',
			operation: 'get',
			callTaskId: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
		};
		const items = ids.map((id) => ({ id }));
		const first = await run(OAUTH2, baseUrl, parameters, { items, credentialsHelper: helper });
		const second = await run(OAUTH2, baseUrl, parameters, { items, credentialsHelper: helper });
		expect(first.map((i) => i.json.callTaskId)).toEqual(ids);
		expect(second.map((i) => i.json.callTaskId)).toEqual(ids);

		const tokens = tokenRequests(sandbox);
		expect(tokens).toHaveLength(1);
		expect(tokens[0].method).toBe('POST');
		expect(tokens[0].headers.authorization).toBe(CLIENT_HEADER);
		expect(tokens[0].headers['content-type']).toMatch(/^application\/x-www-form-urlencoded/);
		expect(tokens[0].body).toEqual({ grant_type: 'client_credentials' });

		const [token] = [...sandbox.tokens.keys()];
		expect(apiRequests(sandbox)).toHaveLength(6);
		for (const r of apiRequests(sandbox)) expect(r.headers.authorization).toBe(`Bearer ${token}`);
		expect(helper.store.bangwo8OAuth2Api.accessToken).toBe(token);
		// Each of the three items of the first run stores the (one, shared) token; the second run stores nothing.
		expect(helper.updates.map((u) => u.data.accessToken)).toEqual([token, token, token]);
	});

	it.each([
		['expired', (s: Bangwo8Sandbox) => s.expireTokens()],
		['revoked', (s: Bangwo8Sandbox) => s.tokens.clear()],
	])('renews a token that has %s, stores it, and the run succeeds', async (_name, invalidate) => {
		sandbox.seedCallTasks(2);
		const helper = helperFor();
		await run(
			OAUTH2,
			baseUrl,
			{ resource: 'callTask', operation: 'getAll', limit: 1 },
			{ credentialsHelper: helper },
		);
		const oldToken = helper.store.bangwo8OAuth2Api.accessToken;
		invalidate(sandbox);
		sandbox.clearRequests();

		const out = await run(
			OAUTH2,
			baseUrl,
			{ resource: 'callTask', operation: 'getAll', returnAll: true },
			{ credentialsHelper: helper },
		);
		expect(out.map((i) => i.json.callTaskId)).toEqual([
			String(Number(SEED.callTask.firstId) + 1),
			SEED.callTask.firstId,
		]);
		const newToken = helper.store.bangwo8OAuth2Api.accessToken;
		expect(newToken).not.toBe(oldToken);
		expect(sandbox.issuedTokens).toBe(2);
		// The 401, the same request again (n8n sees the 401 and runs preAuthentication), the token, the retry.
		expect(sandbox.requests.map((r) => [r.method, r.path, r.headers.authorization])).toEqual([
			['GET', '/api/v1/callTask.json', `Bearer ${oldToken}`],
			['GET', '/api/v1/callTask.json', `Bearer ${oldToken}`],
			['POST', '/api/token.php', CLIENT_HEADER],
			['GET', '/api/v1/callTask.json', `Bearer ${newToken}`],
		]);

		sandbox.clearRequests();
		await run(
			OAUTH2,
			baseUrl,
			{ resource: 'agent', operation: 'getAll', limit: 1 },
			{ credentialsHelper: helper },
		);
		expect(sandbox.requests.map((r) => r.headers.authorization)).toEqual([`Bearer ${newToken}`]);
	});

	it('a Create refused with an expired token is created exactly once after the renewal', async () => {
		const helper = helperFor();
		await run(
			OAUTH2,
			baseUrl,
			{ resource: 'agent', operation: 'getAll', limit: 1 },
			{ credentialsHelper: helper },
		);
		sandbox.expireTokens();
		const out = await run(
			OAUTH2,
			baseUrl,
			{
				resource: 'callTask',
				operation: 'create',
				taskName: 'renewed',
				taskStart: '2024-05-20',
				taskEnd: '2024-05-21',
				agentIds: [SEED.agent.admin.id],
				dataSource: '1',
				contactIds: [SEED.contact.zhao.id],
			},
			{ credentialsHelper: helper },
		);
		expect(out[0].json).toMatchObject({ callTaskId: SEED.callTask.firstId, legalCount: 1 });
		expect(sandbox.callTasks.size).toBe(1);
		const posts = sandbox.requestsTo('/api/v1/callTask.json', 'POST');
		expect(posts).toHaveLength(3);
		for (const post of posts) expect(post.body).toEqual(posts[2].body);
	});

	it("Ticket → Update with an expired token: the hook's read renews it, the write uses the new one", async () => {
		const helper = helperFor();
		await run(
			OAUTH2,
			baseUrl,
			{ resource: 'agent', operation: 'getAll', limit: 1 },
			{ credentialsHelper: helper },
		);
		const oldToken = helper.store.bangwo8OAuth2Api.accessToken;
		sandbox.expireTokens();
		sandbox.clearRequests();
		const id = SEED.ticket.callback.id;
		const out = await run(
			OAUTH2,
			baseUrl,
			{
				resource: 'ticket',
				operation: 'update',
				ticketId: { __rl: true, mode: 'id', value: id },
				ticketFields: { ticketStatus: '3' },
			},
			{ credentialsHelper: helper },
		);
		const newToken = helper.store.bangwo8OAuth2Api.accessToken;
		expect(newToken).not.toBe(oldToken);
		expect(out[0].json).toMatchObject({ ticketId: id, ticketStatus: '3' });
		expect(sandbox.requests.map((r) => [r.method, r.path, r.headers.authorization])).toEqual([
			['GET', `/api/v1/tickets/${id}.json`, `Bearer ${oldToken}`],
			['POST', '/api/token.php', CLIENT_HEADER],
			['GET', `/api/v1/tickets/${id}.json`, `Bearer ${newToken}`],
			['PUT', `/api/v1/tickets/${id}.json`, `Bearer ${newToken}`],
		]);
	});

	it('a wrong Secret: the token error says what to check and never shows the secret', async () => {
		const credentials = {
			bangwo8OAuth2Api: { ...SANDBOX_OAUTH, secret: 'wrong-secret-123', baseUrl },
		};
		let caught: { message: string } | undefined;
		try {
			await run({ ...OAUTH2, credentials: () => credentials }, baseUrl, {
				resource: 'callTask',
				operation: 'getAll',
				limit: 1,
			});
		} catch (error) {
			caught = error as { message: string };
		}
		expect(caught?.message).toMatch(
			/Bangwo8 refused to issue an OAuth2 access token \(HTTP 401\): invalid_client: Client authentication failed\. Check the SecretID and the Secret/,
		);
		expect(JSON.stringify(caught)).not.toContain('wrong-secret-123');
		expect(String(caught?.message)).not.toContain('wrong-secret-123');
		expect(apiRequests(sandbox)).toHaveLength(0);
	});

	it('a token that is refused even after renewal gives the OAuth2 hint', async () => {
		const helper = helperFor();
		await run(
			OAUTH2,
			baseUrl,
			{ resource: 'agent', operation: 'getAll', limit: 1 },
			{ credentialsHelper: helper },
		);
		sandbox.fail({
			path: '/api/v1/supports.json',
			times: 3,
			failure: { kind: 'http', status: 401 },
		});
		let caught: { message: string; description?: string } | undefined;
		try {
			await run(
				OAUTH2,
				baseUrl,
				{ resource: 'agent', operation: 'getAll', limit: 1 },
				{ credentialsHelper: helper },
			);
		} catch (error) {
			caught = error as { message: string; description?: string };
		}
		expect(caught?.message).toBe('Bangwo8: Unauthorized (HTTP 401, errcode 100401)');
		expect(caught?.description).toMatch(/SecretID and Secret/);
	});
});
