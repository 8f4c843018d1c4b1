import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IDataObject,
	IHttpRequestHelper,
	IHttpRequestOptions,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

import { bangwo8BaseUrl, DEFAULT_BASE_URL, useCredentialBaseUrl } from './Bangwo8Api.credentials';

/**
 * Token requests in flight, so that items running at the same time share one token request
 * instead of each fetching its own. Entries live only while their request runs.
 */
const tokenRequests = new Map<string, Promise<string>>();

async function requestToken(
	helper: IHttpRequestHelper,
	credentials: ICredentialDataDecryptedObject,
): Promise<string> {
	const clientId = String(credentials.clientId ?? '').trim();
	const clientSecret = String(credentials.clientSecret ?? '').trim();
	if (!clientId || !clientSecret) {
		throw new Error(
			'Bangwo8 OAuth2: enter the SecretID and the Secret that the admin created under 后台 → API接口',
		);
	}
	let answer: IDataObject;
	try {
		answer = (await helper.helpers.httpRequest({
			method: 'POST',
			url: `${bangwo8BaseUrl(credentials)}/api/token.php`,
			headers: {
				Accept: 'application/json',
				'Content-Type': 'application/x-www-form-urlencoded',
				Authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}`,
			},
			body: 'grant_type=client_credentials',
			json: false,
		})) as IDataObject;
	} catch (error) {
		const response = (error as { response?: { status?: number; data?: unknown } }).response;
		// No answer at all (refused, DNS, timeout): the node names the host and what to check.
		if (!response) throw error;
		const data = parseBody(response.data);
		const reason = [data.error, data.error_description].filter(Boolean).join(': ');
		const status = response.status ? ` (HTTP ${response.status})` : '';
		const hint =
			response.status === 401 || data.error === 'invalid_client'
				? ' Check the SecretID and the Secret (后台 → API接口) and the Base URL.'
				: '';
		throw new Error(
			`Bangwo8 refused to issue an OAuth2 access token${status}${reason ? `: ${reason}` : ''}.${hint}`,
		);
	}
	const body = parseBody(answer);
	const token = body.access_token ?? (body.data as IDataObject | undefined)?.access_token;
	if (typeof token !== 'string' || token === '') {
		throw new Error('Bangwo8 answered the OAuth2 token request without an access_token');
	}
	return token;
}

function parseBody(data: unknown): IDataObject {
	if (typeof data === 'string') {
		try {
			const parsed: unknown = JSON.parse(data);
			return parsed && typeof parsed === 'object' ? (parsed as IDataObject) : {};
		} catch {
			return {};
		}
	}
	return data && typeof data === 'object' ? (data as IDataObject) : {};
}

export class Bangwo8OAuth2Api implements ICredentialType {
	name = 'bangwo8OAuth2Api';

	displayName = 'Bangwo8 OAuth2 API';

	icon: Icon = { light: 'file:../icons/bangwo8.svg', dark: 'file:../icons/bangwo8.dark.svg' };

	documentationUrl =
		'https://github.com/byrobot-bangwo8/n8n-nodes-byrobot-bangwo8#bangwo8-oauth2-api-credential';

	properties: INodeProperties[] = [
		{
			displayName: 'SecretID',
			name: 'clientId',
			type: 'string',
			default: '',
			required: true,
			description: 'The SecretID the admin created in the Bangwo8 back office under 后台 → API接口',
		},
		{
			displayName: 'Secret',
			name: 'clientSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The Secret shown next to the SecretID under 后台 → API接口',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: DEFAULT_BASE_URL,
			description:
				'Change only for the vendor test host (https://abtest.bangwo8.com) or a private deployment. The token is requested from <Base URL>/api/token.php.',
		},
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
	];

	/**
	 * Client credentials grant: Basic base64(SecretID:Secret) and grant_type=client_credentials.
	 * n8n calls this when the stored token is empty and again when a request answers 401.
	 */
	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		const key = `${bangwo8BaseUrl(credentials)}\n${String(credentials.clientId)}\n${String(credentials.clientSecret)}`;
		let pending = tokenRequests.get(key);
		if (!pending) {
			pending = requestToken(this, credentials);
			tokenRequests.set(key, pending);
			const forget = () => {
				tokenRequests.delete(key);
			};
			pending.then(forget, forget);
		}
		return { accessToken: await pending };
	}

	// The token preAuthentication fetched (n8n runs it first), at the credential's Base URL.
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		useCredentialBaseUrl(credentials, requestOptions);
		requestOptions.headers = {
			...(requestOptions.headers ?? {}),
			Authorization: `Bearer ${String(credentials.accessToken ?? '')}`,
		};
		return requestOptions;
	}

	test: ICredentialTestRequest = {
		request: {
			baseURL:
				'={{ String($credentials.baseUrl || "https://www.bangwo8.com").replace(/\\/+$/, "") }}',
			url: '/api/v1/callTask.json',
			method: 'GET',
			qs: { per_page: 1 },
		},
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message:
						'Bangwo8 rejected the access token (HTTP 401). Check the SecretID, the Secret and the Base URL.',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 403,
					message:
						'Bangwo8 refused access (HTTP 403): the SecretID and Secret must belong to the main admin account.',
				},
			},
		],
	};
}
