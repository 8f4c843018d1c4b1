import { createHmac } from 'crypto';
import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

/** BYRobot's public API host, the default Base URL. */
export const DEFAULT_BASE_URL = 'https://api.byrobot.cn';

/** The credential's Base URL without trailing slashes (the public host when left empty). */
export function byrobotBaseUrl(credentials: ICredentialDataDecryptedObject): string {
	return String(credentials.baseUrl || DEFAULT_BASE_URL).replace(/\/+$/, '');
}

/**
 * BYRobot signs AppKey and the request time only (not method, path or body):
 * sign = base64(HMAC-SHA1(key = AppSecret, message = AppKey + "\n" + datetime)).
 */
export function byrobotSignature(appKey: string, appSecret: string, datetime: string): string {
	return createHmac('sha1', appSecret).update(`${appKey}\n${datetime}`, 'utf8').digest('base64');
}

export class ByrobotApi implements ICredentialType {
	name = 'byrobotApi';

	displayName = 'Byrobot API';

	icon: Icon = { light: 'file:../icons/byrobot.svg', dark: 'file:../icons/byrobot.dark.svg' };

	documentationUrl =
		'https://github.com/byrobot-bangwo8/n8n-nodes-byrobot-bangwo8#byrobot-api-credential';

	properties: INodeProperties[] = [
		{
			// Stored as appId: the AppKey is a public identifier (sent in clear in the appkey header),
			// and n8n's two lint sets disagree on masking any field whose name contains "key".
			displayName: 'AppKey',
			name: 'appId',
			type: 'string',
			default: '',
			required: true,
			description:
				'Issued to the CRM super-admin under 系统管理 → 系统设置 → API配置 (System Management → System Settings → API Configuration)',
		},
		{
			displayName: 'AppSecret',
			name: 'appSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'Shown next to the AppKey. It signs every request and is never sent itself.',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: DEFAULT_BASE_URL,
			description: 'Change only for a private deployment of BYRobot',
		},
	];

	// A fresh datetime per request: the server rejects one more than 3 minutes off (code 408).
	// The Byrobot node's requestDefaults name the public host as a plain string (n8n would
	// evaluate an expression there twice for every input item); a private deployment's Base URL
	// replaces it here. Requests with a full URL of their own (HTTP Request node) are left alone.
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const relative = !/^[a-z][a-z\d+.-]*:\/\//i.test(requestOptions.url ?? '');
		if (relative && (!requestOptions.baseURL || requestOptions.baseURL === DEFAULT_BASE_URL)) {
			requestOptions.baseURL = byrobotBaseUrl(credentials);
		}
		const appKey = String(credentials.appId ?? '').trim();
		const appSecret = String(credentials.appSecret ?? '').trim();
		const datetime = new Date().toUTCString();
		requestOptions.headers = {
			...(requestOptions.headers ?? {}),
			appkey: appKey,
			datetime,
			sign: byrobotSignature(appKey, appSecret, datetime),
		};
		return requestOptions;
	}

	// n8n's credential tester shows a rule's fixed message when the body matches it,
	// so each documented envelope code gets its own cause and fix.
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{ String($credentials.baseUrl || "https://api.byrobot.cn").replace(/\\/+$/, "") }}',
			url: '/openapi/v1/company/getCompanys',
			method: 'GET',
		},
		rules: [
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'code',
					value: 401,
					message:
						'BYRobot rejected the signature (code 401: validation failed). Check that AppKey and AppSecret are copied exactly from 系统管理 → 系统设置 → API配置.',
				},
			},
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'code',
					value: 403,
					message:
						'BYRobot answered code 403 (no permission): this AppKey is not allowed to list companies. Ask the CRM super-admin to bind the company to the AppKey.',
				},
			},
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'code',
					value: 404,
					message:
						'BYRobot answered code 404 (not found): check the Base URL (default https://api.byrobot.cn).',
				},
			},
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'code',
					value: 408,
					message:
						'BYRobot answered code 408: the request time is more than 3 minutes off the server clock. Check the clock of the n8n host (enable NTP time sync); the signature uses real UTC time.',
				},
			},
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'code',
					value: 412,
					message: 'BYRobot answered code 412 (bad parameter) to the credential check.',
				},
			},
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'code',
					value: 500,
					message: 'BYRobot answered code 500 (unknown error). Try again later.',
				},
			},
		],
	};
}
