// BYRobot sandbox, dialing and what it leaves: outcomes, call records, recordings, the dialogue.
import { ByrobotSandbox, SEED, outcomeOf, signHeaders } from '../byrobot';
import { useSandbox, validTask } from './client';

const { sandbox, call, get, post, ok, fails, createTask } = useSandbox();
const demo = SEED.company.demo;

describe('dialing and call records', () => {
	it('derives outcomes from the phone', () => {
		expect(outcomeOf('13800000001')).toEqual({
			finishStatus: 0,
			durationSec: 11,
			duration: '11秒',
			chatRound: 3,
			intention: 'A',
		});
		expect(outcomeOf('13800000011')).toMatchObject({ finishStatus: 0, duration: '21' });
		expect(outcomeOf('13800000021')).toMatchObject({ finishStatus: 0, duration: 31 });
		expect(outcomeOf('13800000107')).toEqual({
			finishStatus: 1,
			durationSec: 0,
			duration: '0',
			chatRound: 0,
			intention: 'F',
		});
		expect(outcomeOf('13800000008').finishStatus).toBe(2);
		expect(outcomeOf('13800000009').finishStatus).toBe(8);
	});

	it('dialAll turns customers into call records and updates the counts', async () => {
		const id = await createTask();
		sandbox.importCustomers(id, [
			{ name: '甲', phone: '13800000001', properties: { 客户姓名: '甲' } },
			{ name: '乙', phone: '13800000007' },
			{ name: '丙', phone: '13800000008' },
			{ name: '丁', phone: '13800000011' },
		]);
		const calls = sandbox.dialAll(id);
		expect(calls.map((c) => [c.customerName, c.finishStatus, c.duration, c.callIndex])).toEqual([
			['甲', 0, '11秒', 1],
			['乙', 1, '0秒', 2],
			['丙', 2, '0秒', 3],
			['丁', 0, '21', 4],
		]);
		expect(calls[0]).toMatchObject({
			callJobId: id,
			status: 2,
			chatRound: 3,
			resultList: [{ name: '意向标签', value: 'A' }],
			properties: JSON.stringify({ 客户姓名: '甲' }),
			callerPhone: SEED.phone.mobile.phone,
		});
		expect(calls[0].luyinOssUrl).toBe(
			`${sandbox.url}/RobotPhoneCommunicate/${calls[0].callInstanceId}.wav`,
		);
		expect(calls[1].luyinOssUrl).toBeNull();
		expect(sandbox.tasks.get(id)).toMatchObject({
			totalCount: 4,
			doneCount: 4,
			calledCount: 2,
			rejectedCount: 1,
			unavailableCount: 1,
		});
		expect(sandbox.dialAll(id)).toEqual([]);
		const wav = await fetch(calls[0].luyinOssUrl!);
		expect(wav.status).toBe(200);
		expect(wav.headers.get('content-type')).toBe('audio/wav');
		expect(
			Buffer.from(await wav.arrayBuffer())
				.subarray(0, 4)
				.toString(),
		).toBe('RIFF');
	});

	it('blacklisted phones end with finishStatus 11', async () => {
		const id = await createTask();
		await ok(post('company/addBlackList', { companyId: demo.id, mobile: '13800000001' }));
		sandbox.importCustomers(id, [{ name: 'x', phone: '13800000001' }]);
		expect(sandbox.dialAll(id)[0]).toMatchObject({
			finishStatus: 11,
			chatRound: 0,
			luyinOssUrl: null,
		});
	});

	it('a running task finishes when everyone is dialed', async () => {
		const id = await createTask();
		sandbox.importCustomers(id, [{ name: 'x', phone: '13800000001' }]);
		await ok(post('task/start', { taskId: id }));
		sandbox.dialAll(id);
		expect(sandbox.tasks.get(id)!.status).toBe(2);
	});

	it('autoDial dials on start and on import into a running task', async () => {
		const dev = new ByrobotSandbox({ autoDial: true });
		const url = await dev.start(0);
		try {
			const post2 = async (path: string, body: unknown) => {
				const res = await fetch(`${url}${path}`, {
					method: 'POST',
					headers: { ...signHeaders(), 'content-type': 'application/json' },
					body: JSON.stringify(body),
				});
				return (await res.json()) as { code: number; data: any };
			};
			const { data: id } = await post2('/openapi/v1/task/createTask', validTask());
			await post2('/openapi/v2/task/importTaskCustomer', {
				companyId: demo.id,
				taskId: id,
				customerInfoList: [{ name: 'a', phone: '13800000001' }],
			});
			expect(dev.callRecordsOf(id)).toHaveLength(0);
			expect((await post2('/openapi/v1/task/start', { taskId: id })).code).toBe(200);
			expect(dev.callRecordsOf(id)).toHaveLength(1);
			expect(dev.tasks.get(id)!.status).toBe(2);
			const { data: id2 } = await post2('/openapi/v1/task/createTask', validTask());
			await post2('/openapi/v1/task/start', { taskId: id2 });
			expect(dev.tasks.get(id2)!.status).toBe(1);
			await post2('/openapi/v2/task/importTaskCustomer', {
				companyId: demo.id,
				taskId: id2,
				customerInfoList: [{ name: 'b', phone: '13800000002' }],
			});
			expect(dev.callRecordsOf(id2)).toHaveLength(1);
		} finally {
			await dev.stop();
		}
	});

	it('seedCallRecords makes n records with generated phones', async () => {
		const id = await createTask();
		// Generated phones: 139 + the task id (SEED.firstId.task) + a sequence number.
		const calls = sandbox.seedCallRecords(id, 3);
		expect(calls.map((c) => c.customerTelephone)).toEqual([
			'13950010001',
			'13950010002',
			'13950010003',
		]);
		expect(sandbox.seedCallRecords(id, 2).map((c) => c.customerTelephone)).toEqual([
			'13950010004',
			'13950010005',
		]);
		expect(sandbox.tasks.get(id)).toMatchObject({ totalCount: 5, doneCount: 5 });
	});
});

