// BYRobot open platform sandbox: call jobs (create, list, detail, execute) and customer import.
import { SEED } from '../byrobotOpen';
import { DEMO, phoneOf, useSandbox, validJob } from './client';

const { sandbox, api, ok, fails, createJob, importRows, execute } = useSandbox();

const detail = (callJobId: number) =>
	ok(api('byai.openapi.calljob.detail.get', { companyId: DEMO, callJobId }));

describe('calljob.create', () => {
	it('creates a job in status 0 and answers {callJobId}', async () => {
		const data = await ok(api('byai.openapi.calljob.create', validJob({ concurrencyQuota: 50 })));
		expect(data).toEqual({ callJobId: SEED.firstId.callJob });
		expect(sandbox.jobs.get(data.callJobId)).toMatchObject({
			jobName: '测试任务',
			callJobType: 2,
			callJobStatus: 0,
			robotDefId: 21,
			userPhoneIds: [1788320],
			concurrencyQuota: 50,
		});
	});

	it('takes repeatCall and repeatCallRule as the notes send them', async () => {
		const id = await createJob({
			repeatCall: 'true',
			repeatCallRule: JSON.stringify([{ phoneStatus: 3, times: 3, interval: 5 }]),
		});
		expect(sandbox.jobs.get(id)).toMatchObject({
			repeatCall: true,
			repeatCallRule: [{ phoneStatus: 3, times: 3, interval: 5 }],
		});
		await fails(api('byai.openapi.calljob.create', validJob({ repeatCall: 'yes' })), 41000000);
		await fails(
			api('byai.openapi.calljob.create', validJob({ repeatCallRule: '[{"times":"3"}]' })),
			41000000,
		);
	});

	it('a name over 50 characters is 10000401 in the vendor’s words; 50 is fine', async () => {
		const reply = await api(
			'byai.openapi.calljob.create',
			validJob({ callJobName: '任'.repeat(51) }),
		);
		expect(reply.json).toEqual({
			code: 10000401,
			data: null,
			resultMsg: '任务名称不能超过50个字符',
			requestId: expect.any(String),
		});
		await ok(api('byai.openapi.calljob.create', validJob({ callJobName: '任'.repeat(50) })));
	});

	it.each([
		['callJobName', { callJobName: undefined }],
		['callJobType', { callJobType: undefined }],
		['robotDefId', { robotDefId: undefined }],
		['userPhoneIds', { userPhoneIds: undefined }],
		['companyId', { companyId: undefined }],
	])('%s is required (41000000)', async (field, extra) => {
		expect(await fails(api('byai.openapi.calljob.create', validJob(extra)), 41000000)).toBe(
			`参数非法: ${field} is required`,
		);
	});

	it.each([
		['userPhoneIds not JSON', { userPhoneIds: '1788320' }],
		['userPhoneIds empty', { userPhoneIds: '[]' }],
		['userPhoneIds of strings', { userPhoneIds: '["1788320"]' }],
		['callJobType 1', { callJobType: 1 }],
		['concurrencyQuota 0', { concurrencyQuota: 0 }],
	])('refuses %s (41000000)', async (_, extra) => {
		await fails(api('byai.openapi.calljob.create', validJob(extra)), 41000000);
	});

	it.each([
		['a robot never published', { robotDefId: SEED.robot.draft.id }, /话术未发布/],
		['another company’s robot', { robotDefId: SEED.robot.second.id }, /话术不存在/],
		['another company’s line', { userPhoneIds: `[${SEED.phone.secondMobile.id}]` }, /线路不存在/],
	])('refuses %s (10000401)', async (_, extra, message) => {
		expect(await fails(api('byai.openapi.calljob.create', validJob(extra)), 10000401)).toMatch(
			message,
		);
	});

	it('is not idempotent: the same name twice makes two jobs', async () => {
		const a = await createJob();
		const b = await createJob();
		expect(b).toBe(a + 1);
	});
});

