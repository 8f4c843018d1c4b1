// BYRobot sandbox, tasks: createTask's rules, the status lifecycle, update and delete, list and detail.
import { SANDBOX_APP_KEY, SEED } from '../byrobot';
import { useSandbox, validTask } from './client';

const { sandbox, get, post, ok, fails, createTask } = useSandbox();
const { demo, second, unbound } = SEED.company;
const { mobile, landline, unavailable, secondMobile } = SEED.phone;
const { loan, survey, draft } = SEED.robot;
const firstTask = SEED.firstId.task;

describe('createTask', () => {
	it('creates a task with ids from 5001 and stores it in the answer shape', async () => {
		const id = await createTask({
			workingStartTime: '09:30',
			workingEndTime: '19:00',
			breakStartTime: '12:00',
			breakEndTime: '13:00',
			concurrencyQuota: 2,
			remark: '备注',
			repeatCall: true,
			repeatCallRule: [{ phoneStatus: 2, times: 2, interval: 30 }],
		});
		expect(id).toBe(firstTask);
		expect(await createTask({ taskType: 1, startDate: '2030-01-02' })).toBe(firstTask + 1);
		const task = sandbox.tasks.get(firstTask)!;
		expect(task).toMatchObject({
			callJobId: firstTask,
			companyId: demo.id,
			jobName: '测试任务',
			jobType: 2,
			workingStartTime: '09:30:00',
			workingEndTime: '19:00:00',
			breakStartTime: '12:00:00',
			breakEndTime: '13:00:00',
			status: 0,
			robotDefId: loan.id,
			sceneDefId: loan.sceneDefId,
			sceneRecordId: loan.sceneRecordId,
			userPhoneIds: [mobile.id],
			callType: 0,
			concurrencyQuota: 2,
			remark: '备注',
			totalCount: 0,
			doneCount: 0,
			calledCount: 0,
			repeatCallRule: [{ phoneStatus: 2, times: 2, interval: 30 }],
		});
		expect(task.startDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
		expect(task.gmtCreate).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
		expect(sandbox.tasks.get(firstTask + 1)!.startDate).toBe('2030-01-02');
	});

	it('accepts a landline task and the optional scene ids', async () => {
		const id = await createTask({
			userPhoneIds: [landline.id],
			callType: 1,
			sceneDefId: loan.sceneDefId,
			sceneRecordId: loan.sceneRecordId,
			smsType: 1,
			smsTemplateId: SEED.smsTemplate.approved.id,
		});
		expect(sandbox.tasks.get(id)!.callType).toBe(1);
	});

	it.each([
		[{ taskName: undefined }, '参数错误: taskName is required'],
		[{ taskName: '  ' }, '参数错误: taskName is required'],
		[{ taskName: 5 }, '参数错误: taskName must be a string'],
		[{ taskType: 3 }, '参数错误: taskType must be one of 1, 2'],
		[{ taskType: '2' }, '参数错误: taskType must be an integer'],
		[{ taskType: 1 }, '参数错误: startDate is required when taskType is 1'],
		[{ startDate: '2024-02-30' }, '参数错误: startDate must be a date yyyy-MM-dd'],
		[{ userPhoneIds: undefined }, '参数错误: userPhoneIds is required'],
		[{ userPhoneIds: [] }, '参数错误: userPhoneIds must not be empty'],
		[{ userPhoneIds: mobile.id }, '参数错误: userPhoneIds must be an array'],
		[{ userPhoneIds: [String(mobile.id)] }, '参数错误: userPhoneIds must be an array of integers'],
		[
			{ userPhoneIds: [secondMobile.id] },
			`参数错误: userPhoneIds: ${secondMobile.id} is not a line of company ${demo.id}`,
		],
		[
			{ userPhoneIds: [unavailable.id], callType: 2 },
			`参数错误: userPhoneIds: line ${unavailable.id} is not available (useAvailable=false)`,
		],
		[
			{ userPhoneIds: [mobile.id, landline.id] },
			'参数错误: userPhoneIds mixes lines of different phoneType',
		],
		[{ callType: undefined }, '参数错误: callType is required'],
		[{ callType: 1 }, '参数错误: callType 1 does not match phoneType 0 of the chosen lines'],
		[{ robotDefId: undefined }, '参数错误: robotDefId is required'],
		[
			{ robotDefId: SEED.robot.second.id },
			`参数错误: robotDefId ${SEED.robot.second.id} is not a robot of company ${demo.id}`,
		],
		[
			{ robotDefId: draft.id },
			`参数错误: robotDefId ${draft.id} has never been published (话术未发布)`,
		],
		[
			{ sceneDefId: survey.sceneDefId },
			`参数错误: sceneDefId ${survey.sceneDefId} does not belong to robotDefId ${loan.id}`,
		],
		[
			{ sceneRecordId: survey.sceneRecordId },
			`参数错误: sceneRecordId ${survey.sceneRecordId} does not belong to robotDefId ${loan.id}`,
		],
		[{ workingStartTime: '9:00' }, '参数错误: workingStartTime must be a time HH:mm'],
		[{ workingStartTime: '21:00' }, '参数错误: workingStartTime must be before workingEndTime'],
		[{ breakStartTime: '12:00' }, '参数错误: breakStartTime and breakEndTime go together'],
		[
			{ breakStartTime: '08:00', breakEndTime: '10:00' },
			'参数错误: breakStartTime/breakEndTime must lie inside the working hours',
		],
		[{ concurrencyQuota: 0 }, '参数错误: concurrencyQuota must be at least 1'],
		[{ concurrencyQuota: 1.5 }, '参数错误: concurrencyQuota must be an integer'],
		[{ smsType: 2 }, '参数错误: smsType must be one of 0, 1'],
		[
			{ smsTemplateId: SEED.smsTemplate.inReview.id },
			`参数错误: smsTemplateId ${SEED.smsTemplate.inReview.id} is not approved (status 1)`,
		],
		[{ repeatCall: 'yes' }, '参数错误: repeatCall must be a boolean'],
		[
			{ repeatCallRule: [{ phoneStatus: 4, times: 1, interval: 0 }] },
			'参数错误: repeatCallRule[0].phoneStatus must be one of 2, 3, 5, 6, 7, 9, 10',
		],
		[
			{ repeatCallRule: [{ phoneStatus: 2, times: 6, interval: 0 }] },
			'参数错误: repeatCallRule[0].times must be between 1 and 5',
		],
		[
			{ repeatCallRule: [{ phoneStatus: 2, times: 1, interval: 121 }] },
			'参数错误: repeatCallRule[0].interval must be between 0 and 120',
		],
		[
			{ repeatCallRule: [{ phoneStatus: 2, times: 1 }] },
			'参数错误: repeatCallRule[0].interval is required',
		],
	])('rejects %j', async (extra, message) => {
		expect(await fails(post('task/createTask', validTask(extra)), 412)).toBe(message);
		expect(sandbox.tasks.size).toBe(0);
	});
});

describe('task lifecycle', () => {
	it('start / pause / stop follow the status rules', async () => {
		const id = await createTask();
		const status = () => sandbox.tasks.get(id)!.status;
		await ok(post('task/start', { taskId: id }));
		expect(status()).toBe(1);
		expect(await fails(post('task/start', { taskId: id }), 412)).toContain('status 1');
		await ok(post('task/pause', { taskId: id }));
		expect(status()).toBe(4);
		await fails(post('task/pause', { taskId: id }), 412);
		await ok(post('task/start', { taskId: id }));
		await ok(post('task/stop', { taskId: id }));
		expect(status()).toBe(6);
		await fails(post('task/stop', { taskId: id }), 412);
		expect(await fails(post('task/start', { taskId: id }), 412)).toContain('已终止');
	});

	it('start works from 3 and 5 but not from finished', async () => {
		const [a, b, c] = sandbox.seedTasks(demo.id, 3);
		sandbox.tasks.get(a)!.status = 3;
		sandbox.tasks.get(b)!.status = 5;
		sandbox.tasks.get(c)!.status = 2;
		await ok(post('task/start', { taskId: a }));
		await ok(post('task/start', { taskId: b }));
		await fails(post('task/start', { taskId: c }), 412);
		await fails(post('task/stop', { taskId: c }), 412);
	});

	it('actions need a known, reachable task', async () => {
		await fails(post('task/start', {}), 412);
		await fails(post('task/start', { taskId: String(firstTask) }), 412);
		await fails(post('task/start', { taskId: 5999 }), 404);
		const [id] = sandbox.seedTasks(demo.id, 1);
		await fails(post('task/start', { taskId: id, companyId: second.id }), 404);
		await fails(post('task/start', { taskId: id, companyId: unbound.id }), 403);
	});

	it('a task of a company not bound to the appkey answers 403', async () => {
		const id = sandbox.seedTasks(second.id, 1)[0];
		sandbox.apps.get(SANDBOX_APP_KEY)!.companyIds.delete(second.id);
		try {
			await fails(post('task/start', { taskId: id }), 403);
		} finally {
			sandbox.apps.get(SANDBOX_APP_KEY)!.companyIds.add(second.id);
		}
	});

	it('update changes fields, accepts loose userPhoneIds and refuses while running', async () => {
		const id = await createTask();
		await ok(
			post('task/update', {
				companyId: demo.id,
				taskId: id,
				taskName: '改名',
				userPhoneIds: String(landline.id),
				callType: 1,
				workingEndTime: '18:00',
			}),
		);
		expect(sandbox.tasks.get(id)).toMatchObject({
			jobName: '改名',
			userPhoneIds: [landline.id],
			callType: 1,
			workingEndTime: '18:00:00',
		});
		await ok(
			post('task/update', { companyId: demo.id, taskId: id, userPhoneIds: mobile.id, callType: 0 }),
		);
		expect(sandbox.tasks.get(id)!.userPhoneIds).toEqual([mobile.id]);
		expect(
			await fails(
				post('task/update', { companyId: demo.id, taskId: id, userPhoneIds: landline.id }),
				412,
			),
		).toContain('callType 0 does not match');
		expect(
			await fails(
				post('task/update', { companyId: demo.id, taskId: id, userPhoneIds: 'a,b' }),
				412,
			),
		).toContain('userPhoneIds');
		await fails(post('task/update', { taskId: id, taskName: 'x' }), 412);
		await ok(post('task/start', { taskId: id }));
		expect(
			await fails(post('task/update', { companyId: demo.id, taskId: id, taskName: 'x' }), 412),
		).toContain('running');
	});

	it('delete removes the task, its customers and calls', async () => {
		const id = await createTask();
		sandbox.seedCallRecords(id, 2);
		const callId = sandbox.callRecordsOf(id)[0].callInstanceId;
		await ok(post('task/delete', { taskId: id }));
		expect(sandbox.tasks.has(id)).toBe(false);
		expect(sandbox.customersOf(id)).toEqual([]);
		await fails(get('task/getTaskDetail', { companyId: demo.id, taskId: id }), 404);
		await fails(get('task/phoneLogInfo', { callInstanceId: callId }), 404);
		await fails(post('task/delete', { taskId: id }), 404);
		const running = await createTask();
		await ok(post('task/start', { taskId: running }));
		await fails(post('task/delete', { taskId: running }), 412);
	});
});

describe('getTasks / getTaskDetail', () => {
	it('pages newest first with pageSize default 10 and max 100', async () => {
		const ids = sandbox.seedTasks(demo.id, 25);
		sandbox.seedTasks(second.id, 2);
		const first = await ok(get('task/getTasks', { companyId: demo.id }));
		expect(first).toMatchObject({ pageNum: 1, pageSize: 10, size: 10, total: 25, pages: 3 });
		expect(first.list[0].callJobId).toBe(ids[24]);
		expect(first.list.map((t: any) => t.callJobId)).toEqual([...ids].reverse().slice(0, 10));
		const last = await ok(get('task/getTasks', { companyId: demo.id, pageNum: 3 }));
		expect(last.list.map((t: any) => t.callJobId)).toEqual(ids.slice(0, 5).reverse());
		const beyond = await ok(get('task/getTasks', { companyId: demo.id, pageNum: 4 }));
		expect(beyond).toMatchObject({ total: 25, list: [] });
		expect((await ok(get('task/getTasks', { companyId: demo.id, pageSize: 100 }))).size).toBe(25);
		expect(await fails(get('task/getTasks', { companyId: demo.id, pageSize: 101 }), 412)).toBe(
			'参数错误: pageSize must be between 1 and 100',
		);
		await fails(get('task/getTasks', { companyId: demo.id, pageNum: 0 }), 412);
		await fails(get('task/getTasks', {}), 412);
	});

	it('filters by taskName substring, createDate and status', async () => {
		sandbox.seedTasks(demo.id, 2, { jobName: '春季回访' });
		const [paused] = sandbox.seedTasks(demo.id, 1, { jobName: '秋季回访', status: 4 });
		sandbox.seedTasks(demo.id, 1, { jobName: '其他', gmtCreate: '2020-01-01 10:00:00' });
		expect((await ok(get('task/getTasks', { companyId: demo.id, taskName: '回访' }))).total).toBe(
			3,
		);
		expect((await ok(get('task/getTasks', { companyId: demo.id, taskName: '春季' }))).total).toBe(
			2,
		);
		const byStatus = await ok(get('task/getTasks', { companyId: demo.id, status: 4 }));
		expect(byStatus.list.map((t: any) => t.callJobId)).toEqual([paused]);
		expect(
			(await ok(get('task/getTasks', { companyId: demo.id, createDate: '2020-01-01' }))).list[0]
				.jobName,
		).toBe('其他');
		await fails(get('task/getTasks', { companyId: demo.id, createDate: '2020/01/01' }), 412);
	});

	it('list items carry the documented fields', async () => {
		await createTask({ workingStartTime: '10:00', workingEndTime: '18:00' });
		const [item] = (await ok(get('task/getTasks', { companyId: demo.id }))).list;
		expect(item).toMatchObject({
			callJobId: firstTask,
			jobName: '测试任务',
			jobType: 2,
			workingStartTime: '10:00:00',
			workingEndTime: '18:00:00',
			status: 0,
			totalCount: 0,
			doneCount: 0,
			calledCount: 0,
		});
		expect(item.startDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
	});

	it('getTaskDetail adds statistics; unknown task → 404', async () => {
		const id = await createTask();
		sandbox.seedCallRecords(id, 20);
		const detail = await ok(get('task/getTaskDetail', { companyId: demo.id, taskId: id }));
		expect(detail).toMatchObject({
			callJobId: id,
			robotDefName: loan.name,
			sceneRecordName: '女声版',
			totalCount: 20,
			doneCount: 20,
		});
		const calls = sandbox.callRecordsOf(id);
		expect(detail.calledCount).toBe(calls.filter((c) => c.finishStatus === 0).length);
		expect(detail.durationStat.reduce((n: number, s: any) => n + s.value, 0)).toBe(20);
		expect(detail.callPhones[0]).toMatchObject({ userPhoneId: mobile.id, phone: mobile.phone });
		expect(detail.extraStat['意向标签'].reduce((n: number, s: any) => n + s.value, 0)).toBe(20);
		await fails(get('task/getTaskDetail', { companyId: demo.id, taskId: 9999 }), 404);
		await fails(get('task/getTaskDetail', { companyId: second.id, taskId: id }), 404);
		await fails(get('task/getTaskDetail', { companyId: demo.id }), 412);
	});
});
