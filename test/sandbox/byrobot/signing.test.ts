// BYRobot sandbox, the protocol: signature and clock check, routing, body and parameter checks
// (byrobot/protocol.js).
import { ByrobotSandbox, SEED, computeSign, signHeaders } from '../byrobot';
import { auth, hmacSign, useSandbox, validTask } from './client';

const { sandbox, call, get, post, ok, fails } = useSandbox();
const { demo, second, unbound } = SEED.company;

// ── signing ────────────────────────────────────────────────────────────────────────────────────
describe('signing', () => {
	it('matches the documented test vector', () => {
		const datetime = 'Thu, 13 Dec 2018 01:27:17 GMT';
		expect(hmacSign('testAppKey', 'testAppSecret', datetime)).toBe('G5ItXcU7P+KDs6Pr0STlGWjakMQ=');
		expect(computeSign('testAppKey', 'testAppSecret', datetime)).toBe(
			'G5ItXcU7P+KDs6Pr0STlGWjakMQ=',
		);
		const h = signHeaders('testAppKey', 'testAppSecret', new Date('2018-12-13T01:27:17Z'));
		expect(h).toEqual({ appkey: 'testAppKey', datetime, sign: 'G5ItXcU7P+KDs6Pr0STlGWjakMQ=' });
	});

	it('accepts a correctly signed request and lists the bound companies only', async () => {
		const data = await ok(get('company/getCompanys'));
		expect(data).toEqual([
			{ companyId: demo.id, companyName: demo.name },
			{ companyId: second.id, companyName: second.name },
		]);
		expect(sandbox.requestsTo('company/getCompanys', 'GET')).toHaveLength(1);
	});

	it('rejects a wrong sign with 401 (HTTP 200)', async () => {
		const msg = await fails(
			call('GET', 'company/getCompanys', { headers: auth({ appSecret: 'nope' }) }),
			401,
		);
		expect(msg).toContain('sign verify failed');
	});

	it('rejects an unknown appkey with 401', async () => {
		const msg = await fails(
			call('GET', 'company/getCompanys', { headers: auth({ appKey: 'who' }) }),
			401,
		);
		expect(msg).toContain('unknown appkey');
	});

	it('rejects missing headers', async () => {
		const h = auth();
		const without = (name: string) =>
			Object.fromEntries(Object.entries(h).filter(([k]) => k !== name));
		expect(
			await fails(call('GET', 'company/getCompanys', { headers: without('appkey') }), 401),
		).toContain('appkey');
		expect(
			await fails(call('GET', 'company/getCompanys', { headers: without('sign') }), 401),
		).toContain('sign');
		expect(
			await fails(call('GET', 'company/getCompanys', { headers: without('datetime') }), 408),
		).toContain('datetime');
	});

	it('answers 408 for a datetime older than 3 minutes', async () => {
		const date = new Date(Date.now() - 4 * 60 * 1000);
		const msg = await fails(call('GET', 'company/getCompanys', { headers: auth({ date }) }), 408);
		expect(msg).toContain('behind');
	});

	it('tolerates up to 3 minutes of skew either way', async () => {
		await ok(
			call('GET', 'company/getCompanys', {
				headers: auth({ date: new Date(Date.now() - 170_000) }),
			}),
		);
		await ok(
			call('GET', 'company/getCompanys', {
				headers: auth({ date: new Date(Date.now() + 170_000) }),
			}),
		);
		await fails(
			call('GET', 'company/getCompanys', {
				headers: auth({ date: new Date(Date.now() + 200_000) }),
			}),
			408,
		);
	});

	it('uses clockOffsetMs as its clock', async () => {
		sandbox.clockOffsetMs = 5 * 60 * 1000;
		await fails(get('company/getCompanys'), 408);
		await ok(
			call('GET', 'company/getCompanys', {
				headers: auth({ date: new Date(Date.now() + 5 * 60 * 1000) }),
			}),
		);
		sandbox.reset();
		expect(sandbox.clockOffsetMs).toBe(0);
	});

	it('answers 408 for a datetime that is not RFC 1123 GMT (even when signed)', async () => {
		const datetime = new Date().toISOString();
		const msg = await fails(
			call('GET', 'company/getCompanys', { headers: auth({ datetime }) }),
			408,
		);
		expect(msg).toContain('RFC 1123');
	});

	it('honours the apps option and answers 403 for companies of other apps', async () => {
		const other = new ByrobotSandbox({
			apps: [{ appKey: 'k2', appSecret: 's2', companyIds: [unbound.id] }],
		});
		const url = await other.start(0);
		try {
			const res = await fetch(`${url}/openapi/v1/company/getCompanys`, {
				headers: signHeaders('k2', 's2'),
			});
			expect(await res.json()).toMatchObject({
				code: 200,
				data: [{ companyId: unbound.id, companyName: unbound.name }],
			});
			const denied = await fetch(`${url}/openapi/v1/company/getPhones?companyId=${demo.id}`, {
				headers: signHeaders('k2', 's2'),
			});
			expect(await denied.json()).toMatchObject({ code: 403 });
			const unknownKey = await fetch(`${url}/openapi/v1/company/getCompanys`, {
				headers: signHeaders(),
			});
			expect(await unknownKey.json()).toMatchObject({ code: 401 });
		} finally {
			await other.stop();
		}
	});
});

// ── routing & envelope ─────────────────────────────────────────────────────────────────────────
describe('routing', () => {
	it('answers HTTP 404 / code 404 for an unknown path', async () => {
		const msg = await fails(get('task/nope'), 404, 404);
		expect(msg).toContain('/openapi/v1/task/nope');
	});

	it('answers HTTP 405 / code 405 for a wrong method', async () => {
		const a = await call('GET', 'task/createTask', { query: { companyId: demo.id } });
		expect(a.status).toBe(405);
		expect(a.json.code).toBe(405);
		expect(a.headers.get('allow')).toBe('POST');
		await fails(post('company/getPhones', { companyId: demo.id }), 405, 405);
	});

	it('needs a JSON object body on POST actions', async () => {
		expect(
			await fails(
				call('POST', 'task/start', {
					rawBody: 'taskId=1',
					contentType: 'application/x-www-form-urlencoded',
				}),
				412,
			),
		).toContain('Content-Type');
		expect(
			await fails(
				call('POST', 'task/start', { rawBody: '{"taskId": ', contentType: 'application/json' }),
				412,
			),
		).toContain('not valid JSON');
		expect(await fails(call('POST', 'task/start', { rawBody: '[1]' }), 412)).toContain(
			'JSON object',
		);
		expect(await fails(call('POST', 'task/start', {}), 412)).toContain('Content-Type');
	});

	it('checks query parameter types', async () => {
		expect(await fails(get('company/getPhones', { companyId: 'abc' }), 412)).toBe(
			'参数错误: companyId must be an integer',
		);
		expect(await fails(get('company/getPhones'), 412)).toBe('参数错误: companyId is required');
	});

	it('answers 403 for an unbound or unknown company', async () => {
		await fails(get('company/getPhones', { companyId: unbound.id }), 403);
		await fails(get('company/getPhones', { companyId: 9999 }), 403);
		await fails(post('task/createTask', validTask({ companyId: unbound.id })), 403);
	});

	it('numbers requestIds', async () => {
		const a = await get('company/getCompanys');
		const b = await get('company/getCompanys');
		expect(a.json.requestId).not.toBe(b.json.requestId);
	});
});
