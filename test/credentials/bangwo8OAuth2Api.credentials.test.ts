import type { IHttpRequestOptions } from 'n8n-workflow';

import { Bangwo8OAuth2Api } from '../../credentials/Bangwo8OAuth2Api.credentials';
import { testCredential } from '../harness';
import { closedPort } from '../harness/network';
import { Bangwo8Sandbox, SANDBOX_OAUTH } from '../sandbox/bangwo8';
import { otherServer } from './helpers';

const credential = new Bangwo8OAuth2Api();
const CLIENT_HEADER = `Basic ${Buffer.from(`${SANDBOX_OAUTH.apiId}:${SANDBOX_OAUTH.secret}`).toString('base64')}`;
/** The Test button, with the form's data. */
const pressTest = async (data: Record<string, string>) => await testCredential(credential, data);

/** A minimal stand-in for n8n's httpRequest helper (what n8n passes to preAuthentication). */
async function fetchRequest(options: IHttpRequestOptions) {
	const response = await fetch(options.url, {
		method: options.method,
		headers: options.headers as Record<string, string>,
		body: options.body as string,
	});
	const body = await response.text();
	return options.returnFullResponse ? { statusCode: response.status, body } : body;
}

describe('Bangwo8 OAuth2 API credential', () => {
	const sandbox = new Bangwo8Sandbox();
	let baseUrl: string;
	beforeAll(async () => {
		baseUrl = await sandbox.start();
	});
	afterAll(async () => sandbox.stop());
	beforeEach(() => sandbox.reset());

	it('is named the n8n way and keeps the token in a hidden expirable field', () => {
		expect(credential.name).toBe('bangwo8OAuth2Api');
		expect(credential.displayName).toBe('Bangwo8 OAuth2 API');
		const token = credential.properties.find((p) => p.name === 'accessToken');
		expect(token).toMatchObject({ type: 'hidden', typeOptions: { expirable: true } });
		expect(credential.properties.find((p) => p.name === 'secret')?.typeOptions?.password).toBe(
			true,
		);
	});

	it("labels its fields in Bangwo8's words, under names n8n's editor does not relabel", () => {
		// n8n shows any field named clientId / clientSecret as "Client ID" / "Client Secret".
		expect(credential.properties.map((p) => [p.name, p.displayName])).toEqual([
			['apiId', 'SecretID'],
			['secret', 'Secret'],
			['baseUrl', 'Base URL'],
			['accessToken', 'Access Token'],
		]);
	});

	it("Test: asks for a fresh token with the form's SecretID and Secret, then reads one call task with it", async () => {
		const result = await pressTest({
			...SANDBOX_OAUTH,
			baseUrl: `${baseUrl}/`,
			accessToken: 'a-token-stored-earlier',
		});
		expect(result).toEqual({ status: 'OK', message: 'Connection successful!' });
		// The check: a token for the form's SecretID and Secret, one call task with it; then
		// n8n's own request, with the token n8n holds (the stored one is refused: a new one).
		expect(sandbox.requests.map((r) => [r.method, r.path]).slice(0, 2)).toEqual([
			['POST', '/api/token.php'],
			['GET', '/api/v1/callTask.json'],
		]);
		const [token, call] = sandbox.requests;
		expect(token.headers.authorization).toBe(CLIENT_HEADER);
		expect(token.body).toEqual({ grant_type: 'client_credentials' });
		expect(call.query).toEqual({ per_page: '1' });
		expect(call.headers.authorization).toBe(`Bearer ${[...sandbox.tokens.keys()][0]}`);
	});

	it('Test: a wrong Secret fails although a token is stored, and never shows the secret', async () => {
		const result = await pressTest({
			...SANDBOX_OAUTH,
			secret: 'wrong-secret-987',
			baseUrl,
			accessToken: 'a-token-stored-earlier',
		});
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/invalid_client/);
		expect(result.message).toMatch(/SecretID and the Secret/);
		expect(result.message).not.toContain('wrong-secret-987');
		expect(sandbox.requestsTo('/api/v1/callTask.json')).toHaveLength(0);
	});

	it('Test: an empty SecretID fails before any request', async () => {
		const result = await pressTest({ apiId: '', secret: 'x', baseUrl });
		expect(result).toEqual({
			status: 'Error',
			message: expect.stringMatching(/enter the SecretID and the Secret/),
		});
		expect(sandbox.requests).toHaveLength(0);
	});

	it('Test: the API failing after a good token is an error', async () => {
		sandbox.fail({ path: '/api/v1/callTask.json', failure: { kind: 'http', status: 503 } });
		const result = await pressTest({ ...SANDBOX_OAUTH, baseUrl });
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/HTTP 503/);
	});

	it('Test: a Base URL that serves a web page is not the Bangwo8 API', async () => {
		const other = await otherServer();
		try {
			const result = await pressTest({ ...SANDBOX_OAUTH, baseUrl: `${other.url}/page` });
			expect(result.status).toBe('Error');
			expect(result.message).toMatch(
				/answered with a web page \(HTTP 200\): it is not the Bangwo8 API\. Check the Base URL/,
			);
		} finally {
			await other.stop();
		}
	});

	it('Test: a refused connection names the Base URL to check', async () => {
		const url = `http://127.0.0.1:${await closedPort()}`;
		const result = await pressTest({ ...SANDBOX_OAUTH, baseUrl: url });
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(
			/refused the connection: nothing answers at that address\. Check the Base URL/,
		);
	});

	it('preAuthentication: a credential saved under the old field names (clientId, clientSecret) still gets its token', async () => {
		const helper = { helpers: { httpRequest: fetchRequest } };
		const result = await credential.preAuthentication.call(helper as never, {
			clientId: SANDBOX_OAUTH.apiId,
			clientSecret: SANDBOX_OAUTH.secret,
			apiId: '',
			secret: '',
			baseUrl,
			accessToken: '',
		});
		expect(sandbox.tokens.has(String(result.accessToken))).toBe(true);
	});

	it('preAuthentication: concurrent calls share one token request; a later call fetches anew', async () => {
		const helper = { helpers: { httpRequest: fetchRequest } };
		const data = { ...SANDBOX_OAUTH, baseUrl, accessToken: '' };
		const results = await Promise.all(
			[1, 2, 3].map(async () => await credential.preAuthentication.call(helper as never, data)),
		);
		expect(new Set(results.map((r) => r.accessToken)).size).toBe(1);
		expect(sandbox.issuedTokens).toBe(1);
		const later = await credential.preAuthentication.call(helper as never, data);
		expect(later.accessToken).not.toBe(results[0].accessToken);
		expect(sandbox.issuedTokens).toBe(2);
	});

	it("authenticate: the token as Bearer, at the credential's Base URL", async () => {
		const options = await credential.authenticate(
			{ ...SANDBOX_OAUTH, baseUrl: 'https://abtest.bangwo8.com/', accessToken: 'tok-1' },
			{
				baseURL: 'https://www.bangwo8.com',
				url: '/api/v1/callTask.json',
				headers: { Accept: 'application/json' },
			} as IHttpRequestOptions,
		);
		expect(options.baseURL).toBe('https://abtest.bangwo8.com');
		expect(options.headers).toEqual({ Accept: 'application/json', Authorization: 'Bearer tok-1' });
	});
});
