// The Byrobot Open Platform API credential through n8n's own machinery (RoutingNode, n8n-core's
// httpRequestWithAuthentication, the harness's CredentialsHelper) with real HTTP to the open
// platform sandbox: token fetched and applied, Base URL, shared token requests, renewal, the
// node's reject-and-repeat, and the Test button.
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IHttpRequestOptions,
	INodeType,
} from 'n8n-workflow';

import {
	ByrobotOpenPlatformApi,
	byrobotOpenBaseUrl,
	DEFAULT_OPEN_BASE_URL,
	DEFAULT_OPEN_TOKEN_URL,
	forgetByrobotOpenTokens,
	rejectByrobotOpenToken,
	testByrobotOpenPlatformApi,
} from '../../credentials/ByrobotOpenPlatformApi.credentials';
import { fetchContext } from '../../credentials/connectionTest';
import { runNode, testCredential, TestCredentialsHelper } from '../harness';
import { closedPort } from '../harness/network';
import { allCredentialTypes } from '../harness/registry';
import {
	ByrobotOpenSandbox,
	SANDBOX_OPEN_APP_KEY,
	SANDBOX_OPEN_APP_SECRET,
	SEED,
} from '../sandbox/byrobotOpen';
import { otherServer } from './helpers';

const TYPE = 'byrobotOpenPlatformApi';
const credential = new ByrobotOpenPlatformApi();
const sandbox = new ByrobotOpenSandbox();
const ROBOTS = '/api/oauth/byai.openapi.robot/1.0.0/list';
const COMPANIES = '/api/oauth/byai.openapi.company/1.0.0/list';

/** Every message a test saw, to check that no secret is ever in one. */
const messages: string[] = [];
const SECRETS = [SANDBOX_OPEN_APP_SECRET, 'wrong-secret-4711'];

/** The credential as saved, pointing at the sandbox (Base URL with a trailing slash). */
const saved = (extra: ICredentialDataDecryptedObject = {}): ICredentialDataDecryptedObject => ({
	appKey: SANDBOX_OPEN_APP_KEY,
	appSecret: SANDBOX_OPEN_APP_SECRET,
	companyId: String(SEED.company.demo.id),
	tokenUrl: sandbox.tokenUrl,
	baseUrl: `${sandbox.baseUrl}/`,
	...extra,
});

/**
 * A declarative node as the open-platform node will be: the plain default gateway as baseURL,
 * form-encoded plain-object bodies (or a GET with a query string), one robot.list per item.
 */
function probeNode(method: 'POST' | 'GET' = 'POST'): INodeType {
	return {
		description: {
			displayName: 'Open Probe',
			name: 'openProbe',
			group: ['transform'],
			version: 1,
			description: '',
			defaults: {},
			inputs: ['main'],
			outputs: ['main'],
			credentials: [{ name: TYPE, required: true }],
			requestDefaults: {
				baseURL: DEFAULT_OPEN_BASE_URL,
				headers: {
					Accept: 'application/json',
					'Content-Type': 'application/x-www-form-urlencoded',
				},
			},
			properties: [
				{
					displayName: 'Company ID',
					name: 'companyId',
					type: 'string',
					default: '1001',
					routing: {
						request: { method, url: '/byai.openapi.robot/1.0.0/list' },
						send: { type: method === 'GET' ? 'query' : 'body', property: 'companyId' },
					},
				},
			],
		},
	} as INodeType;
}

/** Runs the probe on n items with one credentials helper (n8n's stored credential). */
async function run(helper: TestCredentialsHelper, items = 1, method: 'POST' | 'GET' = 'POST') {
	const output = await runNode({
		node: probeNode(method),
		parameters: { companyId: '1001' },
		items: Array.from({ length: items }, () => ({})),
		// Names the credential on the node; the helper holds its (stored) data.
		credentials: helper.store,
		credentialsHelper: helper,
	});
	return output.map((item) => item.json as IDataObject);
}

const helperWith = (data: ICredentialDataDecryptedObject) =>
	new TestCredentialsHelper(allCredentialTypes(), { [TYPE]: data });

const bodyOf = (path: string, index = -1) =>
	sandbox.requestsTo(path).at(index)?.body as Record<string, string> | undefined;

const pressTest = async (data: ICredentialDataDecryptedObject) => {
	const result = await testCredential(credential, data);
	messages.push(result.message);
	return result;
};

