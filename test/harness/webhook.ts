// Runs a trigger node's `webhook` method behind a real HTTP server, the way n8n's webhook server
// does: the body is read and parsed as n8n parses it (raw body kept, JSON / text/plain / form),
// the client IP is derived as express does from N8N_PROXY_HOPS, n8n-core's real WebhookContext is
// built with the request and response, and the returned IWebhookResponseData is answered as
// n8n's webhook helpers answer it (response mode "onReceived", or "lastNode" after a run the test
// decides). Workflow static data is read when a request arrives and saved when it is answered, as
// n8n does with its database (JSON), so a node's memory survives only what n8n would keep.
import { additionalDataFor, helperFor } from './index';

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'http';
import { parse as parseQueryString } from 'querystring';
import { HookContext, WebhookContext } from 'n8n-core';
import {
	jsonParse,
	Workflow,
	type IDataObject,
	type INode,
	type INodeExecutionData,
	type INodeParameters,
	type INodeType,
	type INodeTypes,
	type IWebhookData,
	type IWebhookDescription,
	type IWebhookResponseData,
	type IWorkflowExecuteAdditionalData,
	type WorkflowActivateMode,
} from 'n8n-workflow';

export const WEBHOOK_ID = '4b5e6f70-1a2b-4c3d-8e9f-0a1b2c3d4e5f';
const NODE_NAME = 'Trigger Under Test';

/** How the request body reaches the node. */
export type BodyMode =
	/** n8n 1.x / 2.x: JSON parsed, text/plain as a string, form parsed; rawBody always kept. */
	| 'n8n'
	/** Only req.rawBody carries the body (req.body = {}), as for content types n8n leaves unparsed. */
	| 'rawOnly';

export interface WebhookServerOptions {
	node: INodeType;
	parameters: INodeParameters;
	/** Like N8N_PROXY_HOPS: how many proxies' X-Forwarded-For entries express trusts (default 0). */
	proxyHops?: number;
	bodyMode?: BodyMode;
	/**
	 * The workflow run n8n starts with the node's items: resolves when it succeeded, rejects when
	 * it failed. In response mode "lastNode" n8n answers only once it has ended. Default: succeeds.
	 */
	execute?: (items: INodeExecutionData[][]) => Promise<unknown>;
	/**
	 * n8n storing (queue mode: queueing) the execution before it runs: rejects when that fails
	 * (e.g. no database connection). Default: succeeds.
	 */
	register?: (items: INodeExecutionData[][]) => Promise<unknown>;
	/** The node module's class to use for a request (two n8n processes: two loaded modules). */
	nodeFor?: (call: number) => INodeType;
	/**
	 * Milliseconds between reading the static data and handing the request to the node, as n8n's
	 * database reads take under load (default 0): widens the window in which concurrent requests
	 * overwrite each other's static data.
	 */
	databaseLatencyMs?: number;
}

/** One request as the node saw it and what came of it. */
export interface WebhookCall {
	mode: 'webhook' | 'manual';
	method: string;
	path: string;
	/** What express would report as req.ip. */
	ip: string;
	result?: IWebhookResponseData;
	error?: Error;
	/** The node returned workflowData: n8n would start an execution with it. */
	started: boolean;
	/** The node wrote the response itself (noWebhookResponse). */
	answeredByNode: boolean;
	/** Response mode "lastNode": whether the run n8n waited for failed. */
	runFailed?: boolean;
}

/** The request as n8n's express stack hands it on (rawBody, contentType and encoding come from
 * n8n-workflow's augmentation of IncomingMessage). */
export interface NodeRequest extends IncomingMessage {
	body?: unknown;
	query: Record<string, string | string[]>;
	params: Record<string, string>;
	ip: string;
	ips: string[];
}

function nodeTypesFor(nodeType: INodeType): INodeTypes {
	return {
		getByName: () => nodeType,
		getByNameAndVersion: () => nodeType,
		getKnownTypes: () => ({}),
	} as unknown as INodeTypes;
}

function readRaw(req: IncomingMessage): Promise<Buffer> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => resolve(Buffer.concat(chunks)));
		req.on('error', reject);
	});
}

