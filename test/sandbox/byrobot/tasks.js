'use strict';
/*
 * Call tasks: create, update, delete, start / pause / stop, list and detail
 * (docs/api/byrobot.md: Task: create … Task: detail, Enums: Task status). The field rules of
 * create and update are in taskRules.js. Where the doc is silent the rules are inferred, strictly:
 * update: refused (412) while running. delete: refused while running. start: 0/3/4/5 → 1, else 412.
 *   pause: 1 → 4, else 412. stop: anything but 2/6 → 6, else 412.
 * An unknown task → 404; a task of a company not bound to the AppKey → 403.
 */
const { ApiError, bad, formatBeijing, page } = require('./protocol');
const { INTENTION, secondsOf } = require('./calls');

const STATUS_NAMES = {
	0: '未开始',
	1: '进行中',
	2: '已完成',
	3: '调度中',
	4: '手动暂停',
	5: '自动暂停',
	6: '已终止',
	7: '排队中',
	8: 'AI到期',
	9: '账户欠费',
	10: '短信欠费',
};

const routes = [
	['POST', 'task/createTask', 'createTask', '操作成功'],
	['POST', 'task/update', 'updateTask', '修改成功'],
	['POST', 'task/delete', 'deleteTask', '删除成功'],
	['POST', 'task/start', 'startTask', '启动成功'],
	['POST', 'task/pause', 'pauseTask', '执行成功'],
	['POST', 'task/stop', 'stopTask', '执行成功'],
	['GET', 'task/getTasks', 'getTasks', '操作成功'],
	['GET', 'task/getTaskDetail', 'getTaskDetail', '操作成功'],
];

