// BYRobot open platform sandbox: the token endpoint, the token check of every API call, expiry.
import { SANDBOX_OPEN_APP_KEY, SANDBOX_OPEN_APP_SECRET, SEED } from '../byrobotOpen';
import { DEMO, form, pathOf, useSandbox } from './client';

const { sandbox, send, tokenRequest, token, api, ok, fails } = useSandbox();
const LIST = 'byai.openapi.company.list';

describe('POST /oauth/token', () => {
	it('issues a token in the shape the notes quote, with expires_at in ms', async () => {
		const before = Date.now();
		const reply = await tokenRequest();
		expect(reply.status).toBe(200);
		expect(reply.json).toEqual({
			success: true,
			code: 200,
			message: 'successful',
			data: {
				access_token: expect.any(String),
				refresh_token: expect.any(String),
				expires_in: 604800,
				expires_at: expect.any(Number),
			},
		});
		const { expires_at: expiresAt } = reply.json.data;
		expect(expiresAt).toBeGreaterThanOrEqual(before + 604800 * 1000);
		expect(expiresAt).toBeLessThan(Date.now() + 604800 * 1000 + 1000);
		expect(sandbox.issuedTokens).toBe(1);
		expect(sandbox.tokens.get(reply.json.data.access_token)).toMatchObject({
			companyId: DEMO,
			appKey: SANDBOX_OPEN_APP_KEY,
		});
	});

	it('accepts grant_type platform and the fields in the query string', async () => {
		expect((await tokenRequest({ grant_type: 'platform' })).json.success).toBe(true);
		const query = await send('POST', '/oauth/token', {
			query: {
				client_id: SANDBOX_OPEN_APP_KEY,
				client_secret: SANDBOX_OPEN_APP_SECRET,
				company_id: DEMO,
			},
		});
		expect(query.json).toMatchObject({ success: true, code: 200 });
		expect(sandbox.issuedTokens).toBe(2);
	});

	it.each([
		[
			'a wrong AppSecret',
			{ client_secret: 'not-the-secret' },
			40003,
			'client_id或client_secret错误',
		],
		['an unknown AppKey', { client_id: 'nobody' }, 40003, 'client_id或client_secret错误'],
		['a company the app is not bound to', { company_id: SEED.company.unbound.id }, 40004, /1003/],
		['an unknown company', { company_id: 4242 }, 40004, /4242/],
		['a missing company_id', { company_id: undefined }, 40001, '参数缺失: company_id'],
		['another grant_type', { grant_type: 'client_credentials' }, 40002, /grant_type/],
	])('refuses %s (HTTP 200, success false: the sandbox guess)', async (_, extra, code, message) => {
		const reply = await tokenRequest(extra);
		expect(reply.status).toBe(200);
		expect(reply.json).toEqual({ success: false, code, message: expect.anything(), data: null });
		expect(reply.json.message).toEqual(
			typeof message === 'string' ? message : expect.stringMatching(message),
		);
		expect(sandbox.issuedTokens).toBe(0);
	});

	it('does not read a JSON body, and answers GET with 405', async () => {
		const json = await send('POST', '/oauth/token', {
			body: JSON.stringify({ client_id: SANDBOX_OPEN_APP_KEY }),
			contentType: 'application/json',
		});
		expect(json.json).toMatchObject({ success: false, code: 40001 });
		const get = await send('GET', '/oauth/token');
		expect(get.status).toBe(405);
		expect(get.json).toMatchObject({ success: false, code: 405 });
	});

	it('tokenLifetimeSeconds sets the lifetime; the clock expires it', async () => {
		sandbox.tokenLifetimeSeconds = 60;
		const reply = await tokenRequest();
		expect(reply.json.data.expires_in).toBe(60);
		const t = reply.json.data.access_token;
		await ok(api(LIST, {}, t));
		sandbox.clockOffsetMs = 61_000;
		expect(await fails(api(LIST, {}, t), 40000010)).toBe('token无效');
	});

	it('issuing a new token leaves the earlier one valid', async () => {
		const first = await token();
		await token();
		await ok(api(LIST, {}, first));
	});
});

