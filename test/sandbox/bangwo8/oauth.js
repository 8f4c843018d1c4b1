'use strict';
// OAuth2 client credentials: POST /api/token.php with the SecretID / Secret as Basic auth and a
// form body grant_type=client_credentials; the token acts as the admin account
// (docs/api/bangwo8.md: OAuth2 client credentials). Errors here are OAuth's {error, error_description}.
const crypto = require('crypto');
const { splitCredentials } = require('./protocol');
const { SANDBOX_OAUTH } = require('./seed');

const routes = [[/^\/api\/token\.php$/, { POST: ['issueToken', 'public'] }]];

const methods = {
	issueToken(record) {
		const oauthError = (status, error, error_description, headers) => ({
			status,
			json: { error, error_description },
			headers,
		});
		const [scheme, value = ''] = String(record.headers.authorization || '').split(/\s+/, 2);
		const [id, secret] = /^basic$/i.test(scheme) ? splitCredentials(value) : [];
		if (id !== SANDBOX_OAUTH.apiId || secret !== SANDBOX_OAUTH.secret) {
			return oauthError(401, 'invalid_client', 'Client authentication failed', {
				'WWW-Authenticate': 'Basic realm="bangwo8"',
			});
		}
		const contentType = String(record.headers['content-type'] || '').toLowerCase();
		if (!contentType.includes('application/x-www-form-urlencoded')) {
			return oauthError(
				400,
				'invalid_request',
				'Content-Type must be application/x-www-form-urlencoded',
			);
		}
		const grantType = record.body && record.body.grant_type;
		if (!grantType) return oauthError(400, 'invalid_request', 'Missing grant_type');
		if (grantType !== 'client_credentials') {
			return oauthError(400, 'unsupported_grant_type', `grant_type ${grantType} is not supported`);
		}
		const token = crypto.randomBytes(20).toString('hex');
		this.tokens.set(token, this.clock() + this.tokenTtlSeconds * 1000);
		this.issuedTokens++;
		return {
			status: 200,
			json: { access_token: token, expires_in: this.tokenTtlSeconds, token_type: 'Bearer' },
			headers: { 'Cache-Control': 'no-store' },
		};
	},

	/** Makes every issued token expired (as if tokenTtlSeconds had passed). */
	expireTokens() {
		for (const token of this.tokens.keys()) this.tokens.set(token, 0);
	},
};

module.exports = { routes, methods };
