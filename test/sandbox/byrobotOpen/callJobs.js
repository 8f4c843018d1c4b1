'use strict';
/*
 * Call jobs (外呼任务): calljob.create, calljob.list, calljob.detail.get, calljob.execute
 * (docs/api/byrobot-open-platform.md: Call job: create … Call job: execute, Enums: callJobStatus).
 *
 * create: callJobName (≤ 50 characters, else 10000401 "任务名称不能超过50个字符", the vendor's
 *   words), callJobType (2 = manual; the sandbox accepts only 2), companyId, robotDefId, userPhoneIds
 *   (JSON array text of line ids, e.g. [1788320]) are required; concurrencyQuota (default 1),
 *   repeatCall ("true"/"false") and repeatCallRule (JSON text [{phoneStatus, times, interval}]) are
 *   optional. A robot never published, or a robot or line not of the company → 10000401 (the
 *   sandbox's words). data: {callJobId}. Not idempotent: the same name twice makes two jobs.
 * list: companyId (required), jobName (part of the name), pageNum from 1 (default 1), pageSize
 *   (default 20; the sandbox caps it at 500, the notes give no maximum). Newest first.
 *   data: {total, pages, pageNum, pageSize, list}.
 * detail.get: the job as the list shows it, or data null for an unknown job (or another company's).
 * execute: command 1 start / resume (0, 4, 5 → 1), 2 pause (1, 3, 7 → 4), 3 stop (anything but
 *   2 and 6 → 6); any other transition → 10000401 saying why (the sandbox's words). Starting a job
 *   whose line has lineAmount 0 (not the demo line, phoneType 9) → 10000401
 *   "当前任务绑定的线路已欠费,不能启动任务" (the vendor's words). data null.
 * With autoDial, starting a job dials its customers at once (calls.js); a running job whose
 * customers are all dialed becomes 2 (finished).
 * A job as answered: callJobId, jobName, callJobStatus, totalCount (the notes' fields) plus
 * companyId, robotDefId, callJobType, concurrencyQuota, doneCount, createTime (the sandbox's).
 */
const { bad, refuse, formatBeijing, isInt, isPlainObject } = require('./protocol');

const STATUS_NAMES = {
	0: '未开始',
	1: '进行中',
	2: '已完成',
	3: '调度中',
	4: '手动暂停',
	5: '自动暂停',
	6: '已终止',
	7: '排队中',
};
const MAX_NAME = 50;

const routes = [
	['byai.openapi.calljob.create', 'createCallJob'],
	['byai.openapi.calljob.list', 'listCallJobs'],
	['byai.openapi.calljob.detail.get', 'callJobDetail'],
	['byai.openapi.calljob.execute', 'executeCallJob'],
];