describe('calljob.list and calljob.detail.get', () => {
	it('pages from 1, newest first, and filters by a part of jobName', async () => {
		sandbox.seedCallJobs(DEMO, 5);
		const [other] = sandbox.seedCallJobs(1002, 1);
		const page = await ok(
			api('byai.openapi.calljob.list', { companyId: DEMO, pageNum: 1, pageSize: 2 }),
		);
		expect(page).toMatchObject({ total: 5, pages: 3, pageNum: 1, pageSize: 2 });
		expect(page.list.map((j: { jobName: string }) => j.jobName)).toEqual([
			'种子任务5',
			'种子任务4',
		]);
		expect(page.list[0]).toMatchObject({
			callJobId: expect.any(Number),
			jobName: '种子任务5',
			callJobStatus: 0,
			totalCount: 0,
		});
		const last = await ok(
			api('byai.openapi.calljob.list', { companyId: DEMO, pageNum: 3, pageSize: 2 }),
		);
		expect(last.list).toHaveLength(1);
		const named = await ok(api('byai.openapi.calljob.list', { companyId: DEMO, jobName: '任务3' }));
		expect(named.list.map((j: { jobName: string }) => j.jobName)).toEqual(['种子任务3']);
		expect(named.list.some((j: { callJobId: number }) => j.callJobId === other)).toBe(false);
		await fails(api('byai.openapi.calljob.list', { companyId: DEMO, pageNum: 0 }), 41000000);
	});

	it('detail answers the job as the list does, null for an unknown or foreign job', async () => {
		const id = await createJob();
		expect(await detail(id)).toEqual({
			callJobId: id,
			jobName: '测试任务',
			callJobStatus: 0,
			totalCount: 0,
			companyId: DEMO,
			robotDefId: 21,
			callJobType: 2,
			concurrencyQuota: 1,
			doneCount: 0,
			createTime: expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/),
		});
		expect(await detail(1)).toBeNull();
		const [foreign] = sandbox.seedCallJobs(1002, 1);
		expect(await detail(foreign)).toBeNull();
	});
});

describe('calljob.execute', () => {
	it('runs the live harness lifecycle 0 → 1 → 4 → 1 → 6 (data null)', async () => {
		const id = await createJob();
		await ok(importRows(id, [{ name: '客户', phone: phoneOf(1) }]));
		const statuses = [(await detail(id)).callJobStatus];
		for (const command of [1, 2, 1, 3]) {
			expect(await ok(execute(id, command))).toBeNull();
			statuses.push((await detail(id)).callJobStatus);
		}
		expect(statuses).toEqual([0, 1, 4, 1, 6]);
	});

	it('refuses impossible transitions with 10000401', async () => {
		const id = await createJob();
		expect(await fails(execute(id, 2), 10000401)).toMatch(/不能暂停.*状态为0/);
		await ok(execute(id, 1));
		expect(await fails(execute(id, 1), 10000401)).toMatch(/已在进行中/);
		await ok(execute(id, 3));
		expect(await fails(execute(id, 1), 10000401)).toMatch(/已结束/);
		expect(await fails(execute(id, 3), 10000401)).toMatch(/已结束/);
		await fails(execute(id, 4), 41000000);
		await fails(execute(1, 1), 10000401);
	});

	it('a line in arrears cannot start, in the vendor’s words', async () => {
		const id = await createJob({ userPhoneIds: `[${SEED.phone.unavailable.id}]` });
		expect(await fails(execute(id, 1), 10000401)).toBe('当前任务绑定的线路已欠费,不能启动任务');
	});
});

