'use strict';
// Byrobot and Bangwo8 as AI agent tools (usableAsTool), in real n8n and without a model:
//
//   - Tool Executor (`@n8n/n8n-nodes-langchain.toolExecutor`, the hidden node n8n itself uses to
//     run a tool without an agent) calls the generated tool variant (CUSTOM.byrobotTool,
//     CUSTOM.bangwo8Tool) with the arguments a model would give; `n8n execute` runs it.
//   - The MCP Server Trigger serves both tools to an MCP client (plain HTTP JSON-RPC here) in an
//     activated workflow; that runs in the `n8n start` phase (serverCases).
//   - The AI agent example (e2e/examples/ai-agent-callback-desk.json): its tools through Tool
//     Executor, its AI Agent against a scripted OpenAI-compatible endpoint standing in for the
//     model (how a tool error reaches the model), and, with `n8n start`, that it loads.
//
// The query format of Tool Executor differs: n8n 2.x takes { "<tool name>": { args } }, n8n 1.x
// the args themselves. A tool's name is its node's name with every run of other characters than
// letters, digits, _ and - turned into "_" (n8n's nodeNameToToolName). docs/ai-tools.md has
// what this found.
const assert = require('assert/strict');
const fs = require('fs');
const http = require('http');
const path = require('path');

const { CREDENTIALS } = require('../../scripts/lib/workflow');
const { PACKAGE_NAME, forCustomExtensions } = require('../../scripts/lib/n8n');
const { createAndActivate, executionsOf } = require('../load/common');

const TOOL_EXECUTOR = '@n8n/n8n-nodes-langchain.toolExecutor';
const MCP_TRIGGER = '@n8n/n8n-nodes-langchain.mcpTrigger';
const TOOL_TYPES = {
	byrobot: `${PACKAGE_NAME}.byrobotTool`,
	bangwo8: `${PACKAGE_NAME}.bangwo8Tool`,
};
const company = { __rl: true, mode: 'id', value: '1001' };
const byId = (value) => ({ __rl: true, mode: 'id', value: String(value) });

/** The tool name n8n gives a tool node (n8n-workflow's nodeNameToToolName). */
const toolName = (nodeName) => nodeName.replace(/[^a-zA-Z0-9_-]+/g, '_');

/** A tool node of ours (node type as the package names it; forCustomExtensions renames it). */
function toolNode(kind, name, parameters, extra = {}) {
	const credential = kind === 'byrobot' ? CREDENTIALS.byrobot : CREDENTIALS.bangwo8;
	return {
		id: `tool-${toolName(name)}`,
		name,
		type: TOOL_TYPES[kind],
		typeVersion: 1,
		position: [220, 220],
		parameters: kind === 'bangwo8' ? { authentication: 'basicAuth', ...parameters } : parameters,
		credentials: { [credential.type]: { id: credential.id, name: credential.name } },
		...extra,
	};
}

/**
 * Manual trigger → Tool Executor with one tool on its ai_tool input, called with `args` (what a
 * model would pass), in the query format of the n8n version.
 */
