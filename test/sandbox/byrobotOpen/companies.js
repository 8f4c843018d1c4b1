'use strict';
/*
 * Companies and what they own (docs/api/byrobot-open-platform.md: Company: list … Company:
 * communication balance): company.list, robot.list, phone.list, company.scenevariables.get,
 * seatinfo.get, company.ai.balance, company.communication.balance.
 *
 * A token acts for one company: a companyId parameter naming another company answers 41000000
 * (the sandbox's choice; what the platform answers is unknown). company.list lists every company
 * the app is bound to (the notes show no parameter), with a masked `mobile` as the docking test has.
 * scenevariables.get answers robot loan's variables as one-element arrays ([["客户姓名"], …]) and
 * the others' as plain strings: both forms occur, so a client must flatten. The built-in variables
 * (SEED.defaultVariables) come first unless hideDefaultVar=true; they are always plain strings.
 */
const { bad, refuse } = require('./protocol');

const routes = [
	['byai.openapi.company.list', 'companyList'],
	['byai.openapi.robot.list', 'robotList'],
	['byai.openapi.phone.list', 'phoneList'],
	['byai.openapi.company.scenevariables.get', 'sceneVariables'],
	['byai.openapi.seatinfo.get', 'seatInfo'],
	['byai.openapi.company.ai.balance', 'aiBalance'],
	['byai.openapi.company.communication.balance', 'communicationBalance'],
];

const methods = {
	/** The companyId parameter (required unless told), which must be the token's company. */
	companyParam(p, ctx, opts = { required: true }) {
		const companyId = p.int('companyId', { required: opts.required, def: ctx.token.companyId });
		if (companyId !== ctx.token.companyId) {
			throw bad(
				`companyId ${companyId} is not the company of the accessToken (${ctx.token.companyId})`,
			);
		}
		return this.companies.get(companyId);
	},

	companyList(p, ctx) {
		const app = this.apps.get(ctx.token.appKey);
		return [...app.companyIds]
			.filter((id) => this.companies.has(id))
			.sort((a, b) => a - b)
			.map((id) => {
				const c = this.companies.get(id);
				return { companyId: c.companyId, companyName: c.companyName, mobile: c.mobile };
			});
	},

	robotList(p, ctx) {
		const { companyId } = this.companyParam(p, ctx);
		const robotStatus = p.int('robotStatus', { oneOf: [0, 1, 2], def: 0 });
		return this.robots
			.filter((r) => r.companyId === companyId)
			.filter((r) =>
				robotStatus === 1
					? r.view.robotStatus === 5
					: robotStatus === 2
						? r.view.robotStatus !== 0
						: true,
			)
			.map((r) => ({ ...r.view }));
	},

	phoneList(p, ctx) {
		const { companyId } = this.companyParam(p, ctx);
		const userPhoneId = p.int('userPhoneId');
		return this.phones
			.filter((ph) => ph.companyId === companyId)
			.filter((ph) => userPhoneId === undefined || ph.view.userPhoneId === userPhoneId)
			.map((ph) => ({ ...ph.view }));
	},

	sceneVariables(p, ctx) {
		const { companyId } = this.companyParam(p, ctx);
		if (!p.has('robotDefId') && p.has('sceneDefId'))
			throw bad('robotDefId is required (this API takes robotDefId, not sceneDefId)');
		const robotDefId = p.int('robotDefId', { required: true });
		const hide = p.bool('hideDefaultVar', { def: false });
		const robot = this.robots.find(
			(r) => r.companyId === companyId && r.view.robotDefId === robotDefId,
		);
		if (!robot) throw refuse(`话术不存在: robotDefId ${robotDefId}`);
		const own = robot.variableForm === 'nested' ? robot.variables.map((v) => [v]) : robot.variables;
		const builtIn = hide ? [] : this.defaultVariables;
		return { variables: [...builtIn, ...own] };
	},

	seatInfo(p, ctx) {
		const { companyId, seats } = this.companyParam(p, ctx);
		let using = seats.using;
		for (const job of this.jobs.values()) {
			if (job.companyId === companyId && job.callJobStatus === 1) using += job.concurrencyQuota;
		}
		return { companyUsingCallSeat: using, companyAllCallSeat: seats.all };
	},

	aiBalance(p, ctx) {
		const { ai } = this.companyParam(p, ctx);
		return { ...ai };
	},

	communicationBalance(p, ctx) {
		const { communication } = this.companyParam(p, ctx);
		return { ...communication };
	},
};

module.exports = { routes, methods };
