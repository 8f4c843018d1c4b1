'use strict';
// Undelivered callbacks: the ones BYRobot gave up POSTing, which a client can query
// (docs/api/byrobot.md: Callback: undelivered). The callbacks BYRobot POSTs are built by
// ../byrobot-callbacks.js. Entries: {callJobId, customerTelephone, callInstanceId, callerTime, dataType}.
const { dateBound, bad, formatBeijing, page } = require('./protocol');
const { SEED } = require('./seed');

const routes = [['GET', 'callBack/queryUnCallBack', 'queryUnCallBack', '查询成功']];

const methods = {
	/** Adds n undelivered callbacks, one minute apart, ending now (sandbox clock). */
	seedUndeliveredCallbacks(n, options = {}) {
		const {
			companyId = SEED.company.demo.id,
			callJobId = SEED.undeliveredCallJobId,
			dataType = 0,
			callerTime,
		} = options;
		const created = [];
		for (let i = 0; i < n; i++) {
			const entry = {
				companyId,
				dataType,
				callJobId,
				customerTelephone: `1370000${String(this.undeliveredCallbacks.length + 1).padStart(4, '0')}`,
				callInstanceId: this.nextCallInstanceId++,
				callerTime: callerTime ?? formatBeijing(this.now() - (n - 1 - i) * 60000),
			};
			this.undeliveredCallbacks.push(entry);
			created.push(entry);
		}
		return created;
	},

	queryUnCallBack(p, ctx) {
		const { companyId } = this.companyParam(p, ctx);
		const callJobId = p.int('callJobId');
		const dataType = p.int('dataType', { required: true, oneOf: [0, 1] });
		const startDate = p.str('startDate', { required: true });
		const endDate = p.str('endDate', { required: true });
		const from = dateBound(startDate, 'startDate', '00:00:00');
		const to = dateBound(endDate, 'endDate', '23:59:59');
		if (from > to) throw bad('startDate must not be after endDate');
		const pageNum = p.pageNum();
		const pageSize = p.pageSize(100, 500);
		const list = this.undeliveredCallbacks
			.filter(
				(c) =>
					c.companyId === companyId &&
					c.dataType === dataType &&
					(callJobId === undefined || c.callJobId === callJobId) &&
					c.callerTime >= from &&
					c.callerTime <= to,
			)
			.map(({ companyId: _omit, ...rest }) => rest);
		return page(list, pageNum, pageSize);
	},
};

module.exports = { routes, methods };
