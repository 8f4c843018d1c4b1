// Requests made outside the declarative routing: the lists behind dropdowns and "From List".
// Same credentials, same answer check as the operations.
import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IN8nHttpFullResponse,
	INodePropertyOptions,
} from 'n8n-workflow';

import { bangwo8BaseUrl } from '../../../credentials/Bangwo8Api.credentials';
import { guarded, type Vendor } from '../../shared/requests';
import { checkResponse, fromThrown, type Authentication } from './errors';
import { MAX_PER_PAGE, pageNumberOf } from './pagination';

/** How the node's messages name Bangwo8 and where its Base URL is set. */
export const VENDOR: Vendor = { name: 'Bangwo8', credential: 'the Bangwo8 credential' };

export const ACCOUNT_CREDENTIALS_TYPE = 'bangwo8Api';
export const CLIENT_CREDENTIALS_TYPE = 'bangwo8OAuth2Api';

/** The node's Authentication choice. */
export function authenticationOf(
	context: IExecuteSingleFunctions | ILoadOptionsFunctions,
): Authentication {
	return context.getNodeParameter('authentication', 'basicAuth') === 'oAuth2'
		? 'oAuth2'
		: 'basicAuth';
}

/**
 * The credential type a dropdown or list search can use: the one the Authentication choice names,
 * when the node has a credential of that type. Undefined otherwise — as for a node just added from
 * the nodes panel: the editor asks for its lists before it has assigned a credential (and set
 * Authentication to match), and asks again once it has; n8n hands over no credential that
 * Authentication hides, so there is nothing to ask Bangwo8 with until then.
 */
export function pickerCredentialType(context: ILoadOptionsFunctions): string | undefined {
	const type =
		authenticationOf(context) === 'oAuth2' ? CLIENT_CREDENTIALS_TYPE : ACCOUNT_CREDENTIALS_TYPE;
	return context.getNode().credentials?.[type] ? type : undefined;
}

/** What a dropdown shows while the node has no usable credential: a hint that cannot be picked. */
export const NO_CREDENTIAL_YET: INodePropertyOptions = {
	name: 'Loads Once a Credential Is Chosen',
	value: '',
	disabled: true,
	description:
		'Choose the credential above. If n8n chose it while this list was loading and the list stays empty, close and reopen the node.',
};

type LoadOptionsMethod = (this: ILoadOptionsFunctions) => Promise<INodePropertyOptions[]>;

/**
 * The node's dropdown methods, each answering NO_CREDENTIAL_YET (and asking Bangwo8 nothing)
 * while the node has no usable credential: every dropdown, present and future, gets the hint.
 */
export function withCredentialHint<M extends Record<string, LoadOptionsMethod>>(methods: M): M {
	return Object.fromEntries(
		Object.entries(methods).map(([name, method]) => [
			name,
			async function (this: ILoadOptionsFunctions) {
				if (pickerCredentialType(this) === undefined) return [NO_CREDENTIAL_YET];
				return await method.call(this);
			},
		]),
	) as M;
}

/**
 * Sends one GET with the node's credential and returns the checked body; an empty body, without
 * a request, while the node has no usable credential (pickerCredentialType), so that the list
 * comes out empty instead of as an error the editor keeps showing after it assigned one.
 */
export async function bangwo8ApiRequest(
	this: ILoadOptionsFunctions,
	path: string,
	qs: IDataObject = {},
): Promise<IDataObject> {
	const credentialType = pickerCredentialType(this);
	if (credentialType === undefined) return {};
	const authentication: Authentication =
		credentialType === CLIENT_CREDENTIALS_TYPE ? 'oAuth2' : 'basicAuth';
	const credentials = await this.getCredentials(credentialType);
	const options: IHttpRequestOptions = {
		method: 'GET',
		baseURL: bangwo8BaseUrl(credentials),
		url: path,
		qs,
		headers: { Accept: 'application/json' },
		returnFullResponse: true,
	};
	const { result: response } = await guarded(this.getNode(), VENDOR, options, {}, async (sent) => {
		try {
			// Without ignoreHttpStatusErrors, so that n8n renews an expired OAuth2 token on a 401.
			return (await this.helpers.httpRequestWithAuthentication.call(
				this,
				credentialType,
				sent,
			)) as IN8nHttpFullResponse;
		} catch (error) {
			throw fromThrown(this.getNode(), error, authentication);
		}
	});
	return checkResponse(this.getNode(), response, undefined, authentication);
}

/** One page of a list: its rows and the next page number, if any. */
export async function listPage(
	this: ILoadOptionsFunctions,
	path: string,
	key: string,
	page: number,
	qs: IDataObject = {},
): Promise<{ rows: IDataObject[]; nextPage?: number }> {
	const body = await bangwo8ApiRequest.call(this, path, { ...qs, page, per_page: MAX_PER_PAGE });
	const list = body[key];
	const rows = (Array.isArray(list) ? list : []).filter(
		(row): row is IDataObject => typeof row === 'object' && row !== null,
	);
	const next =
		typeof body.next_page === 'string' ? pageNumberOf(body.next_page.trim(), page) : undefined;
	return {
		rows,
		nextPage: rows.length > 0 && next !== undefined && next > page ? next : undefined,
	};
}

/** A whole list for a dropdown, up to `maxPages` pages of 100. */
export async function listAll(
	this: ILoadOptionsFunctions,
	path: string,
	key: string,
	maxPages = 20,
): Promise<IDataObject[]> {
	const rows: IDataObject[] = [];
	let page: number | undefined = 1;
	for (let n = 0; page !== undefined && n < maxPages; n++) {
		const result: { rows: IDataObject[]; nextPage?: number } = await listPage.call(
			this,
			path,
			key,
			page,
		);
		rows.push(...result.rows);
		page = result.nextPage;
	}
	return rows;
}
