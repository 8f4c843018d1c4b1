// Shared set-up for the Byrobot node tests: one sandbox per test file, the node run through
// the harness with the sandbox's credentials, and checks on what the sandbox received.
import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { byrobotSignature } from '../../credentials/ByrobotApi.credentials';
import { Byrobot } from '../../nodes/Byrobot/Byrobot.node';
import { listSearch, loadOptions, runNode } from '../harness';
import {
	ByrobotSandbox,
	SANDBOX_APP_KEY,
	SANDBOX_APP_SECRET,
	type RecordedRequest,
} from '../sandbox/byrobot';

export { SANDBOX_APP_KEY, SANDBOX_APP_SECRET };

export function useSandbox(): { sandbox: ByrobotSandbox; baseUrl: () => string } {
	const sandbox = new ByrobotSandbox();
	let url = '';
	beforeAll(async () => {
		url = await sandbox.start();
	});
	afterAll(async () => sandbox.stop());
	beforeEach(() => sandbox.reset());
	return { sandbox, baseUrl: () => url };
}

export const rl = (value: number | string, mode: 'list' | 'id' = 'list') => ({
	__rl: true,
	mode,
	value: String(value),
});

export interface RunArgs {
	items?: IDataObject[];
	continueOnFail?: boolean;
	appSecret?: string;
}

export function runner(baseUrl: () => string) {
	const credentials = (appSecret: string = SANDBOX_APP_SECRET) => ({
		byrobotApi: { appKey: SANDBOX_APP_KEY, appSecret, baseUrl: baseUrl() },
	});
	return {
		run: async (parameters: INodeParameters, args: RunArgs = {}): Promise<INodeExecutionData[]> =>
			await runNode({
				node: new Byrobot(),
				parameters,
				items: args.items,
				continueOnFail: args.continueOnFail,
				credentials: credentials(args.appSecret),
			}),
		load: async (method: string, parameters: INodeParameters) =>
			await loadOptions({ node: new Byrobot(), parameters, credentials: credentials() }, method),
		search: async (method: string, parameters: INodeParameters, filter?: string, token?: string) =>
			await listSearch(
				{ node: new Byrobot(), parameters, credentials: credentials() },
				method,
				filter,
				token,
			),
	};
}

/** The request carried a valid signature and never the secret itself. */
export function expectSigned(request: RecordedRequest): void {
	expect(request.headers.appkey).toBe(SANDBOX_APP_KEY);
	expect(String(request.headers.datetime)).toMatch(
		/^\w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} GMT$/,
	);
	expect(request.headers.sign).toBe(
		byrobotSignature(SANDBOX_APP_KEY, SANDBOX_APP_SECRET, String(request.headers.datetime)),
	);
	expect(JSON.stringify(request)).not.toContain(SANDBOX_APP_SECRET);
}

/** One request, exactly: method, path, query and body as the sandbox received them. */
export function expectOnlyRequest(
	sandbox: ByrobotSandbox,
	expected: { method: string; path: string; query?: IDataObject; body?: unknown },
): RecordedRequest {
	expect(sandbox.requests).toHaveLength(1);
	const [request] = sandbox.requests;
	expect(request.method).toBe(expected.method);
	expect(request.path).toBe(expected.path);
	expect(request.query).toEqual(expected.query ?? {});
	expect(request.body).toEqual(expected.body);
	if (expected.method === 'POST') {
		expect(String(request.headers['content-type'])).toMatch(/application\/json/);
	}
	expectSigned(request);
	return request;
}

export const jsonOf = (items: INodeExecutionData[]) => items.map((item) => item.json);
export const pairedOf = (items: INodeExecutionData[]) => items.map((item) => item.pairedItem);

/** For `.then(expectedFailure, (e) => e)`: the run was meant to throw. */
export function expectedFailure(): never {
	throw new Error('expected the node to fail, but it succeeded');
}
