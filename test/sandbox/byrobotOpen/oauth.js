'use strict';
/*
 * Tokens (docs/api/byrobot-open-platform.md: Token, Token refresh).
 *
 *   POST /oauth/token, form fields client_id, client_secret, company_id and optionally grant_type
 *   (absent or "platform"); the same fields in the query string are read too (body wins).
 *   → { success: true, code: 200, message: "successful",
 *       data: { access_token, refresh_token, expires_in, expires_at (epoch ms) } }
 *
 * A token acts for the one company it was issued for. Its lifetime is tokenLifetimeSeconds
 * (default 604800, 7 days). Issuing a new token leaves the earlier ones valid (unknown on the
 * real platform; the lenient choice, so that a credential Test does not break running workflows).
 *
 * REFUSALS ARE THE SANDBOX'S GUESS (unverified: no source shows one). The sandbox answers HTTP 200
 * with { success: false, code, message, data: null }, the notes saying only that errors carry
 * `message` (not resultMsg):
 *   code 40001 参数缺失: <field>        client_id, client_secret or company_id missing
 *   code 40002 不支持的grant_type        grant_type other than none / "platform"
 *   code 40003 client_id或client_secret错误   unknown AppKey, or the wrong AppSecret
 *   code 40004 应用未获得该公司授权      a company the app is not bound to (or no such company)
 * Anything but POST answers HTTP 405 in the same shape (code 405).
 */
const crypto = require('crypto');
const { formFields, isForm, queryFields } = require('./protocol');

const TOKEN_PATH = '/oauth/token';

const REFUSAL = Object.freeze({
	missing: 40001,
	grantType: 40002,
	client: 40003,
	company: 40004,
});

const methods = {
	/** The token endpoint; returns the answer to send. */
	issueTokenRequest(record) {
		if (record.method !== 'POST') {
			return this.tokenRefusal(405, `请求方法不支持: ${record.method}, use POST`, 405, {
				Allow: 'POST',
			});
		}
		const fields = { ...queryFields(record.query) };
		if (isForm(record.headers['content-type'])) Object.assign(fields, formFields(record.rawBody));
		const field = (name) => {
			const v = fields[name];
			return v && v.length ? String(v[v.length - 1]).trim() : '';
		};
		for (const name of ['client_id', 'client_secret', 'company_id']) {
			if (!field(name)) return this.tokenRefusal(REFUSAL.missing, `参数缺失: ${name}`);
		}
		const grantType = field('grant_type');
		if (grantType && grantType !== 'platform')
			return this.tokenRefusal(REFUSAL.grantType, `不支持的grant_type: ${grantType}`);
		const app = this.apps.get(field('client_id'));
		if (!app || !safeEqual(app.appSecret, field('client_secret')))
			return this.tokenRefusal(REFUSAL.client, 'client_id或client_secret错误');
		const companyId = /^\d{1,16}$/.test(field('company_id')) ? Number(field('company_id')) : NaN;
		if (!app.companyIds.has(companyId) || !this.companies.has(companyId))
			return this.tokenRefusal(
				REFUSAL.company,
				`应用未获得该公司授权: company_id ${field('company_id')}`,
			);
		const token = this.issueToken(companyId, app.appKey);
		const entry = this.tokens.get(token);
		return {
			status: 200,
			json: {
				success: true,
				code: 200,
				message: 'successful',
				data: {
					access_token: token,
					refresh_token: entry.refreshToken,
					expires_in: this.tokenLifetimeSeconds,
					expires_at: entry.expiresAt,
				},
			},
		};
	},

	/** The sandbox's guess at a refusal (see the header). */
	tokenRefusal(code, message, httpStatus = 200, headers) {
		return { status: httpStatus, headers, json: { success: false, code, message, data: null } };
	},

	/** Issues a token directly (no HTTP) for a company of the app (default: demo, the sandbox app). */
	issueToken(companyId = 1001, appKey = this.apps.keys().next().value) {
		const token = `sbx-open-${crypto.randomBytes(12).toString('hex')}`;
		this.tokens.set(token, {
			appKey,
			companyId,
			expiresAt: this.now() + this.tokenLifetimeSeconds * 1000,
			revoked: false,
			refreshToken: `sbx-refresh-${crypto.randomBytes(12).toString('hex')}`,
		});
		this.issuedTokens++;
		return token;
	},

	/** Makes every token issued so far expired (as if its lifetime had passed). */
	expireTokens() {
		for (const entry of this.tokens.values()) entry.expiresAt = 0;
	},

	/** Revokes one token: the API answers it 40000010 from now on. */
	revokeToken(token) {
		const entry = this.tokens.get(token);
		if (entry) entry.revoked = true;
		return Boolean(entry);
	},

	/** The entry of a token the API accepts now, or undefined (unknown, expired, revoked). */
	validToken(token) {
		const entry = token ? this.tokens.get(token) : undefined;
		if (!entry || entry.revoked || entry.expiresAt <= this.now()) return undefined;
		return entry;
	},
};

function safeEqual(a, b) {
	const x = Buffer.from(String(a));
	const y = Buffer.from(String(b));
	return x.length === y.length && crypto.timingSafeEqual(x, y);
}

module.exports = { methods, TOKEN_PATH, REFUSAL };
