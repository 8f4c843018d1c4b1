// Shared set-up of the Bangwo8 node tests: the node, both ways of authenticating, and
// what each of them puts in the Authorization header.
import type { ICredentialDataDecryptedObject, INodeParameters } from 'n8n-workflow';

import { Bangwo8 } from '../../nodes/Bangwo8/Bangwo8.node';
import { runNode, TestCredentialsHelper, type RunOptions } from '../harness';
import { allCredentialTypes } from '../harness/registry';
import { Bangwo8Sandbox, SANDBOX_ADMIN, SANDBOX_OAUTH } from '../sandbox/bangwo8';

export const node = new Bangwo8();

export const BASIC_HEADER = `Basic ${Buffer.from(`${SANDBOX_ADMIN.account}:${SANDBOX_ADMIN.password}`).toString('base64')}`;
export const CLIENT_HEADER = `Basic ${Buffer.from(`${SANDBOX_OAUTH.apiId}:${SANDBOX_OAUTH.secret}`).toString('base64')}`;

export interface AuthCase {
	name: 'Basic' | 'OAuth2';
	authentication: 'basicAuth' | 'oAuth2';
	/** The credential data as the user saved it. */
	credentials(baseUrl: string): Record<string, ICredentialDataDecryptedObject>;
	/** The Authorization header the API requests must carry. */
	expectedAuthorization(sandbox: Bangwo8Sandbox): string;
}

export function helperWith(credentials: Record<string, ICredentialDataDecryptedObject>) {
	return new TestCredentialsHelper(allCredentialTypes(), credentials);
}

/** A node run with one way of authenticating; pass `credentialsHelper` to keep a token across runs. */
export async function run(
	auth: AuthCase,
	baseUrl: string,
	parameters: INodeParameters,
	options: Omit<RunOptions, 'node' | 'parameters'> = {},
) {
	const credentials = auth.credentials(baseUrl);
	return await runNode({
		node,
		parameters: { authentication: auth.authentication, ...parameters },
		credentials,
		credentialsHelper: options.credentialsHelper ?? helperWith(credentials),
		...options,
	});
}

export const AUTH_CASES: AuthCase[] = [
	{
		name: 'Basic',
		authentication: 'basicAuth',
		credentials: (baseUrl) => ({ bangwo8Api: { ...SANDBOX_ADMIN, baseUrl } }),
		expectedAuthorization: () => BASIC_HEADER,
	},
	{
		name: 'OAuth2',
		authentication: 'oAuth2',
		credentials: (baseUrl) => ({ bangwo8OAuth2Api: { ...SANDBOX_OAUTH, baseUrl } }),
		expectedAuthorization: (sandbox) => {
			const tokens = [...sandbox.tokens.keys()];
			if (tokens.length !== 1)
				throw new Error(`expected exactly one issued token, got ${tokens.length}`);
			return `Bearer ${tokens[0]}`;
		},
	},
];

/** The API requests (the token endpoint left out). */
export function apiRequests(sandbox: Bangwo8Sandbox) {
	return sandbox.requests.filter((r) => r.path !== '/api/token.php');
}

export function tokenRequests(sandbox: Bangwo8Sandbox) {
	return sandbox.requests.filter((r) => r.path === '/api/token.php');
}

/** What a failed run threw, as the tests read it. */
export interface CaughtError {
	message: string;
	description?: string;
	httpCode?: string | null;
	context?: { itemIndex?: number };
	constructor: { name: string };
}

/** The error a run that must fail threw (the test fails if it did not). */
export async function failure(promise: Promise<unknown>): Promise<CaughtError> {
	try {
		await promise;
	} catch (error) {
		return error as CaughtError;
	}
	throw new Error('expected the run to fail');
}