beforeAll(async () => {
	await sandbox.start(0);
});
afterAll(async () => {
	await sandbox.stop();
	for (const secret of SECRETS) {
		for (const message of messages) expect(message).not.toContain(secret);
	}
});
beforeEach(() => {
	sandbox.reset();
	forgetByrobotOpenTokens();
});

describe('the credential type', () => {
	it('is named the n8n way, with the notes defaults and a hidden expirable token', () => {
		expect(credential.name).toBe('byrobotOpenPlatformApi');
		expect(credential.displayName).toBe('Byrobot Open Platform API');
		expect(credential.documentationUrl).toMatch(/#byrobot-open-platform-api-credential$/);
		expect(credential.properties.map((p) => [p.name, p.displayName, p.type, p.default])).toEqual([
			['appKey', 'AppKey', 'string', ''],
			['appSecret', 'AppSecret', 'string', ''],
			['companyId', 'Company ID', 'string', ''],
			['tokenUrl', 'Token URL', 'string', 'https://open.byai.com/oauth/token'],
			['baseUrl', 'Base URL', 'string', 'https://open.byai.com/api/oauth'],
			['accessToken', 'Access Token', 'hidden', ''],
			['tokenExpiresAt', 'Token Expires At', 'hidden', 0],
		]);
		expect(DEFAULT_OPEN_TOKEN_URL).toBe('https://open.byai.com/oauth/token');
		const byName = Object.fromEntries(credential.properties.map((p) => [p.name, p]));
		expect(byName.accessToken.typeOptions).toMatchObject({ expirable: true });
		expect(byName.appSecret.typeOptions?.password).toBe(true);
		for (const p of credential.properties.filter((x) => x.type !== 'hidden')) {
			expect(p.description).toEqual(expect.any(String));
		}
	});
});

describe('requests through n8n', () => {
	it('fetches a token (form POST) and puts it into the form body, at the credential’s Base URL', async () => {
		const helper = helperWith(saved());
		const [answer] = await run(helper);
		expect(answer).toMatchObject({ code: 200, resultMsg: 'successful' });
		expect(sandbox.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
			'POST /oauth/token',
			`POST ${ROBOTS}`,
		]);
		const [tokenRequest, call] = sandbox.requests;
		expect(tokenRequest.headers['content-type']).toMatch(/application\/x-www-form-urlencoded/);
		expect(tokenRequest.body).toEqual({
			client_id: SANDBOX_OPEN_APP_KEY,
			client_secret: SANDBOX_OPEN_APP_SECRET,
			company_id: '1001',
		});
		const token = [...sandbox.tokens.keys()][0];
		expect(call.headers['content-type']).toMatch(/application\/x-www-form-urlencoded/);
		expect(call.body).toEqual({ companyId: '1001', accessToken: token });
		// n8n stores the token and its expiry (epoch ms) through preAuthentication.
		expect(helper.updates).toEqual([
			{
				type: TYPE,
				data: { accessToken: token, tokenExpiresAt: sandbox.tokens.get(token)!.expiresAt },
			},
		]);
		// The stored token serves the next run: no second token request.
		await run(helper);
		expect(sandbox.issuedTokens).toBe(1);
		expect(bodyOf(ROBOTS)?.accessToken).toBe(token);
	});

	it('a GET carries accessToken in its query string', async () => {
		await run(helperWith(saved()), 1, 'GET');
		const call = sandbox.requestsTo(ROBOTS)[0];
		expect(call.method).toBe('GET');
		expect(call.query).toEqual({ companyId: '1001', accessToken: [...sandbox.tokens.keys()][0] });
		expect(call.code).toBe(200);
	});

	it('parallel items share one token request', async () => {
		const answers = await run(helperWith(saved()), 6);
		expect(answers.map((a) => a.code)).toEqual([200, 200, 200, 200, 200, 200]);
		expect(sandbox.issuedTokens).toBe(1);
		const tokens = new Set(
			sandbox.requestsTo(ROBOTS).map((r) => (r.body as IDataObject).accessToken),
		);
		expect([...tokens]).toEqual([...sandbox.tokens.keys()]);
	});

	it('renews a stored token within 5 minutes of tokenExpiresAt, once for parallel items', async () => {
		const old = sandbox.issueToken();
		const helper = helperWith(saved({ accessToken: old, tokenExpiresAt: Date.now() + 4 * 60_000 }));
		await run(helper, 4);
		expect(sandbox.issuedTokens).toBe(2);
		const fresh = [...sandbox.tokens.keys()][1];
		const used = sandbox.requestsTo(ROBOTS).map((r) => (r.body as IDataObject).accessToken);
		expect(used).toEqual([fresh, fresh, fresh, fresh]);
		// The renewed token is kept (n8n's stored one is not changed): no third token request.
		await run(helper);
		expect(sandbox.issuedTokens).toBe(2);
		expect(bodyOf(ROBOTS)?.accessToken).toBe(fresh);
	});

	it('uses a stored token that is not near its expiry', async () => {
		const stored = sandbox.issueToken();
		await run(helperWith(saved({ accessToken: stored, tokenExpiresAt: Date.now() + 3_600_000 })));
		expect(sandbox.issuedTokens).toBe(1);
		expect(bodyOf(ROBOTS)?.accessToken).toBe(stored);
	});

	it('after rejectByrobotOpenToken() (the node, on 40000010), the repeated request carries a new token', async () => {
		const helper = helperWith(saved());
		await run(helper);
		const first = String(helper.store[TYPE].accessToken);
		sandbox.expireTokens();
		const [refused] = await run(helper);
		expect(refused).toMatchObject({ code: 40000010, resultMsg: 'token无效' });
		// What the node does: drop the token the request carried, repeat the request once.
		rejectByrobotOpenToken(helper.store[TYPE], bodyOf(ROBOTS)?.accessToken);
		const [repeated] = await run(helper);
		expect(repeated).toMatchObject({ code: 200 });
		const second = bodyOf(ROBOTS)?.accessToken;
		expect(second).not.toBe(first);
		expect(sandbox.validToken(second)).toBeDefined();
		// Without the token: the stored and the cached one are both dropped.
		sandbox.expireTokens();
		rejectByrobotOpenToken(helper.store[TYPE]);
		expect((await run(helper))[0]).toMatchObject({ code: 200 });
		expect(sandbox.issuedTokens).toBe(3);
	});

	it('if 40000010 comes as HTTP 401, n8n itself renews the token and repeats the request', async () => {
		sandbox.tokenInvalidStatus = 401;
		const helper = helperWith(saved());
		await run(helper);
		sandbox.expireTokens();
		const [answer] = await run(helper);
		expect(answer).toMatchObject({ code: 200 });
		expect(sandbox.requestsTo(ROBOTS).map((r) => r.status)).toEqual([200, 401, 200]);
		expect(sandbox.issuedTokens).toBe(2);
	});

	it('a refused token request fails the item with the explanation, never the secret', async () => {
		const helper = helperWith(saved({ appSecret: 'wrong-secret-4711' }));
		const error = await run(helper).then(
			() => undefined,
			(e: Error) => e,
		);
		messages.push(String(error?.message), JSON.stringify(error));
		expect(error?.message).toMatch(
			/BYRobot refused to issue an access token \(HTTP 200, code 40003\): client_id或client_secret错误\. Check the AppKey and the AppSecret/,
		);
		expect(sandbox.requestsTo(ROBOTS)).toHaveLength(0);
	});
});

