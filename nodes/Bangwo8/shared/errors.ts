// Every way a Bangwo8 answer can fail, turned into a NodeApiError that quotes the vendor and
// says what to fix.
import {
	NodeApiError,
	NodeOperationError,
	type IDataObject,
	type IN8nHttpFullResponse,
	type INode,
	type JsonObject,
} from 'n8n-workflow';

import {
	excerpt,
	looksLikeHtml,
	markTransient,
	TRANSIENT_HTTP_STATUSES,
} from '../../shared/errors';
import { isNetworkFailure } from '../../shared/requests';

export type Authentication = 'basicAuth' | 'oAuth2';

/** What a Bangwo8 answer says about failure: an HTTP status, or an error hidden in a 200 body. */
export interface Bangwo8Failure {
	/** The status the failure stands for: the HTTP one, or the body's Status when HTTP said 200. */
	status: number;
	errcode?: string;
	message: string;
}

/**
 * A JSON escape, or a lone backslash that starts none (`"C:\data"`, seen by one client in live
 * answers): the escapes are kept, the lone ones doubled.
 */
const ESCAPE_OR_BACKSLASH = /\\(["\\/bfnrtu])|\\/g;

/**
 * Parses a response body that may arrive as text; undefined when it is not JSON. A body that
 * fails only for bare backslashes is parsed once more with them escaped
 * (docs/api/bangwo8-helpdesk.md#quirks).
 */
export function parseJsonBody(body: unknown): unknown {
	if (typeof body !== 'string') return body;
	const text = body.trim();
	if (text === '') return {};
	try {
		return JSON.parse(text) as unknown;
	} catch {
		if (!text.includes('\\')) return undefined;
		try {
			const repaired = text.replace(ESCAPE_OR_BACKSLASH, (match, escape?: string) =>
				escape ? match : '\\\\',
			);
			return JSON.parse(repaired) as unknown;
		} catch {
			return undefined;
		}
	}
}

function isObject(value: unknown): value is IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The leading number of a body Status such as "403", 403 or "200 OK"; undefined otherwise. */
function statusNumber(value: unknown): number | undefined {
	if (typeof value === 'number' && Number.isFinite(value)) return value;
	if (typeof value === 'string') {
		const match = /^\s*(-?\d+)/.exec(value);
		if (match) return Number(match[1]);
	}
	return undefined;
}

function text(value: unknown): string | undefined {
	if (typeof value === 'string' && value.trim() !== '') return value.trim();
	if (typeof value === 'number') return String(value);
	return undefined;
}

/**
 * Finds the failure in an answer: HTTP 4xx/5xx, an `{errcode, errmsg}` body, or a
 * `{Status|status, message}` body whose status is not 200 / "0" (even with HTTP 200).
 */
export function findFailure(httpStatus: number, body: unknown): Bangwo8Failure | undefined {
	const object = isObject(body) ? body : {};
	const errcode = text(object.errcode);
	const vendorMessage =
		text(object.errmsg) ??
		text(object.message) ??
		text(object.error_description) ??
		text(object.error) ??
		text(object.msg);
	if (httpStatus >= 400) {
		return { status: httpStatus, errcode, message: vendorMessage ?? `HTTP ${httpStatus}` };
	}
	if (errcode !== undefined && errcode !== '0') {
		return { status: 400, errcode, message: vendorMessage ?? `errcode ${errcode}` };
	}
	const bodyStatus = statusNumber(object.Status ?? object.status);
	if (bodyStatus !== undefined && bodyStatus !== 200 && bodyStatus !== 0) {
		const status = bodyStatus >= 400 && bodyStatus < 600 ? bodyStatus : 400;
		return { status, message: vendorMessage ?? `Status ${String(object.Status ?? object.status)}` };
	}
	return undefined;
}

/** How to fix a refused credential, by way of authenticating. */
const UNAUTHORIZED_HINTS: Record<Authentication, string> = {
	basicAuth:
		'Check the Bangwo8 API credential: use the main (admin) account of the help desk and its login password, and the right Base URL.',
	oAuth2:
		'Bangwo8 did not accept the OAuth2 access token, even a freshly fetched one. Check the SecretID and Secret in the Bangwo8 OAuth2 API credential (created by the admin under 后台 → API接口) and its Base URL.',
};

const PARAMETER_HINT =
	'Bangwo8 rejected a parameter of the request: check the fields named in the message.';

/** How to fix a failure, by status (401 depends on the credential: UNAUTHORIZED_HINTS). */
export const HINTS: Record<number, string> = {
	400: PARAMETER_HINT,
	403: 'Either the credential is not the main (admin) account — the call task and ticket APIs need the admin role, agent accounts are refused — or the id you asked for does not exist (Bangwo8 answers 403 for an unknown call task id).',
	404: 'Bangwo8 does not know this resource: check the id (call task id, ticket, contact, company or agent), and that the Base URL in the credential points to your help desk.',
	422: PARAMETER_HINT,
	429: 'Bangwo8 is receiving too many requests. Wait a moment and run again; in the node settings turn on Retry On Fail (with a few seconds between tries), or send fewer items at once.',
	503: 'Bangwo8 is unavailable, usually during maintenance. Try again later; in the node settings turn on Retry On Fail so n8n retries by itself.',
};

const SERVER_HINT =
	'Bangwo8 failed to process the request. Try again later; in the node settings turn on Retry On Fail so n8n retries by itself.';

export function hintFor(status: number, authentication: Authentication): string {
	if (status === 401) return UNAUTHORIZED_HINTS[authentication];
	return (
		HINTS[status] ??
		(status >= 500 ? SERVER_HINT : 'Check the request parameters and the credential.')
	);
}

/** The NodeApiError for a failed Bangwo8 answer: the vendor's own message, and a hint. */
export function apiError(
	node: INode,
	failure: Bangwo8Failure,
	body: unknown,
	authentication: Authentication,
	itemIndex?: number,
): NodeApiError {
	const code = failure.errcode ? `, errcode ${failure.errcode}` : '';
	const error = new NodeApiError(
		node,
		(isObject(body) ? body : { body: String(body ?? '') }) as JsonObject,
		{
			message: `Bangwo8: ${failure.message} (HTTP ${failure.status}${code})`,
			description: hintFor(failure.status, authentication),
			httpCode: String(failure.status),
			itemIndex,
		},
	);
	return TRANSIENT_HTTP_STATUSES.has(failure.status) ? markTransient(error) : error;
}

/** A 2xx answer that is not JSON (an HTML maintenance page, a proxy, a wrong Base URL). */
export function notJsonError(
	node: INode,
	httpStatus: number,
	body: unknown,
	itemIndex?: number,
): NodeApiError {
	const text = Buffer.isBuffer(body) ? body.toString('utf8') : String(body ?? '');
	const snippet = excerpt(text);
	const error = new NodeApiError(node, { body: snippet } as JsonObject, {
		message: looksLikeHtml(text)
			? `Bangwo8 answered HTTP ${httpStatus} with an HTML page instead of JSON`
			: `Bangwo8 answered HTTP ${httpStatus} with a body that is not valid JSON`,
		description: `${snippet ? `The answer began: "${snippet}". ` : 'The answer was empty. '}Check that the Base URL in the credential points to the Bangwo8 API (https://www.bangwo8.com), then try again later: the service may be under maintenance.`,
		httpCode: String(httpStatus >= 400 ? httpStatus : 502),
		itemIndex,
	});
	return TRANSIENT_HTTP_STATUSES.has(httpStatus) ? markTransient(error) : error;
}

/**
 * The one check every Bangwo8 answer passes (requests run with ignoreHttpStatusErrors, so this
 * sees every status): returns the parsed body; throws a NodeApiError with the vendor's message
 * and a hint for HTTP 4xx/5xx, `{errcode, errmsg}` and `{Status: "403", message}` bodies (even
 * with HTTP 200), and answers that are not JSON.
 */
export function checkResponse(
	node: INode,
	response: Pick<IN8nHttpFullResponse, 'body' | 'statusCode' | 'statusMessage'>,
	itemIndex?: number,
	authentication: Authentication = 'basicAuth',
): IDataObject {
	const { statusCode } = response;
	const body = parseJsonBody(response.body);
	if (body === undefined) {
		const text = String(response.body ?? '').trim();
		if (statusCode >= 400 && !text) {
			const failure = {
				status: statusCode,
				message: response.statusMessage || `HTTP ${statusCode}`,
			};
			throw apiError(node, failure, {}, authentication, itemIndex);
		}
		throw notJsonError(node, statusCode, response.body, itemIndex);
	}
	const failure = findFailure(statusCode, body);
	if (failure) throw apiError(node, failure, body, authentication, itemIndex);
	return (body ?? {}) as IDataObject;
}

/**
 * Turns an error thrown by n8n's request helpers (which wrap the HTTP error) into the same
 * NodeApiError a declarative request would produce. A request that got no answer at all is
 * passed on as it is, for guarded() (nodes/shared/requests.ts) to explain.
 */
export function fromThrown(
	node: INode,
	error: unknown,
	authentication: Authentication,
	itemIndex?: number,
): NodeApiError | NodeOperationError {
	const candidates = [error, (error as { cause?: unknown })?.cause];
	for (const candidate of candidates) {
		const response = (candidate as { response?: { status?: number; data?: unknown } })?.response;
		if (response?.status) {
			const body = parseJsonBody(response.data);
			if (body === undefined) return notJsonError(node, response.status, response.data, itemIndex);
			const failure = findFailure(response.status, body) ?? {
				status: response.status,
				message: `HTTP ${response.status}`,
			};
			return apiError(node, failure, body, authentication, itemIndex);
		}
	}
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	if (isNetworkFailure(error)) return error as NodeApiError;
	const message = (error as Error)?.message ?? String(error);
	return new NodeOperationError(node, `Bangwo8 request failed: ${message}`, {
		itemIndex,
		description:
			authentication === 'oAuth2'
				? 'Check the SecretID, Secret and Base URL of the Bangwo8 OAuth2 API credential, and that n8n can reach Bangwo8.'
				: 'Check the Base URL of the Bangwo8 API credential and that n8n can reach Bangwo8.',
	});
}