describe('the token check (40000010)', () => {
	it.each([
		['missing', null],
		['unknown', 'sbx-open-not-issued'],
	])('an accessToken %s answers code 40000010 "token无效", HTTP 200', async (_, t) => {
		expect(await fails(api(LIST, {}, t), 40000010)).toBe('token无效');
	});

	it('expireTokens() and revokeToken() make issued tokens invalid', async () => {
		const a = await token();
		const b = await token();
		expect(sandbox.revokeToken(a)).toBe(true);
		await fails(api(LIST, {}, a), 40000010);
		await ok(api(LIST, {}, b));
		sandbox.expireTokens();
		await fails(api(LIST, {}, b), 40000010);
		await ok(api(LIST, {}, await token()));
	});

	it('option tokenInvalidStatus answers 40000010 with another HTTP status', async () => {
		sandbox.tokenInvalidStatus = 401;
		await fails(api(LIST, {}, 'nope'), 40000010, 401);
	});

	it('a POST reads accessToken from its form body only, not from the query string', async () => {
		const t = await token();
		const reply = await send('POST', pathOf(LIST), { query: { accessToken: t }, body: '' });
		expect(reply.json.code).toBe(40000010);
	});

	it('GET with the fields in the query string works (the notes: three callers use it)', async () => {
		const t = await token();
		const data = await ok(
			send('GET', pathOf('byai.openapi.robot.list'), {
				query: { accessToken: t, companyId: DEMO },
			}),
		);
		expect(data.map((r: { robotDefId: number }) => r.robotDefId)).toEqual([21, 22, 23]);
	});

	it('a token acts for its company only', async () => {
		const t = await token(SEED.company.second.id);
		const msg = await fails(api('byai.openapi.robot.list', { companyId: DEMO }, t), 41000000);
		expect(msg).toMatch(/^参数非法: companyId 1001 is not the company of the accessToken \(1002\)/);
		const robots = await ok(api('byai.openapi.robot.list', { companyId: 1002 }, t));
		expect(robots).toHaveLength(1);
	});

	it('refuses a JSON body with 41000000 (before looking for the token)', async () => {
		const t = await token();
		const reply = await send('POST', pathOf(LIST), {
			body: JSON.stringify({ accessToken: t }),
			contentType: 'application/json',
		});
		expect(reply.json).toMatchObject({ code: 41000000, data: null });
		expect(reply.json.resultMsg).toMatch(/x-www-form-urlencoded/);
	});

	it('an unknown API or version answers 404; another method 405', async () => {
		const t = await token();
		const unknown = await send('POST', '/api/oauth/byai.openapi.nothing/1.0.0/here', {
			body: form({ accessToken: t }),
		});
		expect(unknown.status).toBe(404);
		expect(unknown.json).toMatchObject({ code: 404, data: null });
		const version = await send('POST', '/api/oauth/byai.openapi.company/2.0.0/list', {
			body: form({ accessToken: t }),
		});
		expect(version.status).toBe(404);
		const put = await send('PUT', pathOf(LIST), { body: form({ accessToken: t }) });
		expect(put.status).toBe(405);
	});

	it('a method field must name the API of the path', async () => {
		const t = await token();
		await ok(api(LIST, { method: LIST }, t));
		await fails(api(LIST, { method: 'byai.openapi.robot.list' }, t), 41000000);
	});

	it('a field given twice is refused', async () => {
		const t = await token();
		const body = `${form({ accessToken: t, companyId: DEMO })}&companyId=1002`;
		const reply = await send('POST', pathOf('byai.openapi.robot.list'), { body });
		expect(reply.json.code).toBe(41000000);
		expect(reply.json.resultMsg).toMatch(/companyId is given 2 times/);
	});
});
