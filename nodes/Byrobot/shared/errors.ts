// The one check every BYRobot answer passes. Requests run with ignoreHttpStatusErrors, so this
// sees every status and body: an envelope code other than 200 (whatever the HTTP status), an HTTP
// error, or a body that is not JSON each become a NodeApiError that says what to fix.
import { NodeApiError } from 'n8n-workflow';
import type { IDataObject, IN8nHttpFullResponse, INode, JsonObject } from 'n8n-workflow';

import {
	excerpt,
	looksLikeHtml,
	markTransient,
	TRANSIENT_HTTP_STATUSES,
} from '../../shared/errors';
import { markTokenRefused } from '../../shared/requests';
import { DEFAULT_BASE_URL } from '../../../credentials/ByrobotApi.credentials';
import { DEFAULT_OPEN_BASE_URL } from '../../../credentials/ByrobotOpenPlatformApi.credentials';

/**
 * BYRobot's documented envelope codes (docs/api/byrobot.md#error-codes): what each means and what
 * to do. The one table behind the node's errors, the credential's Test messages and the README's
 * error table (test/byrobot/errorTable.test.ts checks the README against it).
 */
export const ENVELOPE_CODES: Record<number, { meaning: string; hint: string }> = {
	401: {
		meaning: 'signature validation failed',
		hint: 'Check that AppKey and AppSecret in the Byrobot API credential are copied exactly from 系统管理 → 系统设置 → API配置.',
	},
	403: {
		meaning: 'no permission',
		hint: 'The company is not bound to this AppKey: pick the company from the list, or ask the CRM super-admin to bind it to the AppKey.',
	},
	404: {
		meaning: 'not found',
		hint: 'Not found: check the ID you gave (company, task, call, group) — it may have been deleted or belong to another company.',
	},
	408: {
		meaning: 'request time out of range',
		hint: 'The request time is more than 3 minutes off the BYRobot server clock: check the clock of the n8n host (enable NTP time sync).',
	},
	412: {
		meaning: 'bad parameter',
		hint: 'A parameter was rejected: BYRobot names it in its message. Fix that field and run again.',
	},
	500: {
		meaning: 'unknown error',
		hint: 'BYRobot had an unknown error. Try again later; if it persists, contact BYRobot support with the request ID.',
	},
};

/**
 * The open platform's (百应开放平台) envelope codes (docs/api/byrobot-open-platform.md#envelope):
 * eight digits, so they never meet the signed API's three-digit ones.
 */
export const OPEN_PLATFORM_CODES: Record<number, { meaning: string; hint: string }> = {
	40000010: {
		meaning: 'token invalid',
		hint: 'The open platform refused the access token, and a new one too: check AppKey, AppSecret and Company ID in the Byrobot Open Platform API credential (百应开放平台 → 应用管理), and that the app is authorised for that company.',
	},
	41000000: {
		meaning: 'invalid parameter',
		hint: 'A parameter was rejected: BYRobot names it in its message. Fix that field and run again.',
	},
	10000401: {
		meaning: 'business validation failed',
		hint: 'BYRobot refused the values sent (its message says which rule, e.g. a task name over 50 characters). Fix that field and run again.',
	},
};

/** The envelope code of a refused access token: the node gets a new one and repeats the request once. */
export const TOKEN_REFUSED = 40000010;

/** The credential of each API generation, as errors name it, and its default Base URL. */
interface CredentialNamed {
	name: string;
	defaultBaseUrl: string;
}

const HTTP_HINTS: Record<number, (credential: CredentialNamed) => string> = {
	401: ({ name }) => `Check AppKey and AppSecret in ${name}.`,
	403: () => 'Check that the AppKey may use this API and that the company is bound to it.',
	404: ({ name, defaultBaseUrl }) => `Check the Base URL in ${name} (default ${defaultBaseUrl}).`,
	429: () =>
		'Too many requests: slow down (e.g. the Loop Over Items node with a Wait), then retry.',
};

function hintForEnvelope(code: number, resultMsg: string): string {
	// 412's message names the parameter: say it where the user reads the fix.
	if (code === 412) {
		return `A parameter was rejected: ${resultMsg || 'BYRobot did not say which'}. Fix that field and run again.`;
	}
	return (
		(ENVELOPE_CODES[code] ?? OPEN_PLATFORM_CODES[code])?.hint ??
		'BYRobot reported an error; the message above is BYRobot’s own explanation.'
	);
}

