// GETs a hook makes for its item, beside the operation's own request: Ticket → Update and Add
// Reply read the ticket before writing it back whole, and Create looks for the ticket or contact
// it made when the answer does not name it (docs/api/bangwo8-helpdesk.md#ticket-create). Same
// credential, guard (timeout, retries of transient failures) and answer check as the operation's
// request; the dropdowns' requests are in ./transport.ts.
import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
} from 'n8n-workflow';

import { bangwo8BaseUrl } from '../../../credentials/Bangwo8Api.credentials';
import { guarded } from '../../shared/requests';
import { checkResponse, fromThrown } from './errors';
import {
	ACCOUNT_CREDENTIALS_TYPE,
	authenticationOf,
	CLIENT_CREDENTIALS_TYPE,
	VENDOR,
} from './transport';

/** Sends one GET for the current item and returns the checked body (errors name the item). */
export async function getInItem(
	this: IExecuteSingleFunctions,
	path: string,
	qs: IDataObject = {},
): Promise<IDataObject> {
	const authentication = authenticationOf(this);
	const credentialType =
		authentication === 'oAuth2' ? CLIENT_CREDENTIALS_TYPE : ACCOUNT_CREDENTIALS_TYPE;
	const credentials = await this.getCredentials(credentialType);
	const itemIndex = this.getItemIndex();
	const requestOptions = this.getNodeParameter('requestOptions', {}) as IDataObject;
	const options: IHttpRequestOptions = {
		method: 'GET',
		baseURL: bangwo8BaseUrl(credentials),
		url: path,
		qs,
		headers: { Accept: 'application/json' },
		returnFullResponse: true,
		...(typeof requestOptions.timeout === 'number' ? { timeout: requestOptions.timeout } : {}),
		...(requestOptions.allowUnauthorizedCerts === true
			? { skipSslCertificateValidation: true }
			: {}),
	};
	const retries = requestOptions.retryTransientFailures !== false;
	const { result: response } = await guarded(
		this.getNode(),
		VENDOR,
		options,
		{ retries, itemIndex },
		async (sent) => {
			try {
				// Without ignoreHttpStatusErrors, so that n8n renews an expired OAuth2 token on a 401.
				return (await this.helpers.httpRequestWithAuthentication.call(
					this,
					credentialType,
					sent,
				)) as IN8nHttpFullResponse;
			} catch (error) {
				throw fromThrown(this.getNode(), error, authentication, itemIndex);
			}
		},
	);
	return checkResponse(this.getNode(), response, itemIndex, authentication);
}
