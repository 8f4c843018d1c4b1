// What every request of both nodes goes through, in one place: a timeout, connection failures
// and timeouts as NodeApiErrors that name the host and say what to check, and transient failures
// retried with backoff where sending again is safe (docs/design.md#faults). nodeProperties()
// wraps each operation's request in `guardRequests()`; the dropdowns' transport calls `guarded()`.
import { NodeApiError, sleep } from 'n8n-workflow';
import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecutePaginationFunctions,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INode,
	INodeExecutionData,
	INodeProperties,
	JsonObject,
} from 'n8n-workflow';

/** How a node names its vendor and credential in messages. */
export interface Vendor {
	/** "BYRobot", "Bangwo8". */
	name: string;
	/** Where the Base URL is set, e.g. "the Byrobot API credential". */
	credential: string;
	/**
	 * For an API whose access token the vendor can refuse in an answer (the BYRobot open
	 * platform's 40000010): forgets the token so that the next request gets a new one. guarded()
	 * then sends the request once more.
	 */
	renewToken?: (context: TokenContext) => Promise<void>;
}

/** What renewToken gets to read the credential with. */
export type TokenContext = Pick<IExecuteSingleFunctions, 'getCredentials'>;

/** Marks a NodeApiError as the vendor refusing the access token (see Vendor.renewToken). */
export function markTokenRefused(error: NodeApiError): NodeApiError {
	error.context.tokenRefused = true;
	return error;
}

/** What an operation's requests may do, declared by the operation (see Operation). */
export interface RequestPolicy {
	/** Seconds to wait for an answer when the user set no Timeout (Request Options). */
	timeoutSeconds?: number;
	/** false for writes that must not be sent twice (Create): failures are reported, not retried. */
	retry?: boolean;
	/**
	 * Whether a timeout is sent once more (big import batches the vendor may just be slow with).
	 * Elsewhere a vendor that does not answer ends the run within the timeout.
	 */
	retryTimeouts?: boolean;
}

export const DEFAULT_TIMEOUT_SECONDS = 60;

/** n8n's own timeout when the user set none (RoutingNode): ours applies instead. */
const N8N_DEFAULT_TIMEOUT_MS = 300_000;

/** Waits before the 2nd, 3rd and 4th attempt. */
export const RETRY_DELAYS_MS = [500, 1500, 3500];

/** Codes of a request that may have reached the vendor, whose answer was lost. */
const LOST_ANSWER = new Set([
	'ECONNRESET',
	'EPIPE',
	'ECONNABORTED',
	'ETIMEDOUT',
	'ESOCKETTIMEDOUT',
]);

const TLS = /CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY|UNABLE_TO_GET_ISSUER/;

interface Failure {
	code?: string;
	message?: string;
	isAxiosError?: boolean;
	response?: unknown;
	config?: { baseURL?: string; url?: string };
	cause?: Failure;
}

/** Error codes of a request that got no answer (Node's net / tls, axios). */
const NO_ANSWER =
	/^(ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ECONNRESET|EPIPE|ECONNABORTED|ETIMEDOUT|ESOCKETTIMEDOUT|EHOSTUNREACH|ENETUNREACH|ENETDOWN|ERR_TLS_.*|.*CERT.*|.*SELF_SIGNED.*|UNABLE_TO_.*)$/;

/**
 * The HTTP client's error (ECONNREFUSED, a timeout, …) inside whatever n8n threw, when no answer
 * came back at all; undefined for answers (those went through the answer check). n8n wraps it
 * as `cause` or `errorResponse`; n8n 1.x keeps only the code, as httpCode.
 */
function networkFailure(error: unknown): Failure | undefined {
	const seen = new Set<unknown>();
	const queue: unknown[] = [error];
	let codeOnly: Failure | undefined;
	while (queue.length && seen.size < 8) {
		const current = queue.shift() as (Failure & { errorResponse?: unknown }) | undefined;
		if (!current || typeof current !== 'object' || seen.has(current)) continue;
		seen.add(current);
		if (!current.response && typeof current.code === 'string' && NO_ANSWER.test(current.code)) {
			return current;
		}
		// n8n 1.x: a NodeApiError without its cause, the code as its httpCode.
		const { httpCode, messages } = current as { httpCode?: unknown; messages?: string[] };
		if (!codeOnly && typeof httpCode === 'string' && NO_ANSWER.test(httpCode)) {
			codeOnly = { code: httpCode, message: messages?.[0] };
		}
		queue.push(current.cause, current.errorResponse);
	}
	return codeOnly;
}

