import { createHash } from 'crypto';
import type {
	ICredentialDataDecryptedObject,
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	ICredentialTestRequest,
	ICredentialType,
	IDataObject,
	IHttpRequestHelper,
	IHttpRequestOptions,
	Icon,
	INodeCredentialTestResult,
	INodeProperties,
} from 'n8n-workflow';

import {
	baseUrlProblem,
	failed,
	fetchContext,
	isTestRequest,
	noAnswerMessage,
	notTheApi,
	ok,
	originOf,
	TEST_MARKER,
	testRequest,
	type TestAnswer,
	type TestRequest,
} from './connectionTest';

// The BYRobot 百应开放平台 (open platform, open.byai.com) credential: an access token for one
// company, fetched with the AppKey and AppSecret (docs/api/byrobot-open-platform.md#token).
// n8n stores the token (accessToken, expirable) with its expiry (tokenExpiresAt) and runs
// preAuthentication when it is empty. The platform says a token is bad with code 40000010 in an
// HTTP 200 answer, which n8n does not see as expired: the node calls rejectByrobotOpenToken() and
// repeats the request once, and authenticate() then uses a new token. authenticate() also renews
// a token that expires within 5 minutes. Those tokens live in a module cache keyed by a
// fingerprint of the credential (never its secret); n8n's stored token is not updated by them.

/** The API gateway, the node's requestDefaults.baseURL (docs/design.md#base-url). */
export const DEFAULT_OPEN_BASE_URL = 'https://open.byai.com/api/oauth';

/** Where tokens come from by default. */
export const DEFAULT_OPEN_TOKEN_URL = 'https://open.byai.com/oauth/token';

/** The answer code of a token the platform does not accept (token无效). */
export const TOKEN_INVALID_CODE = 40000010;

/** A token this close to its expiry is renewed before use (as the docking client does). */
const RENEW_BEFORE_MS = 5 * 60 * 1000;

/** The lifetime assumed when a token answer gives neither expires_at nor expires_in. */
const FALLBACK_LIFETIME_S = 7200;

/** How long a token request may take. */
const TOKEN_TIMEOUT_MS = 20_000;

const TRAILING_SLASHES = /\/+$/;

/** The credential's Base URL without trailing slashes (the public gateway when left empty). */
export function byrobotOpenBaseUrl(credentials: ICredentialDataDecryptedObject): string {
	return String(credentials.baseUrl || DEFAULT_OPEN_BASE_URL)
		.trim()
		.replace(TRAILING_SLASHES, '');
}

/** The credential's Token URL without trailing slashes (the public one when left empty). */
export function byrobotOpenTokenUrl(credentials: ICredentialDataDecryptedObject): string {
	return String(credentials.tokenUrl || DEFAULT_OPEN_TOKEN_URL)
		.trim()
		.replace(TRAILING_SLASHES, '');
}

interface Settings {
	appKey: string;
	appSecret: string;
	companyId: string;
	tokenUrl: string;
}

