'use strict';
// Agents (客服): the people who serve a call task and own tickets (docs/api/bangwo8.md: Agent: list;
// docs/api/bangwo8-helpdesk.md: Agents). The agent account may read them, unlike the callTask
// endpoints. One agent answers {"support": {…}} ({"support": [{…}]} with wrapDetailInArray).
const { fault, listAnswer } = require('./protocol');

const routes = [
	[/^\/api\/v1\/supports\.json$/, { GET: ['listAgents', 'any'] }],
	[/^\/api\/v1\/supports\/(\d+)\.json$/, { GET: ['getAgent', 'any'] }],
];

const methods = {
	listAgents(record) {
		return listAnswer(record, 'supports', this.agents, (a) => a.sId);
	},

	getAgent(record, id) {
		const agent = this.agents.find((a) => a.sId === id);
		if (!agent) return fault(404, '100044', `support ${id} does not exist`);
		return this.detailAnswer('support', { ...agent });
	},

	/** Only an active agent (isStat "1") may serve a call task or own a ticket. */
	activeAgent(id) {
		return this.agents.find((a) => a.sId === id && a.isStat === '1');
	},
};

module.exports = { routes, methods };
