import { createHmac } from 'crypto';
import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

import { ENVELOPE_CODES } from '../nodes/Byrobot/shared/errors';

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
	// A private deployment's Base URL replaces the node's plain default host here
	// (docs/design.md#base-url); requests with a full URL of their own are left alone.
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

	// n8n's credential tester shows a rule's fixed message when the body matches it: one rule per
	// documented envelope code, worded from the node's own table.
	test: ICredentialTestRequest = {
		request: {
			baseURL:
				'={{ String($credentials.baseUrl || "https://api.byrobot.cn").replace(/\\/+$/, "") }}',
			url: '/openapi/v1/company/getCompanys',
			method: 'GET',
		},
		rules: Object.entries(ENVELOPE_CODES).map(([code, { meaning, hint }]) => ({
			type: 'responseSuccessBody' as const,
			properties: {
				key: 'code',
				value: Number(code),
				message: `BYRobot answered code ${code} (${meaning}). ${hint}`,
			},
		})),
	};
}
