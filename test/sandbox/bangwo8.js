'use strict';
/*
 * Bangwo8 (帮我吧) help-desk REST API v1 sandbox: a local imitation of the call-task, ticket,
 * company, agent, contact and OAuth2 endpoints that the Bangwo8 node and credentials call, written
 * from docs/api/bangwo8.md and docs/api/bangwo8-helpdesk.md (independent of the node code). Where
 * the docs are silent the sandbox says what it chose, in the file concerned.
 *
 *   bangwo8/protocol.js   Basic and Bearer auth, error bodies and codes, dates, paging and list filters
 *   bangwo8/seed.js       SEED and the credentials: agents, contacts, companies, tickets, ticket fields
 *                         and templates (reset() restores it)
 *   bangwo8/server.js     routing with access levels, injected-failure bodies, state
 *   bangwo8/oauth.js · agents.js · contacts.js · companies.js · callTasks.js · tickets.js
 *                         one file per resource
 *   bangwo8/types.d.ts    the state shapes
 * Scripted answers and failure injection (answerNext, fail) come from common.js.
 *
 * Credentials: Basic admin (full access), Basic agent (supports, users, companies; callTask and
 * tickets → 403),
 * OAuth2 client credentials → POST /api/token.php → a Bearer token acting as the admin.
 *
 * Dev use: node test/sandbox/bangwo8.js [port=8788] [call tasks to seed=0]; HOST=0.0.0.0 to listen beyond localhost.
 */
const { Bangwo8Sandbox } = require('./bangwo8/server');
const { SEED, SANDBOX_ADMIN, SANDBOX_AGENT, SANDBOX_OAUTH } = require('./bangwo8/seed');

module.exports = { Bangwo8Sandbox, SEED, SANDBOX_ADMIN, SANDBOX_AGENT, SANDBOX_OAUTH };

if (require.main === module) {
	const port = Number(process.argv[2] || process.env.BANGWO8_SANDBOX_PORT || 8788);
	const sandbox = new Bangwo8Sandbox();
	sandbox.seedCallTasks(Number(process.argv[3] || 0));
	sandbox.start(port, process.env.HOST || '127.0.0.1').then((url) => {
		console.log(`Bangwo8 sandbox on ${url} (base URL for the credential)`);
		console.log(`  admin ${SANDBOX_ADMIN.account} / ${SANDBOX_ADMIN.password}`);
		console.log(`  agent ${SANDBOX_AGENT.account} / ${SANDBOX_AGENT.password}`);
		console.log(`  OAuth2 ${SANDBOX_OAUTH.apiId} / ${SANDBOX_OAUTH.secret}`);
	});
}
