'use strict';
// Companies and what they own: caller lines, robots, seats, SMS templates, script variables
// (docs/api/byrobot.md: Company: list … Script variables). A company that is unknown or not bound
// to the calling AppKey answers 403, like the vendor, so a client cannot tell the two apart.
const { ApiError, page } = require('./protocol');
const { SEED } = require('./seed');

const routes = [
	['GET', 'company/getCompanys', 'getCompanys', '获取成功'],
	['GET', 'company/getPhones', 'getPhones', '获取成功'],
	['GET', 'company/getRobots', 'getRobots', '获取成功'],
	['GET', 'company/seat/statistics', 'seatStatistics', '查询成功'],
	['GET', 'sms/template/list', 'smsTemplateList', '查询成功', 'sms'],
	['GET', 'task/getSceneVariables', 'getSceneVariables', '查询成功'],
];

const methods = {
	/** The company, if it exists and the AppKey is bound to it; else 403. */
	companyFor(ctx, companyId) {
		const company = this.companies.get(companyId);
		if (!company || !ctx.app.companyIds.has(companyId)) {
			throw new ApiError(403, `没有权限 companyId ${companyId} is not bound to this appkey`);
		}
		return company;
	},

	companyParam(p, ctx) {
		return this.companyFor(ctx, p.int('companyId', { required: true }));
	},

	getCompanys(p, ctx) {
		return [...ctx.app.companyIds]
			.filter((id) => this.companies.has(id))
			.sort((a, b) => a - b)
			.map((id) => ({ ...this.companies.get(id) }));
	},

	getPhones(p, ctx) {
		const { companyId } = this.companyParam(p, ctx);
		return this.phones.filter((ph) => ph.companyId === companyId).map((ph) => ph.view);
	},

	getRobots(p, ctx) {
		const { companyId } = this.companyParam(p, ctx);
		const robotStatus = p.int('robotStatus', { oneOf: [0, 1, 2], def: 0 });
		return this.robots
			.filter((r) => r.companyId === companyId)
			.filter((r) => (robotStatus === 1 ? r.online : robotStatus === 2 ? r.published : true))
			.map((r) => r.view);
	},

	seatStatistics(p, ctx) {
		const { companyId } = this.companyParam(p, ctx);
		const base = Object.values(SEED.company).find((c) => c.id === companyId)?.seats || {
			all: 0,
			using: 0,
		};
		let using = base.using;
		for (const task of this.tasks.values()) {
			if (task.companyId === companyId && task.status === 1) using += task.concurrencyQuota;
		}
		return { companyAllCallSeat: base.all, companyUsingCallSeat: using };
	},

	smsTemplateList(p, ctx) {
		const { companyId } = this.companyParam(p, ctx);
		const status = p.int('status', { oneOf: [1, 2, 3] });
		const pageNum = p.pageNum();
		const pageSize = p.pageSize(20, 100);
		const list = this.smsTemplates.filter(
			(t) => t.companyId === companyId && (status === undefined || t.status === status),
		);
		return page(list, pageNum, pageSize);
	},

	getSceneVariables(p, ctx) {
		const { companyId } = this.companyParam(p, ctx);
		const sceneDefId = p.int('sceneDefId', { required: true });
		const found = this.robots.find(
			(r) => r.companyId === companyId && r.view.sceneDefId === sceneDefId,
		);
		if (!found) throw new ApiError(404, `场景不存在 sceneDefId ${sceneDefId} not found`);
		const robot = Object.values(SEED.robot).find((r) => r.sceneDefId === sceneDefId);
		return [...(robot?.variables || [])];
	},
};

module.exports = { routes, methods };
