import type { IHttpRequestOptions } from 'n8n-workflow';

import { Bangwo8OAuth2Api } from '../../credentials/Bangwo8OAuth2Api.credentials';
import { testCredential } from '../harness';
import { Bangwo8Sandbox, SANDBOX_OAUTH } from '../sandbox/bangwo8';

const credential = new Bangwo8OAuth2Api();
const CLIENT_HEADER = `Basic ${Buffer.from(`${SANDBOX_OAUTH.clientId}:${SANDBOX_OAUTH.clientSecret}`).toString('base64')}`;

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
		expect(
			credential.properties.find((p) => p.name === 'clientSecret')?.typeOptions?.password,
		).toBe(true);
	});

	it('Test: fetches a token with client credentials, then one call task with Bearer', async () => {
		const result = await testCredential(credential, { ...SANDBOX_OAUTH, baseUrl: `${baseUrl}/` });
		expect(result).toEqual({ status: 'OK', message: 'Connection successful!' });
		expect(sandbox.requests.map((r) => [r.method, r.path])).toEqual([
			['POST', '/api/token.php'],
			['GET', '/api/v1/callTask.json'],
		]);
		const [token, call] = sandbox.requests;
		expect(token.headers.authorization).toBe(CLIENT_HEADER);
		expect(token.body).toEqual({ grant_type: 'client_credentials' });
		expect(call.query).toEqual({ per_page: '1' });
		expect(call.headers.authorization).toBe(`Bearer ${[...sandbox.tokens.keys()][0]}`);
	});

	it('Test: a wrong Secret fails with invalid_client and never shows the secret', async () => {
		const result = await testCredential(credential, {
			...SANDBOX_OAUTH,
			clientSecret: 'wrong-secret-987',
			baseUrl,
		});
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/invalid_client/);
		expect(result.message).toMatch(/SecretID and the Secret/);
		expect(result.message).not.toContain('wrong-secret-987');
		expect(sandbox.requestsTo('/api/v1/callTask.json')).toHaveLength(0);
	});

	it('Test: an empty SecretID fails before any request', async () => {
		const result = await testCredential(credential, { clientId: '', clientSecret: 'x', baseUrl });
		expect(result).toEqual({
			status: 'Error',
			message: expect.stringMatching(/enter the SecretID and the Secret/),
		});
		expect(sandbox.requests).toHaveLength(0);
	});

	it('Test: the API failing after a good token is an error', async () => {
		sandbox.fail({ path: '/api/v1/callTask.json', failure: { kind: 'http', status: 503 } });
		const result = await testCredential(credential, { ...SANDBOX_OAUTH, baseUrl });
		expect(result.status).toBe('Error');
		expect(sandbox.issuedTokens).toBe(1);
	});

	it('preAuthentication: concurrent calls share one token request; a later call fetches anew', async () => {
		// A minimal stand-in for n8n's httpRequest helper (what n8n passes to preAuthentication).
		const httpRequest = async (options: IHttpRequestOptions) => {
			const response = await fetch(options.url, {
				method: options.method,
				headers: options.headers as Record<string, string>,
				body: options.body as string,
			});
			return await response.text();
		};
		const helper = { helpers: { httpRequest } };
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
