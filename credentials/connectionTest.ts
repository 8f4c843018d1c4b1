// What the credentials' Test buttons share. Each credential's `test` request carries TEST_MARKER;
// its authenticate() sees the marker and first runs the credential's check (testByrobotApi, …)
// through checkBeforeTest(), which throws the check's explanation: a Base URL that refuses the
// connection, is not found, or serves something that is not the vendor's API, a wrong secret.
// n8n alone would show a bare "ECONNREFUSED" or "Unauthorized", pass for any Base URL that
// answers 200, and reuse a stored OAuth2 token. Why not a node's `testedBy`: n8n runs those only
// for packages installed from Community Nodes, not for N8N_CUSTOM_EXTENSIONS (npm run dev, tests).
import type {
	ICredentialDataDecryptedObject,
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	IHttpRequestOptions,
	INodeCredentialTestResult,
} from 'n8n-workflow';

import { excerpt, looksLikeHtml } from '../nodes/shared/errors';

/** The header that marks the Test button's request (never sent). */
export const TEST_MARKER = 'x-n8n-credential-test';

/** Whether this is the Test button's request; removes the marker either way. */
export function isTestRequest(requestOptions: IHttpRequestOptions): boolean {
	const headers = (requestOptions.headers ?? {}) as Record<string, unknown>;
	const marked = TEST_MARKER in headers;
	if (marked) delete headers[TEST_MARKER];
	return marked;
}

type Check = (
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
) => Promise<INodeCredentialTestResult>;

/**
 * Runs a credential's check with the data of the form (authenticate() gets it) and throws its
 * explanation when it fails, so that the Test shows it. The check's requests go out with the
 * runtime's fetch: authenticate() has no n8n request helper.
 */
export async function checkBeforeTest(
	check: Check,
	type: string,
	data: ICredentialDataDecryptedObject,
): Promise<void> {
	const result = await check.call(fetchContext(), { id: '', name: type, type, data });
	if (result.status !== 'OK') throw new Error(result.message);
}

/**
 * The part of n8n's credential-test context the checks use (helpers.request), over fetch: for a
 * check run from authenticate(), which has no n8n request helper.
 */
export function fetchContext(): ICredentialTestFunctions {
	const request = async (options: {
		method: string;
		uri: string;
		headers: Record<string, string>;
		body?: string;
		timeout?: number;
	}) => {
		const response = await fetch(options.uri, {
			method: options.method,
			headers: options.headers,
			body: options.body,
			redirect: 'follow',
			signal: AbortSignal.timeout(options.timeout ?? TEST_TIMEOUT_MS),
		});
		return { statusCode: response.status, body: await response.text() };
	};
	return { helpers: { request } } as unknown as ICredentialTestFunctions;
}

/** How long a Test waits for an answer. */
const TEST_TIMEOUT_MS = 20_000;

export interface TestAnswer {
	status: number;
	/** The body as text. */
	text: string;
	/** The body parsed as JSON; undefined when it is not JSON. */
	json: unknown;
}

export interface TestRequest {
	method: 'GET' | 'POST';
	url: string;
	headers: Record<string, string>;
	body?: string;
}

/** The message of the error at the end of the `cause` chain (fetch's "bad port", …). */
function innermostMessage(error: unknown): string {
	const seen = new Set<unknown>();
	let current = error as { message?: unknown; cause?: unknown } | undefined;
	let message = '';
	while (current && typeof current === 'object' && !seen.has(current)) {
		seen.add(current);
		if (typeof current.message === 'string' && current.message) message = current.message;
		current = current.cause as typeof current;
	}
	return message;
}

/** A request that got no answer (testRequest()), with what to check. */
export interface NoAnswer {
	noAnswer: string;
}

export function ok(message: string): INodeCredentialTestResult {
	return { status: 'OK', message };
}

export function failed(message: string): INodeCredentialTestResult {
	return { status: 'Error', message };
}

function textOf(body: unknown): string {
	if (body === undefined || body === null) return '';
	if (typeof body === 'string') return body;
	if (Buffer.isBuffer(body)) return body.toString('utf8');
	return JSON.stringify(body);
}