function settingsOf(credentials: ICredentialDataDecryptedObject): Settings {
	return {
		appKey: String(credentials.appKey ?? '').trim(),
		appSecret: String(credentials.appSecret ?? '').trim(),
		companyId: String(credentials.companyId ?? '').trim(),
		tokenUrl: byrobotOpenTokenUrl(credentials),
	};
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** Identifies a credential's tokens: AppKey, company, Token URL and a hash of the secret. */
function fingerprintOf(settings: Settings): string {
	return [settings.appKey, settings.companyId, settings.tokenUrl, sha256(settings.appSecret)].join(
		'\n',
	);
}

interface OpenToken {
	accessToken: string;
	/** Epoch ms. */
	expiresAt: number;
}

/** Tokens fetched by this process, by fingerprint. */
const cachedTokens = new Map<string, OpenToken>();
/** Token requests in flight, by fingerprint: concurrent requests share one. */
const pendingTokens = new Map<string, Promise<OpenToken>>();
/** Tokens the platform refused (40000010), by fingerprint. */
const rejectedTokens = new Map<string, Set<string>>();
const MAX_REJECTED = 50;

/** For tests: forgets every cached, pending and rejected token. */
export function forgetByrobotOpenTokens(): void {
	cachedTokens.clear();
	pendingTokens.clear();
	rejectedTokens.clear();
}

/**
 * The node calls this when an answer says 40000010 (token无效), then repeats the request once:
 * the next authenticate() will not use that token again. `token` is the one the request carried
 * (authenticate() leaves it in the request's body or qs as accessToken); without it, the stored
 * token and the one cached for the credential are both dropped.
 */
export function rejectByrobotOpenToken(
	credentials: ICredentialDataDecryptedObject,
	token?: string,
): void {
	const fingerprint = fingerprintOf(settingsOf(credentials));
	const rejected = rejectedTokens.get(fingerprint) ?? new Set<string>();
	const cached = cachedTokens.get(fingerprint);
	const dropped = token
		? [token]
		: [String(credentials.accessToken ?? ''), cached?.accessToken ?? ''].filter(Boolean);
	for (const t of dropped) rejected.add(t);
	while (rejected.size > MAX_REJECTED) rejected.delete(rejected.values().next().value as string);
	rejectedTokens.set(fingerprint, rejected);
	if (cached && rejected.has(cached.accessToken)) cachedTokens.delete(fingerprint);
}

/** Usable now: known, not refused, and not expiring within 5 minutes (an unknown expiry passes). */
function usable(fingerprint: string, token: string, expiresAt: number): boolean {
	if (!token || rejectedTokens.get(fingerprint)?.has(token)) return false;
	if (!Number.isFinite(expiresAt) || expiresAt <= 0) return true;
	return expiresAt - Date.now() > RENEW_BEFORE_MS;
}

// ── the token request ──────────────────────────────────────────────────────────────────────────

const TOKEN_URL_HINT = `Check the Token URL of the Byrobot Open Platform API credential: leave ${DEFAULT_OPEN_TOKEN_URL} unless BYRobot gave you another host (such as https://open-tcs.byai.com/oauth/token).`;
const BASE_URL_HINT = `Check the Base URL of the Byrobot Open Platform API credential: leave ${DEFAULT_OPEN_BASE_URL} unless BYRobot gave you another host, and keep it on the same host as the Token URL.`;
const KEYS_HINT =
	'Check the AppKey and the AppSecret (your app in the 百应开放平台 console, open.byai.com) and the Company ID (a company that app is authorised for).';
const ENTER_FIELDS =
	'Enter the AppKey, the AppSecret and the Company ID of your app in the 百应开放平台 (BYRobot open platform) console.';

/** A sent request's answer, or why none came (with the error, for a node to classify). */
type Answer = TestAnswer | { noAnswer: string; cause?: unknown };

/** Refuses settings that cannot work before anything is sent; the message, or undefined. */
function settingsProblem(settings: Settings): string | undefined {
	if (!settings.appKey || !settings.appSecret || !settings.companyId) return ENTER_FIELDS;
	if (!/^\d{1,16}$/.test(settings.companyId)) {
		return `The Company ID must be a number, such as 1001 (got "${settings.companyId}").`;
	}
	const problem = baseUrlProblem(settings.tokenUrl, 'Token URL');
	return problem && `${problem} ${TOKEN_URL_HINT}`;
}

/** POST {Token URL} with client_id, client_secret, company_id as a form (no grant_type). */
function tokenRequest(settings: Settings): TestRequest {
	return {
		method: 'POST',
		url: settings.tokenUrl,
		headers: {
			Accept: 'application/json',
			'Content-Type': 'application/x-www-form-urlencoded',
		},
		body: new URLSearchParams({
			client_id: settings.appKey,
			client_secret: settings.appSecret,
			company_id: settings.companyId,
		}).toString(),
	};
}

function asObject(value: unknown): IDataObject | undefined {
	return value !== null && typeof value === 'object' && !Array.isArray(value)
		? (value as IDataObject)
		: undefined;
}

function parseJson(text: string): unknown {
	try {
		return JSON.parse(text) as unknown;
	} catch {
		return undefined;
	}
}

/** Never lets the secret into a message, whatever an answer echoes. */
function redact(message: string, settings: Settings): string {
	return settings.appSecret ? message.split(settings.appSecret).join('••••••') : message;
}

/**
 * The token in the token endpoint's answer, or the error that says why there is none: BYRobot's
 * refusal (the keys or the company), or an answer that is not the token endpoint's at all (a web
 * page, other JSON: the Token URL).
 */
function tokenFrom(answer: TestAnswer, settings: Settings): OpenToken {
	const json = asObject(answer.json);
	const code = json?.code;
	const looksLikeTokenApi =
		json !== undefined &&
		(typeof json.success === 'boolean' || (code !== undefined && Number.isFinite(Number(code)))) &&
		('message' in json || 'data' in json);
	if (!looksLikeTokenApi) {
		throw new Error(
			notTheApi(answer, settings.tokenUrl, 'BYRobot open platform token', TOKEN_URL_HINT),
		);
	}
	const data = asObject(json.data);
	const token = data?.access_token;
	const succeeded =
		json.success !== false &&
		(Number(code) === 200 || json.success === true) &&
		typeof token === 'string' &&
		token !== '';
	if (!succeeded || answer.status >= 400) {
		const said = String(json.message ?? json.msg ?? '').trim();
		const what = [`HTTP ${answer.status}`, code !== undefined ? `code ${String(code)}` : '']
			.filter(Boolean)
			.join(', ');
		throw new Error(
			redact(
				`BYRobot refused to issue an access token (${what})${said ? `: ${said}` : ''}. ${KEYS_HINT}`,
				settings,
			),
		);
	}
	return { accessToken: token, expiresAt: expiryOf(data) };
}

/** expires_at is epoch ms in the notes; seconds are accepted too; else now + expires_in. */
function expiryOf(data: IDataObject | undefined): number {
	const at = Number(data?.expires_at);
	if (Number.isFinite(at) && at > 0) return at < 1e11 ? at * 1000 : at;
	const seconds = Number(data?.expires_in);
	const lifetime = Number.isFinite(seconds) && seconds > 0 ? seconds : FALLBACK_LIFETIME_S;
	return Date.now() + lifetime * 1000;
}

/**
 * What a node needs of a failed token request's error: its code (ECONNREFUSED, …) and message.
 * Not the error itself, whose request config carries the form with the AppSecret.
 */
function safeCause(error: unknown): Error {
	const seen = new Set<unknown>();
	let current = error as { code?: unknown; cause?: unknown } | undefined;
	let code: string | undefined;
	while (current && typeof current === 'object' && !seen.has(current) && !code) {
		seen.add(current);
		if (typeof current.code === 'string' && current.code) code = current.code;
		current = current.cause as typeof current;
	}
	const cause = new Error(code ?? 'no answer') as Error & { code?: string };
	if (code) cause.code = code;
	return cause;
}

/** Sends a token request with n8n's request helper (preAuthentication). */
function helperSender(helper: IHttpRequestHelper) {
	return async (request: TestRequest): Promise<Answer> => {
		try {
			const response = (await helper.helpers.httpRequest({
				method: request.method,
				url: request.url,
				headers: request.headers,
				body: request.body,
				json: false,
				returnFullResponse: true,
				ignoreHttpStatusErrors: true,
				timeout: TOKEN_TIMEOUT_MS,
			})) as { statusCode: number; body: unknown };
			const body = response.body;
			const text =
				typeof body === 'string'
					? body
					: Buffer.isBuffer(body)
						? body.toString('utf8')
						: JSON.stringify(body ?? '');
			return {
				status: Number(response.statusCode),
				text,
				json: typeof body === 'string' || Buffer.isBuffer(body) ? parseJson(text) : body,
			};
		} catch (error) {
			return {
				noAnswer: noAnswerMessage(error, request.url, TOKEN_URL_HINT),
				cause: safeCause(error),
			};
		}
	};
}

/** Sends a token request with the runtime's fetch (authenticate() has no n8n helper). */
async function fetchSender(request: TestRequest): Promise<Answer> {
	try {
		const response = await fetch(request.url, {
			method: request.method,
			headers: request.headers,
			body: request.body,
			signal: AbortSignal.timeout(TOKEN_TIMEOUT_MS),
		});
		const text = await response.text();
		return { status: response.status, text, json: parseJson(text) };
	} catch (error) {
		return {
			noAnswer: noAnswerMessage(error, request.url, TOKEN_URL_HINT),
			cause: safeCause(error),
		};
	}
}

async function requestToken(
	send: (request: TestRequest) => Promise<Answer>,
	settings: Settings,
): Promise<OpenToken> {
	const problem = settingsProblem(settings);
	if (problem) throw new Error(`Byrobot Open Platform API: ${problem}`);
	const answer = await send(tokenRequest(settings));
	// No answer at all: the message names the Token URL; the cause keeps the code for a node.
	if ('noAnswer' in answer) throw new Error(answer.noAnswer, { cause: answer.cause });
	return tokenFrom(answer, settings);
}

/** A new token for the credential, sharing a request already in flight for the same fingerprint. */
async function newToken(
	settings: Settings,
	send: (request: TestRequest) => Promise<Answer>,
): Promise<OpenToken> {
	const fingerprint = fingerprintOf(settings);
	let pending = pendingTokens.get(fingerprint);
	if (!pending) {
		pending = requestToken(send, settings);
		pendingTokens.set(fingerprint, pending);
		const settle = () => {
			if (pendingTokens.get(fingerprint) === pending) pendingTokens.delete(fingerprint);
		};
		pending.then((token) => {
			cachedTokens.set(fingerprint, token);
			settle();
		}, settle);
	}
	return await pending;
}

/** The token a request should carry: the stored one, else a renewed one, else a new one. */
async function currentToken(credentials: ICredentialDataDecryptedObject): Promise<string> {
	const settings = settingsOf(credentials);
	const fingerprint = fingerprintOf(settings);
	const stored = String(credentials.accessToken ?? '');
	if (usable(fingerprint, stored, Number(credentials.tokenExpiresAt))) return stored;
	const cached = cachedTokens.get(fingerprint);
	if (cached && usable(fingerprint, cached.accessToken, cached.expiresAt))
		return cached.accessToken;
	return (await newToken(settings, fetchSender)).accessToken;
}

/**
 * Puts accessToken where the platform reads it: the form body (a plain object, form text or
 * URLSearchParams), or the query string of a GET. A plain object body is changed in place, so the
 * caller can see which token went out.
 */
function applyToken(requestOptions: IHttpRequestOptions, token: string): void {
	const method = String(requestOptions.method ?? 'GET').toUpperCase();
	if (method === 'GET' || method === 'HEAD') {
		requestOptions.qs = requestOptions.qs ?? {};
		requestOptions.qs.accessToken = token;
		return;
	}
	const body = requestOptions.body as unknown;
	if (typeof body === 'string') {
		const form = new URLSearchParams(body);
		form.set('accessToken', token);
		requestOptions.body = form.toString();
	} else if (body instanceof URLSearchParams) {
		body.set('accessToken', token);
	} else if (body !== null && typeof body === 'object' && !Buffer.isBuffer(body)) {
		(body as IDataObject).accessToken = token;
	} else {
		requestOptions.body = { accessToken: token };
	}
	const headers = (requestOptions.headers ?? {}) as IDataObject;
	if (!Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) {
		headers['Content-Type'] = 'application/x-www-form-urlencoded';
	}
	requestOptions.headers = headers;
}

// ── the Test button ────────────────────────────────────────────────────────────────────────────

/** The answer of an API call: the platform's {code, …} envelope, or undefined. */
function envelopeOf(answer: TestAnswer): IDataObject | undefined {
	const json = asObject(answer.json);
	if (!json || !Number.isFinite(Number(json.code)) || json.code === null) return undefined;
	return 'resultMsg' in json || 'data' in json || 'requestId' in json ? json : undefined;
}

/**
 * Always fetches a fresh token with the form's AppKey, AppSecret and Company ID (never the stored
 * token, which would pass for a mistyped or rotated secret until it expires), then lists the
 * companies with it (byai.openapi.company.list). Each failure is explained with the field to fix.
 */
async function checkOpenPlatform(
	context: ICredentialTestFunctions,
	data: ICredentialDataDecryptedObject,
): Promise<{ result: INodeCredentialTestResult; token?: string }> {
	const settings = settingsOf(data);
	const baseUrl = byrobotOpenBaseUrl(data);
	const problem = settingsProblem(settings);
	if (problem) return { result: failed(problem) };
	const baseProblem = baseUrlProblem(baseUrl, 'Base URL');
	if (baseProblem) return { result: failed(`${baseProblem} ${BASE_URL_HINT}`) };
	const answer = await testRequest(context, tokenRequest(settings), TOKEN_URL_HINT);
	if ('noAnswer' in answer) return { result: failed(answer.noAnswer) };
	let token: OpenToken;
	try {
		token = tokenFrom(answer, settings);
	} catch (error) {
		return { result: failed((error as Error).message) };
	}
	const call = await testRequest(
		context,
		{
			method: 'POST',
			url: `${baseUrl}/byai.openapi.company/1.0.0/list`,
			headers: { Accept: 'application/json', 'Content-Type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({ accessToken: token.accessToken }).toString(),
		},
		BASE_URL_HINT,
	);
	if ('noAnswer' in call) return { result: failed(call.noAnswer) };
	const envelope = envelopeOf(call);
	if (!envelope) {
		return { result: failed(notTheApi(call, baseUrl, 'BYRobot open platform', BASE_URL_HINT)) };
	}
	const code = Number(envelope.code);
	const said = String(envelope.resultMsg ?? '').trim();
	if (code === TOKEN_INVALID_CODE) {
		return {
			result: failed(
				`BYRobot issued a token at ${originOf(settings.tokenUrl)}, but the API at ${originOf(baseUrl)} refused it (code ${code}${said ? ` ${said}` : ''}): the Token URL and the Base URL must belong to the same BYRobot host. ${BASE_URL_HINT}`,
			),
		};
	}
	if (code !== 200) {
		return {
			result: failed(redact(`BYRobot answered code ${code}${said ? `: ${said}` : ''}.`, settings)),
		};
	}
	const companies = Array.isArray(envelope.data) ? envelope.data.length : undefined;
	const visible =
		companies === undefined
			? ''
			: `, ${companies} ${companies === 1 ? 'company' : 'companies'} visible to this AppKey`;
	return {
		result: ok(
			`Connected to the BYRobot open platform at ${originOf(baseUrl)}: a token for company ${settings.companyId}${visible}`,
		),
		token: token.accessToken,
	};
}

/** The Byrobot Open Platform API credential's Test check (see checkOpenPlatform). */
export async function testByrobotOpenPlatformApi(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	return (await checkOpenPlatform(this, credential.data ?? {})).result;
}

export class ByrobotOpenPlatformApi implements ICredentialType {
	name = 'byrobotOpenPlatformApi';

	displayName = 'Byrobot Open Platform API';

	icon: Icon = { light: 'file:../icons/byrobot.svg', dark: 'file:../icons/byrobot.dark.svg' };

	documentationUrl =
		'https://github.com/byrobot-bangwo8/n8n-nodes-byrobot-bangwo8#byrobot-open-platform-api-credential';

	properties: INodeProperties[] = [
		{
			displayName: 'AppKey',
			name: 'appKey',
			type: 'string',
			default: '',
			required: true,
			description:
				'The AppKey (client_id) of your app in the 百应开放平台 (BYRobot open platform) console at open.byai.com',
		},
		{
			displayName: 'AppSecret',
			name: 'appSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'Shown next to the AppKey in the 百应开放平台 console. It is sent only to the Token URL, to get an access token.',
		},
		{
			displayName: 'Company ID',
			name: 'companyId',
			type: 'string',
			default: '',
			required: true,
			placeholder: '1001',
			description:
				'The number of the BYRobot company the token acts for, one the app is authorised for in the 百应开放平台 console. One token serves one company: add a credential per company.',
		},
		{
			displayName: 'Token URL',
			name: 'tokenUrl',
			type: 'string',
			default: DEFAULT_OPEN_TOKEN_URL,
			description:
				'Where the access token is requested. Change only if BYRobot gave you another host (such as https://open-tcs.byai.com/oauth/token).',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: DEFAULT_OPEN_BASE_URL,
			description:
				'The API gateway of the open platform. Change only together with the Token URL, for another BYRobot host.',
		},
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
		{
			displayName: 'Token Expires At',
			name: 'tokenExpiresAt',
			type: 'hidden',
			typeOptions: { password: true },
			default: 0,
		},
	];

	/**
	 * A new token for the company (POST {Token URL}, form client_id, client_secret, company_id).
	 * n8n calls this when the stored token is empty, on the Test button, and when a request
	 * answers HTTP 401. Concurrent calls for the same credential share one request.
	 */
	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		const token = await newToken(settingsOf(credentials), helperSender(this));
		return { accessToken: token.accessToken, tokenExpiresAt: token.expiresAt };
	}

	// The token goes into the form body (or a GET's query string); the credential's Base URL
	// replaces the node's plain default gateway (docs/design.md#base-url).
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		let token: string;
		if (isTestRequest(requestOptions)) {
			// The Test button: explain what is wrong before n8n sends its request, which then
			// carries the fresh token the check proved (not whatever token is stored).
			const { result, token: fresh } = await checkOpenPlatform(fetchContext(), credentials);
			if (result.status !== 'OK' || !fresh) throw new Error(result.message);
			token = fresh;
		} else {
			token = await currentToken(credentials);
		}
		const relative = !/^[a-z][a-z\d+.-]*:\/\//i.test(requestOptions.url ?? '');
		if (relative && (!requestOptions.baseURL || requestOptions.baseURL === DEFAULT_OPEN_BASE_URL)) {
			requestOptions.baseURL = byrobotOpenBaseUrl(credentials);
		}
		applyToken(requestOptions, token);
		return requestOptions;
	}

	// The Test button's request (marked: authenticate() runs the check first); the rules word the
	// codes should an answer change between the check and this request.
	test: ICredentialTestRequest = {
		request: {
			baseURL:
				'={{ String($credentials.baseUrl || "https://open.byai.com/api/oauth").trim().replace(/\\/+$/, "") }}',
			url: '/byai.openapi.company/1.0.0/list',
			method: 'POST',
			headers: { [TEST_MARKER]: '1', 'Content-Type': 'application/x-www-form-urlencoded' },
		},
		rules: [
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'code',
					value: TOKEN_INVALID_CODE,
					message: `BYRobot refused the access token (code ${TOKEN_INVALID_CODE} token无效). ${BASE_URL_HINT}`,
				},
			},
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'code',
					value: 41000000,
					message: 'BYRobot answered code 41000000 (参数非法, invalid parameter).',
				},
			},
		],
	};
}