/** Whether `error` is a request that got no answer at all (guarded() explains those). */
export function isNetworkFailure(error: unknown): boolean {
	return networkFailure(error) !== undefined;
}

function hostOf(failure: Failure, fallback: string | undefined): string {
	const base = failure.config?.baseURL ?? fallback ?? '';
	try {
		return new URL(failure.config?.url ?? '', base || undefined).origin;
	} catch {
		return base || 'the server';
	}
}

function isTimeout(failure: Failure): boolean {
	return (
		failure.code === 'ECONNABORTED' ||
		failure.code === 'ETIMEDOUT' ||
		failure.code === 'ESOCKETTIMEDOUT' ||
		/timeout/i.test(failure.message ?? '')
	);
}

interface Explained {
	error: NodeApiError;
	transient: boolean;
	timeout: boolean;
}

/**
 * A network failure or timeout as a NodeApiError naming the host and what to check. Only the
 * code, the host and our words go in: the request (headers, signature, token) stays out.
 */
function explainNetworkFailure(
	node: INode,
	vendor: Vendor,
	failure: Failure,
	timeoutMs: number,
	retry: boolean,
	fallbackBaseUrl?: string,
): Explained {
	const host = hostOf(failure, fallbackBaseUrl);
	const code = failure.code ?? 'unknown';
	const mayHaveArrived = LOST_ANSWER.has(code) && !retry;
	const sent = mayHaveArrived
		? ` The request may have reached ${vendor.name}: check there before running it again.`
		: '';
	const baseUrl = `the Base URL in ${vendor.credential} (now ${host})`;
	let message: string;
	let description: string;
	let transient = false;
	let timeout = false;
	if (isTimeout(failure)) {
		message = `${vendor.name} did not answer within ${Math.round(timeoutMs / 1000)} s`;
		description = `Check the network between n8n and ${host} and ${vendor.name}'s status. If ${vendor.name} is only slow, raise Request Options → Timeout.${sent}`;
		timeout = true;
	} else if (code === 'ECONNREFUSED') {
		message = `${host} refused the connection`;
		description = `Nothing listens there: check ${baseUrl}, and that no firewall or proxy blocks n8n.`;
	} else if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
		message = `The host of ${host} was not found (DNS)`;
		description = `Check the spelling of ${baseUrl} and the DNS settings of the n8n host.`;
		transient = code === 'EAI_AGAIN';
	} else if (code === 'ECONNRESET' || code === 'EPIPE') {
		message = `The connection to ${host} was reset`;
		description = `A proxy, firewall or ${vendor.name} closed the connection. Try again; if it keeps happening, check the proxy and ${vendor.name}'s status.${sent}`;
		transient = true;
	} else if (TLS.test(code)) {
		message = `The TLS certificate of ${host} was not accepted (${code})`;
		description = `Check that ${baseUrl} uses https with a valid certificate. For a private deployment with its own certificate authority, turn on Request Options → Ignore SSL Issues (Insecure).`;
	} else {
		message = `Could not reach ${host} (${code})`;
		description = `Check ${baseUrl}, the network and any proxy between n8n and ${vendor.name}.`;
		transient = ['EHOSTUNREACH', 'ENETUNREACH', 'ENETDOWN'].includes(code);
	}
	// Not `code`: NodeApiError would put its own generic message in place of ours.
	const error = new NodeApiError(node, { networkError: code, host } as JsonObject, {
		message,
		description,
	});
	return { error, transient, timeout };
}

/**
 * Sends one request through `send` with the policy's timeout; retries transient failures when
 * the operation allows it. Returns the result and the number of attempts it took.
 */
