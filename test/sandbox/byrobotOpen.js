'use strict';
/*
 * BYRobot (百应) open platform sandbox: a local imitation of the OAuth-token API of
 * open.byai.com (百应开放平台), written from docs/api/byrobot-open-platform.md (independent of the
 * package's code), for tests, e2e runs and hands-on use. Where the notes are precise the sandbox is
 * strict (form bodies only, required fields, pageSize ≤ 500 on calldone.list, ≤ 10,000 import
 * rows, callJobName ≤ 50 characters), so that a wrong client is caught.
 *
 *   POST /oauth/token                        a token for one company (oauth.js)
 *   POST /api/oauth/<name>/1.0.0/<action>    the API, accessToken in the form body (GET + query too)
 *
 *   byrobotOpen/protocol.js   URL scheme, form parameters, envelope, codes 40000010 / 41000000 / 10000401
 *   byrobotOpen/seed.js       SEED: app, companies, lines, robots, workflows, first ids (reset() restores it)
 *   byrobotOpen/server.js     routing, token check, state
 *   byrobotOpen/oauth.js · companies.js · workflows.js · callJobs.js · customers.js · calls.js
 *                             one file per resource: its routes and handlers
 *   byrobotOpen/types.d.ts    the answer and state shapes
 * Scripted answers and failure injection (answerNext, fail) come from common.js.
 *
 * THE SANDBOX'S GUESSES, where the notes are silent (each also said in the file concerned):
 *   - the token endpoint's refusals: HTTP 200 {success: false, code 40001–40004, message, data: null}
 *     (oauth.js);
 *   - the HTTP status of 40000010: 200 by default, the option tokenInvalidStatus (e.g. 401);
 *   - the answer of callinstance.detail.get: {callInstance, phoneLogs, taskResult}, modelled on the
 *     CALL_INSTANCE_RESULT callback (calls.js);
 *   - 404 / 405 for an unknown API or method, a JSON body refused with 41000000, a companyId other
 *     than the token's refused with 41000000, the robotStatus values 5 / 2 / 0, the words of
 *     10000401 refusals other than the two the notes quote, default page sizes and caps.
 *
 * Run standalone (dev): `node test/sandbox/byrobotOpen.js [port]` (default 18603, autoDial on).
 */
const { ByrobotOpenSandbox } = require('./byrobotOpen/server');
const { SEED, SANDBOX_OPEN_APP_KEY, SANDBOX_OPEN_APP_SECRET } = require('./byrobotOpen/seed');
const { apiPath, apiOf, CODE, formatBeijing } = require('./byrobotOpen/protocol');
const { REFUSAL } = require('./byrobotOpen/oauth');
const { outcomeOf } = require('./byrobot/calls');

module.exports = {
	ByrobotOpenSandbox,
	SEED,
	SANDBOX_OPEN_APP_KEY,
	SANDBOX_OPEN_APP_SECRET,
	CODE,
	REFUSAL,
	apiPath,
	apiOf,
	outcomeOf,
	formatBeijing,
};

if (require.main === module) {
	const port = Number(process.argv[2] || process.env.BYROBOT_OPEN_SANDBOX_PORT || 18603);
	const sandbox = new ByrobotOpenSandbox({ autoDial: true });
	sandbox.start(port, process.env.BYROBOT_OPEN_SANDBOX_HOST || '127.0.0.1').then((url) => {
		const companies = SEED.app.companyIds.join(', ');
		process.stdout.write(
			`BYRobot open platform sandbox on ${url}\n  Token URL ${url}/oauth/token\n  Base URL ${url}/api/oauth\n  AppKey ${SANDBOX_OPEN_APP_KEY}\n  AppSecret ${SANDBOX_OPEN_APP_SECRET}\n  companies ${companies}\n`,
		);
	});
}
