// Bangwo8 sandbox, a call task's detail, deletion and customer list (userList).
import { Bangwo8Sandbox, SEED } from '../bangwo8';
import { type Reply, newTask, useSandbox } from './client';

const { sandbox, call, get } = useSandbox();
const { agent: agents, contact: contacts, company: companies } = SEED;
const { firstId } = SEED.callTask;

describe('call task detail', () => {
	it('answers the seed shape: startime, numbers as strings', async () => {
		await call('POST', '/api/v1/callTask.json', { body: newTask() });
		const res = await get(`/api/v1/callTask/${firstId}.json`);
		expect(res.status).toBe(200);
		expect(res.json).toEqual({
			callTask: {
				callTaskId: firstId,
				task_name: '外呼任务名称1',
				startime: '2030-05-20',
				task_end: '2030-05-23',
				complete: '进行中',
				task_service: `${agents.admin.id},${agents.agent.id}`,
				phoneCount: '3',
				completeCount: '0',
				connectCount: '0',
			},
		});
	});

	it('wraps the object in an array when wrapDetailInArray is set', async () => {
		const [id] = sandbox.seedCallTasks(1);
		sandbox.wrapDetailInArray = true;
		const res = await get(`/api/v1/callTask/${id}.json`);
		expect(Array.isArray(res.json.callTask)).toBe(true);
		expect(res.json.callTask[0]).toMatchObject({
			callTaskId: id,
			startime: '2024-01-01',
			task_service: agents.admin.id,
		});
		expect(new Bangwo8Sandbox({ wrapDetailInArray: true }).wrapDetailInArray).toBe(true);
	});

	it('computes complete from dates and progress', async () => {
		await call('POST', '/api/v1/callTask.json', { body: newTask() });
		const realClock = sandbox.clock;
		sandbox.clock = () => Date.UTC(2030, 4, 23, 15, 59, 59); // 2030-05-23 23:59:59 UTC+8: last second
		expect((await get(`/api/v1/callTask/${firstId}.json`)).json.callTask.complete).toBe('进行中');
		sandbox.clock = () => Date.UTC(2030, 4, 23, 16, 0, 0);
		expect((await get(`/api/v1/callTask/${firstId}.json`)).json.callTask.complete).toBe(
			'逾期未完成',
		);
		sandbox.setProgress(firstId, Number(contacts.zhao.id), 1);
		sandbox.setProgress(firstId, contacts.qian.id, '已完成');
		sandbox.setProgress(Number(firstId), contacts.sun.id, '1');
		const done = (await get(`/api/v1/callTask/${firstId}.json`)).json.callTask;
		expect(done).toMatchObject({
			complete: '已完成',
			completeCount: '3',
			connectCount: '3',
			phoneCount: '3',
		});
		sandbox.clock = realClock;
		expect(() => sandbox.setProgress(firstId, contacts.zhou.id, 1)).toThrow();
	});

	it('answers 404 to an unknown id', async () => {
		const res = await get('/api/v1/callTask/123.json');
		expect(res.status).toBe(404);
		expect(res.json).toEqual({ errcode: '100044', errmsg: 'callTaskId 123 does not exist' });
	});
});

describe('deleting call tasks', () => {
	it('deletes and answers Status 200 OK', async () => {
		const [id, other] = sandbox.seedCallTasks(2);
		const res = await call('DELETE', `/api/v1/callTask/${id}.json`);
		expect(res.status).toBe(200);
		expect(res.json).toEqual({ Status: '200 OK', callTaskId: id });
		expect([...sandbox.callTasks.keys()]).toEqual([other]);
		expect((await get(`/api/v1/callTask/${id}.json`)).status).toBe(404);
	});

	it('answers an unknown id with HTTP 200 and Status "403" in the body, or HTTP 403 when told', async () => {
		const quiet = await call('DELETE', '/api/v1/callTask/18738405.json');
		expect(quiet.status).toBe(200);
		expect(quiet.json).toEqual({ Status: '403', message: 'callTaskId does not exist' });
		sandbox.deleteMissingStatus = 403;
		const loud = await call('DELETE', '/api/v1/callTask/18738405.json');
		expect(loud.status).toBe(403);
		expect(loud.json).toEqual({ Status: '403', message: 'callTaskId does not exist' });
	});
});

describe('call task customer list', () => {
	const allContacts = [
		contacts.zhao.id,
		contacts.qian.id,
		contacts.sun.id,
		contacts.testCo1.id,
		contacts.testCo2.id,
		contacts.zhou.id,
	];

	it('answers the seed shape with mixed progress values', async () => {
		const [id] = sandbox.seedCallTasks(1, {
			task_user: allContacts,
			task_service: [agents.admin.id, agents.zhang.id],
		});
		const res = await get(`/api/v1/callTask/userList/${id}.json`);
		expect(res.status).toBe(200);
		expect(res.json.count).toBe('6');
		expect(res.json.previous_page).toBe('');
		expect(res.json.next_page).toBe('');
		expect(res.json.callTask[0]).toEqual({
			callTaskid: id,
			userList: {
				cId: contacts.zhao.id,
				uId: companies.testCo.id,
				userName: '赵先生',
				companyName: '测试公司2',
				phone: '13911110001',
				progress: '待处理',
			},
		});
		expect(
			res.json.callTask.map((r: { userList: { progress: unknown } }) => r.userList.progress),
		).toEqual(['待处理', '待处理', '-1', '待处理', 0, '待处理']);
	});

	it('pages with full next_page URLs and "" on the last page', async () => {
		const [id] = sandbox.seedCallTasks(1, { task_user: allContacts });
		const seen: string[] = [];
		let url = `/api/v1/callTask/userList/${id}.json?per_page=4`;
		let pages = 0;
		while (url) {
			const res: Reply = await get(url);
			pages++;
			seen.push(...res.json.callTask.map((r: { userList: { cId: string } }) => r.userList.cId));
			url = res.json.next_page;
			if (url)
				expect(url).toBe(`${sandbox.url}/api/v1/callTask/userList/${id}.json?per_page=4&page=2`);
			else
				expect(res.json.previous_page).toBe(
					`${sandbox.url}/api/v1/callTask/userList/${id}.json?per_page=4&page=1`,
				);
		}
		expect(pages).toBe(2);
		expect(seen).toEqual(allContacts);
	});

	it('shows setProgress values and answers 404 / 400 to unknown ids and bad paging', async () => {
		const [id] = sandbox.seedCallTasks(1);
		sandbox.setProgress(id, contacts.qian.id, '未接听');
		const res = await get(`/api/v1/callTask/userList/${id}.json`);
		expect(res.json.callTask[1].userList.progress).toBe('未接听');
		expect((await get('/api/v1/callTask/userList/1.json')).status).toBe(404);
		expect((await get(`/api/v1/callTask/userList/${id}.json?per_page=500`)).status).toBe(400);
	});
});
