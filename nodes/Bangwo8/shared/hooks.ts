// The hooks every Bangwo8 operation shares: remembering the request (for the OAuth2 401
// retry), turning answers into good errors, and turning bodies into items linked to their input.
import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	PostReceiveAction,
} from 'n8n-workflow';

import {
	apiError,
	findFailure,
	fromThrown,
	notJsonError,
	parseJsonBody,
	type Authentication,
} from './errors';

export const ACCOUNT_CREDENTIALS_TYPE = 'bangwo8Api';
export const CLIENT_CREDENTIALS_TYPE = 'bangwo8OAuth2Api';

/** The item's request as it will be sent, by item context (each item has its own context). */
const sentRequests = new WeakMap<object, IHttpRequestOptions>();

/** Where a list's `next_page` travels from listItems to the pagination (an array property). */
export const NEXT_PAGE = Symbol('bangwo8.nextPage');

export type PagedItems = INodeExecutionData[] & { [NEXT_PAGE]?: string };

export function authenticationOf(context: IExecuteSingleFunctions): Authentication {
	return context.getNodeParameter('authentication', 'basicAuth') === 'oAuth2' ? 'oAuth2' : 'basicAuth';
}

/**
 * preSend of every operation: keeps a reference to the request options. All our hooks change
 * the options in place, so the reference always shows what is sent (pages included).
 */
export async function rememberRequest(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	sentRequests.set(this, requestOptions);
	return requestOptions;
}

/**
 * Requests run with `ignoreHttpStatusErrors`, so n8n's own "refresh the token on 401" never
 * sees the 401 of an expired OAuth2 token. Send the request once more without that flag: n8n
 * then fetches a new token (the credential's preAuthentication), stores it and repeats the
 * request with it.
 */
async function retryWithFreshToken(
	context: IExecuteSingleFunctions,
): Promise<{ statusCode: number; body: unknown } | undefined> {
	const request = sentRequests.get(context);
	if (!request) return undefined;
	try {
		const response = (await context.helpers.httpRequestWithAuthentication.call(
			context,
			CLIENT_CREDENTIALS_TYPE,
			{ ...request, ignoreHttpStatusErrors: false, returnFullResponse: true },
		)) as IN8nHttpFullResponse;
		return { statusCode: response.statusCode, body: response.body };
	} catch (error) {
		throw fromThrown(context.getNode(), error, 'oAuth2', context.getItemIndex());
	}
}

/**
 * First postReceive of every operation: HTTP 4xx/5xx, `{errcode, errmsg}` and
 * `{Status: "403", message}` bodies (even with HTTP 200) become a NodeApiError with the
 * vendor's message and a hint. Returns the parsed body as one item.
 */
export async function checkResponse(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const authentication = authenticationOf(this);
	const itemIndex = this.getItemIndex();
	let statusCode = response.statusCode;
	let raw: unknown = response.body;
	if (statusCode === 401 && authentication === 'oAuth2') {
		const retried = await retryWithFreshToken(this);
		if (retried) ({ statusCode, body: raw } = retried);
	}
	const body = parseJsonBody(raw);
	if (body === undefined) {
		if (statusCode >= 400) {
			throw apiError(
				this.getNode(),
				{ status: statusCode, message: response.statusMessage || `HTTP ${statusCode}` },
				{},
				authentication,
				itemIndex,
			);
		}
		throw notJsonError(this.getNode(), statusCode, raw, itemIndex);
	}
	const failure = findFailure(statusCode, body);
	if (failure) throw apiError(this.getNode(), failure, body, authentication, itemIndex);
	return [{ json: (body ?? {}) as IDataObject, pairedItem: { item: itemIndex } }];
}

function nextPageText(value: unknown): string {
	return typeof value === 'string' ? value.trim() : '';
}

/**
 * postReceive of list operations: the rows under `key` (a single object counts as one row),
 * each as an item linked to the input item; `next_page` rides along for the pagination.
 */
export function listItems(
	key: string,
	normalize: (row: IDataObject) => IDataObject = (row) => row,
): PostReceiveAction {
	return async function (this: IExecuteSingleFunctions, items: INodeExecutionData[]) {
		const body = (items[0]?.json ?? {}) as IDataObject;
		const list = body[key];
		const rows: unknown[] = Array.isArray(list) ? list : list && typeof list === 'object' ? [list] : [];
		const itemIndex = this.getItemIndex();
		const result: PagedItems = rows
			.filter((row): row is IDataObject => typeof row === 'object' && row !== null)
			.map((row) => ({ json: normalize(row), pairedItem: { item: itemIndex } }));
		Object.defineProperty(result, NEXT_PAGE, { value: nextPageText(body.next_page) });
		return result;
	};
}

/** postReceive of single-object operations: the normalised body as one item linked to its input. */
export function singleItem(
	normalize: (this: IExecuteSingleFunctions, body: IDataObject) => IDataObject,
): PostReceiveAction {
	return async function (this: IExecuteSingleFunctions, items: INodeExecutionData[]) {
		const body = (items[0]?.json ?? {}) as IDataObject;
		return [{ json: normalize.call(this, body), pairedItem: { item: this.getItemIndex() } }];
	};
}