/** The credential the node uses (Authentication takes no expression: its raw value is its value). */
function credentialOf(node: INode): CredentialNamed {
	return node.parameters.authentication === 'openPlatform'
		? {
				name: 'the Byrobot Open Platform API credential',
				defaultBaseUrl: DEFAULT_OPEN_BASE_URL,
			}
		: { name: 'the Byrobot API credential', defaultBaseUrl: DEFAULT_BASE_URL };
}

function hintForHttp(status: number, node: INode): string {
	const credential = credentialOf(node);
	if (HTTP_HINTS[status]) return HTTP_HINTS[status](credential);
	if (status >= 500) return 'BYRobot or a gateway in front of it failed. Try again later.';
	return `Check the Base URL in ${credential.name} and the values you sent.`;
}

function parseBody(body: unknown): { json?: IDataObject; text?: string } {
	if (Buffer.isBuffer(body)) body = body.toString('utf8');
	if (typeof body === 'string') {
		// text/plain answers with a JSON body happen on private deployments.
		try {
			const parsed = JSON.parse(body) as unknown;
			if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
				return { json: parsed as IDataObject };
			}
		} catch {
			// not JSON: reported below
		}
		return { text: body };
	}
	if (body && typeof body === 'object' && !Array.isArray(body))
		return { json: body as IDataObject };
	return { text: body === undefined || body === null ? '' : JSON.stringify(body) };
}

function isEnvelope(json: IDataObject): boolean {
	return 'code' in json && !Number.isNaN(Number(json.code));
}

/**
 * Returns the parsed envelope of a successful answer; throws a NodeApiError otherwise.
 * Handles both envelopes: {code, data, resultMsg} and sms/template/list's {code, msg, success, data}.
 */
export function checkResponse(
	node: INode,
	response: Pick<IN8nHttpFullResponse, 'body' | 'statusCode'>,
	itemIndex?: number,
): IDataObject {
	const status = Number(response.statusCode ?? 200);
	const { json, text } = parseBody(response.body);

	if (json && isEnvelope(json)) {
		const code = Number(json.code);
		const resultMsg = String(json.resultMsg ?? json.msg ?? '');
		if (code !== 200 || json.success === false) {
			const error = new NodeApiError(node, json as JsonObject, {
				message: `BYRobot error ${code}: ${resultMsg || 'no message'}`,
				description: hintForEnvelope(code, resultMsg),
				httpCode: String(status),
				itemIndex,
			});
			// 500 is BYRobot's "busy, try again later".
			if (code === 500) throw markTransient(error);
			throw code === TOKEN_REFUSED ? markTokenRefused(error) : error;
		}
		if (status < 400) return json;
	}

	if (status >= 400) {
		const detail = json ? JSON.stringify(json) : excerpt(text ?? '');
		const error = new NodeApiError(node, (json ?? { body: excerpt(text ?? '') }) as JsonObject, {
			message: `BYRobot answered HTTP ${status}${detail ? `: ${excerpt(detail)}` : ''}`,
			description: hintForHttp(status, node),
			httpCode: String(status),
			itemIndex,
		});
		throw TRANSIENT_HTTP_STATUSES.has(status) ? markTransient(error) : error;
	}

	if (!json) {
		throw new NodeApiError(node, { body: excerpt(text ?? '') } as JsonObject, {
			message: looksLikeHtml(text ?? '')
				? 'BYRobot answered with an HTML page instead of JSON'
				: 'BYRobot answered with a body that is not valid JSON',
			description: `HTTP ${status}. ${text ? `The answer began: "${excerpt(text)}". ` : 'The answer was empty. '}Check the Base URL in ${credentialOf(node).name}; if it is right, BYRobot or a proxy is failing — try again later.`,
			httpCode: String(status),
			itemIndex,
		});
	}

	throw new NodeApiError(node, json as JsonObject, {
		message: 'BYRobot answered JSON without the expected "code" field',
		description: `Check the Base URL in ${credentialOf(node).name}. The answer was: ${excerpt(JSON.stringify(json))}`,
		httpCode: String(status),
		itemIndex,
	});
}