/** express's req.ip / req.ips with `trust proxy` set to a hop count (n8n: N8N_PROXY_HOPS). */
function clientAddresses(req: IncomingMessage, hops: number): { ip: string; ips: string[] } {
	const socketAddress = req.socket.remoteAddress ?? '';
	const header = req.headers['x-forwarded-for'];
	const forwarded = (Array.isArray(header) ? header.join(',') : (header ?? ''))
		.split(',')
		.map((entry) => entry.trim())
		.filter((entry) => entry !== '');
	// proxy-addr: the socket first, then X-Forwarded-For from the nearest proxy outwards.
	const chain = [socketAddress, ...forwarded.reverse()];
	const index = Math.min(hops, chain.length - 1);
	const ips = hops > 0 ? chain.slice(1, index + 1).reverse() : [];
	return { ip: chain[index], ips };
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
	if (res.writableEnded) return;
	res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
	res.end(JSON.stringify(body));
}

/** n8n answers with express's res.send: objects as JSON, strings as text/html. */
function sendData(res: ServerResponse, status: number, data: unknown): void {
	if (res.writableEnded) return;
	if (typeof data === 'string') {
		res.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8' });
		res.end(data);
		return;
	}
	sendJson(res, status, data);
}

export class WebhookTestServer {
	readonly options: WebhookServerOptions;

	server: Server | null = null;

	/** Base URL once started, e.g. http://127.0.0.1:40123 */
	url = '';

	calls: WebhookCall[] = [];

	/** The item lists of every execution n8n would have started, in order. */
	runs: INodeExecutionData[][][] = [];

	/** The workflow's static data as n8n stores it between requests. */
	staticData: IDataObject = {};

	constructor(options: WebhookServerOptions) {
		this.options = options;
	}

	get description() {
		return this.options.node.description;
	}

	get webhookDescription(): IWebhookDescription {
		const webhook = this.description.webhooks?.find((w) => w.name === 'default');
		if (!webhook) throw new Error('the node declares no default webhook');
		return webhook;
	}

	/** The Production URL n8n shows: /webhook/<webhookId>/<path>. */
	get productionUrl(): string {
		return `${this.url}/webhook/${WEBHOOK_ID}/${this.webhookDescription.path}`;
	}

	/** The Test URL n8n shows: /webhook-test/<webhookId>/<path>. */
	get testUrl(): string {
		return `${this.url}/webhook-test/${WEBHOOK_ID}/${this.webhookDescription.path}`;
	}

	/** Output items of the last started execution. */
	get lastRunItems(): INodeExecutionData[] {
		return this.runs[this.runs.length - 1]?.[0] ?? [];
	}

	setParameters(parameters: INodeParameters): void {
		this.options.parameters = parameters;
	}

	reset(): void {
		this.calls = [];
		this.runs = [];
		this.staticData = {};
	}

	/** A Workflow as n8n builds it per request: parameters with defaults, static data from storage. */
	buildWorkflow(
		staticData: IDataObject = this.staticData,
		nodeType: INodeType = this.options.node,
	): { workflow: Workflow; node: INode } {
		const description = this.description;
		const node: INode = {
			id: 'trigger-under-test',
			name: NODE_NAME,
			type: `CUSTOM.${description.name}`,
			typeVersion: Array.isArray(description.version)
				? Math.max(...description.version)
				: description.version,
			position: [0, 0],
			parameters: this.options.parameters,
			webhookId: WEBHOOK_ID,
		};
		const workflow = new Workflow({
			id: 'test-workflow',
			name: 'Webhook test workflow',
			nodes: [node],
			connections: {},
			active: true,
			nodeTypes: nodeTypesFor(nodeType),
			staticData: JSON.parse(JSON.stringify(staticData)) as IDataObject,
		});
		return { workflow, node: workflow.getNode(NODE_NAME)! };
	}

	private additionalData(): IWorkflowExecuteAdditionalData {
		return additionalDataFor(helperFor({}));
	}

	private webhookData(
		node: INode,
		additionalData: IWorkflowExecuteAdditionalData,
		isTest: boolean,
	): IWebhookData {
		return {
			httpMethod: 'POST',
			node: node.name,
			path: `${WEBHOOK_ID}/${this.webhookDescription.path}`,
			webhookDescription: this.webhookDescription,
			workflowId: 'test-workflow',
			workflowExecuteAdditionalData: additionalData,
			webhookId: WEBHOOK_ID,
			isTest,
		};
	}

	/**
	 * What n8n does when the workflow is published (activated): checkExists, then create if it
	 * said false. Throws what the node throws.
	 */
	async activate(mode: WorkflowActivateMode = 'activate'): Promise<{ existed: boolean }> {
		const methods = this.options.node.webhookMethods?.default;
		if (!methods) return { existed: true };
		const { workflow, node } = this.buildWorkflow();
		const additionalData = this.additionalData();
		const context = new HookContext(
			workflow,
			node,
			additionalData,
			'trigger',
			mode,
			this.webhookData(node, additionalData, false),
		);
		const existed = await methods.checkExists.call(context);
		if (!existed) await methods.create.call(context);
		return { existed };
	}

