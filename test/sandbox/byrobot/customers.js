'use strict';
// Customers of a task: import (v1 answers data null, v2 the counts) and the not-yet-dialed list
// (docs/api/byrobot.md: Task: import customers, Task: uncalled customers).
// Import: ≤ 10,000 rows; phone a required string; rows whose phone is not 3–20 digits or whose
// properties is not an object of string values → placeFailNum; phones already in the task or
// repeated in the request → repeatNum. Each customer gets its callInstanceId at import; importing
// into a running task with autoDial dials at once (calls.js).
const {
	PHONE_RE,
	bad,
	formatBeijing,
	isPlainObject,
	isStringMap,
	pageOfMap,
} = require('./protocol');

const MAX_IMPORT = 10000;

const routes = [
	['POST', 'task/importTaskCustomer', 'importV1', '操作成功'],
	['POST', '/openapi/v2/task/importTaskCustomer', 'importV2', '操作成功'],
	// One official demo sends this one as GET with a query string: accept both.
	['POST GET', 'task/notDialedCustomerList', 'notDialedCustomerList', '操作成功'],
];

const methods = {
	importV1(p, ctx) {
		this.importRequest(p, ctx);
		return null;
	},

	importV2(p, ctx) {
		const result = this.importRequest(p, ctx);
		return {
			msg: `导入完成: 成功${result.successNum}条, 重复${result.repeatNum}条, 变量校验失败${result.placeFailNum}条`,
			...result,
		};
	},

	importRequest(p, ctx) {
		const { companyId } = this.companyParam(p, ctx);
		const task = this.taskFor(ctx, p.int('taskId', { required: true }), companyId);
		const rows = p.list('customerInfoList', { required: true, minLen: 1, maxLen: MAX_IMPORT });
		for (let i = 0; i < rows.length; i++) {
			const row = rows[i];
			if (!isPlainObject(row)) throw bad(`customerInfoList[${i}] must be an object`);
			if (row.phone == null || row.phone === '')
				throw bad(`customerInfoList[${i}].phone is required`);
			if (typeof row.phone !== 'string') throw bad(`customerInfoList[${i}].phone must be a string`);
			if (row.name != null && typeof row.name !== 'string')
				throw bad(`customerInfoList[${i}].name must be a string`);
		}
		const result = this.importCustomers(task.callJobId, rows);
		if (this.autoDial && task.status === 1) this.dialAll(task.callJobId);
		return result;
	},

	/** Adds customers to a task (no shape checks beyond the counted ones); returns the counts. */
	importCustomers(taskId, rows) {
		const task = this.tasks.get(taskId);
		const bucket = this.customerBuckets.get(taskId);
		if (!task || !bucket) throw new Error(`no task ${taskId}`);
		const gmtCreate = formatBeijing(this.now());
		let successNum = 0;
		let repeatNum = 0;
		let placeFailNum = 0;
		for (const row of rows) {
			const phone = String(row.phone ?? '').trim();
			if (!PHONE_RE.test(phone) || (row.properties != null && !isStringMap(row.properties))) {
				placeFailNum++;
			} else if (bucket.byPhone.has(phone)) {
				repeatNum++; // already in the task, or earlier in this same request
			} else {
				const customer = {
					callInstanceId: this.nextCallInstanceId++,
					name: row.name ?? '',
					phone,
					properties: row.properties ? { ...row.properties } : {},
					dialed: false,
					gmtCreate,
				};
				bucket.byPhone.set(phone, customer);
				bucket.notDialed.set(phone, customer);
				successNum++;
			}
		}
		task.totalCount += successNum;
		return { successNum, repeatNum, placeFailNum };
	},

	customersOf(taskId) {
		const bucket = this.customerBuckets.get(taskId);
		return bucket ? [...bucket.byPhone.values()] : [];
	},

	notDialedOf(taskId) {
		const bucket = this.customerBuckets.get(taskId);
		return bucket ? [...bucket.notDialed.values()] : [];
	},

	notDialedCustomerList(p, ctx) {
		const task = this.taskFor(ctx, p.int('taskId', { required: true }));
		const pageNum = p.pageNum();
		const pageSize = p.pageSize(10, 50);
		return pageOfMap(
			this.customerBuckets.get(task.callJobId).notDialed,
			pageNum,
			pageSize,
			(c) => ({
				callInstanceId: c.callInstanceId,
				name: c.name,
				phone: c.phone,
				properties: c.properties,
				customerName: c.name,
				customerTelephone: c.phone,
				status: 0,
				calledTimes: 0,
			}),
		);
	},
};

module.exports = { routes, methods };
