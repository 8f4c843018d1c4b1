// Bangwo8 sandbox, routing and request checks: unknown resources, methods, content types.
import { SEED } from '../bangwo8';
import { ADMIN, newTask, useSandbox } from './client';

const { sandbox, call, get } = useSandbox();
const { firstId } = SEED.callTask;

describe('routing and request checks', () => {
	it('answers 404 Invalid resource URI to unknown resources and ids that are not numbers', async () => {
		for (const path of [
			'/api/v1/tickets/abc.json',
			'/api/v1/callTask/abc.json',
			'/api/v2/callTask.json',
			'/api/v1/calltask.json',
		]) {
			const res = await get(path);
			expect(res.status).toBe(404);
			expect(res.json).toEqual({ errcode: '100047', errmsg: 'Invalid resource URI' });
		}
	});

	it('accepts the capitalised CallTask of the seed examples', async () => {
		const created = await call('POST', '/api/v1/CallTask.json', { body: newTask() });
		expect(created.status).toBe(200);
		const id = created.json.callTask.data[0].callTaskId;
		expect((await get(`/api/v1/CallTask/${id}.json`)).status).toBe(200);
		expect((await get(`/api/v1/CallTask/userList/${id}.json`)).status).toBe(200);
		const deleted = await call('DELETE', `/api/v1/CallTask/${id}.json`, {
			headers: { 'Content-Type': 'application/json' },
		});
		expect(deleted.json).toEqual({ Status: '200 OK', callTaskId: id });
	});

	it('answers 405 to a wrong method', async () => {
		for (const [method, path] of [
			['PUT', '/api/v1/callTask.json'],
			['DELETE', '/api/v1/callTask.json'],
			['POST', `/api/v1/callTask/${firstId}.json`],
			['DELETE', '/api/v1/supports.json'],
		]) {
			const res = await call(method, path, { body: {} });
			expect(res.status).toBe(405);
			expect(res.json).toEqual({ errcode: '100048', errmsg: expect.stringContaining(method) });
			expect(res.headers.get('allow')).toBeTruthy();
		}
	});

	it('answers 400 to a POST without the JSON content type or with a body that is not JSON', async () => {
		const formBody = await call('POST', '/api/v1/callTask.json', {
			body: 'task_name=x',
			headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
		});
		expect(formBody.status).toBe(400);
		expect(formBody.json).toEqual({
			errcode: '100011',
			errmsg: 'Content-Type must be application/json',
		});
		const noType = await fetch(`${sandbox.url}/api/v1/callTask.json`, {
			method: 'POST',
			headers: { Authorization: ADMIN },
			body: new Uint8Array(Buffer.from(JSON.stringify(newTask()))),
		});
		expect(noType.status).toBe(400);
		const broken = await call('POST', '/api/v1/callTask.json', { body: '{"callTask": {' });
		expect(broken.status).toBe(400);
		expect(broken.json.errcode).toBe('100012');
		const empty = await call('POST', '/api/v1/callTask.json', {
			headers: { 'Content-Type': 'application/json' },
		});
		expect(empty.status).toBe(400);
		expect(sandbox.callTasks.size).toBe(0);
	});
});