	/** What n8n does when the workflow is unpublished. */
	async deactivate(): Promise<boolean> {
		const methods = this.options.node.webhookMethods?.default;
		if (!methods) return true;
		const { workflow, node } = this.buildWorkflow();
		const additionalData = this.additionalData();
		const context = new HookContext(
			workflow,
			node,
			additionalData,
			'trigger',
			'activate',
			this.webhookData(node, additionalData, false),
		);
		return await methods.delete.call(context);
	}

	start(port = 0, host = '127.0.0.1'): Promise<string> {
		return new Promise((resolve, reject) => {
			this.server = createServer((req, res) => {
				this.handle(req, res).catch((error: Error) => {
					sendJson(res, 500, { message: `harness crashed: ${error.stack}` });
				});
			});
			this.server.keepAliveTimeout = 1000;
			this.server.once('error', reject);
			this.server.listen(port, host, () => {
				const address = this.server!.address();
				if (address === null || typeof address === 'string') {
					reject(new Error('no port'));
					return;
				}
				this.url = `http://${host}:${address.port}`;
				resolve(this.url);
			});
		});
	}

	stop(): Promise<void> {
		return new Promise((resolve) => {
			if (!this.server) {
				resolve();
				return;
			}
			this.server.closeAllConnections();
			this.server.close(() => resolve());
			this.server = null;
		});
	}