function jsonOf(body: unknown, text: string): unknown {
	if (body !== null && typeof body === 'object' && !Buffer.isBuffer(body)) return body;
	try {
		return JSON.parse(text) as unknown;
	} catch {
		return undefined;
	}
}

/** The origin of a Base URL for messages (never a path, query or password). */
export function originOf(baseUrl: string): string {
	try {
		return new URL(baseUrl).origin;
	} catch {
		return baseUrl;
	}
}

/** A Base URL that cannot be a web address: what is wrong with it, or undefined. */
export function baseUrlProblem(baseUrl: string, field: string): string | undefined {
	if (!/^https?:\/\/[^/\s]+/i.test(baseUrl)) {
		return `The ${field} "${baseUrl}" is not a web address: it must start with https:// (or http://).`;
	}
	return undefined;
}

/**
 * Sends one request and returns the answer whatever its status; a request that got no answer
 * comes back as NoAnswer, worded with the Base URL to check.
 */
export async function testRequest(
	context: ICredentialTestFunctions,
	request: TestRequest,
	baseUrlHint: string,
): Promise<TestAnswer | NoAnswer> {
	const { request: send } = context.helpers;
	let response: { statusCode: number; body: unknown };
	try {
		response = (await send({
			method: request.method,
			uri: request.url,
			headers: request.headers,
			body: request.body,
			json: false,
			simple: false,
			resolveWithFullResponse: true,
			timeout: TEST_TIMEOUT_MS,
		})) as { statusCode: number; body: unknown };
	} catch (error) {
		return { noAnswer: noAnswerMessage(error, request.url, baseUrlHint) };
	}
	const text = textOf(response.body);
	return { status: Number(response.statusCode), text, json: jsonOf(response.body, text) };
}

function codeOf(error: unknown): string {
	const seen = new Set<unknown>();
	let current = error as { code?: unknown; cause?: unknown } | undefined;
	while (current && typeof current === 'object' && !seen.has(current)) {
		seen.add(current);
		if (typeof current.code === 'string' && current.code) return current.code;
		current = current.cause as typeof current;
	}
	return '';
}

/** A request that got no answer (refused, DNS, timeout, TLS), worded with the Base URL to check. */
export function noAnswerMessage(error: unknown, url: string, baseUrlHint: string): string {
	const host = originOf(url);
	const code = codeOf(error);
	if (code === 'ECONNREFUSED') {
		return `${host} refused the connection: nothing answers at that address. ${baseUrlHint}`;
	}
	if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
		return `The host of ${host} was not found (DNS). ${baseUrlHint}`;
	}
	if (/TIMEDOUT|ECONNABORTED/.test(code) || /timeout/i.test(String((error as Error)?.message))) {
		return `${host} did not answer within ${TEST_TIMEOUT_MS / 1000} s. ${baseUrlHint}`;
	}
	if (/CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO/.test(code)) {
		return `The TLS certificate of ${host} was not accepted (${code}). ${baseUrlHint}`;
	}
	const reason = code || innermostMessage(error);
	return `Could not reach ${host}${reason ? ` (${reason})` : ''}. ${baseUrlHint}`;
}

/**
 * The answer is not from the vendor's API at all (a web page, other JSON, no JSON): says what came
 * back and which field to fix. `expected` names the vendor's answer, e.g. "BYRobot's {code, data}".
 */
export function notTheApi(
	answer: TestAnswer,
	baseUrl: string,
	vendorApi: string,
	baseUrlHint: string,
): string {
	const host = originOf(baseUrl);
	const status = `HTTP ${answer.status}`;
	let what: string;
	if (looksLikeHtml(answer.text)) what = `a web page (${status})`;
	else if (answer.json === undefined)
		what = `something that is not JSON (${status}${answer.text.trim() ? `: "${excerpt(answer.text, 80)}"` : ', empty'})`;
	else what = `JSON that is not ${vendorApi}'s answer (${status}: ${excerpt(answer.text, 80)})`;
	return `${host} answered with ${what}: it is not the ${vendorApi} API. ${baseUrlHint}`;
}
