import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

/** Bangwo8's public host, the default Base URL (and the Bangwo8 node's requestDefaults.baseURL). */
export const DEFAULT_BASE_URL = 'https://www.bangwo8.com';

/** The credential's Base URL without trailing slashes (the public host when left empty). */
export function bangwo8BaseUrl(credentials: ICredentialDataDecryptedObject): string {
	return String(credentials.baseUrl || DEFAULT_BASE_URL).replace(/\/+$/, '');
}

/**
 * The credential's Base URL in place of the node's plain default host (docs/design.md#base-url).
 * Requests with a full URL of their own (HTTP Request node, the dropdowns) are left alone.
 */
export function useCredentialBaseUrl(
	credentials: ICredentialDataDecryptedObject,
	requestOptions: IHttpRequestOptions,
): void {
	const relative = !/^[a-z][a-z\d+.-]*:\/\//i.test(requestOptions.url ?? '');
	if (relative && (!requestOptions.baseURL || requestOptions.baseURL === DEFAULT_BASE_URL)) {
		requestOptions.baseURL = bangwo8BaseUrl(credentials);
	}
}

export class Bangwo8Api implements ICredentialType {
	name = 'bangwo8Api';

	displayName = 'Bangwo8 API';

	icon: Icon = { light: 'file:../icons/bangwo8.svg', dark: 'file:../icons/bangwo8.dark.svg' };

	documentationUrl =
		'https://github.com/byrobot-bangwo8/n8n-nodes-byrobot-bangwo8#bangwo8-api-credential';

	properties: INodeProperties[] = [
		{
			displayName: 'Account',
			name: 'account',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'admin@example.com',
			description:
				'The main (admin) account of your Bangwo8 help desk: the call task API needs the admin role',
		},
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: DEFAULT_BASE_URL,
			description:
				'Change only for the vendor test host (https://abtest.bangwo8.com) or a private deployment',
		},
	];

	// HTTP Basic with the account and password, at the credential's Base URL.
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		useCredentialBaseUrl(credentials, requestOptions);
		requestOptions.auth = {
			username: String(credentials.account ?? ''),
			password: String(credentials.password ?? ''),
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
						'Bangwo8 rejected the account or password (HTTP 401). Use the main admin account and its login password.',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 403,
					message:
						'Bangwo8 refused access (HTTP 403): the call task API needs the main admin account, not an agent account.',
				},
			},
		],
	};
}
