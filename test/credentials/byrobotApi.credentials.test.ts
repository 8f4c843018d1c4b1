import type { IHttpRequestOptions } from 'n8n-workflow';

import { ByrobotApi, byrobotSignature } from '../../credentials/ByrobotApi.credentials';
import { testCredential } from '../harness';
import { closedPort } from '../harness/network';
import { otherServer, type OtherServer } from './helpers';
import { ByrobotSandbox, SANDBOX_APP_KEY, SANDBOX_APP_SECRET } from '../sandbox/byrobot';

const credential = new ByrobotApi();
/** The Test button, with the form's data. */
const pressTest = async (data: Record<string, string>) => await testCredential(credential, data);

describe('Byrobot API credential', () => {
	describe('signature', () => {
		it('matches the test vector of the vendor docs', () => {
			expect(byrobotSignature('testAppKey', 'testAppSecret', 'Thu, 13 Dec 2018 01:27:17 GMT')).toBe(
				'G5ItXcU7P+KDs6Pr0STlGWjakMQ=',
			);
		});

		it('adds appkey, a fresh RFC 1123 datetime and the sign to every request', async () => {
			jest.useFakeTimers({ now: new Date('2018-12-13T01:27:17Z') });
			try {
				const first = await credential.authenticate(
					{ appKey: 'testAppKey', appSecret: 'testAppSecret' },
					{ url: '/x', headers: { Accept: 'application/json' } } as IHttpRequestOptions,
				);
				expect(first.headers).toEqual({
					Accept: 'application/json',
					appkey: 'testAppKey',
					datetime: 'Thu, 13 Dec 2018 01:27:17 GMT',
					sign: 'G5ItXcU7P+KDs6Pr0STlGWjakMQ=',
				});
				jest.setSystemTime(new Date('2018-12-13T01:29:00Z'));
				const second = await credential.authenticate(
					{ appKey: 'testAppKey', appSecret: 'testAppSecret' },
					{ url: '/x' } as IHttpRequestOptions,
				);
				expect(second.headers?.datetime).toBe('Thu, 13 Dec 2018 01:29:00 GMT');
				expect(second.headers?.sign).toBe(
					byrobotSignature('testAppKey', 'testAppSecret', 'Thu, 13 Dec 2018 01:29:00 GMT'),
				);
			} finally {
				jest.useRealTimers();
			}
		});

		it('never sends the AppSecret itself', async () => {
			const options = await credential.authenticate(
				{ appKey: 'k', appSecret: 'very-secret-value' },
				{ url: '/x' } as IHttpRequestOptions,
			);
			expect(JSON.stringify(options)).not.toContain('very-secret-value');
		});
	});

	describe('base URL', () => {
		const authenticate = async (
			credentials: Record<string, string>,
			options: Partial<IHttpRequestOptions>,
		) =>
			await credential.authenticate({ appKey: 'k', appSecret: 's', ...credentials }, {
				...options,
			} as IHttpRequestOptions);

		it("puts the credential's Base URL (trailing slashes dropped) on a request that has none", async () => {
			expect(
				(await authenticate({ baseUrl: 'https://byrobot.example.com/' }, { url: '/openapi/v1/x' }))
					.baseURL,
			).toBe('https://byrobot.example.com');
			expect((await authenticate({ baseUrl: '' }, { url: '/openapi/v1/x' })).baseURL).toBe(
				'https://api.byrobot.cn',
			);
		});

		it("replaces the public host the Byrobot node names with the credential's Base URL", async () => {
			expect(
				(
					await authenticate(
						{ baseUrl: 'https://byrobot.example.com' },
						{ baseURL: 'https://api.byrobot.cn', url: '/openapi/v1/x' },
					)
				).baseURL,
			).toBe('https://byrobot.example.com');
		});

		it('leaves a request alone that names another base URL or a full URL (HTTP Request node)', async () => {
			expect(
				(
					await authenticate(
						{ baseUrl: 'https://a.example' },
						{ baseURL: 'https://b.example', url: '/x' },
					)
				).baseURL,
			).toBe('https://b.example');
			expect(
				(await authenticate({ baseUrl: 'https://a.example' }, { url: 'https://c.example/x' }))
					.baseURL,
			).toBeUndefined();
		});
	});

	describe('Test button against the sandbox', () => {
		const sandbox = new ByrobotSandbox();
		let baseUrl: string;
		beforeAll(async () => {
			baseUrl = await sandbox.start();
		});
		afterAll(async () => sandbox.stop());
		beforeEach(() => {
			sandbox.clearRequests();
			sandbox.clearFailures();
			sandbox.clockOffsetMs = 0;
		});

		it('passes with the right AppKey and AppSecret, sending a request the sandbox accepts', async () => {
			const result = await pressTest({
				appKey: SANDBOX_APP_KEY,
				appSecret: SANDBOX_APP_SECRET,
				baseUrl,
			});
			expect(result).toEqual({ status: 'OK', message: 'Connection successful!' });
			// The check (authenticate() for the Test's request), then n8n's own request.
			expect(sandbox.requests).toHaveLength(2);
			const [request] = sandbox.requests;
			expect(request.method).toBe('GET');
			expect(request.path).toBe('/openapi/v1/company/getCompanys');
			expect(request.headers.appkey).toBe(SANDBOX_APP_KEY);
			expect(request.headers.sign).toBe(
				byrobotSignature(SANDBOX_APP_KEY, SANDBOX_APP_SECRET, String(request.headers.datetime)),
			);
		});

		it('accepts a Base URL with a trailing slash', async () => {
			const result = await pressTest({
				appKey: SANDBOX_APP_KEY,
				appSecret: SANDBOX_APP_SECRET,
				baseUrl: `${baseUrl}/`,
			});
			expect(result.status).toBe('OK');
			expect(sandbox.requests[0].path).toBe('/openapi/v1/company/getCompanys');
		});

		it('fails with a wrong AppSecret, naming the cause and not the secret', async () => {
			const result = await pressTest({
				appKey: SANDBOX_APP_KEY,
				appSecret: 'wrong-secret-123',
				baseUrl,
			});
			expect(result.status).toBe('Error');
			expect(result.message).toMatch(/signature/i);
			expect(result.message).toMatch(/AppKey and AppSecret/);
			expect(result.message).not.toContain('wrong-secret-123');
			// The check stops the Test: n8n's own request is not sent.
			expect(sandbox.requests).toHaveLength(1);
		});

		it('tells the user to check the n8n host clock on code 408', async () => {
			sandbox.clockOffsetMs = 10 * 60 * 1000;
			const result = await pressTest({
				appKey: SANDBOX_APP_KEY,
				appSecret: SANDBOX_APP_SECRET,
				baseUrl,
			});
			expect(result.status).toBe('Error');
			expect(result.message).toMatch(/408/);
			expect(result.message).toMatch(/clock of the n8n host/);
		});

		it.each([
			[403, /403.*bind/s],
			[412, /412/],
			[500, /500/],
		])('fails on an envelope code %s with HTTP 200', async (code, pattern) => {
			sandbox.fail({ failure: { kind: 'envelope', code, resultMsg: 'vendor says no' } });
			const result = await pressTest({
				appKey: SANDBOX_APP_KEY,
				appSecret: SANDBOX_APP_SECRET,
				baseUrl,
			});
			expect(result.status).toBe('Error');
			expect(result.message).toMatch(pattern);
		});

		it('fails on an HTTP error', async () => {
			sandbox.fail({ failure: { kind: 'http', status: 502 } });
			const result = await pressTest({
				appKey: SANDBOX_APP_KEY,
				appSecret: SANDBOX_APP_SECRET,
				baseUrl,
			});
			expect(result.status).toBe('Error');
		});
	});

	describe('Test button with a Base URL that is not BYRobot', () => {
		let other: OtherServer;
		beforeAll(async () => {
			other = await otherServer();
		});
		afterAll(async () => other.stop());
		const keys = { appKey: SANDBOX_APP_KEY, appSecret: SANDBOX_APP_SECRET };

		it.each([
			['a web page (HTTP 200)', '/page', /answered with a web page \(HTTP 200\)/],
			[
				'other JSON (HTTP 200)',
				'/json',
				/answered with JSON that is not BYRobot's answer \(HTTP 200/,
			],
			['plain text', '/text', /answered with something that is not JSON \(HTTP 200: "ok"\)/],
			[
				'another service that wants a login (HTTP 401)',
				'/login',
				/answered with JSON that is not BYRobot's answer \(HTTP 401/,
			],
		])('fails for %s, naming the Base URL', async (_what, path, pattern) => {
			const result = await pressTest({ ...keys, baseUrl: `${other.url}${path}` });
			expect(result.status).toBe('Error');
			expect(result.message).toMatch(pattern);
			expect(result.message).toMatch(/it is not the BYRobot API\. Check the Base URL/);
			expect(result.message).not.toContain(SANDBOX_APP_SECRET);
		});

		it('explains a refused connection by the Base URL to check', async () => {
			const url = `http://127.0.0.1:${await closedPort()}`;
			const result = await pressTest({ ...keys, baseUrl: url });
			expect(result).toEqual({
				status: 'Error',
				message: `${url} refused the connection: nothing answers at that address. Check the Base URL of the Byrobot API credential: leave https://api.byrobot.cn unless you run a private deployment of BYRobot.`,
			});
		});

		it('refuses a Base URL that is not a web address, before any request', async () => {
			const result = await pressTest({ ...keys, baseUrl: 'api.byrobot.cn' });
			expect(result.status).toBe('Error');
			expect(result.message).toMatch(/"api\.byrobot\.cn" is not a web address/);
		});

		it('asks for the AppKey and the AppSecret when one is empty', async () => {
			const before = other.requests.length;
			const result = await pressTest({ appKey: '', appSecret: 'x', baseUrl: other.url });
			expect(result.message).toMatch(/^Enter the AppKey and the AppSecret/);
			expect(other.requests).toHaveLength(before);
		});
	});
});