const methods = {
	/** The task: 404 if unknown or not of `companyId` (when given), 403 if its company is not bound. */
	taskFor(ctx, taskId, companyId) {
		const task = this.tasks.get(taskId);
		if (!task || (companyId !== undefined && task.companyId !== companyId)) {
			throw new ApiError(404, `任务不存在 task ${taskId} not found`);
		}
		if (!ctx.app.companyIds.has(task.companyId)) {
			throw new ApiError(
				403,
				`没有权限 task ${taskId} belongs to a company not bound to this appkey`,
			);
		}
		return task;
	},

	/** For actions taking {taskId, companyId?}. */
	taskParam(p, ctx, name = 'taskId') {
		const companyId = p.has('companyId') ? this.companyParam(p, ctx).companyId : undefined;
		return this.taskFor(ctx, p.int(name, { required: true }), companyId);
	},

	/** Stores a task (already validated, or trusted seed input) and returns it. */
	insertTask(companyId, fields) {
		const stamp = formatBeijing(this.now());
		const task = {
			callJobId: this.nextTaskId++,
			companyId,
			jobName: '',
			jobType: 2,
			startDate: stamp.slice(0, 10),
			workingStartTime: '09:00:00',
			workingEndTime: '20:00:00',
			breakStartTime: null,
			breakEndTime: null,
			status: 0,
			robotDefId: null,
			sceneDefId: null,
			sceneRecordId: null,
			userPhoneIds: [],
			callType: 0,
			concurrencyQuota: 1,
			phoneNum: null,
			smsType: 0,
			smsSendLevel: null,
			smsTemplateId: null,
			repeatCall: false,
			repeatCallRule: [],
			defaultIntentionRule: false,
			openElasticity: false,
			remark: '',
			totalCount: 0,
			doneCount: 0,
			calledCount: 0,
			rejectedCount: 0,
			unavailableCount: 0,
			fromUnavailableCount: 0,
			gmtCreate: stamp,
			gmtModified: stamp,
			...fields,
		};
		this.tasks.set(task.callJobId, task);
		this.customerBuckets.set(task.callJobId, { byPhone: new Map(), notDialed: new Map() });
		this.callsByTask.set(task.callJobId, []);
		return task;
	},

	/** Creates n tasks directly (no validation); overrides are merged into the stored task shape. */
	seedTasks(companyId, n, overrides = {}) {
		const robot = this.robots.find((r) => r.companyId === companyId && r.published);
		const line = this.phones.find((ph) => ph.companyId === companyId && ph.view.useAvailable);
		if (!robot || !line)
			throw new Error(`company ${companyId} has no published robot or available line`);
		const ids = [];
		for (let i = 1; i <= n; i++) {
			const task = this.insertTask(companyId, {
				jobName: `种子任务${i}`,
				robotDefId: robot.view.robotDefId,
				sceneDefId: robot.view.sceneDefId,
				sceneRecordId: robot.view.sceneRecords[0].sceneRecordId,
				userPhoneIds: [line.view.userPhoneId],
				callType: line.view.phoneType,
				...overrides,
			});
			ids.push(task.callJobId);
		}
		return ids;
	},

	createTask(p, ctx) {
		const { companyId } = this.companyParam(p, ctx);
		const fields = this.readTaskFields(p, false);
		if (fields.jobType === 1 && fields.startDate === undefined)
			throw bad('startDate is required when taskType is 1');
		this.robotDefaults(companyId, fields.robotDefId, fields);
		const draft = {
			workingStartTime: '09:00:00',
			workingEndTime: '20:00:00',
			breakStartTime: null,
			breakEndTime: null,
			smsTemplateId: null,
			...fields,
			companyId,
		};
		this.checkTaskConfig(draft);
		return this.insertTask(companyId, fields).callJobId;
	},

	updateTask(p, ctx) {
		const { companyId } = this.companyParam(p, ctx);
		const task = this.taskFor(ctx, p.int('taskId', { required: true }), companyId);
		const fields = this.readTaskFields(p, true);
		if (task.status === 1)
			throw bad(`task ${task.callJobId} is running (进行中); pause it before updating`);
		if (fields.robotDefId !== undefined && fields.robotDefId !== task.robotDefId) {
			this.robotDefaults(companyId, fields.robotDefId, fields);
		}
		this.checkTaskConfig({ ...task, ...fields });
		Object.assign(task, fields, { gmtModified: formatBeijing(this.now()) });
		return null;
	},

	deleteTask(p, ctx) {
		const task = this.taskParam(p, ctx);
		if (task.status === 1)
			throw bad(`task ${task.callJobId} is running (进行中); pause or stop it before deleting`);
		const id = task.callJobId;
		for (const call of this.callsByTask.get(id) || []) this.calls.delete(call.callInstanceId);
		this.tasks.delete(id);
		this.customerBuckets.delete(id);
		this.callsByTask.delete(id);
		return null;
	},

	setStatus(task, status) {
		task.status = status;
		task.gmtModified = formatBeijing(this.now());
	},

	startTask(p, ctx) {
		const task = this.taskParam(p, ctx);
		if (![0, 3, 4, 5].includes(task.status)) {
			throw bad(
				`task ${task.callJobId} cannot be started in status ${task.status} (${STATUS_NAMES[task.status]})`,
			);
		}
		this.setStatus(task, 1);
		if (this.autoDial) this.dialAll(task.callJobId);
		return null;
	},

	pauseTask(p, ctx) {
		const task = this.taskParam(p, ctx);
		if (task.status !== 1) {
			throw bad(
				`task ${task.callJobId} is not running (status ${task.status} ${STATUS_NAMES[task.status]})`,
			);
		}
		this.setStatus(task, 4);
		return null;
	},

	stopTask(p, ctx) {
		const task = this.taskParam(p, ctx);
		if (task.status === 2 || task.status === 6) {
			throw bad(
				`task ${task.callJobId} is already ${task.status === 2 ? 'finished (已完成)' : 'stopped (已终止)'}`,
			);
		}
		this.setStatus(task, 6);
		return null;
	},

	getTasks(p, ctx) {
		const { companyId } = this.companyParam(p, ctx);
		const taskName = p.str('taskName');
		const createDate = p.date('createDate');
		const status = p.int('status', { min: 0 });
		const pageNum = p.pageNum();
		const pageSize = p.pageSize(10, 100);
		const list = [];
		for (const t of this.tasks.values()) {
			if (t.companyId !== companyId) continue;
			if (taskName !== undefined && !t.jobName.includes(taskName)) continue;
			if (createDate !== undefined && !t.gmtCreate.startsWith(createDate)) continue;
			if (status !== undefined && t.status !== status) continue;
			list.push(t);
		}
		list.sort((a, b) => b.callJobId - a.callJobId);
		return page(list, pageNum, pageSize);
	},

	getTaskDetail(p, ctx) {
		const { companyId } = this.companyParam(p, ctx);
		const task = this.taskFor(ctx, p.int('taskId', { required: true }), companyId);
		const detail = this.taskDetail(task);
		// The vendor documents the detail only as "one task with its statistics": a deployment
		// may leave out the robot fields (reset() clears this list).
		for (const key of this.taskDetailOmits) delete detail[key];
		return detail;
	},

	taskDetail(task) {
		const robot = this.robots.find(
			(r) => r.companyId === task.companyId && r.view.robotDefId === task.robotDefId,
		);
		const record = robot?.view.sceneRecords.find((r) => r.sceneRecordId === task.sceneRecordId);
		const calls = this.callsByTask.get(task.callJobId) || [];
		const durationStat = bucketStat(calls, (c) => secondsOf(c.duration), [
			['<10s', 10],
			['10-30s', 30],
			['30-60s', 60],
			['>=60s', Infinity],
		]);
		const chatRoundStat = bucketStat(calls, (c) => c.chatRound, [
			['0-2次', 3],
			['3-5次', 6],
			['6-9次', 10],
			['>=10次', Infinity],
		]);
		const intentions = {};
		for (const c of calls) {
			const v = c.resultList[0]?.value;
			if (v) intentions[v] = (intentions[v] || 0) + 1;
		}
		const stamp = task.gmtCreate;
		return {
			...task,
			robotDefName: robot?.view.robotName ?? null,
			sceneDefName: robot?.sceneDefName ?? null,
			sceneRecordName: record?.sceneRecordName ?? null,
			durationStat,
			chatRoundStat,
			resultDefs: [{ name: INTENTION, values: ['A', 'B', 'C', 'D', 'F'] }],
			callPhones: task.userPhoneIds.map((id, i) => {
				const line = this.phones.find((ph) => ph.view.userPhoneId === id)?.view;
				return {
					jobPhoneId: task.callJobId * 10 + i,
					userPhoneId: id,
					callJobId: task.callJobId,
					phone: line?.phone ?? '',
					phoneName: line?.phoneName ?? '',
					gmtCreate: stamp,
					gmtModified: stamp,
				};
			}),
			extraStat: {
				[INTENTION]: Object.keys(intentions)
					.sort()
					.map((name) => ({ name, value: intentions[name] })),
			},
		};
	},
};

function bucketStat(calls, measure, buckets) {
	const counts = buckets.map(() => 0);
	for (const c of calls) counts[buckets.findIndex(([, below]) => measure(c) < below)]++;
	return buckets.map(([name], i) => ({ name, value: counts[i] }));
}

module.exports = { routes, methods };
