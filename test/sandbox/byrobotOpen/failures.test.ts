// BYRobot open platform sandbox, test controls: fail(), answerNext(), answerTokenInvalid(), the
// requests log (with the answer sent), reset().
import { apiPath, ByrobotOpenSandbox, SEED } from '../byrobotOpen';
import { DEMO, form, useSandbox } from './client';

const { sandbox, api, ok, fails, token } = useSandbox();
const LIST = 'byai.openapi.company.list';

describe('failure injection', () => {
	it('fail({kind: envelope}) answers in the API envelope; 40000010 with its default text', async () => {
		sandbox.fail({
			path: 'byai.openapi.company/1.0.0/list',
			failure: { kind: 'envelope', code: 40000010 },
		});
		const t = await token();
		expect(await fails(api(LIST, {}, t), 40000010)).toBe('token无效');
		await ok(api(LIST, {}, t));
		sandbox.fail({
			path: /calljob/,
			failure: { kind: 'envelope', code: 500, resultMsg: '系统繁忙' },
		});
		expect(await fails(api('byai.openapi.calljob.list', { companyId: DEMO }, t), 500)).toBe(
			'系统繁忙',
		);
	});

	it('http, html and reset failures', async () => {
		const t = await token();
		sandbox.fail({ path: /company\/1\.0\.0\/list$/, failure: { kind: 'http', status: 503 } });
		expect((await api(LIST, {}, t)).status).toBe(503);
		sandbox.fail({ path: '/oauth/token', failure: { kind: 'html' } });
		const html = await fetch(`${sandbox.url}/oauth/token`, { method: 'POST' });
		expect(html.status).toBe(502);
		expect(html.headers.get('content-type')).toMatch(/text\/html/);
		sandbox.fail({ path: '/oauth/token', failure: { kind: 'reset' } });
		await expect(fetch(`${sandbox.url}/oauth/token`, { method: 'POST' })).rejects.toThrow();
	});

	it('answerTokenInvalid() scripts 40000010 once, with tokenInvalidStatus', async () => {
		const t = await token();
		sandbox.answerTokenInvalid();
		await fails(api(LIST, {}, t), 40000010);
		await ok(api(LIST, {}, t));
		sandbox.tokenInvalidStatus = 401;
		sandbox.answerTokenInvalid(`POST ${apiPath('byai.openapi.robot.list')}`, { times: 2 });
		await ok(api(LIST, {}, t));
		await fails(api('byai.openapi.robot.list', { companyId: DEMO }, t), 40000010, 401);
		await fails(api('byai.openapi.robot.list', { companyId: DEMO }, t), 40000010, 401);
		expect(sandbox.pendingAnswers()).toEqual([]);
	});

	it('answerNext() states an exact answer', async () => {
		const t = await token();
		sandbox.answerNext(`POST ${apiPath('byai.openapi.calljob.create')}`, {
			body: {
				code: 10000401,
				requestId: 'provider-request-1',
				resultMsg: '任务名称不能超过50个字符',
			},
		});
		const reply = await api('byai.openapi.calljob.create', {}, t);
		expect(reply.json).toEqual({
			code: 10000401,
			requestId: 'provider-request-1',
			resultMsg: '任务名称不能超过50个字符',
		});
		expect(sandbox.jobs.size).toBe(0);
	});
});

describe('the requests log', () => {
	it('records each request with its form body, API name and the answer sent', async () => {
		const t = await token();
		await api('byai.openapi.robot.list', { companyId: DEMO }, t);
		await api(LIST, {}, 'bad');
		const [tokenReq, robots, refused] = sandbox.requests;
		expect(tokenReq).toMatchObject({
			method: 'POST',
			path: '/oauth/token',
			status: 200,
			code: 200,
		});
		expect(robots).toMatchObject({
			path: '/api/oauth/byai.openapi.robot/1.0.0/list',
			body: { accessToken: t, companyId: String(DEMO) },
			status: 200,
			code: 200,
		});
		expect(refused).toMatchObject({ status: 200, code: 40000010 });
		expect(sandbox.requestsToApi(LIST)).toEqual([refused]);
	});

	it('reset() forgets tokens, jobs, requests and rules; issueToken() needs no HTTP', async () => {
		const t = sandbox.issueToken(SEED.company.second.id);
		expect(sandbox.issuedTokens).toBe(1);
		await ok(api('byai.openapi.robot.list', { companyId: 1002 }, t));
		sandbox.seedCallJobs(DEMO, 2);
		sandbox.fail({ path: '/oauth/token', failure: { kind: 'http', status: 500 } });
		sandbox.reset();
		expect([sandbox.tokens.size, sandbox.issuedTokens, sandbox.jobs.size]).toEqual([0, 0, 0]);
		expect(sandbox.requests).toHaveLength(0);
		expect(sandbox.failRules).toHaveLength(0);
		await fails(api('byai.openapi.robot.list', { companyId: 1002 }, t), 40000010);
	});
});

describe('options', () => {
	it('apps: another key pair and its companies', async () => {
		const other = new ByrobotOpenSandbox({
			apps: [{ appKey: 'k2', appSecret: 's2', companyIds: [1002] }],
			tokenLifetimeSeconds: 7200,
		});
		const url = await other.start(0);
		try {
			const answer = async (fields: Record<string, string>) =>
				(
					await fetch(`${url}/oauth/token`, {
						method: 'POST',
						headers: { 'content-type': 'application/x-www-form-urlencoded' },
						body: form(fields),
					})
				).json();
			expect(
				await answer({ client_id: 'k2', client_secret: 's2', company_id: '1001' }),
			).toMatchObject({
				success: false,
				code: 40004,
			});
			expect(
				await answer({ client_id: 'k2', client_secret: 's2', company_id: '1002' }),
			).toMatchObject({
				success: true,
				data: { expires_in: 7200 },
			});
			expect(other.tokenUrl).toBe(`${url}/oauth/token`);
			expect(other.baseUrl).toBe(`${url}/api/oauth`);
		} finally {
			await other.stop();
		}
	});
});