describe('queryDoneTaskPhones', () => {
	let id = 0;
	beforeEach(async () => {
		id = await createTask();
		sandbox.seedCallRecords(id, 100);
	});

	it('pages the finished calls in call order', async () => {
		const p1 = await ok(
			post('task/queryDoneTaskPhones', { callJobId: id, pageNum: 1, pageSize: 50 }),
		);
		expect(p1).toMatchObject({ pageNum: 1, pageSize: 50, size: 50, total: 100, pages: 2 });
		expect(p1.list[0]).toMatchObject({
			callJobId: id,
			callIndex: 1,
			customerTelephone: '13950010001',
			status: 2,
		});
		for (const key of [
			'callInstanceId',
			'customerName',
			'finishStatus',
			'duration',
			'chatRound',
			'startTime',
			'endTime',
			'luyinOssUrl',
			'resultList',
		]) {
			expect(p1.list[0]).toHaveProperty(key);
		}
		const p2 = await ok(
			post('task/queryDoneTaskPhones', { callJobId: id, pageNum: 2, pageSize: 50 }),
		);
		expect(p2.list[49].callIndex).toBe(100);
		const defaults = await ok(post('task/queryDoneTaskPhones', { callJobId: id }));
		expect(defaults).toMatchObject({ pageNum: 1, pageSize: 10, size: 10 });
		const durations = new Set(
			sandbox
				.callRecordsOf(id)
				.filter((c) => c.finishStatus === 0)
				.map((c) => typeof c.duration + (String(c.duration).endsWith('秒') ? '秒' : '')),
		);
		expect(durations).toEqual(new Set(['string秒', 'string', 'number']));
	});

	it('applies the filters', async () => {
		const all = sandbox.callRecordsOf(id);
		const seconds = (c: { duration: string | number }) => parseInt(String(c.duration), 10);
		const query = async (extra: Record<string, unknown>) =>
			(await ok(post('task/queryDoneTaskPhones', { callJobId: id, pageSize: 50, ...extra }))).total;
		expect(await query({ finishStatus: 1 })).toBe(all.filter((c) => c.finishStatus === 1).length);
		expect(await query({ finishStatus: 1 })).toBeGreaterThan(0);
		expect(await query({ durationLeft: 20, durationRight: 40 })).toBe(
			all.filter((c) => seconds(c) >= 20 && seconds(c) <= 40).length,
		);
		expect(await query({ chatRoundLeft: 5 })).toBe(all.filter((c) => c.chatRound >= 5).length);
		expect(await query({ chatRoundRight: 0 })).toBe(all.filter((c) => c.chatRound === 0).length);
		expect(await query({ resultQueryList: [{ name: '意向标签', value: 'A' }] })).toBe(
			all.filter((c) => c.resultList[0].value === 'A').length,
		);
		expect(await query({ resultQueryList: [{ name: '意向标签', value: 'Z' }] })).toBe(0);
		expect(await query({ index: 90 })).toBe(10);
	});

	it('validates', async () => {
		expect(
			await fails(post('task/queryDoneTaskPhones', { callJobId: id, pageSize: 51 }), 412),
		).toBe('参数错误: pageSize must be between 1 and 50');
		await fails(post('task/queryDoneTaskPhones', { callJobId: id, pageSize: 0 }), 412);
		expect(await fails(post('task/queryDoneTaskPhones', { taskId: id }), 412)).toContain(
			'callJobId is required',
		);
		await fails(
			post('task/queryDoneTaskPhones', { callJobId: id, resultQueryList: [{ name: 1 }] }),
			412,
		);
		await fails(post('task/queryDoneTaskPhones', { callJobId: 9999 }), 404);
		await fails(call('GET', 'task/queryDoneTaskPhones', { query: { callJobId: id } }), 405, 405);
	});
});

