'use strict';
// The Test button of every credential, as the editor presses it: POST /rest/credentials/test with
// the stored credential's id and the data in the form (n8n merges the two). Good data must
// pass; bad data must fail with our explanation rather than n8n's generic one — a wrong secret,
// and a Base URL that refuses the connection or is not the vendor's API. The explanation comes
// from the credential's own check (credentials/connectionTest.ts), the same on n8n 1.x and 2.x.
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

/** The test must fail with our message. */
function fails(pattern) {
	return (answer) => {
		assert.equal(
			answer?.status,
			'Error',
			`expected the test to fail, n8n said ${JSON.stringify(answer)}`,
		);
		assert.match(String(answer.message), pattern);
	};
}

/**
 * A port nothing listens on, so the connection is refused. Not 9 (discard) or other ports that
 * Node's fetch refuses to dial ("bad port"): the Byrobot check sends its request with fetch.
 */
const REFUSED = 'http://127.0.0.1:2';

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
		test(
			'byrobot',
			'says a Base URL that is another service (HTTP 401) is not the BYRobot API',
			{ baseUrl: sandboxes.bangwo8.url },
			fails(/HTTP 401.*it is not the BYRobot API\. Check the Base URL/s),
		),
		test(
			'byrobot',
			'says which field to fix when the Base URL refuses the connection',
			{ baseUrl: REFUSED },
			fails(/refused the connection.*Check the Base URL of the Byrobot API credential/s),
		),
		test('byrobotOpen', 'passes with the sandbox AppKey, AppSecret and Company ID', {}, ok),
		test(
			'byrobotOpen',
			'explains a wrong AppSecret (a fresh token is asked for, whatever token is stored)',
			{ appSecret: 'not-the-secret' },
			fails(/refused to issue an access token.*Check the AppKey and the AppSecret/s),
		),
		test(
			'byrobotOpen',
			'says a Token URL that is another service is not the token endpoint',
			{ tokenUrl: `${sandboxes.bangwo8.url}/oauth/token` },
			fails(/not the BYRobot open platform token.*Check the Token URL/s),
		),
		test(
			'byrobotOpen',
			'says which field to fix when the Token URL refuses the connection',
			{ tokenUrl: `${REFUSED}/oauth/token` },
			fails(/refused the connection.*Check the Token URL/s),
		),
		test('bangwo8', 'passes with the admin account', {}, ok),
		test(
			'bangwo8',
			'explains a wrong password (HTTP 401)',
			{ password: 'wrong-password' },
			fails(/account or password.*401/s),
		),
		test(
			'bangwo8',
			'explains an agent account (HTTP 403)',
			{ account: SANDBOX_AGENT.account, password: SANDBOX_AGENT.password },
			fails(/403.*admin account/s),
		),
		test(
			'bangwo8',
			'says a Base URL that is another service is not the Bangwo8 API',
			{ baseUrl: sandboxes.byrobot.url },
			fails(/it is not the Bangwo8 API\. Check the Base URL/),
		),
		test('bangwo8OAuth2', 'passes with the sandbox SecretID and Secret', {}, ok),
		test(
			'bangwo8OAuth2',
			'explains a wrong Secret (a fresh token is asked for, whatever token is stored)',
			{ secret: 'wrong-secret' },
			fails(/invalid_client.*SecretID and the Secret/s),
		),
		test(
			'bangwo8OAuth2',
			'says which field to fix when the Base URL refuses the connection',
			{ baseUrl: REFUSED },
			fails(/refused the connection.*Check the Base URL/s),
		),
	];
}

module.exports = { credentialTests, OWNER };
