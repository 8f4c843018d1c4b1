import type { IHttpRequestOptions } from 'n8n-workflow';

import { Bangwo8Api } from '../../credentials/Bangwo8Api.credentials';
import { testCredential } from '../harness';
import { closedPort } from '../harness/network';
import { otherServer } from './helpers';
import { Bangwo8Sandbox, SANDBOX_ADMIN, SANDBOX_AGENT } from '../sandbox/bangwo8';

const credential = new Bangwo8Api();
/** The Test button, with the form's data. */
const pressTest = async (data: Record<string, string>) => await testCredential(credential, data);

describe('Bangwo8 API credential', () => {
	const sandbox = new Bangwo8Sandbox();
	let baseUrl: string;
	beforeAll(async () => {
		baseUrl = await sandbox.start();
	});
	afterAll(async () => sandbox.stop());
	beforeEach(() => {
		sandbox.clearRequests();
		sandbox.clearFailures();
	});

	it('passes with the admin account, fetching one call task with HTTP Basic', async () => {
		const result = await pressTest({ ...SANDBOX_ADMIN, baseUrl });
		expect(result).toEqual({ status: 'OK', message: 'Connection successful!' });
		// The check (authenticate() for the Test's request), then n8n's own request.
		expect(sandbox.requests).toHaveLength(2);
		const [request] = sandbox.requests;
		expect(request.method).toBe('GET');
		expect(request.path).toBe('/api/v1/callTask.json');
		expect(request.query).toEqual({ per_page: '1' });
		const expected = Buffer.from(`${SANDBOX_ADMIN.account}:${SANDBOX_ADMIN.password}`).toString(
			'base64',
		);
		expect(request.headers.authorization).toBe(`Basic ${expected}`);
	});

	it('fails on a wrong password with a message that names the cause, not the password', async () => {
		const result = await pressTest({
			account: SANDBOX_ADMIN.account,
			password: 'not-the-password-42',
			baseUrl,
		});
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/account or password \(HTTP 401\)/);
		expect(result.message).not.toContain('not-the-password-42');
	});

	it('explains that an agent account cannot use the call task API (HTTP 403)', async () => {
		const result = await pressTest({ ...SANDBOX_AGENT, baseUrl });
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/admin account/);
		expect(result.message).toMatch(/403/);
	});

	it('fails when the service is down', async () => {
		sandbox.fail({ failure: { kind: 'http', status: 503 } });
		const result = await pressTest({ ...SANDBOX_ADMIN, baseUrl });
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/HTTP 503/);
	});

	it.each([
		['a web page', '/page', /answered with a web page \(HTTP 200\)/],
		['other JSON', '/json', /answered with JSON that is not Bangwo8's answer/],
		['another service that wants a login (HTTP 401)', '/login', /HTTP 401/],
	])(
		'says a Base URL that answers with %s is not the Bangwo8 API',
		async (_what, path, pattern) => {
			const other = await otherServer();
			try {
				const result = await pressTest({ ...SANDBOX_ADMIN, baseUrl: `${other.url}${path}` });
				expect(result.status).toBe('Error');
				expect(result.message).toMatch(pattern);
				expect(result.message).toMatch(/it is not the Bangwo8 API\. Check the Base URL/);
				expect(result.message).not.toContain(SANDBOX_ADMIN.password);
			} finally {
				await other.stop();
			}
		},
	);

	it('explains a refused connection by the Base URL to check', async () => {
		const url = `http://127.0.0.1:${await closedPort()}`;
		const result = await pressTest({ ...SANDBOX_ADMIN, baseUrl: url });
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(
			/refused the connection: nothing answers at that address\. Check the Base URL/,
		);
	});

	describe('authenticate', () => {
		const authenticate = async (
			baseUrl: string | undefined,
			options: Partial<IHttpRequestOptions>,
		) =>
			await credential.authenticate(
				{ ...SANDBOX_ADMIN, ...(baseUrl === undefined ? {} : { baseUrl }) },
				{ ...options } as IHttpRequestOptions,
			);

		it('sends the account and password as HTTP Basic', async () => {
			const options = await authenticate(undefined, { url: '/api/v1/callTask.json' });
			expect(options.auth).toEqual({
				username: SANDBOX_ADMIN.account,
				password: SANDBOX_ADMIN.password,
			});
		});

		it("replaces the public host the Bangwo8 node names with the credential's Base URL (trailing slashes dropped)", async () => {
			const options = await authenticate('https://abtest.bangwo8.com//', {
				baseURL: 'https://www.bangwo8.com',
				url: '/api/v1/callTask.json',
			});
			expect(options.baseURL).toBe('https://abtest.bangwo8.com');
			expect((await authenticate('', { url: '/api/v1/users.json' })).baseURL).toBe(
				'https://www.bangwo8.com',
			);
		});

		it('leaves a request alone that names another base URL or a full URL (HTTP Request node)', async () => {
			expect(
				(await authenticate('https://a.example', { baseURL: 'https://b.example', url: '/x' }))
					.baseURL,
			).toBe('https://b.example');
			expect(
				(await authenticate('https://a.example', { url: 'https://c.example/x' })).baseURL,
			).toBeUndefined();
		});
	});
});
