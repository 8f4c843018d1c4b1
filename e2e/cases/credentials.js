'use strict';
// The Test button of every credential, as the editor presses it: POST /rest/credentials/test with
// the stored credential's id and the data in the form (n8n merges the two). Good data must
// pass; bad data must fail with our explanation rather than n8n's generic one.
const assert = require('assert/strict');

const { SANDBOX_AGENT } = require('../../test/sandbox/bangwo8');
const { CREDENTIALS } = require('../../scripts/lib/workflow');

/** The instance owner of the e2e instance (set up through the REST API). */
const OWNER = Object.freeze({
	email: 'e2e@example.com',
	firstName: 'End',
	lastName: 'ToEnd',
	password: 'E2e-sandbox-passw0rd',
});

function ok(answer) {
	assert.equal(
		answer?.status,
		'OK',
		`expected the test to pass, n8n said ${JSON.stringify(answer)}`,
	);
}

/**
 * The test must fail with our message. `n8n1Pattern`: what n8n 1.x shows instead, where it
 * cannot show ours — its credential tester drops the HTTP response of a failed test request
 * (ExecutionBaseError keeps no Error as `cause`), so `responseCode` rules never match there and
 * n8n's generic text for the status appears ("Authorization failed …", "Forbidden …").
 */
function fails(pattern, n8n1Pattern) {
	return (answer, runtime) => {
		assert.equal(
			answer?.status,
			'Error',
			`expected the test to fail, n8n said ${JSON.stringify(answer)}`,
		);
		assert.match(String(answer.message), runtime === 'n8n1' && n8n1Pattern ? n8n1Pattern : pattern);
	};
}

/** @param {Awaited<ReturnType<import('../../test/sandbox/serve').startSandboxes>>} sandboxes */
function credentialTests(sandboxes) {
	const test = (key, name, dataChange, check) => {
		const c = CREDENTIALS[key];
		return {
			name: `credential test: ${c.type} ${name}`,
			credentials: {
				id: c.id,
				name: c.name,
				type: c.type,
				data: { ...sandboxes.credentials[c.type], ...dataChange },
			},
			check,
		};
	};
	return [
		test('byrobot', 'passes with the sandbox AppKey and AppSecret', {}, ok),
		test(
			'byrobot',
			'explains a wrong AppSecret (code 401)',
			{ appSecret: 'not-the-secret' },
			fails(/signature.*AppKey and AppSecret/s),
		),
		test('bangwo8', 'passes with the admin account', {}, ok),
		test(
			'bangwo8',
			'explains a wrong password (HTTP 401)',
			{ password: 'wrong-password' },
			fails(/account or password.*401/s, /^Authorization failed/),
		),
		test(
			'bangwo8',
			'explains an agent account (HTTP 403)',
			{ account: SANDBOX_AGENT.account, password: SANDBOX_AGENT.password },
			fails(/403.*admin account/s, /^Forbidden/),
		),
		test('bangwo8OAuth2', 'passes with the sandbox SecretID and Secret', {}, ok),
		test(
			'bangwo8OAuth2',
			'explains a wrong Secret',
			{ clientSecret: 'wrong-secret' },
			fails(/SecretID|Secret|401|invalid_client/),
		),
	];
}

module.exports = { credentialTests, OWNER };
