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
	type TestAnswer,
} from './connectionTest';

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
		// The Test button: testBangwo8Api explains what is wrong before n8n sends the request.
		if (isTestRequest(requestOptions))
			await checkBeforeTest(testBangwo8Api, this.name, credentials);
		useCredentialBaseUrl(credentials, requestOptions);
		requestOptions.auth = {
			username: String(credentials.account ?? ''),
			password: String(credentials.password ?? ''),
		};
		return requestOptions;
	}

	// The Test button's request (marked: authenticate() runs testBangwo8Api first).
	test: ICredentialTestRequest = callTaskTest('Use the main admin account and its login password.');
}

/** The Test button's request of both Bangwo8 credentials, marked for their authenticate(). */
export function callTaskTest(fix401: string): ICredentialTestRequest {
	return {
		request: {
			baseURL:
				'={{ String($credentials.baseUrl || "https://www.bangwo8.com").replace(/\\/+$/, "") }}',
			url: '/api/v1/callTask.json',
			method: 'GET',
			qs: { per_page: 1 },
			headers: { [TEST_MARKER]: '1' },
		},
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message: `Bangwo8 rejected the credential (HTTP 401). ${fix401}`,
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 403,
					message:
						'Bangwo8 refused access (HTTP 403): the call task API needs the main admin account.',
				},
			},
		],
	};
}

/** What to do about the Base URL, for the Tests' messages (both Bangwo8 credentials). */
export const BASE_URL_HINT = `Check the Base URL of the credential: ${DEFAULT_BASE_URL} (or the vendor test host https://abtest.bangwo8.com, or your private deployment).`;

function isObject(value: unknown): value is IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A body Bangwo8 sends: the list, or one of its error bodies ({errcode, errmsg}, {Status, message}). */
function isBangwo8Body(json: unknown): json is IDataObject {
	return (
		isObject(json) &&
		('callTask' in json || 'errcode' in json || 'errmsg' in json || 'Status' in json)
	);
}

/**
 * Reads the answer to a Test's `GET /api/v1/callTask.json?per_page=1` (both Bangwo8 credentials):
 * the list passes; 401 and 403 say what to fix for the way of signing in; anything that is not
 * Bangwo8's answer names the Base URL.
 */
export function callTaskTestResult(
	answer: TestAnswer,
	baseUrl: string,
	rejected: { 401: string; 403: string },
): INodeCredentialTestResult {
	const json = answer.json;
	if (!isBangwo8Body(json)) {
		return failed(notTheApi(answer, baseUrl, 'Bangwo8', BASE_URL_HINT));
	}
	if (answer.status === 401 || answer.status === 403) return failed(rejected[answer.status]);
	const errcode = json.errcode === undefined ? undefined : String(json.errcode);
	const status = json.Status === undefined ? undefined : String(json.Status);
	if (
		answer.status >= 400 ||
		(errcode && errcode !== '0') ||
		(status && !/^(200|0)$/.test(status))
	) {
		const said = String(json.errmsg ?? json.message ?? '').trim();
		return failed(
			`Bangwo8 answered HTTP ${answer.status}${errcode ? `, errcode ${errcode}` : ''}${said ? `: ${said}` : ''}. Try again later; if it persists, check Bangwo8's status.`,
		);
	}
	return ok(`Connected to Bangwo8 at ${originOf(baseUrl)}`);
}

/** Sends the Tests' list request with an Authorization header; a missing answer becomes an error result. */
export async function testCallTaskList(
	context: ICredentialTestFunctions,
	baseUrl: string,
	authorization: string,
): Promise<TestAnswer | INodeCredentialTestResult> {
	const answer = await testRequest(
		context,
		{
			method: 'GET',
			url: `${baseUrl}/api/v1/callTask.json?per_page=1`,
			headers: { Accept: 'application/json', Authorization: authorization },
		},
		BASE_URL_HINT,
	);
	return 'noAnswer' in answer ? failed(answer.noAnswer) : answer;
}

/**
 * The Bangwo8 API credential's Test check (run by authenticate() for the Test's request): reads one call task with the
 * account and password (HTTP Basic), and tells a wrong password (401) from a non-admin account
 * (403) and from a Base URL that is not Bangwo8.
 */
export async function testBangwo8Api(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	const data = credential.data ?? {};
	const account = String(data.account ?? '');
	const password = String(data.password ?? '');
	const baseUrl = bangwo8BaseUrl(data);
	if (!account.trim() || !password) {
		return failed('Enter the account and the password of the main (admin) account.');
	}
	const problem = baseUrlProblem(baseUrl, 'Base URL');
	if (problem) return failed(`${problem} ${BASE_URL_HINT}`);
	const answer = await testCallTaskList(
		this,
		baseUrl,
		`Basic ${Buffer.from(`${account}:${password}`).toString('base64')}`,
	);
	if (!('text' in answer)) return answer;
	return callTaskTestResult(answer, baseUrl, {
		401: 'Bangwo8 rejected the account or password (HTTP 401). Use the main admin account and its login password.',
		403: 'Bangwo8 refused access (HTTP 403): the call task API needs the main admin account, not an agent account.',
	});
}
