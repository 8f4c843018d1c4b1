'use strict';
/*
 * BYRobot (百应) open API sandbox: a local imitation of the signed `/openapi/v1/` API that the
 * Byrobot node calls, written from docs/api/byrobot.md (independent of the node code), for
 * tests, e2e runs and hands-on use. Where the doc is silent the sandbox is strict, and says so in
 * the file concerned.
 *
 *   byrobot/protocol.js   signature and clock check, parameter reading, envelope, paging
 *   byrobot/seed.js       SEED: companies, lines, robots, templates, first ids (reset() restores it)
 *   byrobot/server.js     routing, answers, state
 *   byrobot/companies.js · blacklist.js · tasks.js (+ taskRules.js) · customers.js · calls.js ·
 *   callbacks.js          one file per resource: its routes and handlers
 *   byrobot/types.d.ts    the answer and state shapes
 * Scripted answers and failure injection (answerNext, fail) come from common.js.
 * The callbacks BYRobot POSTs to a webhook are in byrobot-callbacks.js.
 *
 * Run standalone (dev): `node test/sandbox/byrobot.js [port]` (default 18080, autoDial on).
 */
const { ByrobotSandbox } = require('./byrobot/server');
const { SEED, SANDBOX_APP_KEY, SANDBOX_APP_SECRET } = require('./byrobot/seed');
const { computeSign, signHeaders, formatBeijing } = require('./byrobot/protocol');
const { outcomeOf } = require('./byrobot/calls');

module.exports = {
	ByrobotSandbox,
	SEED,
	SANDBOX_APP_KEY,
	SANDBOX_APP_SECRET,
	computeSign,
	signHeaders,
	outcomeOf,
	formatBeijing,
};

if (require.main === module) {
	const port = Number(process.argv[2] || process.env.BYROBOT_SANDBOX_PORT || 18080);
	const sandbox = new ByrobotSandbox({ autoDial: true });
	sandbox.start(port, process.env.BYROBOT_SANDBOX_HOST || '127.0.0.1').then((url) => {
		const companies = SEED.app.companyIds.join(', ');
		process.stdout.write(
			`BYRobot sandbox on ${url}\n  AppKey ${SANDBOX_APP_KEY}\n  AppSecret ${SANDBOX_APP_SECRET}\n  companies ${companies}\n`,
		);
	});
}
