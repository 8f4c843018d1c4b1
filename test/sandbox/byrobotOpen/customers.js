'use strict';
/*
 * Customers of a job: byai.openapi.calljob.customer.import (docs/api/byrobot-open-platform.md:
 * Call job: import customers).
 *
 * callJobId, companyId and customerInfoVOList (JSON text of [{name, phone, properties: {…}}])
 * are required; permitrepeatnum "true" / "false" (default false) is optional.
 * - More than 10,000 rows → 10000401 "单次导入不能超过10000条" (the limit is the notes'; code and
 *   words the sandbox's); an empty list, or a row that is not an object → 41000000.
 * - A row whose phone is not 3–20 digits (after trimming), or whose properties is neither absent
 *   nor an object of text or number values, counts in placeFailNum.
 * - A phone already in the job, or earlier in the same list, counts in repeatNum, unless
 *   permitrepeatnum=true: then it is imported again (and called again).
 * - A stopped job (6) refuses imports (10000401; the sandbox's rule).
 * data: {total, successNum, placeFailNum, repeatNum}; total = the rows sent.
 * Each imported customer gets its callInstanceId at once; with autoDial, customers imported into
 * a running job are dialed at once (calls.js).
 */
const { bad, refuse, isPlainObject } = require('./protocol');

const MAX_IMPORT = 10000;
const PHONE_RE = /^\d{3,20}$/;

const routes = [['byai.openapi.calljob.customer.import', 'importRequest']];

const methods = {
	importRequest(p, ctx) {
		const job = this.jobParam(p, ctx);
		const rows = p.json('customerInfoVOList', { required: true, array: true });
		const permitRepeat = p.bool('permitrepeatnum', { def: false });
		if (rows.length === 0) throw bad('customerInfoVOList must not be empty');
		if (rows.length > MAX_IMPORT)
			throw refuse(`单次导入不能超过${MAX_IMPORT}条 (got ${rows.length})`);
		rows.forEach((row, i) => {
			if (!isPlainObject(row)) throw bad(`customerInfoVOList[${i}] must be an object`);
		});
		if (job.callJobStatus === 6) throw refuse('任务已终止，不能导入客户');
		const result = this.importCustomers(job.callJobId, rows, { permitRepeat });
		if (this.autoDial && job.callJobStatus === 1) this.dialAll(job.callJobId);
		return result;
	},

	/** Adds customers to a job with the import's counting rules (no request checks); returns the counts. */
	importCustomers(callJobId, rows, options = {}) {
		const job = this.jobs.get(callJobId);
		const list = this.customerLists.get(callJobId);
		if (!job || !list) throw new Error(`no job ${callJobId}`);
		let successNum = 0;
		let repeatNum = 0;
		let placeFailNum = 0;
		for (const row of rows) {
			const phone = String(row.phone ?? '').trim();
			const props = row.properties;
			const propsOk =
				props == null ||
				(isPlainObject(props) &&
					Object.values(props).every((v) => typeof v === 'string' || typeof v === 'number'));
			if (!PHONE_RE.test(phone) || !propsOk) {
				placeFailNum++;
			} else if (list.phones.has(phone) && !options.permitRepeat) {
				repeatNum++;
			} else {
				const customer = {
					callInstanceId: this.nextCallInstanceId++,
					callJobId,
					name: row.name == null ? '' : String(row.name),
					phone,
					properties: props
						? Object.fromEntries(Object.entries(props).map(([k, v]) => [k, String(v)]))
						: {},
					dialed: false,
				};
				list.all.push(customer);
				list.phones.add(phone);
				list.notDialed.set(customer.callInstanceId, customer);
				successNum++;
			}
		}
		job.totalCount += successNum;
		return { total: rows.length, successNum, placeFailNum, repeatNum };
	},

	customersOf(callJobId) {
		return [...(this.customerLists.get(callJobId)?.all ?? [])];
	},

	notDialedOf(callJobId) {
		return [...(this.customerLists.get(callJobId)?.notDialed.values() ?? [])];
	},
};

module.exports = { routes, methods, MAX_IMPORT };