const methods = {
	/** The job of the token's company, or 10000401. */
	jobFor(ctx, callJobId) {
		const job = this.jobs.get(callJobId);
		if (!job || job.companyId !== ctx.token.companyId)
			throw refuse(`任务不存在: callJobId ${callJobId}`);
		return job;
	},

	/** For actions taking {callJobId, companyId}. */
	jobParam(p, ctx) {
		this.companyParam(p, ctx);
		return this.jobFor(ctx, p.int('callJobId', { required: true }));
	},

	/** Stores a job (validated, or trusted seed input) and returns it. */
	insertJob(companyId, fields) {
		const stamp = formatBeijing(this.now());
		const job = {
			callJobId: this.nextJobId++,
			companyId,
			jobName: '',
			callJobType: 2,
			callJobStatus: 0,
			robotDefId: null,
			userPhoneIds: [],
			concurrencyQuota: 1,
			repeatCall: false,
			repeatCallRule: [],
			totalCount: 0,
			doneCount: 0,
			createTime: stamp,
			updateTime: stamp,
			...fields,
		};
		this.jobs.set(job.callJobId, job);
		this.customerLists.set(job.callJobId, { all: [], phones: new Set(), notDialed: new Map() });
		this.callsByJob.set(job.callJobId, []);
		return job;
	},

	/** Creates n jobs directly (no validation, status 0 unless overridden); returns their ids. */
	seedCallJobs(companyId, n, overrides = {}) {
		const robot = this.robots.find((r) => r.companyId === companyId && r.view.robotStatus !== 0);
		const line = this.phones.find((ph) => ph.companyId === companyId && ph.view.lineAmount > 0);
		if (!robot || !line)
			throw new Error(`company ${companyId} has no published robot or paid line`);
		const ids = [];
		for (let i = 1; i <= n; i++) {
			const job = this.insertJob(companyId, {
				jobName: `种子任务${i}`,
				robotDefId: robot.view.robotDefId,
				userPhoneIds: [line.view.userPhoneId],
				...overrides,
			});
			ids.push(job.callJobId);
		}
		return ids;
	},

	/** A job as calljob.list and calljob.detail.get answer it. */
	jobView(job) {
		return {
			callJobId: job.callJobId,
			jobName: job.jobName,
			callJobStatus: job.callJobStatus,
			totalCount: job.totalCount,
			companyId: job.companyId,
			robotDefId: job.robotDefId,
			callJobType: job.callJobType,
			concurrencyQuota: job.concurrencyQuota,
			doneCount: job.doneCount,
			createTime: job.createTime,
		};
	},

	createCallJob(p, ctx) {
		const { companyId } = this.companyParam(p, ctx);
		const jobName = p.str('callJobName', { required: true }).trim();
		if ([...jobName].length > MAX_NAME) throw refuse('任务名称不能超过50个字符');
		const callJobType = p.int('callJobType', { required: true, oneOf: [2] });
		const robotDefId = p.int('robotDefId', { required: true });
		const userPhoneIds = p.json('userPhoneIds', { required: true, array: true });
		if (userPhoneIds.length === 0) throw bad('userPhoneIds must name at least one line');
		userPhoneIds.forEach((id, i) => {
			if (!isInt(id)) throw bad(`userPhoneIds[${i}] must be an integer, got ${JSON.stringify(id)}`);
		});
		const concurrencyQuota = p.int('concurrencyQuota', { min: 1, def: 1 });
		const repeatCall = p.bool('repeatCall', { def: false });
		const repeatCallRule = p.json('repeatCallRule', { array: true }) ?? [];
		repeatCallRule.forEach((rule, i) => {
			const okRule =
				isPlainObject(rule) && ['phoneStatus', 'times', 'interval'].every((k) => isInt(rule[k]));
			if (!okRule)
				throw bad(`repeatCallRule[${i}] must be {phoneStatus, times, interval} (integers)`);
		});
		const robot = this.robots.find(
			(r) => r.companyId === companyId && r.view.robotDefId === robotDefId,
		);
		if (!robot) throw refuse(`话术不存在: robotDefId ${robotDefId}`);
		if (robot.view.robotStatus === 0)
			throw refuse(`话术未发布，不能创建任务: robotDefId ${robotDefId}`);
		for (const id of userPhoneIds) {
			if (!this.phones.some((ph) => ph.companyId === companyId && ph.view.userPhoneId === id))
				throw refuse(`线路不存在: userPhoneId ${id}`);
		}
		const job = this.insertJob(companyId, {
			jobName,
			callJobType,
			robotDefId,
			userPhoneIds: [...new Set(userPhoneIds)],
			concurrencyQuota,
			repeatCall,
			repeatCallRule,
		});
		return { callJobId: job.callJobId };
	},

	listCallJobs(p, ctx) {
		const { companyId } = this.companyParam(p, ctx);
		const jobName = p.str('jobName');
		const pageNum = p.int('pageNum', { min: 1, def: 1 });
		const pageSize = p.int('pageSize', { min: 1, max: 500, def: 20 });
		const list = [...this.jobs.values()]
			.filter((j) => j.companyId === companyId)
			.filter((j) => jobName === undefined || j.jobName.includes(jobName))
			.sort((a, b) => b.callJobId - a.callJobId);
		const start = (pageNum - 1) * pageSize;
		return {
			total: list.length,
			pages: Math.ceil(list.length / pageSize),
			pageNum,
			pageSize,
			list: list.slice(start, start + pageSize).map((j) => this.jobView(j)),
		};
	},

	callJobDetail(p, ctx) {
		this.companyParam(p, ctx);
		const job = this.jobs.get(p.int('callJobId', { required: true }));
		return job && job.companyId === ctx.token.companyId ? this.jobView(job) : null;
	},

	setJobStatus(job, status) {
		job.callJobStatus = status;
		job.updateTime = formatBeijing(this.now());
	},

	executeCallJob(p, ctx) {
		const job = this.jobParam(p, ctx);
		const command = p.int('command', { required: true, oneOf: [1, 2, 3] });
		const s = job.callJobStatus;
		const now = `任务当前状态为${s}（${STATUS_NAMES[s] ?? '未知'}）`;
		if (command === 1) {
			if (s === 1 || s === 3 || s === 7) throw refuse(`任务已在进行中，无需启动: ${now}`);
			if (s === 2 || s === 6) throw refuse(`任务已结束，不能启动: ${now}`);
			const arrears = job.userPhoneIds
				.map((id) => this.phones.find((ph) => ph.view.userPhoneId === id)?.view)
				.some((line) => line && line.phoneType !== 9 && line.lineAmount <= 0);
			if (arrears) throw refuse('当前任务绑定的线路已欠费,不能启动任务');
			this.setJobStatus(job, 1);
			if (this.autoDial) this.dialAll(job.callJobId);
		} else if (command === 2) {
			if (s !== 1 && s !== 3 && s !== 7) throw refuse(`任务未在进行中，不能暂停: ${now}`);
			this.setJobStatus(job, 4);
		} else {
			if (s === 2 || s === 6) throw refuse(`任务已结束，不能终止: ${now}`);
			this.setJobStatus(job, 6);
		}
		return null;
	},
};

module.exports = { routes, methods, STATUS_NAMES };
