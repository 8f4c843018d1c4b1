// Direct requests for dropdowns, list searches and preSend look-ups (operations themselves go
// through the node's declarative routing). Same signing, same answer check.
import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	ILoadOptionsFunctions,
} from 'n8n-workflow';

import { guarded, type Vendor } from '../../shared/requests';
import { checkResponse } from './errors';

/** How the node's messages name BYRobot and where its Base URL is set. */
export const VENDOR: Vendor = { name: 'BYRobot', credential: 'the Byrobot API credential' };

import { byrobotBaseUrl } from '../../../credentials/ByrobotApi.credentials';

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