	private async handle(incoming: IncomingMessage, res: ServerResponse): Promise<void> {
		const url = new URL(incoming.url ?? '/', 'http://localhost');
		const match = url.pathname.match(/^\/(webhook|webhook-test)\/(.+?)\/?$/);
		const expectedPath = `${WEBHOOK_ID}/${this.webhookDescription.path}`;
		if (!match || match[2] !== expectedPath) {
			sendJson(res, 404, { code: 404, message: 'The requested webhook is not registered.' });
			return;
		}
		if ((incoming.method ?? 'GET') !== this.webhookDescription.httpMethod) {
			sendJson(res, 404, {
				code: 404,
				message: `This webhook is not registered for ${incoming.method} requests.`,
			});
			return;
		}
		const mode = match[1] === 'webhook' ? 'webhook' : 'manual';
		// n8n reads the workflow (and its static data) from the database when the request arrives
		// and saves the static data when it answers: concurrent requests overwrite each other's.
		const storedStaticData = this.staticData;
		const nodeType = this.options.nodeFor?.(this.calls.length) ?? this.options.node;
		if (this.options.databaseLatencyMs) {
			await new Promise((resolve) => setTimeout(resolve, this.options.databaseLatencyMs));
		}

		// rawBodyReader + parseIncomingMessage
		const req = incoming as NodeRequest;
		const contentTypeHeader = req.headers['content-type'];
		let encoding: BufferEncoding = 'utf-8';
		if (contentTypeHeader) {
			const [type, ...parameters] = contentTypeHeader.split(';');
			req.contentType = type.trim().toLowerCase();
			const charset = parameters
				.map((p) => p.trim().split('='))
				.find(([key]) => key.trim().toLowerCase() === 'charset')?.[1];
			encoding = (charset ?? 'utf-8').replace(/"/g, '').toLowerCase() as BufferEncoding;
		}
		req.encoding = encoding;
		req.rawBody = await readRaw(req);
		req._body = true;
		req.readRawBody = async () => {};

		// express: query, params, ip
		const query: Record<string, string | string[]> = {};
		for (const [key, value] of url.searchParams) {
			const previous = query[key];
			query[key] =
				previous === undefined
					? value
					: Array.isArray(previous)
						? [...previous, value]
						: [previous, value];
		}
		req.query = query;
		req.params = {};
		const { ip, ips } = clientAddresses(req, this.options.proxyHops ?? 0);
		req.ip = ip;
		req.ips = ips;

		// parseRequestBody → parseBody (typeVersion 1 nodes: every content type but multipart)
		const text = req.rawBody.toString(encoding);
		if ((this.options.bodyMode ?? 'n8n') === 'rawOnly') {
			req.body = {};
		} else if (req.rawBody.length > 0) {
			try {
				if (req.contentType === 'application/json') {
					req.body = jsonParse(text);
				} else if (req.contentType === 'application/x-www-form-urlencoded') {
					req.body = parseQueryString(text);
				} else if (req.contentType === 'text/plain') {
					req.body = text;
				}
			} catch (error) {
				// UnprocessableRequestError: the node is never called.
				sendJson(res, 422, {
					code: 422,
					message: 'Failed to parse request body',
					hint: (error as Error).message,
				});
				return;
			}
		}

		const call: WebhookCall = {
			mode,
			method: req.method ?? 'POST',
			path: url.pathname,
			ip,
			started: false,
			answeredByNode: false,
		};
		this.calls.push(call);

		const { workflow, node } = this.buildWorkflow(storedStaticData, nodeType);
		const additionalData = this.additionalData();
		additionalData.httpRequest = req as unknown as IWorkflowExecuteAdditionalData['httpRequest'];
		additionalData.httpResponse = res as unknown as IWorkflowExecuteAdditionalData['httpResponse'];
		const context = new WebhookContext(
			workflow,
			node,
			additionalData,
			mode,
			this.webhookData(node, additionalData, mode === 'manual'),
			[],
			null,
		);

		const responseMode = workflow.expression.getSimpleParameterValue(
			node,
			this.webhookDescription.responseMode,
			mode,
			{},
			undefined,
			'onReceived',
		);
		let result: IWebhookResponseData;
		try {
			result = await nodeType.webhook!.call(context);
		} catch (error) {
			call.error = error as Error;
			// invokeWebhook: a throwing node gets n8n's generic 500.
			sendJson(res, 500, {
				code: 0,
				message: 'Workflow Webhook Error: Workflow could not be started!',
			});
			return;
		}
		call.result = result;

		const saveStaticData = () => {
			// The live webhook's response callback saves changed static data (production only).
			if (mode === 'webhook') {
				const saved = JSON.parse(JSON.stringify(workflow.staticData)) as IDataObject;
				delete saved.__dataChanged;
				this.staticData = saved;
			}
		};

		// handleImmediateWebhookResponse
		if (result.noWebhookResponse === true) {
			call.answeredByNode = true;
		}
		if (result.workflowData === undefined) {
			saveStaticData();
			if (!call.answeredByNode) {
				sendData(
					res,
					200,
					result.webhookResponse !== undefined
						? result.webhookResponse
						: { message: 'Webhook call received' },
				);
			}
			return;
		}
		if (responseMode === 'lastNode' && !call.answeredByNode) {
			call.started = true;
			this.runs.push(result.workflowData);
			// n8n waits for the run, then answers as express does: responseData "noData" is
			// res.json(undefined), a failed run {"message":"Error in workflow"} with HTTP 500.
			let failed = false;
			try {
				await (this.options.execute ?? (async () => {}))(result.workflowData);
			} catch {
				failed = true;
			}
			saveStaticData();
			call.runFailed = failed;
			res.statusCode = failed ? 500 : 200;
			res.setHeader('Content-Type', 'application/json; charset=utf-8');
			res.end(failed ? JSON.stringify({ message: 'Error in workflow' }) : '');
			return;
		}
		// responseMode onReceived, nothing sent yet: n8n 2.x answers once WorkflowRunner.run has
		// stored the execution (a failure there is its HTTP 500), with extractWebhookOnReceivedResponse's
		// body, sent as express's res.send / res.json do.
		let registered = true;
		try {
			await (this.options.register ?? (async () => {}))(result.workflowData);
		} catch {
			registered = false;
		}
		saveStaticData();
		if (registered) {
			call.started = true;
			this.runs.push(result.workflowData);
			void (this.options.execute ?? (async () => {}))(result.workflowData).catch(() => {});
		}
		if (!call.answeredByNode) {
			const responseData = workflow.expression.getComplexParameterValue(
				node,
				this.webhookDescription.responseData,
				mode,
				{},
				undefined,
				'firstEntryJson',
			);
			const body = !registered
				? { code: 0, message: 'There was a problem executing the workflow' }
				: responseData === 'noData'
					? undefined
					: typeof responseData === 'string' && responseData !== 'firstEntryJson'
						? responseData
						: result.webhookResponse !== undefined
							? result.webhookResponse
							: { message: 'Workflow was started' };
			res.statusCode = registered ? 200 : 500;
			if (typeof body === 'string') {
				res.setHeader('Content-Type', 'text/html; charset=utf-8');
				res.end(body);
			} else {
				res.setHeader('Content-Type', 'application/json; charset=utf-8');
				res.end(body === undefined ? '' : JSON.stringify(body));
			}
		}
	}
}
