'use strict';
/*
 * SOP workflows: byai.sop.workflow.list.page.search (docs/api/byrobot-open-platform.md: SOP
 * workflow search). No companyId parameter: the token's company decides. pageNum counts from 0
 * (default 0), pageSize defaults to 20; the sandbox caps it at 200 (its choice: the notes give no
 * maximum). workflowExecuteStatus ALL (default), DRAFT, UNSTART, START, FINISH or PAUSE; name
 * matches a part of the name, workflowId / groupId exactly, groupName a part of the group's name.
 * Newest (highest id) first.
 */
const routes = [['byai.sop.workflow.list.page.search', 'workflowSearch']];

const STATUSES = ['ALL', 'DRAFT', 'UNSTART', 'START', 'FINISH', 'PAUSE'];

const methods = {
	workflowSearch(p, ctx) {
		const status = p.str('workflowExecuteStatus', { oneOf: STATUSES, def: 'ALL' });
		const pageNum = p.int('pageNum', { min: 0, def: 0 });
		const pageSize = p.int('pageSize', { min: 1, max: 200, def: 20 });
		const name = p.str('name');
		const workflowId = p.int('workflowId');
		const groupId = p.int('groupId');
		const groupName = p.str('groupName');
		const list = this.workflows
			.filter((w) => w.companyId === ctx.token.companyId)
			.filter((w) => status === 'ALL' || w.workflowExecuteStatus === status)
			.filter((w) => name === undefined || w.name.includes(name))
			.filter((w) => workflowId === undefined || w.id === workflowId)
			.filter((w) => groupId === undefined || w.groupId === groupId)
			.filter((w) => groupName === undefined || w.groupName.includes(groupName))
			.sort((a, b) => b.id - a.id);
		const start = pageNum * pageSize;
		return {
			total: list.length,
			pages: Math.ceil(list.length / pageSize),
			pageNum,
			pageSize,
			list: list.slice(start, start + pageSize).map((w) => ({
				id: w.id,
				name: w.name,
				workflowExecuteStatus: w.workflowExecuteStatus,
				workflowType: w.workflowType,
				startTime: w.startTime,
				endTime: w.endTime,
			})),
		};
	},
};

module.exports = { routes, methods };
