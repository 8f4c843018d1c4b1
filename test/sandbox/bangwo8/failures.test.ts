// Bangwo8 sandbox, test controls: injected failures (fail), scripted answers (answerNext), reset.
import { SEED } from '../bangwo8';
import { ADMIN, newTask, useSandbox } from './client';

const { sandbox, call, get, token } = useSandbox();
const { firstId } = SEED.callTask;

describe('failure injection', () => {
	it('answers injected HTTP errors with errcode/errmsg bodies', async () => {
		sandbox.fail({ path: '/callTask.json', failure: { kind: 'http', status: 503 } });
		const res = await get('/api/v1/callTask.json');
		expect(res.status).toBe(503);
		expect(res.json).toEqual({ errcode: '100503', errmsg: 'Service under maintenance' });
		expect((await get('/api/v1/callTask.json')).status).toBe(200);

		sandbox.fail({ failure: { kind: 'http', status: 500 } });
		expect((await get('/api/v1/users.json')).json).toEqual({
			errcode: '100500',
			errmsg: 'Internal Server Error',
		});
	});

	it('adds Retry-After to a 429', async () => {
		sandbox.retryAfterSeconds = 2;
		sandbox.fail({ method: 'GET', failure: { kind: 'http', status: 429 } });
		const res = await get('/api/v1/supports.json');
		expect(res.status).toBe(429);
		expect(res.headers.get('retry-after')).toBe('2');
		expect(res.json).toEqual({ errcode: '100429', errmsg: 'Too many requests' });
	});

	it('passes a given body through', async () => {
		sandbox.fail({
			failure: { kind: 'http', status: 502, body: 'upstream down', contentType: 'text/plain' },
		});
		const res = await get('/api/v1/supports.json');
		expect(res.status).toBe(502);
		expect(res.text).toBe('upstream down');
	});

	it('answers envelope failures with HTTP 200 and {Status, message}', async () => {
		sandbox.fail({
			method: 'DELETE',
			failure: { kind: 'envelope', code: 500, resultMsg: 'database busy' },
		});
		sandbox.fail({ method: 'GET', failure: { kind: 'envelope', code: 403 } });
		const del = await call('DELETE', '/api/v1/callTask/1.json');
		expect(del.status).toBe(200);
		expect(del.json).toEqual({ Status: '500', message: 'database busy' });
		const list = await get('/api/v1/callTask.json');
		expect(list.status).toBe(200);
		expect(list.json).toEqual({ Status: '403', message: expect.any(String) });
	});

	it('answers html, malformed JSON and connection resets', async () => {
		sandbox.fail({ failure: { kind: 'html' } });
		const html = await get('/api/v1/callTask.json');
		expect(html.status).toBe(502);
		expect(html.headers.get('content-type')).toContain('text/html');
		sandbox.fail({ failure: { kind: 'malformed' } });
		const broken = await get('/api/v1/callTask.json');
		expect(broken.status).toBe(200);
		expect(broken.json).toBeUndefined();
		sandbox.fail({ failure: { kind: 'reset' } });
		await expect(
			fetch(`${sandbox.url}/api/v1/callTask.json`, { headers: { Authorization: ADMIN } }),
		).rejects.toThrow();
		expect((await get('/api/v1/callTask.json')).status).toBe(200);
	});

	it('delays slow answers and still answers them', async () => {
		sandbox.fail({ failure: { kind: 'slow', ms: 300 } });
		const started = Date.now();
		const res = await get('/api/v1/supports.json');
		expect(Date.now() - started).toBeGreaterThanOrEqual(280);
		expect(res.status).toBe(200);
	});

	it('honours skip, times, method and path', async () => {
		sandbox.fail({
			path: '/callTask.json',
			method: 'GET',
			skip: 1,
			times: 2,
			failure: { kind: 'http', status: 503 },
		});
		const statuses: number[] = [];
		for (let i = 0; i < 4; i++) statuses.push((await get('/api/v1/callTask.json')).status);
		expect(statuses).toEqual([200, 503, 503, 200]);
		expect((await get('/api/v1/supports.json')).status).toBe(200);
		sandbox.fail({ path: /userList/, times: Infinity, failure: { kind: 'http', status: 500 } });
		const [id] = sandbox.seedCallTasks(1);
		expect((await get(`/api/v1/callTask/userList/${id}.json`)).status).toBe(500);
		expect((await get(`/api/v1/callTask/userList/${id}.json`)).status).toBe(500);
		sandbox.clearFailures();
		expect((await get(`/api/v1/callTask/userList/${id}.json`)).status).toBe(200);
	});
});