function toolExecutorWorkflow({ runtime, id, name, tool, args }) {
	const query = runtime === 'n8n1' ? args : { [toolName(tool.name)]: args };
	return {
		id,
		name,
		active: false,
		nodes: [
			{
				id: 'trigger',
				name: 'Start',
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			},
			{
				id: 'executor',
				name: 'Run Tool',
				type: TOOL_EXECUTOR,
				typeVersion: 1,
				position: [220, 0],
				parameters: { query: JSON.stringify(query), toolName: '' },
			},
			tool,
		],
		connections: {
			Start: { main: [[{ node: 'Run Tool', type: 'main', index: 0 }]] },
			[tool.name]: { ai_tool: [[{ node: 'Run Tool', type: 'ai_tool', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
		pinData: {},
	};
}

/** The tool's answer as Tool Executor put it out: the JSON text a model reads, parsed. */
function toolAnswer(run) {
	return answerOf(run, 'Run Tool');
}

// --- the AI agent example (e2e/examples/ai-agent-callback-desk.json) -----------------------------

const EXAMPLE_FILE = path.join(__dirname, '..', 'examples', 'ai-agent-callback-desk.json');
const agentExample = () => JSON.parse(fs.readFileSync(EXAMPLE_FILE, 'utf8'));

/** What a model might pass to each tool of the example. */
const EXAMPLE_ARGS = {
	'Schedule AI Callback': { phone: '139-0000-1001', customerName: '赵先生' },
	'Get Call Detail': { callId: 800001 },
	'Add To Do-Not-Call List': { phone: '+86 139 0000 1002', customerName: '' },
	'Search Tickets': { query: 'custUserId:378594' },
	'Create Callback Ticket': {
		subject: '回电：赵先生 13900001001 咨询分期',
		description: '客户想了解分期方案，明天上午回电',
		contactId: '',
	},
};

/**
 * The example's tool nodes as they are, each on its own Tool Executor (Tool Name set), the
 * executors chained after a manual trigger: one run calls every tool once.
 */
function exampleToolsWorkflow(runtime) {
	const example = agentExample();
	const tools = example.nodes.filter((n) => n.type.endsWith('Tool'));
	const nodes = [
		{
			id: 'trigger',
			name: 'Start',
			type: 'n8n-nodes-base.manualTrigger',
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
		},
	];
	const connections = {};
	let previous = 'Start';
	tools.forEach((tool, index) => {
		const args = EXAMPLE_ARGS[tool.name];
		assert.ok(args, `no arguments for the example's tool "${tool.name}"`);
		const executor = `Run ${tool.name}`;
		const query = runtime === 'n8n1' ? args : { [toolName(tool.name)]: args };
		nodes.push(
			{
				id: `executor${index}`,
				name: executor,
				type: TOOL_EXECUTOR,
				typeVersion: 1,
				position: [220 * (index + 1), 0],
				parameters: { query: JSON.stringify(query), toolName: toolName(tool.name) },
			},
			{ ...tool, position: [220 * (index + 1), 220] },
		);
		connections[previous] = { main: [[{ node: executor, type: 'main', index: 0 }]] };
		connections[tool.name] = { ai_tool: [[{ node: executor, type: 'ai_tool', index: 0 }]] };
		previous = executor;
	});
	return {
		id: 'e2eToolExample01',
		name: 'e2e: the AI agent example’s tools (Tool Executor)',
		active: false,
		nodes,
		connections,
		settings: { executionOrder: 'v1' },
		pinData: {},
	};
}

/** The answer Tool Executor `node` put out, parsed. */
function answerOf(run, node) {
	const [item] = run.items(node);
	assert.ok(item !== undefined, `${node} put out no item`);
	return typeof item === 'string' ? JSON.parse(item) : item;
}

// --- a scripted chat model for the AI Agent ---------------------------------------------------

/**
 * An OpenAI-compatible chat completions endpoint that answers from a script instead of a model:
 * `script(body, turn)` → { toolCall: { name, args } } or { content }. Records every request body.
 * Streams (SSE chunks) when the request asks for it.
 */
function startScriptedModel(script) {
	const requests = [];
	const server = http.createServer((req, res) => {
		let raw = '';
		req.on('data', (chunk) => (raw += chunk));
		req.on('end', () => {
			if (req.method !== 'POST' || !/\/chat\/completions$/.test(req.url ?? '')) {
				res.writeHead(404, { 'content-type': 'application/json' });
				res.end(JSON.stringify({ error: { message: `no route ${req.method} ${req.url}` } }));
				return;
			}
			const body = JSON.parse(raw || '{}');
			requests.push(body);
			const step = script(body, requests.length - 1);
			const id = `chatcmpl-e2e-${requests.length}`;
			const created = Math.floor(Date.now() / 1000);
			const toolCalls = step.toolCall
				? [
						{
							id: `call_e2e_${requests.length}`,
							type: 'function',
							function: { name: step.toolCall.name, arguments: JSON.stringify(step.toolCall.args) },
						},
					]
				: undefined;
			const finish = toolCalls ? 'tool_calls' : 'stop';
			const usage = { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 };
			if (body.stream) {
				res.writeHead(200, { 'content-type': 'text/event-stream' });
				const chunk = (delta, finishReason) =>
					`data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created, model: body.model, choices: [{ index: 0, delta, finish_reason: finishReason }] })}\n\n`;
				const delta = toolCalls
					? {
							role: 'assistant',
							content: null,
							tool_calls: toolCalls.map((c, index) => ({ index, ...c })),
						}
					: { role: 'assistant', content: step.content };
				res.write(chunk(delta, null));
				res.write(chunk({}, finish));
				res.write(
					`data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created, model: body.model, choices: [], usage })}\n\n`,
				);
				res.end('data: [DONE]\n\n');
				return;
			}
			res.writeHead(200, { 'content-type': 'application/json' });
			res.end(
				JSON.stringify({
					id,
					object: 'chat.completion',
					created,
					model: body.model,
					choices: [
						{
							index: 0,
							message: { role: 'assistant', content: step.content ?? null, tool_calls: toolCalls },
							finish_reason: finish,
						},
					],
					usage,
				}),
			);
		});
	});
	return new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () =>
			resolve({
				url: `http://127.0.0.1:${server.address().port}/v1`,
				requests,
				close: () => new Promise((r) => server.close(() => r())),
			}),
		);
	});
}

const SCRIPTED_MODEL_CREDENTIAL = {
	id: 'e2eScriptedModel',
	name: 'Scripted model (e2e)',
	type: 'openAiApi',
};

/** The scripted model both agent cases talk to, started by the first case's prepare(). */
const scripted = { server: undefined };

async function prepareScriptedModel() {
	if (scripted.server) return;
	scripted.server = await startScriptedModel(doNotCallScript);
	this.credentials = [
		{ ...SCRIPTED_MODEL_CREDENTIAL, data: { apiKey: 'sk-e2e-scripted', url: scripted.server.url } },
	];
}

async function stopScriptedModel() {
	await scripted.server?.close();
	scripted.server = undefined;
}

const BAD_PHONE_MESSAGE =
	'Item 0: "Mobile" — "1390000123" is not a plausible phone number (11-digit mainland mobile or landline with area code)';
const DO_NOT_CALL_ANSWER = '已将李四 13900001234 加入免打扰名单。';

/** The scripted model's turn: first a bad phone (10 digits), then the right one, then the answer. */
function doNotCallScript(body) {
	const answered = body.messages.filter((m) => m.role === 'tool').length;
	const call = (phone) => ({
		toolCall: { name: 'Add_To_Do-Not-Call_List', args: { phone, customerName: '李四' } },
	});
	if (answered === 0) return call('1390000123');
	if (answered === 1) return call('13900001234');
	return { content: DO_NOT_CALL_ANSWER };
}

/** The tool answers in a request to the model, parsed. */
const toolMessages = (body) =>
	body.messages.filter((m) => m.role === 'tool').map((m) => JSON.parse(m.content));

/**
 * The AI agent example with the chat trigger swapped for a manual trigger and a Code node that
 * gives the chat message, and the chat model pointed at the scripted model. `stopOnError`: a
 * tool whose On Error setting goes back to n8n's default (Stop Workflow).
 */
function agentWorkflow({ id, stopOnError }) {
	const example = agentExample();
	const nodes = example.nodes
		.filter((n) => n.type !== '@n8n/n8n-nodes-langchain.chatTrigger')
		.map((n) => {
			if (n.type === '@n8n/n8n-nodes-langchain.lmChatOpenAi') {
				const { id: credentialId, name } = SCRIPTED_MODEL_CREDENTIAL;
				return { ...n, credentials: { openAiApi: { id: credentialId, name } } };
			}
			if (n.name === stopOnError) {
				const { onError: _default, ...node } = n;
				return node;
			}
			return n;
		});
	const connections = { ...example.connections };
	delete connections['When chat message received'];
	const chatInput = '李四 1390000123 说以后别再给他打电话了';
	return {
		id,
		name: `e2e: the AI agent example with a scripted model${stopOnError ? ` (${stopOnError}: Stop Workflow)` : ''}`,
		active: false,
		nodes: [
			{
				id: 'trigger',
				name: 'Start',
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			},
			{
				id: 'chat',
				name: 'Chat Message',
				type: 'n8n-nodes-base.code',
				typeVersion: 2,
				position: [160, 0],
				parameters: {
					jsCode: `return [{ json: { sessionId: 'e2e-session', chatInput: ${JSON.stringify(chatInput)} } }];`,
				},
			},
			...nodes,
		],
		connections: {
			...connections,
			Start: { main: [[{ node: 'Chat Message', type: 'main', index: 0 }]] },
			'Chat Message': { main: [[{ node: 'Callback Desk Agent', type: 'main', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
		pinData: {},
	};
}

// --- the tool nodes the cases use -------------------------------------------------------------

const startTaskTool = () =>
	toolNode('byrobot', 'Start Call Task', {
		resource: 'task',
		operation: 'start',
		company,
		task: byId(
			"={{ $fromAI('taskId', 'The BYRobot call task ID, a whole number such as 5001', 'string') }}",
		),
	});

const createTicketTool = (extra) =>
	toolNode(
		'bangwo8',
		'Create Callback Ticket',
		{
			resource: 'ticket',
			operation: 'create',
			subject: "={{ $fromAI('subject', 'One line: who wants a callback and why', 'string') }}",
			description:
				"={{ $fromAI('description', 'What the customer said and when to call back', 'string') }}",
			contactId: byId(
				"={{ $fromAI('contactId', 'The Bangwo8 contact ID (cId), digits only, e.g. 378594', 'string') }}",
			),
			agentId: byId('567332'),
			ticketFields: { ticketType: '4', priorityLevel: '3' },
		},
		extra,
	);

function executeCases({ runtime }) {
	return [
		{
			name: 'tools: Byrobot Tool in Tool Executor — Task Start, task id from $fromAI',
			workflow: toolExecutorWorkflow({
				runtime,
				id: 'e2eToolByrobot01',
				name: 'e2e: Byrobot Tool (Tool Executor)',
				tool: startTaskTool(),
				args: { taskId: '5001' },
			}),
			setup({ byrobot }) {
				byrobot.seedTasks(1001, 1);
			},
			check(run, { byrobot }) {
				assert.deepEqual(
					byrobot.requestsTo('/openapi/v1/task/start').map((r) => [r.method, r.body]),
					[['POST', { taskId: 5001 }]],
				);
				assert.deepEqual(toolAnswer(run), [{ taskId: 5001, success: true, message: '启动成功' }]);
				// The tool node's own run: the model's arguments in, the items it put out.
				const [toolRun] = run.runData['Start Call Task'];
				assert.deepEqual(toolRun.inputOverride.ai_tool[0][0].json, { taskId: '5001' });
				assert.equal(toolRun.data.ai_tool[0][0].json.response[0].taskId, 5001);
			},
		},
		{
			name: 'tools: Bangwo8 Tool in Tool Executor — Ticket Create, subject, description and contact from $fromAI',
			workflow: toolExecutorWorkflow({
				runtime,
				id: 'e2eToolBangwo801',
				name: 'e2e: Bangwo8 Tool (Tool Executor)',
				tool: createTicketTool(),
				args: {
					subject: '回电：赵先生 13900001001',
					description: '客户想了解分期方案，下午三点后回电',
					contactId: '378594',
				},
			}),
			check(run, { bangwo8 }) {
				const posts = bangwo8.requestsTo('/api/v1/tickets.json', 'POST');
				assert.deepEqual(
					posts.map((r) => r.body),
					[
						{
							ticket: {
								subject: '回电：赵先生 13900001001',
								descript: '客户想了解分期方案，下午三点后回电',
								custUserId: '378594',
								servicerUserId: '567332',
								ticketType: '4',
								priorityLevel: '3',
							},
						},
					],
				);
				const [ticket] = toolAnswer(run);
				assert.equal(ticket.idFoundBy, 'lookup', JSON.stringify(ticket));
				assert.equal(ticket.subject, '回电：赵先生 13900001001');
				assert.ok(bangwo8.ticketById(ticket.ticketId), `ticket ${ticket.ticketId} stored`);
			},
		},
		{
			name: 'tools: a bad $fromAI value (task id "abc") fails the Tool Executor run with our message naming the field',
			workflow: toolExecutorWorkflow({
				runtime,
				id: 'e2eToolBadValue1',
				name: 'e2e: Byrobot Tool, bad value (Tool Executor)',
				tool: startTaskTool(),
				args: { taskId: 'abc' },
			}),
			expectFailure: true,
			check(run, { byrobot }) {
				assert.match(
					run.error.message,
					/^Error executing tool: Item 0: "Task" — "abc" is not an ID \(a whole number\)\n\nDetails: .*Nothing was sent to BYRobot/,
				);
				assert.equal(run.nodeError('Run Tool')?.message, run.error.message);
				assert.match(String(run.nodeError('Start Call Task')?.message), /"Task" — "abc"/);
				assert.equal(byrobot.requests.length, 0, 'nothing was sent');
			},
		},
		{
			name: 'tools: Continue On Fail on a tool node hides the error — a bad contact id answers [{}], nothing sent',
			workflow: toolExecutorWorkflow({
				runtime,
				id: 'e2eToolContinue1',
				name: 'e2e: Bangwo8 Tool, Continue On Fail (Tool Executor)',
				tool: createTicketTool({ onError: 'continueRegularOutput' }),
				args: { subject: '回电', description: '客户要求回电', contactId: '赵先生' },
			}),
			check(run, { bangwo8 }) {
				// n8n's RoutingNode puts a failed item out as { json: {}, error } and a tool answers
				// with the items' json only: the model reads [{}], not the message. Leave Continue On
				// Fail off on tool nodes (docs/ai-tools.md).
				assert.deepEqual(toolAnswer(run), [{}]);
				const [toolRun] = run.runData['Create Callback Ticket'];
				assert.equal(toolRun.error, undefined, 'the tool run counts as a success');
				assert.deepEqual(toolRun.data.ai_tool[0][0].json, { response: [{}] });
				assert.equal(bangwo8.requests.length, 0, 'nothing was sent');
			},
		},
		{
			name: 'tools: the AI agent example’s 5 tools, as shipped, each run by Tool Executor with a model’s arguments',
			workflow: exampleToolsWorkflow(runtime),
			setup({ byrobot }) {
				const [taskId] = byrobot.seedTasks(1001, 1, { jobName: '示例：回电任务' });
				assert.equal(taskId, 5001);
				byrobot.seedCallRecords(taskId, 1);
			},
			check(run, { byrobot, bangwo8 }) {
				// Schedule AI Callback: one customer into task 5001, phone normalised.
				const [imported] = answerOf(run, 'Run Schedule AI Callback');
				assert.equal(imported.taskId, 5001);
				assert.equal(imported.successNum, 1, JSON.stringify(imported));
				// (the seeded call record's customer came first)
				assert.deepEqual(
					byrobot
						.customersOf(5001)
						.slice(1)
						.map((c) => [c.name, c.phone]),
					[['赵先生', '13900001001']],
				);
				const [importRequest] = byrobot.requestsTo('/openapi/v2/task/importTaskCustomer', 'POST');
				assert.equal(importRequest.body.companyId, 1001);
				assert.equal(importRequest.body.taskId, 5001);
				// Get Call Detail: the call id a model passes as a number.
				const [detail] = answerOf(run, 'Run Get Call Detail');
				assert.equal(detail.callInstanceId, 800001, JSON.stringify(detail).slice(0, 300));
				assert.equal(
					byrobot.requestsTo('/openapi/v1/task/phoneLogInfo')[0].query.callInstanceId,
					'800001',
				);
				// Add To Do-Not-Call List: +86 and spaces removed, an empty name not sent.
				assert.deepEqual(answerOf(run, 'Run Add To Do-Not-Call List'), [{ blacklistInfoId: 7001 }]);
				assert.deepEqual(byrobot.requestsTo('/openapi/v1/company/addBlackList', 'POST')[0].body, {
					companyId: 1001,
					mobile: '13900001002',
					remark: 'callback desk agent',
				});
				// Search Tickets: the model's terms as the query, newest first, at most 10.
				const found = answerOf(run, 'Run Search Tickets');
				assert.ok(found.length > 0 && found.length <= 10, `${found.length} tickets`);
				assert.ok(found.every((t) => String(t.custUserId) === '378594'));
				const [search] = bangwo8.requestsTo('/api/v1/tickets/search.json', 'GET');
				assert.equal(search.query.query, 'custUserId:378594');
				assert.equal(search.query.sort_by, 'createDT');
				assert.equal(search.query.sort_order, 'desc');
				// Create Callback Ticket: an empty contact id leaves the contact out.
				const [ticket] = answerOf(run, 'Run Create Callback Ticket');
				assert.equal(ticket.subject, '回电：赵先生 13900001001 咨询分期');
				assert.ok(bangwo8.ticketById(ticket.ticketId), `ticket ${ticket.ticketId} stored`);
				const [create] = bangwo8.requestsTo('/api/v1/tickets.json', 'POST');
				assert.deepEqual(create.body.ticket, {
					subject: '回电：赵先生 13900001001 咨询分期',
					descript: '客户想了解分期方案，明天上午回电',
					servicerUserId: '567332',
					ticketType: '4',
					priorityLevel: '3',
				});
			},
		},
		{
			name: 'tools: the AI agent example with a scripted model — a bad phone reaches the model as our error, it retries, the number is added',
			workflow: agentWorkflow({ id: 'e2eToolAgent0001' }),
			prepare: prepareScriptedModel,
			teardown: stopScriptedModel,
			setup: () => scripted.server.requests.splice(0),
			check(run, { byrobot }) {
				const requests = scripted.server.requests;
				assert.equal(requests.length, 3, `the model was asked ${requests.length} times`);
				// What the model is told: the system message and the five tools with their $fromAI keys.
				const [first] = requests;
				const system = first.messages.find((m) => m.role === 'system');
				assert.match(String(system?.content), /^You are the callback desk assistant/);
				const tools = Object.fromEntries(
					(first.tools ?? []).map((t) => [t.function.name, t.function]),
				);
				assert.deepEqual(Object.keys(tools).sort(), [
					'Add_To_Do-Not-Call_List',
					'Create_Callback_Ticket',
					'Get_Call_Detail',
					'Schedule_AI_Callback',
					'Search_Tickets',
				]);
				assert.match(tools['Add_To_Do-Not-Call_List'].description, /do-not-call blacklist/);
				assert.deepEqual(
					Object.keys(tools['Add_To_Do-Not-Call_List'].parameters.properties).sort(),
					['customerName', 'phone'],
				);
				assert.equal(tools.Get_Call_Detail.parameters.properties.callId.type, 'number');
				// The bad phone: the model reads [{"error": "<our message>"}] (the message names the
				// field; the error's description is left out) and calls again.
				assert.deepEqual(toolMessages(requests[1]), [[{ error: BAD_PHONE_MESSAGE }]]);
				assert.deepEqual(toolMessages(requests[2]), [
					[{ error: BAD_PHONE_MESSAGE }],
					[{ blacklistInfoId: 7001 }],
				]);
				// The retry went through, once.
				assert.deepEqual(
					byrobot.requestsTo('/openapi/v1/company/addBlackList', 'POST').map((r) => r.body),
					[{ companyId: 1001, mobile: '13900001234', name: '李四', remark: 'callback desk agent' }],
				);
				assert.deepEqual(run.items('Callback Desk Agent'), [{ output: DO_NOT_CALL_ANSWER }]);
			},
		},
		{
			name:
				runtime === 'n8n1'
					? 'tools: AI agent, a tool on On Error = Stop Workflow — n8n 1.x stops the run at the tool error (our message), the model is not asked again'
					: 'tools: AI agent, a tool on On Error = Stop Workflow — n8n 2.x still hands the error to the model',
			workflow: agentWorkflow({ id: 'e2eToolAgent0002', stopOnError: 'Add To Do-Not-Call List' }),
			prepare: prepareScriptedModel,
			teardown: stopScriptedModel,
			setup: () => scripted.server.requests.splice(0),
			expectFailure: runtime === 'n8n1',
			check(run, { byrobot }) {
				const requests = scripted.server.requests;
				if (runtime === 'n8n1') {
					assert.equal(requests.length, 1, 'the model is asked once');
					assert.equal(run.error.message, BAD_PHONE_MESSAGE);
					assert.match(String(run.error.description), /Nothing was sent to BYRobot/);
					assert.equal(byrobot.requests.length, 0);
					return;
				}
				assert.equal(requests.length, 3);
				assert.deepEqual(toolMessages(requests[1]), [[{ error: BAD_PHONE_MESSAGE }]]);
				assert.equal(byrobot.requestsTo('/openapi/v1/company/addBlackList', 'POST').length, 1);
				assert.deepEqual(run.items('Callback Desk Agent'), [{ output: DO_NOT_CALL_ANSWER }]);
			},
		},
	];
}

// --- MCP ---------------------------------------------------------------------------------------

const MCP_PATH = 'e2e-callback-desk';

/** MCP Server Trigger (v2: Streamable HTTP at /mcp/<path>) with both tools connected. */
function mcpWorkflow() {
	const blacklist = toolNode(
		'byrobot',
		'Add To Blacklist',
		{
			descriptionType: 'manual',
			toolDescription:
				'Put a phone number on the do-not-call blacklist of BYRobot, so no AI call task dials it again',
			resource: 'blacklist',
			operation: 'add',
			company,
			mobile:
				"={{ $fromAI('mobile', 'The phone number never to call again: 11-digit mainland mobile or landline with area code', 'string') }}",
			additionalFields: {
				name: "={{ $fromAI('name', 'The customer name, as they gave it', 'string') }}",
				remark: 'via MCP',
			},
		},
		{ position: [0, 220] },
	);
	const callTask = toolNode(
		'bangwo8',
		'Get Call Task',
		{
			resource: 'callTask',
			operation: 'get',
			callTaskId: byId(
				"={{ $fromAI('callTaskId', 'The Bangwo8 call task ID, digits only, e.g. 49242970', 'string') }}",
			),
		},
		{ position: [220, 220] },
	);
	return {
		name: 'e2e: MCP Server Trigger with Byrobot and Bangwo8 tools',
		active: false,
		nodes: [
			{
				id: 'mcp',
				name: 'MCP Server Trigger',
				type: MCP_TRIGGER,
				typeVersion: 2,
				position: [0, 0],
				webhookId: 'e2e-mcp-callback-desk',
				parameters: { path: MCP_PATH, authentication: 'none' },
			},
			blacklist,
			callTask,
		],
		connections: {
			[blacklist.name]: { ai_tool: [[{ node: 'MCP Server Trigger', type: 'ai_tool', index: 0 }]] },
			[callTask.name]: { ai_tool: [[{ node: 'MCP Server Trigger', type: 'ai_tool', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
		pinData: {},
	};
}

/** The JSON-RPC messages of an MCP answer: SSE-framed (`event: message` / `data: {…}`) or plain JSON. */
function mcpMessages(text, contentType) {
	if (!text.trim()) return [];
	if (!/text\/event-stream/.test(contentType ?? '')) return [JSON.parse(text)];
	return text
		.split(/\r?\n\r?\n/)
		.map((event) =>
			event
				.split(/\r?\n/)
				.filter((line) => line.startsWith('data:'))
				.map((line) => line.slice(5).trimStart())
				.join('\n'),
		)
		.filter(Boolean)
		.map((data) => JSON.parse(data));
}

/** A minimal MCP client over Streamable HTTP: POST JSON-RPC, the session id from initialize on. */
class McpClient {
	constructor(url) {
		this.url = url;
		this.sessionId = undefined;
		this.nextId = 1;
	}

	async post(message) {
		const res = await fetch(this.url, {
			method: 'POST',
			headers: {
				'content-type': 'application/json',
				accept: 'application/json, text/event-stream',
				...(this.sessionId ? { 'mcp-session-id': this.sessionId } : {}),
			},
			body: JSON.stringify({ jsonrpc: '2.0', ...message }),
		});
		const text = await res.text();
		const session = res.headers.get('mcp-session-id');
		if (session) this.sessionId = session;
		return {
			status: res.status,
			contentType: res.headers.get('content-type'),
			text,
			messages: res.status < 300 ? mcpMessages(text, res.headers.get('content-type')) : [],
		};
	}

	/** A request: resolves to its `result` (throws on an HTTP or JSON-RPC error). */
	async request(method, params = {}) {
		const id = this.nextId++;
		const answer = await this.post({ id, method, params });
		assert.ok(
			answer.status === 200,
			`MCP ${method} answered HTTP ${answer.status}: ${answer.text.slice(0, 300)}`,
		);
		const reply = answer.messages.find((m) => m.id === id);
		assert.ok(reply, `MCP ${method}: no reply with id ${id} in ${answer.text.slice(0, 300)}`);
		assert.equal(reply.error, undefined, `MCP ${method}: ${JSON.stringify(reply.error)}`);
		this.last = answer;
		return reply.result;
	}

	async notify(method, params = {}) {
		return await this.post({ method, params });
	}

	async initialize() {
		const result = await this.request('initialize', {
			protocolVersion: '2025-03-26',
			capabilities: {},
			clientInfo: { name: 'n8n-nodes-byrobot-bangwo8-e2e', version: '1.0.0' },
		});
		assert.ok(this.sessionId, 'initialize answered without an mcp-session-id header');
		const initialized = await this.notify('notifications/initialized');
		assert.equal(initialized.status, 202, `notifications/initialized: HTTP ${initialized.status}`);
		return result;
	}

	/** tools/call: the result ({ content: [{ type: 'text', text }], isError? }). */
	async callTool(name, args) {
		return await this.request('tools/call', { name, arguments: args });
	}
}

async function waitFor(fn, what, timeoutMs = 20000) {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await fn();
		if (value) return value;
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
		await new Promise((r) => setTimeout(r, 300));
	}
}

const textOf = (result) => (result.content ?? []).map((c) => c.text).join('\n');

/** The executions of a workflow, oldest first, each with its run data. */
async function executionRuns(rest, workflowId, runtimeDir) {
	const flatted = require(path.join(runtimeDir, 'node_modules', 'flatted'));
	const runs = [];
	for (const execution of [...(await executionsOf(rest, workflowId))].reverse()) {
		const full = await rest.ok('GET', `/rest/executions/${execution.id}`);
		const data = typeof full.data === 'string' ? flatted.parse(full.data) : full.data;
		runs.push({ ...execution, runData: data.resultData.runData });
	}
	return runs;
}

async function mcpCase({ url, rest, runtimeDir, runtime, byrobot, bangwo8 }) {
	const [callTaskId] = bangwo8.seedCallTasks(1);
	const workflowId = await createAndActivate(rest, forCustomExtensions(mcpWorkflow()));
	try {
		const endpoint = `${url}/mcp/${MCP_PATH}`;
		// Activation registers the webhooks; give n8n a moment if it does so in the background.
		let client;
		const init = await waitFor(async () => {
			client = new McpClient(endpoint);
			try {
				return await client.initialize();
			} catch (error) {
				if (/HTTP 404/.test(error.message)) return undefined;
				throw error;
			}
		}, `the MCP endpoint ${endpoint}`);
		// v2 names the server after the trigger node (v1: "n8n-mcp-server").
		assert.equal(init.serverInfo?.name, 'MCP_Server_Trigger', JSON.stringify(init.serverInfo));
		assert.ok(init.capabilities?.tools, `no tools capability: ${JSON.stringify(init)}`);
		assert.match(client.last.contentType, /text\/event-stream/, 'answers are SSE-framed');

		const { tools } = await client.request('tools/list');
		const byName = Object.fromEntries(tools.map((tool) => [tool.name, tool]));
		assert.deepEqual(Object.keys(byName).sort(), ['Add_To_Blacklist', 'Get_Call_Task']);
		// The $fromAI() keys are the input schema: type and description as given, all required.
		const blacklist = byName.Add_To_Blacklist;
		assert.match(blacklist.description, /^Put a phone number on the do-not-call blacklist/);
		assert.deepEqual(blacklist.inputSchema.properties, {
			mobile: {
				type: 'string',
				description:
					'The phone number never to call again: 11-digit mainland mobile or landline with area code',
			},
			name: { type: 'string', description: 'The customer name, as they gave it' },
		});
		assert.deepEqual([...blacklist.inputSchema.required].sort(), ['mobile', 'name']);
		const callTask = byName.Get_Call_Task;
		assert.deepEqual(Object.keys(callTask.inputSchema.properties), ['callTaskId']);
		assert.deepEqual(callTask.inputSchema.required, ['callTaskId']);
		// Tool Description "Set Automatically": n8n's own line for the operation.
		assert.equal(callTask.description, 'Get a call task in Bangwo8');

		// A good call: the number goes to BYRobot normalised, the answer comes back as JSON text.
		const added = await client.callTool('Add_To_Blacklist', {
			mobile: '+86 139-0000-1234',
			name: '张三',
		});
		assert.notEqual(added.isError, true, `Add_To_Blacklist failed: ${textOf(added)}`);
		assert.deepEqual(JSON.parse(textOf(added)), [{ blacklistInfoId: 7001 }]);
		assert.deepEqual(
			byrobot.requestsTo('/openapi/v1/company/addBlackList', 'POST').map((r) => r.body),
			[{ companyId: 1001, mobile: '13900001234', name: '张三', remark: 'via MCP' }],
		);
		assert.equal(byrobot.blacklistOf(1001, -1).length, 1);

		const read = await client.callTool('Get_Call_Task', { callTaskId });
		assert.notEqual(read.isError, true, `Get_Call_Task failed: ${textOf(read)}`);
		const [task] = JSON.parse(textOf(read));
		assert.equal(task.callTaskId, callTaskId, textOf(read).slice(0, 300));
		assert.equal(task.phoneCount, 3);

		// Bad values from the "model": isError with our message, naming the field; nothing sent.
		// The text is "<error class>: <message>\n\nDetails: <description>" (NodeOperationError in
		// n8n 2.x, Error in 1.x).
		const badPhone = await client.callTool('Add_To_Blacklist', { mobile: '12345', name: '李四' });
		assert.equal(badPhone.isError, true, `a bad phone is an error: ${JSON.stringify(badPhone)}`);
		assert.match(
			textOf(badPhone),
			/^(NodeOperationError|Error): Item 0: "Mobile" — "12345" is not a plausible phone number \(11-digit mainland mobile or landline with area code\)\n\nDetails: .*Nothing was sent to BYRobot/,
		);
		const badId = await client.callTool('Get_Call_Task', { callTaskId: 'abc' });
		assert.equal(badId.isError, true, `a bad id is an error: ${JSON.stringify(badId)}`);
		assert.match(textOf(badId), /"Call Task" — "abc" is not a call task ID/);
		assert.match(textOf(badId), /Nothing was sent to Bangwo8/);

		// Every $fromAI() key is required and typed: n8n checks the arguments before the node runs.
		const noName = await client.callTool('Add_To_Blacklist', { mobile: '13900001235' });
		assert.equal(noName.isError, true, `a missing key is an error: ${JSON.stringify(noName)}`);
		assert.match(textOf(noName), /did not match expected schema[\s\S]*Required\s+→ at name/);
		const numberId = await client.callTool('Get_Call_Task', { callTaskId: Number(callTaskId) });
		assert.equal(numberId.isError, true, `a number for a string key: ${JSON.stringify(numberId)}`);
		assert.match(textOf(numberId), /Expected string, received number\s+→ at callTaskId/);

		// The tool ran once per call (the executions below record the runs, they do not repeat them).
		assert.deepEqual(
			[...byrobot.requests, ...bangwo8.requests].map((r) => `${r.method} ${r.url}`),
			['POST /openapi/v1/company/addBlackList', `GET /api/v1/callTask/${callTaskId}.json`],
		);

		// Each tools/call is an execution of the workflow (mode webhook, status success) holding
		// the tool's run: in n8n 2.x every call (a failed tool run in error; none when the arguments
		// did not match the schema), in 1.x only the calls that succeeded.
		const expected = [
			'Add To Blacklist: success',
			'Get Call Task: success',
			...(runtime === 'n8n1'
				? []
				: ['Add To Blacklist: error', 'Get Call Task: error', 'no tool run', 'no tool run']),
		];
		await waitFor(async () => {
			const list = await executionsOf(rest, workflowId);
			return list.length >= expected.length && list.every((e) => e.status === 'success');
		}, `${expected.length} successful executions`);
		await new Promise((r) => setTimeout(r, 1000));
		const runs = await executionRuns(rest, workflowId, runtimeDir);
		assert.deepEqual(
			runs.map((r) => [r.mode, r.status]),
			expected.map(() => ['webhook', 'success']),
		);
		assert.deepEqual(
			runs.map((r) => {
				const [name] = Object.keys(r.runData).filter((n) => n !== 'MCP Server Trigger');
				if (!name) return 'no tool run';
				return `${name}: ${r.runData[name][0].error ? 'error' : 'success'}`;
			}),
			expected,
		);
		// The tool's run holds the model's arguments; n8n 2.x's trigger output names the call too.
		const [first] = runs;
		const args = { mobile: '+86 139-0000-1234', name: '张三' };
		assert.deepEqual(first.runData['Add To Blacklist'][0].inputOverride.ai_tool[0][0].json, args);
		assert.deepEqual(first.runData['Add To Blacklist'][0].data.ai_tool[0][0].json, {
			response: [{ blacklistInfoId: 7001 }],
		});
		if (runtime !== 'n8n1') {
			assert.deepEqual(first.runData['MCP Server Trigger'][0].data.main[0][0].json.mcpToolCall, {
				toolName: 'Add_To_Blacklist',
				arguments: args,
				sourceNodeName: 'Add To Blacklist',
			});
		}
	} finally {
		await rest.request('POST', `/rest/workflows/${workflowId}/deactivate`, {});
	}
}

/**
 * The AI agent example in a running n8n: it is not run (it needs the user's chat model), but it
 * is created through the REST API as the editor would, and n8n serves every node type and
 * version it uses (the tool variants of our nodes too).
 */
async function exampleLoads({ url, rest }) {
	const example = forCustomExtensions(agentExample());
	const model = example.nodes.find((n) => n.type === '@n8n/n8n-nodes-langchain.lmChatOpenAi');
	assert.ok(model, 'the example has a chat model node');
	assert.equal(model.credentials, undefined, 'the chat model ships without a credential');
	const { id: _id, ...body } = example;
	const created = await rest.ok('POST', '/rest/workflows', body);
	try {
		const stored = await rest.ok('GET', `/rest/workflows/${created.id}`);
		assert.deepEqual(
			stored.nodes.map((n) => n.name).sort(),
			example.nodes.map((n) => n.name).sort(),
		);
		const res = await fetch(`${url}/types/nodes.json`, {
			headers: { cookie: rest.cookie, 'browser-id': rest.browserId },
		});
		assert.equal(res.status, 200);
		const served = new Map();
		for (const type of await res.json()) {
			const versions = served.get(type.name) ?? new Set();
			for (const v of [type.version].flat()) versions.add(v);
			served.set(type.name, versions);
		}
		const missing = example.nodes
			.filter((n) => !served.get(n.type)?.has(n.typeVersion))
			.map(
				(n) =>
					`${n.name}: ${n.type} v${n.typeVersion} (served: ${[...(served.get(n.type) ?? [])].join(', ') || 'none'})`,
			);
		assert.deepEqual(missing, [], 'node types or versions n8n does not serve');
	} finally {
		await rest.request('DELETE', `/rest/workflows/${created.id}`);
	}
}

function serverCases() {
	return [
		{
			name: 'tools: the AI agent example is created through the REST API and every node type and version in it is served',
			run: exampleLoads,
		},
		{
			name: 'tools: MCP Server Trigger serves both tools (initialize, tools/list with $fromAI keys, tools/call, a bad phone → isError naming the field)',
			run: mcpCase,
		},
	];
}

module.exports = (ctx) => executeCases(ctx);
module.exports.serverCases = serverCases;
