// Runs our nodes through n8n's own execution engine: RoutingNode from n8n-core (what n8n's
// WorkflowExecute uses for declarative nodes), real HTTP, and our credentials applied the way
// n8n applies them. A test reads: run operation X with parameters P on items I; expect the
// sandbox to have received requests R and the node to output O.
import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

// n8n-core reads its user folder at import time: give it a throwaway one.
process.env.N8N_USER_FOLDER ??= mkdtempSync(join(tmpdir(), 'n8n-test-'));

import { DirectoryLoader, LoadOptionsContext, RoutingNode, ExecuteContext } from 'n8n-core';
import {
	createRunExecutionData,
	Workflow,
	type ICredentialDataDecryptedObject,
	type ICredentialType,
	type ICredentialTestRequest,
	type IDataObject,
	type INode,
	type INodeExecutionData,
	type INodeListSearchResult,
	type INodeParameters,
	type INodePropertyOptions,
	type INodeType,
	type INodeTypes,
	type IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';

import { TestCredentialsHelper } from './credentials-helper';
import { allCredentialTypes } from './registry';

export { TestCredentialsHelper };

export interface RunOptions {
	/** An instance of the node class under test. */
	node: INodeType;
	parameters: INodeParameters;
	/** Input items (plain JSON or full execution data); one empty item by default. */
	items?: Array<IDataObject | INodeExecutionData>;
	/** Decrypted credential data by credential type name. */
	credentials?: Record<string, ICredentialDataDecryptedObject>;
	continueOnFail?: boolean;
	/** Reuse a helper across runs (e.g. to keep a fetched OAuth2 token). */
	credentialsHelper?: TestCredentialsHelper;
}

const NODE_NAME = 'Node Under Test';

function nodeTypesFor(nodeType: INodeType): INodeTypes {
	return {
		getByName: () => nodeType,
		getByNameAndVersion: () => nodeType,
		getKnownTypes: () => ({}),
	} as unknown as INodeTypes;
}

function buildWorkflow(options: RunOptions): { workflow: Workflow; node: INode } {
	// As n8n's loader does: a declarative node gets the Request Options (Timeout, Proxy, …).
	DirectoryLoader.applyDeclarativeNodeOptionParameters(options.node);
	const description = options.node.description;
	const credentials: INode['credentials'] = {};
	for (const credential of description.credentials ?? []) {
		if (options.credentials?.[credential.name]) {
			credentials[credential.name] = { id: `cred-${credential.name}`, name: credential.name };
		}
	}
	const node: INode = {
		id: 'node-under-test',
		name: NODE_NAME,
		type: `CUSTOM.${description.name}`,
		typeVersion: Array.isArray(description.version)
			? Math.max(...description.version)
			: description.version,
		position: [0, 0],
		parameters: options.parameters,
		credentials,
		...(options.continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
	};
	const workflow = new Workflow({
		id: 'test-workflow',
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: nodeTypesFor(options.node),
	});
	// The Workflow fills in parameter defaults the way n8n does when it loads a workflow.
	return { workflow, node: workflow.getNode(NODE_NAME)! };
}

export function additionalDataFor(helper: TestCredentialsHelper): IWorkflowExecuteAdditionalData {
	return {
		credentialsHelper: helper,
		restApiUrl: 'http://localhost:5678/rest',
		instanceBaseUrl: 'http://localhost:5678/',
		formBaseUrl: 'http://localhost:5678/form',
		formWaitingBaseUrl: 'http://localhost:5678/form-waiting',
		formTestBaseUrl: 'http://localhost:5678/form-test',
		webhookBaseUrl: 'http://localhost:5678/webhook',
		webhookWaitingBaseUrl: 'http://localhost:5678/webhook-waiting',
		webhookTestBaseUrl: 'http://localhost:5678/webhook-test',
		mcpBaseUrl: 'http://localhost:5678/mcp',
		mcpTestBaseUrl: 'http://localhost:5678/mcp-test',
		currentNodeExecutionIndex: 0,
		variables: {},
		logAiEvent: () => {},
		executeWorkflow: async () => {
			throw new Error('not available in tests');
		},
		getRunExecutionData: async () => undefined,
		getRuntimeCredential: async () => undefined,
		startRunnerTask: async () => {
			throw new Error('not available in tests');
		},
	} as unknown as IWorkflowExecuteAdditionalData;
}

function toItems(items: RunOptions['items']): INodeExecutionData[] {
	const list = items ?? [{}];
	return list.map((item, index) =>
		'json' in item && typeof item.json === 'object'
			? (item as INodeExecutionData)
			: { json: item as IDataObject, pairedItem: { item: index } },
	);
}

export function helperFor(options: Pick<RunOptions, 'credentials' | 'credentialsHelper'>) {
	return (
		options.credentialsHelper ??
		new TestCredentialsHelper(allCredentialTypes(), { ...(options.credentials ?? {}) })
	);
}

/** Runs the node once on the items and returns its main output. Errors propagate as n8n throws them. */
export async function runNode(options: RunOptions): Promise<INodeExecutionData[]> {
	const { workflow, node } = buildWorkflow(options);
	const helper = helperFor(options);
	const inputItems = toItems(options.items);
	const inputData = { main: [inputItems] };
	const executeData = {
		node,
		data: inputData,
		source: { main: [{ previousNode: 'Input' }] },
	};
	const context = new ExecuteContext(
		workflow,
		node,
		additionalDataFor(helper),
		'manual',
		createRunExecutionData(),
		0,
		inputItems,
		inputData,
		executeData,
		[],
	);
	const output = await new RoutingNode(context, options.node).runNode();
	return (output?.[0] ?? []) as INodeExecutionData[];
}

function loadOptionsContext(options: RunOptions, path: string) {
	const { workflow, node } = buildWorkflow(options);
	const helper = helperFor(options);
	return new LoadOptionsContext(workflow, node, additionalDataFor(helper), path);
}

/** Calls one of the node's `methods.loadOptions` as the editor does when a dropdown opens. */
export async function loadOptions(
	options: RunOptions,
	method: string,
	path = 'parameters',
): Promise<INodePropertyOptions[]> {
	const fn = options.node.methods?.loadOptions?.[method];
	if (!fn) throw new Error(`the node has no loadOptions method "${method}"`);
	return await fn.call(loadOptionsContext(options, path));
}

/** Calls one of the node's `methods.listSearch` as a resource locator's "From List" does. */
export async function listSearch(
	options: RunOptions,
	method: string,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const fn = options.node.methods?.listSearch?.[method];
	if (!fn) throw new Error(`the node has no listSearch method "${method}"`);
	return await fn.call(loadOptionsContext(options, 'parameters'), filter, paginationToken);
}

export interface CredentialTestResult {
	status: 'OK' | 'Error';
	message: string;
}

/**
 * Presses a credential's Test button the way n8n's CredentialsTester does: the test request
 * runs through RoutingNode with the credential applied, then the rules are checked in order.
 */
export async function testCredential(
	credentialType: ICredentialType,
	data: ICredentialDataDecryptedObject,
): Promise<CredentialTestResult> {
	const test = credentialType.test as ICredentialTestRequest;
	const mockNode: INodeType = {
		description: {
			displayName: 'Credential Test',
			name: 'credentialTest',
			group: ['transform'],
			version: 1,
			description: '',
			defaults: {},
			inputs: ['main'],
			outputs: ['main'],
			credentials: [{ name: credentialType.name, required: true }],
			properties: [
				{
					displayName: 'Temp',
					name: 'temp',
					type: 'string',
					routing: { request: test.request },
					default: '',
				},
			],
		},
	} as INodeType;
	let response: INodeExecutionData[];
	try {
		response = await runNode({
			node: mockNode,
			parameters: { temp: '' },
			credentials: { [credentialType.name]: data },
		});
	} catch (error) {
		const cause = (error as { cause?: { response?: { status: number; statusText?: string } } })
			.cause;
		if (cause?.response) {
			for (const rule of test.rules ?? []) {
				if (rule.type === 'responseCode' && cause.response.status === rule.properties.value) {
					return { status: 'Error', message: rule.properties.message };
				}
			}
			return {
				status: 'Error',
				message: cause.response.statusText || `Received HTTP status code: ${cause.response.status}`,
			};
		}
		return { status: 'Error', message: String((error as Error).message) };
	}
	for (const rule of test.rules ?? []) {
		if (rule.type === 'responseSuccessBody') {
			const body = response[0]?.json as IDataObject;
			const value = String(rule.properties.key)
				.split('.')
				.reduce<unknown>((acc, key) => (acc as IDataObject | undefined)?.[key], body);
			if (value === rule.properties.value) {
				return { status: 'Error', message: rule.properties.message };
			}
		}
	}
	return { status: 'OK', message: 'Connection successful!' };
}