export async function guarded<O extends Pick<IHttpRequestOptions, 'timeout' | 'baseURL'>, T>(
	node: INode,
	vendor: Vendor,
	options: O,
	policy: RequestPolicy & { retries?: boolean; itemIndex?: number; tokens?: TokenContext },
	send: (options: O) => Promise<T>,
): Promise<{ result: T; attempts: number }> {
	if (!options.timeout || options.timeout === N8N_DEFAULT_TIMEOUT_MS) {
		options.timeout = (policy.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS) * 1000;
	}
	const retry = policy.retry !== false && policy.retries !== false;
	let tokenRenewed = false;
	for (let attempt = 1; ; attempt++) {
		try {
			return { result: await send(options), attempts: attempt };
		} catch (thrown) {
			let error = thrown;
			// A refused token was not used for anything: even a Create is sent again, once.
			if (
				error instanceof NodeApiError &&
				error.context?.tokenRefused === true &&
				vendor.renewToken &&
				policy.tokens &&
				!tokenRenewed
			) {
				tokenRenewed = true;
				await vendor.renewToken(policy.tokens);
				continue;
			}
			let transient = error instanceof NodeApiError && error.context?.transient === true;
			const failure =
				error instanceof NodeApiError && transient ? undefined : networkFailure(error);
			if (failure) {
				const timeoutMs = options.timeout ?? DEFAULT_TIMEOUT_SECONDS * 1000;
				const explained = explainNetworkFailure(
					node,
					vendor,
					failure,
					timeoutMs,
					retry,
					options.baseURL,
				);
				error = explained.error;
				// One more try after a timeout, where allowed: each costs a whole timeout.
				transient = explained.timeout
					? policy.retryTimeouts === true && attempt < 2
					: explained.transient;
			}
			if (error instanceof NodeApiError && policy.itemIndex !== undefined) {
				error.context.itemIndex = policy.itemIndex;
			}
			if (!retry || !transient || attempt > RETRY_DELAYS_MS.length) {
				if (error instanceof NodeApiError && attempt > 1) {
					error.description = `${error.description ?? ''} (${attempt} attempts)`.trim();
					error.context.attempts = attempt;
				}
				throw error;
			}
			await sleep(RETRY_DELAYS_MS[attempt - 1]);
		}
	}
}

const attemptsTaken = new WeakMap<object, number>();

/** How many attempts the guarded request that returned `result` took (1 when not retried). */
export function attemptsOf(result: object): number {
	return attemptsTaken.get(result) ?? 1;
}

/**
 * The node's Request Options: n8n adds its own (Batching, Ignore SSL Issues, Proxy, Timeout) to
 * this collection when it loads a declarative node.
 */
export const requestOptionsField: INodeProperties = {
	displayName: 'Request Options',
	name: 'requestOptions',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [
		{
			displayName: 'Retry Transient Failures',
			name: 'retryTransientFailures',
			type: 'boolean',
			default: true,
			description:
				'Whether to send a request again (up to 3 times, with a pause) after a reset connection, HTTP 429/502/503/504 or a vendor "busy" answer (after a timeout only the batches of Import Customers and Add Many). Never for writes that must not happen twice, such as Create.',
		},
	],
};

type Pagination = (
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
) => Promise<INodeExecutionData[]>;

/** Whether the user turned the node's own retries off (Request Options → Retry Transient Failures). */
function retriesOn(context: IExecutePaginationFunctions): boolean {
	const options = context.getNodeParameter('requestOptions', {}) as IDataObject;
	return options.retryTransientFailures !== false;
}

/**
 * routing.operations.pagination of every operation: runs the operation's own pagination (or its
 * one request) with every request guarded. Pages and import batches are retried one by one, so
 * each result still comes out exactly once.
 */
export function guardRequests(
	vendor: Vendor,
	policy: RequestPolicy,
	pagination?: Pagination,
): Pagination {
	return async function (this: IExecutePaginationFunctions, requestData) {
		const retries = retriesOn(this);
		const node = this.getNode();
		const itemIndex = this.getItemIndex();
		const makeRoutingRequest = this.makeRoutingRequest.bind(this);
		const context: IExecutePaginationFunctions = Object.create(this, {
			makeRoutingRequest: {
				value: async (data: DeclarativeRestApiSettings.ResultOptions) => {
					const { result, attempts } = await guarded(
						node,
						vendor,
						data.options,
						{ ...policy, retries, itemIndex, tokens: this },
						async (options) => await makeRoutingRequest({ ...data, options }),
					);
					attemptsTaken.set(result, attempts);
					return result;
				},
			},
		});
		if (pagination) return await pagination.call(context, requestData);
		return await context.makeRoutingRequest(requestData);
	};
}
