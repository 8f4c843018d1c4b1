// Direct requests for dropdowns, list searches and preSend look-ups (operations themselves go
// through the node's declarative routing), on either API generation: the signed API
// (byrobotApi) or the open platform (byrobotOpenPlatformApi). Same auth, same answer check.
import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	ILoadOptionsFunctions,
	INodePropertyRouting,
} from 'n8n-workflow';

import { guarded, type Vendor } from '../../shared/requests';
import { checkResponse } from './errors';

import { byrobotBaseUrl } from '../../../credentials/ByrobotApi.credentials';
import {
	DEFAULT_OPEN_BASE_URL,
	rejectByrobotOpenToken,
} from '../../../credentials/ByrobotOpenPlatformApi.credentials';

/** How the node's messages name BYRobot and where its Base URL is set. */
export const VENDOR: Vendor = { name: 'BYRobot', credential: 'the Byrobot API credential' };

export const OPEN_PLATFORM_CREDENTIAL = 'byrobotOpenPlatformApi';

/** The open platform: a refused token (40000010) is forgotten, and the request sent once more. */
export const OPEN_PLATFORM_VENDOR: Vendor = {
	name: 'BYRobot',
	credential: 'the Byrobot Open Platform API credential',
	renewToken: async (context) => {
		rejectByrobotOpenToken(await context.getCredentials(OPEN_PLATFORM_CREDENTIAL));
	},
};

/** Values of the node's Authentication field: the two API generations. */
export const SIGNED_API = 'signedApi';
export const OPEN_PLATFORM = 'openPlatform';

/** Whether the node speaks the open platform (Authentication takes no expression: raw value). */
export function isOpenPlatform(context: { getNode(): { parameters: IDataObject } }): boolean {
	return context.getNode().parameters.authentication === OPEN_PLATFORM;
}

/**
 * routing.request of an open-platform method: a form POST to the gateway (the credential adds
 * accessToken and swaps in its Base URL). Nested values go as JSON text in their field.
 */
export function openPlatformRequest(path: string): NonNullable<INodePropertyRouting['request']> {
	return {
		method: 'POST',
		baseURL: DEFAULT_OPEN_BASE_URL,
		url: path,
		headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
	};
}

/**
 * preSend, last of every open-platform request: the values that the fields shared with the
 * signed API put in the query string go into the form instead.
 */
export async function queryToForm(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const qs = (requestOptions.qs ?? {}) as IDataObject;
	requestOptions.body = { ...qs, ...((requestOptions.body as IDataObject | undefined) ?? {}) };
	requestOptions.qs = {};
	return requestOptions;
}

/**
 * preSend of open-platform methods that name no task (Get Call Detail): the company is the
 * credential's, the one its token is for.
 */
export async function sendCredentialCompanyId(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const credentials = await this.getCredentials(OPEN_PLATFORM_CREDENTIAL);
	requestOptions.body = {
		...((requestOptions.body as IDataObject | undefined) ?? {}),
		companyId: String(credentials.companyId ?? '').trim(),
	};
	return requestOptions;
}

/**
 * An open-platform operation's routing: its form POST to `path` (with fixed `form` values, such
 * as calljob.execute's command), then its own hooks.
 */
export function openPlatformRouting(
	path: string,
	routing: Omit<INodePropertyRouting, 'request'> = {},
	form?: IDataObject,
): INodePropertyRouting {
	return {
		...routing,
		request: { ...openPlatformRequest(path), ...(form ? { body: form } : {}) },
		send: { ...routing.send, preSend: [...(routing.send?.preSend ?? []), queryToForm] },
	};
}

/**
 * Sends one open-platform method (path as `/byai.openapi.company/1.0.0/list`) with its form
 * parameters and returns the checked envelope; a refused token is renewed once.
 */
export async function byrobotOpenRequest(
	this: ILoadOptionsFunctions | IExecuteSingleFunctions,
	path: string,
	params: IDataObject = {},
): Promise<IDataObject> {
	const options: IHttpRequestOptions = {
		...openPlatformRequest(path),
		body: { ...params },
		json: true,
		ignoreHttpStatusErrors: true,
		returnFullResponse: true,
	} as IHttpRequestOptions;
	const node = this.getNode();
	const itemIndex = 'getItemIndex' in this ? this.getItemIndex() : undefined;
	const { result } = await guarded(
		node,
		OPEN_PLATFORM_VENDOR,
		options,
		{ tokens: this },
		async (sent) => {
			const response = (await this.helpers.httpRequestWithAuthentication.call(
				this,
				OPEN_PLATFORM_CREDENTIAL,
				{ ...sent, body: { ...(sent.body as IDataObject) } },
			)) as IN8nHttpFullResponse;
			return checkResponse(node, response, itemIndex);
		},
	);
	return result;
}

/** Sends one signed request and returns the checked envelope ({code, data, ...}). */
export async function byrobotApiRequest(
	this: ILoadOptionsFunctions | IExecuteSingleFunctions,
	method: IHttpRequestMethods,
	path: string,
	qs: IDataObject = {},
	body?: IDataObject,
): Promise<IDataObject> {
	const credentials = await this.getCredentials('byrobotApi');
	const options: IHttpRequestOptions = {
		method,
		baseURL: byrobotBaseUrl(credentials),
		url: path,
		qs,
		headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
		json: true,
		ignoreHttpStatusErrors: true,
		returnFullResponse: true,
	};
	if (body) options.body = body;
	const { result: response } = await guarded(
		this.getNode(),
		VENDOR,
		options,
		{},
		async (sent) =>
			(await this.helpers.httpRequestWithAuthentication.call(
				this,
				'byrobotApi',
				sent,
			)) as IN8nHttpFullResponse,
	);
	const itemIndex = 'getItemIndex' in this ? this.getItemIndex() : undefined;
	return checkResponse(this.getNode(), response, itemIndex);
}

/** A page's entries wherever the vendor put them: data.list, data.records, or data itself. */
export function entriesOf(data: unknown): IDataObject[] {
	if (Array.isArray(data)) return data as IDataObject[];
	if (data && typeof data === 'object') {
		const page = data as IDataObject;
		for (const key of ['list', 'records', 'rows']) {
			if (Array.isArray(page[key])) return page[key] as IDataObject[];
		}
	}
	return [];
}