describe('authenticate()', () => {
	const authenticate = async (
		data: ICredentialDataDecryptedObject,
		options: Partial<IHttpRequestOptions>,
	) =>
		await credential.authenticate(
			{ ...saved(), accessToken: 'tok-1', tokenExpiresAt: Date.now() + 3_600_000, ...data },
			{ ...options } as IHttpRequestOptions,
		);

	it('swaps the default gateway (or none) for the Base URL; leaves a full URL or another base alone', async () => {
		expect(
			(
				await authenticate(
					{ baseUrl: 'https://open-tcs.byai.com/api/oauth/' },
					{ url: '/x', baseURL: DEFAULT_OPEN_BASE_URL, method: 'POST' },
				)
			).baseURL,
		).toBe('https://open-tcs.byai.com/api/oauth');
		expect((await authenticate({ baseUrl: '' }, { url: '/x', method: 'POST' })).baseURL).toBe(
			DEFAULT_OPEN_BASE_URL,
		);
		expect(
			(await authenticate({}, { url: '/x', baseURL: 'https://elsewhere.example', method: 'POST' }))
				.baseURL,
		).toBe('https://elsewhere.example');
		const absolute = await authenticate({}, { url: 'https://x.example/y', method: 'POST' });
		expect(absolute.baseURL).toBeUndefined();
		expect(byrobotOpenBaseUrl({ baseUrl: ' https://a.example/api/oauth// ' })).toBe(
			'https://a.example/api/oauth',
		);
	});

	it('adds accessToken to a plain-object body in place, to form text, to URLSearchParams', async () => {
		const body = { companyId: '1001' };
		const options = await authenticate({}, { url: '/x', method: 'POST', body });
		expect(options.body).toBe(body);
		expect(body).toEqual({ companyId: '1001', accessToken: 'tok-1' });
		expect(options.headers).toEqual({ 'Content-Type': 'application/x-www-form-urlencoded' });
		const text = await authenticate(
			{},
			{ url: '/x', method: 'POST', body: 'companyId=1001&accessToken=old' },
		);
		expect(text.body).toBe('companyId=1001&accessToken=tok-1');
		const params = new URLSearchParams({ companyId: '1001' });
		await authenticate({}, { url: '/x', method: 'POST', body: params });
		expect(params.toString()).toBe('companyId=1001&accessToken=tok-1');
		const get = await authenticate({}, { url: '/x', method: 'GET', qs: { companyId: '1001' } });
		expect(get.qs).toEqual({ companyId: '1001', accessToken: 'tok-1' });
		expect(JSON.stringify([options, text, get])).not.toContain(SANDBOX_OPEN_APP_SECRET);
	});

	it('fetches a token itself when none is stored, sharing one request among parallel calls', async () => {
		const calls = await Promise.all(
			[1, 2, 3, 4, 5].map(
				async () =>
					await authenticate(
						{ accessToken: '', tokenExpiresAt: 0 },
						{ url: '/x', method: 'POST', body: {} },
					),
			),
		);
		expect(sandbox.issuedTokens).toBe(1);
		expect(new Set(calls.map((c) => (c.body as IDataObject).accessToken))).toEqual(
			new Set(sandbox.tokens.keys()),
		);
	});

	it('tokens are kept per credential: another company gets its own', async () => {
		await authenticate({ accessToken: '' }, { url: '/x', method: 'POST', body: {} });
		const second = await authenticate(
			{ accessToken: '', companyId: String(SEED.company.second.id) },
			{ url: '/x', method: 'POST', body: {} },
		);
		expect(sandbox.issuedTokens).toBe(2);
		expect(sandbox.tokens.get(String((second.body as IDataObject).accessToken))?.companyId).toBe(
			1002,
		);
	});
});

