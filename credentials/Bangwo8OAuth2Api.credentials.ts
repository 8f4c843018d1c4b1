import type {
	ICredentialDataDecryptedObject,
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	ICredentialTestRequest,
	ICredentialType,
	IDataObject,
	IHttpRequestHelper,
	IHttpRequestOptions,
	Icon,
	INodeCredentialTestResult,
	INodeProperties,
} from 'n8n-workflow';

import {
	BASE_URL_HINT,
	bangwo8BaseUrl,
	callTaskTest,
	callTaskTestResult,
	DEFAULT_BASE_URL,
	testCallTaskList,
	useCredentialBaseUrl,
} from './Bangwo8Api.credentials';
import {
	baseUrlProblem,
	checkBeforeTest,
	failed,
	isTestRequest,
	noAnswerMessage,
	notTheApi,
	testRequest,
	type TestAnswer,
} from './connectionTest';

/**
 * The SecretID and Secret, stored as apiId / secret: n8n's editor relabels any credential field
 * named clientId / clientSecret as "Client ID" / "Client Secret", while Bangwo8's back office
 * says SecretID / Secret (and a field named *secret* must be masked, so not "secretId").
 * Credentials saved by 0.1.0 under clientId / clientSecret still work.
 */
function clientOf(credentials: ICredentialDataDecryptedObject): { id: string; secret: string } {
	return {
		id: String(credentials.apiId || credentials.clientId || '').trim(),
		secret: String(credentials.secret || credentials.clientSecret || '').trim(),
	};
}

/**
 * Token requests in flight, so that items running at the same time share one token request
 * instead of each fetching its own. Entries live only while their request runs.
 */
const tokenRequests = new Map<string, Promise<string>>();

/** The token request: POST <Base URL>/api/token.php, Basic base64(SecretID:Secret). */
function tokenRequest(credentials: ICredentialDataDecryptedObject) {
	const client = clientOf(credentials);
	if (!client.id || !client.secret) {
		throw new Error(
			'Bangwo8 OAuth2: enter the SecretID and the Secret that the admin created under 后台 → API接口',
		);
	}
	return {
		url: `${bangwo8BaseUrl(credentials)}/api/token.php`,
		headers: {
			Accept: 'application/json',
			'Content-Type': 'application/x-www-form-urlencoded',
			Authorization: `Basic ${Buffer.from(`${client.id}:${client.secret}`).toString('base64')}`,
		},
		body: 'grant_type=client_credentials',
	};
}

/**
 * The token in the token endpoint's answer, or the error that says why there is none: Bangwo8's
 * refusal (invalid_client: the SecretID or Secret), or an answer that is not an OAuth one at all
 * (a web page: the Base URL).
 */
function tokenFrom(answer: TestAnswer, baseUrl: string): string {
	const data = parseBody(answer.json ?? answer.text);
	const token = data.access_token ?? (data.data as IDataObject | undefined)?.access_token;
	if (!('error' in data) && token === undefined) {
		throw new Error(notTheApi(answer, baseUrl, 'Bangwo8', BASE_URL_HINT));
	}
	if (answer.status >= 400 || 'error' in data) {
		const reason = [data.error, data.error_description].filter(Boolean).join(': ');
		const hint =
			answer.status === 401 || data.error === 'invalid_client'
				? ' Check the SecretID and the Secret (后台 → API接口) and the Base URL.'
				: '';
		throw new Error(
			`Bangwo8 refused to issue an OAuth2 access token (HTTP ${answer.status})${reason ? `: ${reason}` : ''}.${hint}`,
		);
	}
	if (typeof token !== 'string' || token === '') {
		throw new Error('Bangwo8 answered the OAuth2 token request without an access_token');
	}
	return token;
}

async function requestToken(
	helper: IHttpRequestHelper,
	credentials: ICredentialDataDecryptedObject,
): Promise<string> {
	const request = tokenRequest(credentials);
	let response: { statusCode: number; body: unknown };
	try {
		response = (await helper.helpers.httpRequest({
			method: 'POST',
			...request,
			json: false,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
		})) as { statusCode: number; body: unknown };
	} catch (error) {
		// No answer at all (refused, DNS, timeout): say which field to check (the Test button shows
		// this). A node finds the code in `cause` and explains it as any other request's; a code on
		// this error itself would make n8n's Test show its generic message instead.
		throw new Error(noAnswerMessage(error, request.url, BASE_URL_HINT), { cause: error });
	}
	const text = typeof response.body === 'string' ? response.body : JSON.stringify(response.body);
	return tokenFrom(
		{ status: Number(response.statusCode), text, json: parseJson(response.body) },
		bangwo8BaseUrl(credentials),
	);
}

function parseJson(body: unknown): unknown {
	if (typeof body !== 'string') return body;
	try {
		return JSON.parse(body) as unknown;
	} catch {
		return undefined;
	}
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

/**
 * The Bangwo8 OAuth2 API credential's Test check (run by authenticate() for the Test's request): always asks Bangwo8 for
 * a fresh token with the SecretID and Secret in the form — never the stored token, which would
 * pass for a mistyped or rotated Secret until it expires — then reads one call task with it.
 * Nothing is stored by the check: n8n keeps the token of its own request.
 */
export async function testBangwo8OAuth2Api(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	const data = credential.data ?? {};
	const baseUrl = bangwo8BaseUrl(data);
	let request;
	try {
		request = tokenRequest(data);
	} catch (error) {
		return failed((error as Error).message);
	}
	const problem = baseUrlProblem(baseUrl, 'Base URL');
	if (problem) return failed(`${problem} ${BASE_URL_HINT}`);
	const answer = await testRequest(this, { method: 'POST', ...request }, BASE_URL_HINT);
	if ('noAnswer' in answer) return failed(answer.noAnswer);
	let token: string;
	try {
		token = tokenFrom(answer, baseUrl);
	} catch (error) {
		return failed((error as Error).message);
	}
	const list = await testCallTaskList(this, baseUrl, `Bearer ${token}`);
	if (!('text' in list)) return list;
	return callTaskTestResult(list, baseUrl, {
		401: 'Bangwo8 issued a token but rejected it (HTTP 401). Check the Base URL: the token and the API must come from the same help desk.',
		403: 'Bangwo8 refused access (HTTP 403): the SecretID and Secret must belong to the main admin account.',
	});
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
			name: 'apiId',
			type: 'string',
			default: '',
			required: true,
			description: 'The SecretID the admin created in the Bangwo8 back office under 后台 → API接口',
		},
		{
			displayName: 'Secret',
			name: 'secret',
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
		const client = clientOf(credentials);
		const key = `${bangwo8BaseUrl(credentials)}\n${client.id}\n${client.secret}`;
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
		// The Test button: testBangwo8OAuth2Api asks for a fresh token with the form's SecretID and
		// Secret (never the stored token) and explains what is wrong before n8n sends the request.
		if (isTestRequest(requestOptions)) {
			await checkBeforeTest(testBangwo8OAuth2Api, this.name, credentials);
		}
		useCredentialBaseUrl(credentials, requestOptions);
		requestOptions.headers = {
			...(requestOptions.headers ?? {}),
			Authorization: `Bearer ${String(credentials.accessToken ?? '')}`,
		};
		return requestOptions;
	}

	// The Test button's request (marked: authenticate() runs testBangwo8OAuth2Api first).
	test: ICredentialTestRequest = callTaskTest(
		'Check the SecretID, the Secret and the Base URL (后台 → API接口).',
	);
}
