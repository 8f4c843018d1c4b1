// Bangwo8 sandbox, authentication: Basic (admin and agent accounts) and OAuth2 client credentials.
import { Bangwo8Sandbox, SANDBOX_ADMIN, SANDBOX_OAUTH } from '../bangwo8';
import { AGENT, CLIENT, basic, newTask, useSandbox } from './client';

const { sandbox, call, get, token } = useSandbox();

describe('Basic authentication', () => {
	it('lets the admin account in', async () => {
		const res = await get('/api/v1/callTask.json');
		expect(res.status).toBe(200);
		expect(res.json).toEqual({ callTask: [], count: 0, next_page: null, previous_page: null });
	});

	it('answers 401 with a Basic challenge for a wrong password or no credentials', async () => {
		for (const auth of [
			basic(SANDBOX_ADMIN.account, 'nope'),
			basic('someone@else.com', 'x'),
			null,
			'Digest abc',
		]) {
			const res = await get('/api/v1/callTask.json', auth);
			expect(res.status).toBe(401);
			expect(res.headers.get('www-authenticate')).toBe('Basic realm="bangwo8"');
			expect(res.json).toEqual({ errcode: '100001', errmsg: expect.any(String) });
		}
	});

	it('checks credentials before the path, so an unknown path without credentials is 401', async () => {
		expect((await get('/api/v1/nothing.json', null)).status).toBe(401);
	});

	it('forbids the agent account every callTask endpoint but lets it list agents and contacts', async () => {
		const [id] = sandbox.seedCallTasks(1);
		const forbidden = {
			errcode: '100003',
			errmsg: 'Permission denied: the callTask API needs the admin account',
		};
		const attempts = [
			call('GET', '/api/v1/callTask.json', { auth: AGENT }),
			call('GET', `/api/v1/callTask/${id}.json`, { auth: AGENT }),
			call('GET', `/api/v1/callTask/userList/${id}.json`, { auth: AGENT }),
			call('DELETE', `/api/v1/callTask/${id}.json`, { auth: AGENT }),
			call('POST', '/api/v1/callTask.json', { auth: AGENT, body: newTask() }),
		];
		for (const res of await Promise.all(attempts)) {
			expect(res.status).toBe(403);
			expect(res.json).toEqual(forbidden);
		}
		expect(sandbox.callTasks.size).toBe(1);
		expect((await get('/api/v1/supports.json', AGENT)).status).toBe(200);
		expect((await get('/api/v1/users.json', AGENT)).status).toBe(200);
	});
});

describe('OAuth2 client credentials', () => {
	it('issues a Bearer token that acts as the admin', async () => {
		const res = await call('POST', '/api/token.php', {
			auth: CLIENT,
			body: 'grant_type=client_credentials',
			headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
		});
		expect(res.status).toBe(200);
		expect(res.json).toEqual({
			access_token: expect.stringMatching(/^[0-9a-f]{40}$/),
			expires_in: 3600,
			token_type: 'Bearer',
		});
		expect(sandbox.issuedTokens).toBe(1);
		const list = await get('/api/v1/callTask.json', `Bearer ${res.json.access_token}`);
		expect(list.status).toBe(200);
		expect(sandbox.issuedTokens).toBe(1);
	});

	it('rejects a bad client with invalid_client', async () => {
		for (const auth of [
			basic(SANDBOX_OAUTH.apiId, 'wrong'),
			basic('other', SANDBOX_OAUTH.secret),
			null,
		]) {
			const res = await call('POST', '/api/token.php', {
				auth,
				body: 'grant_type=client_credentials',
				headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
			});
			expect(res.status).toBe(401);
			expect(res.json).toEqual({ error: 'invalid_client', error_description: expect.any(String) });
		}
		expect(sandbox.issuedTokens).toBe(0);
	});

	it('rejects other grant types, a missing grant_type and a non-form body', async () => {
		const form = { 'Content-Type': 'application/x-www-form-urlencoded' };
		const wrong = await call('POST', '/api/token.php', {
			auth: CLIENT,
			body: 'grant_type=password',
			headers: form,
		});
		expect(wrong.status).toBe(400);
		expect(wrong.json).toEqual({
			error: 'unsupported_grant_type',
			error_description: expect.any(String),
		});
		const missing = await call('POST', '/api/token.php', {
			auth: CLIENT,
			body: 'scope=all',
			headers: form,
		});
		expect(missing.status).toBe(400);
		expect(missing.json.error).toBe('invalid_request');
		const json = await call('POST', '/api/token.php', {
			auth: CLIENT,
			body: { grant_type: 'client_credentials' },
		});
		expect(json.status).toBe(400);
		expect(json.json.error).toBe('invalid_request');
		expect((await call('GET', '/api/token.php', { auth: CLIENT })).status).toBe(405);
	});

	it('answers 401 errcode/errmsg to unknown and expired tokens', async () => {
		const unknown = await get('/api/v1/callTask.json', 'Bearer not-a-token');
		expect(unknown.status).toBe(401);
		expect(unknown.json).toEqual({ errcode: '100004', errmsg: 'Invalid access token' });

		const t = await token();
		const realClock = sandbox.clock;
		sandbox.clock = () => realClock() + 3601 * 1000;
		const late = await get('/api/v1/callTask.json', `Bearer ${t}`);
		expect(late.status).toBe(401);
		expect(late.json).toEqual({ errcode: '100004', errmsg: 'Access token expired' });

		sandbox.clock = realClock;
		expect((await get('/api/v1/callTask.json', `Bearer ${t}`)).status).toBe(200);
		sandbox.expireTokens();
		expect((await get('/api/v1/callTask.json', `Bearer ${t}`)).status).toBe(401);
	});

	it('honours tokenTtlSeconds', async () => {
		sandbox.tokenTtlSeconds = 1;
		const res = await call('POST', '/api/token.php', {
			auth: CLIENT,
			body: 'grant_type=client_credentials',
			headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
		});
		expect(res.json.expires_in).toBe(1);
		const t = res.json.access_token;
		const realClock = sandbox.clock;
		sandbox.clock = () => realClock() + 1500;
		expect((await get('/api/v1/callTask.json', `Bearer ${t}`)).status).toBe(401);
		expect(new Bangwo8Sandbox({ tokenTtlSeconds: 60 }).tokenTtlSeconds).toBe(60);
	});
});
