// Bangwo8 sandbox, the call task list: paging by next_page, filters, the summary shape.
import { request } from 'http';

import { SEED } from '../bangwo8';
import { ADMIN, type Reply, useSandbox } from './client';

const { sandbox, get } = useSandbox();
const { firstId } = SEED.callTask;

describe('call task list and paging', () => {
	it('follows next_page through 250 tasks at per_page 100: 3 pages, no duplicates, newest first', async () => {
		const ids = sandbox.seedCallTasks(250);
		expect(new Set(ids).size).toBe(250);
		const seen: string[] = [];
		let url: string | null = '/api/v1/callTask.json?per_page=100';
		let pages = 0;
		while (url) {
			const res: Reply = await get(url);
			expect(res.status).toBe(200);
			expect(res.json.count).toBe(250);
			expect(res.json.previous_page).toBe(
				pages ? `${sandbox.url}/api/v1/callTask.json?per_page=100&page=${pages}` : null,
			);
			pages++;
			seen.push(...res.json.callTask.map((t: { callTaskId: string }) => t.callTaskId));
			url = res.json.next_page;
			if (url)
				expect(url).toBe(`${sandbox.url}/api/v1/callTask.json?per_page=100&page=${pages + 1}`);
		}
		expect(pages).toBe(3);
		expect(seen).toHaveLength(250);
		expect(new Set(seen).size).toBe(250);
		expect(seen).toEqual([...ids].reverse());
	});

	it('builds next_page from the Host header and keeps the other parameters', async () => {
		sandbox.seedCallTasks(5);
		const res = await get(
			'/api/v1/callTask.json?created_start=2024-01-02&per_page=2&created_order=asc',
		);
		expect(res.json.count).toBe(4);
		expect(res.json.next_page).toBe(
			`${sandbox.url}/api/v1/callTask.json?created_start=2024-01-02&per_page=2&created_order=asc&page=2`,
		);
		const second = await get(res.json.next_page);
		expect(second.json.next_page).toBeNull();
		expect(second.json.previous_page).toBe(
			`${sandbox.url}/api/v1/callTask.json?created_start=2024-01-02&per_page=2&created_order=asc&page=1`,
		);
		expect(second.json.callTask.map((t: { created_at: string }) => t.created_at)).toEqual([
			'2024-01-04 09:00:00',
			'2024-01-05 09:00:00',
		]);
		// fetch will not send another Host, so this one goes through http.request.
		const other = await new Promise<string>((resolve, reject) => {
			const req = request(
				`${sandbox.url}/api/v1/callTask.json?per_page=2`,
				{ headers: { Authorization: ADMIN, Host: 'example.test:8080' } },
				(res) => {
					let text = '';
					res.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
					res.on('end', () => resolve(text));
				},
			);
			req.on('error', reject);
			req.end();
		});
		expect(JSON.parse(other).next_page).toBe(
			'http://example.test:8080/api/v1/callTask.json?per_page=2&page=2',
		);
	});

	it('lists items with string ids, Chinese status and timestamps', async () => {
		const [id] = sandbox.seedCallTasks(1);
		const res = await get('/api/v1/callTask.json');
		expect(res.json.callTask).toEqual([
			{
				callTaskId: id,
				task_name: '沙盒外呼任务1',
				task_start: '2024-01-01',
				task_end: '2024-01-08',
				complete: '逾期未完成',
				created_at: '2024-01-01 09:00:00',
				updated_at: '2024-01-01 09:30:00',
			},
		]);
		expect(id).toBe(firstId);
	});

	it('answers an empty page past the end', async () => {
		sandbox.seedCallTasks(3);
		const res = await get('/api/v1/callTask.json?page=5');
		expect(res.json.callTask).toEqual([]);
		expect(res.json.next_page).toBeNull();
		expect(res.json.count).toBe(3);
	});
});
