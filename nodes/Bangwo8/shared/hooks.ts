// The hooks of the Bangwo8 operations: remembering the request (for the OAuth2 401 retry),
// putting the picked id into the path, and the postReceive every operation ends with (answer
// check, rows or object, item linking).
import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	PostReceiveAction,
} from 'n8n-workflow';

import { checkResponse, fromThrown } from './errors';
import { pickedId } from './inputs';
import { NEXT_PAGE, TOTAL, type PagedItems } from './pagination';
import { authenticationOf, CLIENT_CREDENTIALS_TYPE } from './transport';

/** The item's request as it will be sent, by item context (each item has its own context). */
const sentRequests = new WeakMap<object, IHttpRequestOptions>();

/**
 * preSend of every operation (on the Authentication field): keeps a reference to the request
 * options. All our hooks change the options in place, so the reference always shows what is
 * sent (pages included).
 */
export async function rememberRequest(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	sentRequests.set(this, requestOptions);
	return requestOptions;
}

/**
 * preSend of Get, Delete and Get Customers: the picked Call Task's id, checked and trimmed, in
 * place of `{callTaskId}` in the path (a hook, not an expression: docs/design.md).
 */
export async function sendCallTaskId(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const id = pickedId(this, 'callTaskId', 'Call Task');
	requestOptions.url = (requestOptions.url ?? '').replace('{callTaskId}', id);
	return requestOptions;
}

/**
 * A preSend that puts picked ids into the path: `{ticketId}` ← the Ticket picker, and so on, each
 * checked (Item N: "Ticket" — …). `pickers` are [parameter, field name] pairs.
 */
export function sendPickedIds(...pickers: Array<[parameter: string, field: string]>) {
	return async function (
		this: IExecuteSingleFunctions,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		let url = requestOptions.url ?? '';
		for (const [parameter, field] of pickers) {
			url = url.replace(`{${parameter}}`, pickedId(this, parameter, field));
		}
		requestOptions.url = url;
		return requestOptions;
	};
}

/**
 * A preSend for Get's Dropdown Values As: the `_v2` path in place of the v1 one when chosen (the
 * field takes no expressions, so its raw value is read).
 */
export function chooseVersion(v1Path: string, v2Path: string) {
	return async function (
		this: IExecuteSingleFunctions,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		if (this.getNode().parameters.detailVersion === 'v2' && requestOptions.url === v1Path) {
			requestOptions.url = v2Path;
		}
		return requestOptions;
	};
}

/**
 * Requests run with `ignoreHttpStatusErrors`, so n8n's own "refresh the token on 401" never
 * sees the 401 of an expired OAuth2 token. Send the request once more without that flag: n8n
 * then fetches a new token (the credential's preAuthentication), stores it and repeats the
 * request with it.
 */
async function retryWithFreshToken(
	context: IExecuteSingleFunctions,
): Promise<IN8nHttpFullResponse | undefined> {
	const request = sentRequests.get(context);
	if (!request) return undefined;
	try {
		return (await context.helpers.httpRequestWithAuthentication.call(
			context,
			CLIENT_CREDENTIALS_TYPE,
			{
				...request,
				ignoreHttpStatusErrors: false,
				returnFullResponse: true,
			},
		)) as IN8nHttpFullResponse;
	} catch (error) {
		throw fromThrown(context.getNode(), error, 'oAuth2', context.getItemIndex());
	}
}

export interface OutputOptions {
	/**
	 * The answer is a list under this key (`callTask`, `supports`, `users`): one item per row (a
	 * single object counts as one row), and its `next_page` rides along for the pagination.
	 * Without it the answer is one object, one item.
	 */
	entries?: string;
	/**
	 * The rows sit one level deeper, beside a count: Ticket → Search answers
	 * `{"tickets": {"count": N, "results": [...]}}` (`entries: 'tickets', nested: 'results'`).
	 */
	nested?: string;
	/** Shapes one row, or the answer of a single-object operation. */
	format?: (this: IExecuteSingleFunctions, entry: IDataObject) => IDataObject;
}

function isObject(value: unknown): value is IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function nextPageText(value: unknown): string {
	return typeof value === 'string' ? value.trim() : '';
}

/**
 * The postReceive every operation ends with: checks the answer (a NodeApiError with the vendor's
 * message and a hint for any failure; an OAuth2 401 is retried once with a fresh token), then
 * turns it into items linked to the input item.
 */
export function outputItems(options: OutputOptions = {}): PostReceiveAction {
	return async function (
		this: IExecuteSingleFunctions,
		_items: INodeExecutionData[],
		response: IN8nHttpFullResponse,
	): Promise<INodeExecutionData[]> {
		const authentication = authenticationOf(this);
		const itemIndex = this.getItemIndex();
		let answer = response;
		if (response.statusCode === 401 && authentication === 'oAuth2') {
			answer = (await retryWithFreshToken(this)) ?? response;
		}
		const body = checkResponse(this.getNode(), answer, itemIndex, authentication);
		const format = (entry: IDataObject) =>
			options.format ? options.format.call(this, entry) : entry;
		if (options.entries === undefined)
			return [{ json: format(body), pairedItem: { item: itemIndex } }];

		const outer = body[options.entries];
		const holder = options.nested && isObject(outer) ? outer : body;
		const list = options.nested ? (isObject(outer) ? outer[options.nested] : undefined) : outer;
		const rows: unknown[] = Array.isArray(list) ? list : isObject(list) ? [list] : [];
		const result: PagedItems = rows
			.filter((row): row is IDataObject => typeof row === 'object' && row !== null)
			.map((row) => ({ json: format(row), pairedItem: { item: itemIndex } }));
		Object.defineProperty(result, NEXT_PAGE, { value: nextPageText(body.next_page) });
		// The total rides along too (a number or a string of digits), for lists without next_page.
		const total = Number(holder.count);
		if (holder.count !== undefined && holder.count !== '' && Number.isFinite(total)) {
			Object.defineProperty(result, TOTAL, { value: total });
		}
		return result;
	};
}
