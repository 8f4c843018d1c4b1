'use strict';
// Agents (客服): the people who serve a call task (docs/api/bangwo8.md: Agent: list).
// The agent account may list them, unlike the callTask endpoints.
const { listAnswer } = require('./protocol');

const routes = [[/^\/api\/v1\/supports\.json$/, { GET: ['listAgents', 'any'] }]];

const methods = {
	listAgents(record) {
		return listAnswer(record, 'supports', this.agents, (a) => a.sId);
	},

	/** Only an active agent (isStat "1") may serve a call task. */
	activeAgent(id) {
		return this.agents.find((a) => a.sId === id && a.isStat === '1');
	},
};

module.exports = { routes, methods };