describe('the Test button', () => {
	it('passes with the sandbox keys, fetching a fresh token although one is stored', async () => {
		const stale = 'sbx-open-stored-earlier';
		const result = await pressTest(
			saved({ accessToken: stale, tokenExpiresAt: Date.now() + 3_600_000 }),
		);
		expect(result).toEqual({ status: 'OK', message: 'Connection successful!' });
		// The check: a fresh token, one company.list with it; then n8n's own request with that token.
		expect(sandbox.requests.map((r) => `${r.method} ${r.path} ${r.code}`)).toEqual([
			'POST /oauth/token 200',
			`POST ${COMPANIES} 200`,
			`POST ${COMPANIES} 200`,
		]);
		const fresh = [...sandbox.tokens.keys()][0];
		expect(sandbox.requestsTo(COMPANIES).map((r) => (r.body as IDataObject).accessToken)).toEqual([
			fresh,
			fresh,
		]);
	});

	it('the check itself says what it reached', async () => {
		const result = await testByrobotOpenPlatformApi.call(fetchContext(), {
			id: '',
			name: TYPE,
			type: TYPE,
			data: saved(),
		});
		messages.push(result.message);
		expect(result).toEqual({
			status: 'OK',
			message: `Connected to the BYRobot open platform at ${sandbox.url}: a token for company 1001, 2 companies visible to this AppKey`,
		});
	});

	it.each([
		['with a stored token', { accessToken: 'stored', tokenExpiresAt: Date.now() + 3_600_000 }],
		['without one', {}],
	])('a wrong AppSecret fails %s, naming the fields, never the secret', async (_, stored) => {
		const result = await pressTest(saved({ appSecret: 'wrong-secret-4711', ...stored }));
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(
			/BYRobot refused to issue an access token \(HTTP 200, code 40003\): client_id或client_secret错误\. Check the AppKey and the AppSecret \(your app in the 百应开放平台 console, open\.byai\.com\) and the Company ID/,
		);
		expect(sandbox.requestsTo(COMPANIES)).toHaveLength(0);
	});

	it('a company the app is not authorised for fails, naming the Company ID', async () => {
		const result = await pressTest(saved({ companyId: String(SEED.company.unbound.id) }));
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(
			/code 40004\): 应用未获得该公司授权: company_id 1003\. .*Company ID/,
		);
	});

	it('empty fields, or a Company ID that is no number, fail before any request', async () => {
		expect((await pressTest(saved({ appSecret: '' }))).message).toMatch(
			/Enter the AppKey, the AppSecret and the Company ID/,
		);
		expect((await pressTest(saved({ companyId: '百应演示公司' }))).message).toMatch(
			/The Company ID must be a number, such as 1001/,
		);
		expect(sandbox.requests).toHaveLength(0);
	});

	it('a Base URL that serves a web page is not the BYRobot API', async () => {
		const other = await otherServer();
		try {
			const result = await pressTest(saved({ baseUrl: `${other.url}/page` }));
			expect(result.status).toBe('Error');
			expect(result.message).toMatch(
				/answered with a web page \(HTTP 200\): it is not the BYRobot open platform API\. Check the Base URL/,
			);
		} finally {
			await other.stop();
		}
	});

	it('a Token URL that serves a web page or other JSON is not the token endpoint', async () => {
		const other = await otherServer();
		try {
			const page = await pressTest(saved({ tokenUrl: `${other.url}/page` }));
			expect(page.message).toMatch(
				/answered with a web page \(HTTP 200\): it is not the BYRobot open platform token API\. Check the Token URL/,
			);
			const json = await pressTest(saved({ tokenUrl: `${other.url}/json` }));
			expect(json.message).toMatch(
				/JSON that is not BYRobot open platform token's answer.*Check the Token URL/,
			);
		} finally {
			await other.stop();
		}
	});

	it('nothing listening: the Token URL or the Base URL to check', async () => {
		const refused = `http://127.0.0.1:${await closedPort()}`;
		const token = await pressTest(saved({ tokenUrl: `${refused}/oauth/token` }));
		expect(token.message).toMatch(
			/refused the connection: nothing answers at that address\. Check the Token URL/,
		);
		const base = await pressTest(
			saved({
				baseUrl: `${refused}/api/oauth`,
				accessToken: 'stored',
				tokenExpiresAt: Date.now() + 3_600_000,
			}),
		);
		expect(base.message).toMatch(
			/refused the connection: nothing answers at that address\. Check the Base URL/,
		);
	});

	it('a token the API refuses (40000010): Token URL and Base URL of different hosts', async () => {
		const elsewhere = new ByrobotOpenSandbox();
		await elsewhere.start(0);
		try {
			const result = await pressTest(saved({ baseUrl: elsewhere.baseUrl }));
			expect(result.status).toBe('Error');
			expect(result.message).toMatch(
				/BYRobot issued a token at http:\/\/127\.0\.0\.1:\d+, but the API at http:\/\/127\.0\.0\.1:\d+ refused it \(code 40000010 token无效\): the Token URL and the Base URL must belong to the same BYRobot host/,
			);
		} finally {
			await elsewhere.stop();
		}
	});
});

describe('no answer from the Token URL', () => {
	it('fails the item naming the Token URL; the error keeps the code, not the request (its secret)', async () => {
		const refused = `http://127.0.0.1:${await closedPort()}/oauth/token`;
		const error = await run(helperWith(saved({ tokenUrl: refused }))).then(
			() => undefined,
			(e: Error) => e,
		);
		expect(error?.message).toMatch(/refused the connection.*Check the Token URL/);
		const causes: unknown[] = [];
		for (let c: unknown = error; c && causes.length < 10; c = (c as { cause?: unknown }).cause) {
			causes.push(c);
		}
		expect(causes.some((c) => (c as { code?: unknown }).code === 'ECONNREFUSED')).toBe(true);
		const seen = new Set<unknown>();
		const dump = JSON.stringify(causes, (_k, v: unknown) => {
			if (v && typeof v === 'object') {
				if (seen.has(v)) return undefined;
				seen.add(v);
			}
			return v;
		});
		messages.push(String(error?.message), dump);
		expect(dump).not.toContain(SANDBOX_OPEN_APP_SECRET);
	});
});
