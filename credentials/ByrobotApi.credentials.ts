import { createHmac } from 'crypto';
import type {
	ICredentialDataDecryptedObject,
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	ICredentialTestRequest,
	ICredentialType,
	IDataObject,
	IHttpRequestOptions,
	Icon,
	INodeCredentialTestResult,
	INodeProperties,
} from 'n8n-workflow';

import { ENVELOPE_CODES } from '../nodes/Byrobot/shared/errors';
import {
	baseUrlProblem,
	checkBeforeTest,
	failed,
	isTestRequest,
	notTheApi,
	ok,
	originOf,
	TEST_MARKER,
	testRequest,
} from './connectionTest';

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
			displayName: 'AppKey',
			name: 'appKey',
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
		// The Test button: testByrobotApi explains what is wrong before n8n sends the request.
		if (isTestRequest(requestOptions))
			await checkBeforeTest(testByrobotApi, this.name, credentials);
		const relative = !/^[a-z][a-z\d+.-]*:\/\//i.test(requestOptions.url ?? '');
		if (relative && (!requestOptions.baseURL || requestOptions.baseURL === DEFAULT_BASE_URL)) {
			requestOptions.baseURL = byrobotBaseUrl(credentials);
		}
		const appKey = String(credentials.appKey ?? '').trim();
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

	// The Test button's request (marked: authenticate() runs testByrobotApi first); the rules are
	// the same table's words, should an answer change between the check and this request.
	test: ICredentialTestRequest = {
		request: {
			baseURL:
				'={{ String($credentials.baseUrl || "https://api.byrobot.cn").replace(/\\/+$/, "") }}',
			url: '/openapi/v1/company/getCompanys',
			method: 'GET',
			headers: { [TEST_MARKER]: '1' },
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

/** What to do about the Base URL, for the Test's messages. */
const BASE_URL_HINT = `Check the Base URL of the Byrobot API credential: leave ${DEFAULT_BASE_URL} unless you run a private deployment of BYRobot.`;

/**
 * The Test button's check (run by authenticate() for the Test's request): one signed GET of the companies bound to
 * the AppKey (getCompanys). Passes only for BYRobot's envelope with code 200; a Base URL that
 * refuses the connection or answers anything but BYRobot's envelope (a web page, other JSON, an
 * HTTP error of another service) is named as the field to fix, each envelope code in the words
 * of the node's error table.
 */
export async function testByrobotApi(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	const data = credential.data ?? {};
	const appKey = String(data.appKey ?? '').trim();
	const appSecret = String(data.appSecret ?? '').trim();
	const baseUrl = byrobotBaseUrl(data);
	if (!appKey || !appSecret) {
		return failed(
			'Enter the AppKey and the AppSecret from 系统管理 → 系统设置 → API配置 (System Management → System Settings → API Configuration).',
		);
	}
	const problem = baseUrlProblem(baseUrl, 'Base URL');
	if (problem) return failed(`${problem} ${BASE_URL_HINT}`);
	const datetime = new Date().toUTCString();
	const answer = await testRequest(
		this,
		{
			method: 'GET',
			url: `${baseUrl}/openapi/v1/company/getCompanys`,
			headers: {
				Accept: 'application/json',
				appkey: appKey,
				datetime,
				sign: byrobotSignature(appKey, appSecret, datetime),
			},
		},
		BASE_URL_HINT,
	);
	if ('noAnswer' in answer) return failed(answer.noAnswer);
	const json = answer.json;
	const envelope =
		json && typeof json === 'object' && !Array.isArray(json) ? (json as IDataObject) : undefined;
	const code = Number(envelope?.code);
	if (
		!envelope ||
		!Number.isInteger(code) ||
		!('data' in envelope || 'resultMsg' in envelope || 'msg' in envelope)
	) {
		return failed(notTheApi(answer, baseUrl, 'BYRobot', BASE_URL_HINT));
	}
	if (code === 200) {
		const companies = Array.isArray(envelope.data) ? envelope.data.length : undefined;
		const bound =
			companies === undefined
				? ''
				: `: ${companies} ${companies === 1 ? 'company is' : 'companies are'} bound to this AppKey`;
		return ok(`Connected to BYRobot at ${originOf(baseUrl)}${bound}`);
	}
	const known = ENVELOPE_CODES[code];
	const said = String(envelope.resultMsg ?? envelope.msg ?? '').trim();
	return failed(
		known
			? `BYRobot answered code ${code} (${known.meaning}). ${known.hint}`
			: `BYRobot answered code ${code}${said ? `: ${said}` : ''}.`,
	);
}