describe('scripted answers (answerNext)', () => {
	it('answers exactly what the test states, to the next matching request only', async () => {
		sandbox.answerNext(`DELETE /api/v1/callTask/${firstId}.json`, {
			body: { Status: '500', message: 'database busy' },
		});
		const del = await call('DELETE', `/api/v1/callTask/${firstId}.json`);
		expect(del.status).toBe(200);
		expect(del.json).toEqual({ Status: '500', message: 'database busy' });

		sandbox.answerNext('GET /api/v1/callTask.json', {
			status: 429,
			headers: { 'Retry-After': '5' },
			body: { errcode: '100429', errmsg: 'Too many requests' },
		});
		const limited = await get('/api/v1/callTask.json');
		expect(limited.status).toBe(429);
		expect(limited.headers.get('retry-after')).toBe('5');
		expect(limited.json).toEqual({ errcode: '100429', errmsg: 'Too many requests' });
		expect((await get('/api/v1/callTask.json')).status).toBe(200);
		expect(sandbox.pendingAnswers()).toEqual([]);
	});

	it('comes before the sandbox checks credentials, and changes no state', async () => {
		sandbox.answerNext('POST /api/v1/callTask.json', {
			body: { callTask: { successCount: 0, data: [] } },
		});
		const res = await call('POST', '/api/v1/callTask.json', { auth: null, body: newTask() });
		expect(res.status).toBe(200);
		expect(res.json).toEqual({ callTask: { successCount: 0, data: [] } });
		expect(sandbox.callTasks.size).toBe(0);
		expect(sandbox.requestsTo('/callTask.json', 'POST')[0]).toMatchObject({
			body: newTask(),
			status: 200,
		});
	});
});

describe('state and recording', () => {
	it('records requests and resets to the seed', async () => {
		await call('POST', '/api/v1/callTask.json', { body: newTask() });
		await token();
		expect(sandbox.requestsTo('/callTask.json', 'POST')).toHaveLength(1);
		expect(sandbox.requestsTo('/callTask.json', 'POST')[0].body).toEqual(newTask());
		expect(sandbox.requestsTo(/token\.php$/)[0].body).toEqual({ grant_type: 'client_credentials' });
		sandbox.agents[0].name = 'changed';
		sandbox.wrapDetailInArray = true;
		sandbox.reset();
		expect(sandbox.requests).toHaveLength(0);
		expect(sandbox.callTasks.size).toBe(0);
		expect(sandbox.issuedTokens).toBe(0);
		expect(sandbox.tokens.size).toBe(0);
		expect(sandbox.agents[0].name).toBe('王客服');
		expect(sandbox.wrapDetailInArray).toBe(false);
		expect(sandbox.seedCallTasks(1)).toEqual([firstId]);
	});
});

describe('the help-desk resources under failures, and their reset', () => {
	it('fails ticket, company and contact routes as asked, then answers normally', async () => {
		sandbox.fail({ path: /\/tickets\.json$/, failure: { kind: 'http', status: 503 } });
		sandbox.fail({ method: 'PUT', failure: { kind: 'envelope', code: 403, resultMsg: 'locked' } });
		sandbox.answerNext('GET /api/v1/companies.json', {
			body: '{"companies":[',
			contentType: 'application/json',
		});
		expect((await get(`/api/v1/users/${SEED.contact.zhao.id}/tickets.json`)).status).toBe(503);
		const put = await call('PUT', `/api/v1/tickets/${SEED.ticket.printer.id}.json`, {
			body: { ticket: { ticketStatus: '4' } },
		});
		expect(put.json).toEqual({ Status: '403', message: 'locked' });
		expect(sandbox.ticketById(SEED.ticket.printer.id)!.ticketStatus).toBe('2');
		expect((await get('/api/v1/companies.json')).text).toBe('{"companies":[');
		expect((await get('/api/v1/tickets.json')).status).toBe(200);
		expect((await get('/api/v1/companies.json')).json.count).toBe(3);
	});

	it('reset() restores tickets, contacts and the answer options', async () => {
		sandbox.ticketCreateAnswer = 'ticket';
		sandbox.contactMode = '2C';
		await call('POST', '/api/v1/tickets.json', {
			body: { ticket: { subject: 'a', descript: 'b' } },
		});
		await call('POST', '/api/v1/users.json', { body: { user: { mobile: '13700000001' } } });
		sandbox.ticketById(SEED.ticket.printer.id)!.subject = 'changed';
		sandbox.reset();
		expect(sandbox.tickets.size).toBe(5);
		expect(sandbox.contacts).toHaveLength(8);
		expect(sandbox.ticketById(SEED.ticket.printer.id)!.subject).toBe('打印机无法连接');
		expect([sandbox.ticketCreateAnswer, sandbox.contactMode]).toEqual(['generic', '2B']);
		expect(sandbox.seedTickets(1)).toEqual([SEED.ticketFirstId]);
	});
});