describe('phoneLogInfo', () => {
	it('returns the dialogue, the instance with properties as a JSON string, and the results', async () => {
		const id = await createTask();
		sandbox.importCustomers(id, [
			{ name: '甲', phone: '13800000001', properties: { 客户姓名: '甲', crmId: 'C-1' } },
			{ name: '乙', phone: '13800000007' },
		]);
		const [answered, rejected] = sandbox.dialAll(id);
		const info = await ok(get('task/phoneLogInfo', { callInstanceId: answered.callInstanceId }));
		expect(info.phoneLog.phoneLogs).toHaveLength(2 * answered.chatRound);
		expect(info.phoneLog.phoneLogs[0]).toMatchObject({
			speaker: 'AI',
			content: expect.stringContaining('甲'),
		});
		expect(info.phoneLog.phoneLogs[1].speaker).toBe('CUSTOMER');
		expect(info.phoneLog.luyinOssUrl).toBe(answered.luyinOssUrl);
		expect(info.sceneInstance).toMatchObject({
			callInstanceId: answered.callInstanceId,
			customerName: '甲',
			customerTelephone: '13800000001',
			duration: '11秒',
			finishStatus: 0,
		});
		expect(JSON.parse(info.sceneInstance.properties)).toEqual({ 客户姓名: '甲', crmId: 'C-1' });
		expect(info.taskResult).toEqual([
			{ name: '意向标签', value: 'A', resultName: '意向标签', resultValue: 'A' },
		]);
		const none = await ok(get('task/phoneLogInfo', { callInstanceId: rejected.callInstanceId }));
		expect(none.phoneLog.phoneLogs).toEqual([]);
		await fails(get('task/phoneLogInfo', { callInstanceId: 1 }), 404);
		await fails(get('task/phoneLogInfo', {}), 412);
		// A customer imported but not yet called has no call record.
		sandbox.importCustomers(id, [{ name: '丙', phone: '13800000002' }]);
		await fails(
			get('task/phoneLogInfo', { callInstanceId: sandbox.notDialedOf(id)[0].callInstanceId }),
			404,
		);
	});
});
