// Bangwo8 sandbox, creating call tasks: legal and illegal users, companies, validation, Requestid replay.
import { SEED } from '../bangwo8';
import { newTask, useSandbox } from './client';

const { sandbox, call, get } = useSandbox();
const { agent: agents, contact: contacts, company: companies } = SEED;
const { firstId } = SEED.callTask;

describe('creating call tasks', () => {
	it('creates one task for contacts, distributing them round-robin over the agents', async () => {
		const res = await call('POST', '/api/v1/callTask.json', { body: newTask() });
		expect(res.status).toBe(200);
		expect(res.json).toEqual({
			callTask: {
				task_name: '外呼任务名称1',
				task_start: '2030-05-20',
				task_end: '2030-05-23',
				sumCount: 3,
				legalCount: 3,
				illegalCount: [],
				successCount: 3,
				failureCount: '0',
				data: [
					{
						callTaskId: firstId,
						task_user: [Number(contacts.zhao.id), Number(contacts.sun.id)],
						task_service: agents.admin.id,
					},
					{
						callTaskId: firstId,
						task_user: [Number(contacts.qian.id)],
						task_service: agents.agent.id,
					},
				],
			},
		});
		expect(sandbox.callTasks.size).toBe(1);
		const rows = sandbox.customersOf(firstId)!;
		expect(rows.map((r) => [r.userId, r.agentId, r.phone])).toEqual([
			[contacts.zhao.id, agents.admin.id, '13911110001'],
			[contacts.qian.id, agents.agent.id, '13911110002'],
			[contacts.sun.id, agents.admin.id, '13911110003'],
		]);
	});

	it('echoes unknown, inactive, malformed and repeated users as illegal', async () => {
		const users = [
			contacts.zhao.id,
			Number(contacts.left.id),
			Number(contacts.deleted.id),
			999,
			'abc',
			Number(contacts.zhao.id),
			Number(companies.testCo.id),
		];
		const res = await call('POST', '/api/v1/callTask.json', {
			body: newTask({ task_user: users, task_service: [agents.zhang.id] }),
		});
		expect(res.status).toBe(200);
		expect(res.json.callTask).toMatchObject({
			sumCount: 7,
			legalCount: 1,
			illegalCount: [
				Number(contacts.left.id),
				Number(contacts.deleted.id),
				999,
				'abc',
				Number(contacts.zhao.id),
				Number(companies.testCo.id),
			],
			successCount: 1,
			failureCount: '6',
			data: [{ callTaskId: firstId, task_user: [contacts.zhao.id], task_service: agents.zhang.id }],
		});
	});

	it('takes company ids when data_source is "0" (number 0 too)', async () => {
		const res = await call('POST', '/api/v1/callTask.json', {
			body: newTask({
				data_source: 0,
				task_user: [
					Number(companies.testCo.id),
					companies.co2233.id,
					companies.sandboxTech.id,
					contacts.zhao.id,
				],
				task_service: [agents.admin.id],
			}),
		});
		expect(res.status).toBe(200);
		expect(res.json.callTask.legalCount).toBe(3);
		expect(res.json.callTask.illegalCount).toEqual([contacts.zhao.id]);
		const list = await get(`/api/v1/callTask/userList/${firstId}.json`);
		expect(list.json.callTask.map((r: { userList: unknown }) => r.userList)).toEqual([
			{
				cId: contacts.testCo1.id,
				uId: companies.testCo.id,
				userName: '测试公司联系人1',
				companyName: '测试公司2',
				phone: '13011112228',
				progress: '待处理',
			},
			{
				cId: contacts.testCo2.id,
				uId: companies.co2233.id,
				userName: '测试公司联系人2',
				companyName: '2233',
				phone: '13011112229',
				progress: '待处理',
			},
			{
				cId: contacts.zhou.id,
				uId: companies.sandboxTech.id,
				userName: '周先生',
				companyName: '沙盒科技有限公司',
				phone: '13911110006',
				progress: '-1',
			},
		]);
	});

	it('accepts date-times and numeric data_source 1', async () => {
		const res = await call('POST', '/api/v1/callTask.json', {
			body: newTask({
				task_start: '2030-05-20 09:00:00',
				task_end: '2030-05-20 18:00:00',
				data_source: 1,
			}),
		});
		expect(res.status).toBe(200);
		expect(res.json.callTask.task_start).toBe('2030-05-20 09:00:00');
	});

	it('answers 400 naming the missing or wrong field', async () => {
		const cases: Array<[unknown, string]> = [
			[{}, 'callTask'],
			[{ callTask: [] }, 'callTask'],
			[newTask({ task_name: undefined }), 'task_name'],
			[newTask({ task_name: '' }), 'task_name'],
			[newTask({ task_start: undefined }), 'task_start'],
			[newTask({ task_end: undefined }), 'task_end'],
			[newTask({ task_user: undefined }), 'task_user'],
			[newTask({ task_user: [] }), 'task_user'],
			[newTask({ task_service: undefined }), 'task_service'],
			[newTask({ data_source: undefined }), 'data_source'],
			[newTask({ data_source: '2' }), 'data_source'],
			[newTask({ data_source: 'company' }), 'data_source'],
			[newTask({ task_start: '2030-05-20T00:00:00.000Z' }), 'task_start'],
			[newTask({ task_end: '20/05/2030' }), 'task_end'],
			[newTask({ task_start: '2030-05-24' }), 'task_end must not be before task_start'],
			[newTask({ task_user: contacts.zhao.id }), 'task_user'],
			[
				newTask({ task_service: [Number(agents.admin.id), Number(agents.deleted.id)] }),
				agents.deleted.id,
			],
			[newTask({ task_service: [agents.recycled.id] }), agents.recycled.id],
			[newTask({ task_service: ['1'] }), '"1"'],
		];
		for (const [body, named] of cases) {
			const res = await call('POST', '/api/v1/callTask.json', { body });
			expect([named, res.status]).toEqual([named, 400]);
			expect(res.json.errcode).toBe('100010');
			expect(res.json.errmsg).toContain(named);
		}
		expect(sandbox.callTasks.size).toBe(0);
	});

	it('answers 200 with successCount 0 and stores nothing when no user is legal', async () => {
		// The seed's own curl example: contact ids with data_source "0" (companies).
		const res = await call('POST', '/api/v1/CallTask.json', {
			body: newTask({ data_source: '0' }),
		});
		expect(res.status).toBe(200);
		expect(res.json.callTask).toMatchObject({
			sumCount: 3,
			legalCount: 0,
			illegalCount: [Number(contacts.zhao.id), Number(contacts.qian.id), Number(contacts.sun.id)],
			successCount: 0,
			failureCount: '3',
			data: [],
		});
		expect(sandbox.callTasks.size).toBe(0);
	});

	it('replays the answer to a repeated Requestid instead of creating twice', async () => {
		const headers = { Requestid: 'req-1' };
		const first = await call('POST', '/api/v1/callTask.json', { body: newTask(), headers });
		const again = await call('POST', '/api/v1/callTask.json', { body: newTask(), headers });
		expect(again.json).toEqual(first.json);
		expect(sandbox.callTasks.size).toBe(1);
		await call('POST', '/api/v1/callTask.json', {
			body: newTask(),
			headers: { Requestid: 'req-2' },
		});
		expect(sandbox.callTasks.size).toBe(2);
	});
});
