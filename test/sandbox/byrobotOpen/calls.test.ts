// BYRobot open platform sandbox: completed calls (paging, the empty sentinel), call detail, recordings.
import { outcomeOf, SEED } from '../byrobotOpen';
import { DEMO, phoneOf, useSandbox } from './client';

const { sandbox, api, ok, fails, createJob, importRows, execute, send } = useSandbox();

const done = (callJobId: number, fields: Record<string, number | undefined> = {}) =>
	api('byai.openapi.calljob.calldone.list', { companyId: DEMO, callJobId, ...fields });

describe('calljob.calldone.list', () => {
	it('answers the empty sentinel {total 0, pages 0, pageNum 0, list []} for page 1 of a job without calls', async () => {
		const id = await createJob();
		expect(await ok(done(id, { pageNum: 1, pageSize: 20 }))).toEqual({
			total: 0,
			pages: 0,
			pageNum: 0,
			list: [],
		});
	});

	it('lists calls with the notes fields: 13-digit ids, epoch-ms times, resultList, properties', async () => {
		sandbox.autoDial = true;
		const id = await createJob();
		const before = Date.now();
		await ok(
			importRows(id, [
				{
					name: '客户1',
					phone: phoneOf(1),
					properties: { 客户姓名: '客户1', sx_platform_item_id: 'i-1' },
				},
				{ name: '客户2', phone: phoneOf(8) },
			]),
		);
		await ok(execute(id, 1));
		const page = await ok(done(id, { pageNum: 1, pageSize: 500 }));
		expect(page).toEqual({ total: 2, pages: 1, pageNum: 1, list: expect.any(Array) });
		const [answered, unreachable] = page.list;
		const o = outcomeOf(phoneOf(1));
		expect(answered).toEqual({
			callInstanceId: SEED.firstId.callInstance,
			callJobId: id,
			customerTelephone: phoneOf(1),
			customerName: '客户1',
			callInstanceStatus: 2,
			finishStatus: 0,
			calledTimes: 1,
			duration: o.durationSec,
			startTime: expect.any(Number),
			endTime: expect.any(Number),
			luyinOssUrl: `${sandbox.url}/RobotPhoneCommunicate/${SEED.firstId.callInstance}.wav`,
			userLuyinOssUrl: `${sandbox.url}/RobotPhoneCommunicate/${SEED.firstId.callInstance}_user.wav`,
			resultList: [{ name: '客户意向等级', value: `${o.intention}级` }],
			properties: { 客户姓名: '客户1', sx_platform_item_id: 'i-1' },
			userProperties: { 客户姓名: '客户1' },
		});
		expect(String(answered.callInstanceId)).toHaveLength(13);
		expect(answered.startTime).toBeGreaterThanOrEqual(before);
		expect(answered.endTime - answered.startTime).toBe(o.durationSec * 1000);
		expect(unreachable).toMatchObject({
			finishStatus: 2,
			duration: 0,
			luyinOssUrl: null,
			userLuyinOssUrl: null,
			resultList: [{ name: '客户意向等级', value: 'F级' }],
		});
	});

	it('pages 501 calls as 500 + 1; past the last page an empty list', async () => {
		const [id] = sandbox.seedCallJobs(DEMO, 1);
		sandbox.seedCallRecords(id, 501);
		const first = await ok(done(id, { pageNum: 1, pageSize: 500 }));
		expect(first).toMatchObject({ total: 501, pages: 2, pageNum: 1 });
		expect(first.list).toHaveLength(500);
		const second = await ok(done(id, { pageNum: 2, pageSize: 500 }));
		expect(second).toMatchObject({ total: 501, pages: 2, pageNum: 2 });
		expect(second.list).toHaveLength(1);
		expect(second.list[0].callInstanceId).toBe(SEED.firstId.callInstance + 500);
		const past = await ok(done(id, { pageNum: 3, pageSize: 500 }));
		expect(past).toEqual({ total: 501, pages: 2, pageNum: 3, list: [] });
	});

	it('pageSize 1–500 and pageNum ≥ 1; the job must exist', async () => {
		const [id] = sandbox.seedCallJobs(DEMO, 1);
		sandbox.seedCallRecords(id, 3);
		expect((await ok(done(id))).list).toHaveLength(3);
		expect(await fails(done(id, { pageSize: 501 }), 41000000)).toBe(
			'参数非法: pageSize must be at most 500',
		);
		await fails(done(id, { pageSize: 0 }), 41000000);
		await fails(done(id, { pageNum: 0 }), 41000000);
		await fails(done(1), 10000401);
		await fails(api('byai.openapi.calljob.calldone.list', { companyId: DEMO }), 41000000);
	});
});

describe('callinstance.detail.get (shape: the sandbox’s invention)', () => {
	it('answers {callInstance, phoneLogs, taskResult} like the call result callback', async () => {
		const [id] = sandbox.seedCallJobs(DEMO, 1, { jobName: '详情任务' });
		const [call] = sandbox.seedCallRecords(id, 1);
		const data = await ok(
			api('byai.openapi.callinstance.detail.get', {
				companyId: DEMO,
				callInstanceId: call.callInstanceId,
			}),
		);
		expect(data.callInstance).toMatchObject({
			callInstanceId: call.callInstanceId,
			callJobId: id,
			companyId: DEMO,
			jobName: '详情任务',
			robotDefName: expect.any(String),
			finishStatus: call.finishStatus,
			chatRound: call.chatRound,
		});
		expect(data.phoneLogs).toHaveLength(call.chatRound * 2);
		expect(data.phoneLogs.slice(0, 2).map((l: { speaker: string }) => l.speaker)).toEqual([
			'AI',
			'ME',
		]);
		expect(data.taskResult).toEqual([
			{
				resultName: '客户意向等级',
				resultValue: call.intention,
				resultDesc: `${call.intention}级`,
				resultLabels: [],
			},
		]);
	});

	it('answers data null for an unknown call, and works as GET', async () => {
		expect(
			await ok(api('byai.openapi.callinstance.detail.get', { companyId: DEMO, callInstanceId: 1 })),
		).toBeNull();
		const [id] = sandbox.seedCallJobs(DEMO, 1);
		const [call] = sandbox.seedCallRecords(id, 1);
		const t = sandbox.issueToken(DEMO);
		const get = await ok(
			send('GET', '/api/oauth/byai.openapi.callinstance.detail/1.0.0/get', {
				query: { accessToken: t, companyId: DEMO, callInstanceId: call.callInstanceId },
			}),
		);
		expect(get.callInstance.callInstanceId).toBe(call.callInstanceId);
	});
});

describe('recordings', () => {
	it('serves answered calls as WAV, the rest 404 NoSuchKey', async () => {
		const [id] = sandbox.seedCallJobs(DEMO, 1);
		const [answered, , , , , , , unreachable] = sandbox.seedCallRecords(id, 8);
		expect(answered.finishStatus).toBe(0);
		expect(unreachable.finishStatus).toBe(2);
		const res = await fetch(answered.luyinOssUrl!);
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toBe('audio/wav');
		expect(
			Buffer.from(await res.arrayBuffer())
				.subarray(0, 4)
				.toString(),
		).toBe('RIFF');
		expect((await fetch(answered.userLuyinOssUrl!)).status).toBe(200);
		const missing = await fetch(
			`${sandbox.url}/RobotPhoneCommunicate/${unreachable.callInstanceId}.wav`,
		);
		expect(missing.status).toBe(404);
		expect(await missing.text()).toMatch(/NoSuchKey/);
	});
});