describe('calljob.customer.import', () => {
	it('answers {total, successNum, placeFailNum, repeatNum}: bad phones fail, duplicates repeat', async () => {
		const id = await createJob();
		const data = await ok(
			importRows(
				id,
				[
					{
						name: '甲',
						phone: phoneOf(1),
						properties: { 客户姓名: '甲', sx_platform_item_id: 'x-1' },
					},
					{ name: '乙', phone: 'not-a-phone' },
					{ name: '丙', phone: phoneOf(1) },
					{ name: '丁', phone: phoneOf(2), properties: { 客户姓名: { nested: true } } },
					{ name: '戊', phone: ` ${phoneOf(3)} `, properties: { 贷款金额: 5000 } },
				],
				{ permitrepeatnum: 'false' },
			),
		);
		expect(data).toEqual({ total: 5, successNum: 2, placeFailNum: 2, repeatNum: 1 });
		expect(sandbox.customersOf(id).map((c) => [c.phone, c.properties])).toEqual([
			[phoneOf(1), { 客户姓名: '甲', sx_platform_item_id: 'x-1' }],
			[phoneOf(3), { 贷款金额: '5000' }],
		]);
		expect((await detail(id)).totalCount).toBe(2);
		// Already in the job: repeated again on the next import.
		expect(await ok(importRows(id, [{ phone: phoneOf(3) }]))).toEqual({
			total: 1,
			successNum: 0,
			placeFailNum: 0,
			repeatNum: 1,
		});
	});

	it('permitrepeatnum=true imports a number again', async () => {
		const id = await createJob();
		await ok(importRows(id, [{ phone: phoneOf(1) }]));
		const data = await ok(importRows(id, [{ phone: phoneOf(1) }], { permitrepeatnum: 'true' }));
		expect(data).toEqual({ total: 1, successNum: 1, placeFailNum: 0, repeatNum: 0 });
		expect(sandbox.customersOf(id)).toHaveLength(2);
	});

	it('takes at most 10,000 rows', async () => {
		const id = await createJob();
		const rows = Array.from({ length: 10001 }, (_, i) => ({ phone: phoneOf(i) }));
		expect(await fails(importRows(id, rows), 10000401)).toMatch(/10000/);
		expect(sandbox.customersOf(id)).toHaveLength(0);
		expect((await ok(importRows(id, rows.slice(1)))).successNum).toBe(10000);
	});

	it('refuses a list that is not JSON, empty, or has non-object rows, and an unknown job', async () => {
		const id = await createJob();
		const call = (customerInfoVOList: string) =>
			api('byai.openapi.calljob.customer.import', {
				companyId: DEMO,
				callJobId: id,
				customerInfoVOList,
			});
		await fails(call('[{phone:1}]'), 41000000);
		await fails(call('{"phone":"13800000001"}'), 41000000);
		await fails(call('[]'), 41000000);
		await fails(call('["13800000001"]'), 41000000);
		await fails(importRows(1, [{ phone: phoneOf(1) }]), 10000401);
		await fails(importRows(id, [{ phone: phoneOf(1) }], { permitrepeatnum: 'no' }), 41000000);
	});

	it('a stopped job takes no imports', async () => {
		const id = await createJob();
		await ok(execute(id, 3));
		await fails(importRows(id, [{ phone: phoneOf(1) }]), 10000401);
	});
});

describe('autoDial', () => {
	it('is off by default: a running job keeps its customers until dialAll()', async () => {
		const id = await createJob();
		await ok(importRows(id, [{ phone: phoneOf(1) }]));
		await ok(execute(id, 1));
		expect(sandbox.callRecordsOf(id)).toHaveLength(0);
		expect(sandbox.dialAll(id)).toHaveLength(1);
		expect((await detail(id)).callJobStatus).toBe(2);
	});

	it('on: start dials the imported customers, imports into a running job are dialed at once', async () => {
		sandbox.autoDial = true;
		const id = await createJob();
		await ok(importRows(id, [{ phone: phoneOf(1) }, { phone: phoneOf(2) }]));
		expect(sandbox.notDialedOf(id)).toHaveLength(2);
		await ok(execute(id, 1));
		expect(sandbox.callRecordsOf(id)).toHaveLength(2);
		// All dialed: the job is finished (2).
		expect((await detail(id)).callJobStatus).toBe(2);
		const running = await createJob();
		await ok(execute(running, 1));
		await ok(importRows(running, [{ phone: phoneOf(3) }]));
		expect(sandbox.callRecordsOf(running)).toHaveLength(1);
		// A paused job's imports wait.
		const paused = await createJob();
		await ok(execute(paused, 1));
		await ok(execute(paused, 2));
		await ok(importRows(paused, [{ phone: phoneOf(4) }]));
		expect(sandbox.callRecordsOf(paused)).toHaveLength(0);
	});
});
