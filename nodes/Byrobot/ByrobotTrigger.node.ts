// The Byrobot Trigger lives beside the Byrobot node (as n8n's Microsoft SharePoint trigger does)
// and shares its label tables; what BYRobot's callbacks are: docs/api/byrobot.md#callbacks.
// Its type name stays `byrobotTrigger`, so saved workflows keep working.
import {
	NodeConnectionTypes,
	NodeOperationError,
	type IDataObject,
	type IHookFunctions,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';

import { choicesSubtitle } from '../shared/subtitle';
import {
	ACKNOWLEDGEMENT,
	acknowledgeWhenAnswered,
	answer,
	type CallbackResponse,
} from './trigger/acknowledgement';
import { allowListEntryProblem, ipAllowed, parseAllowList, tokenMatches } from './trigger/access';
import {
	admit,
	duplicateKey,
	memoryFor,
	settle,
	type DuplicateState,
} from './trigger/deduplication';
import {
	CALL_FINISHED,
	EVENT_LABELS,
	formatCallback,
	INBOUND_CALL_FINISHED,
	readJsonBody,
	recognise,
	TASK_STATUS_CHANGED,
	type CallbackRequest,
} from './trigger/payload';

/** Acknowledge: `success` on receipt (default), or only once the workflow has succeeded. */
const ON_RECEIPT = 'onReceipt';
const AFTER_SUCCESS = 'afterSuccess';

/** Drop Duplicates Within (Minutes) when the option is not set. */
const DEFAULT_WINDOW_MINUTES = 60;

export class ByrobotTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Byrobot Trigger',
		name: 'byrobotTrigger',
		icon: { light: 'file:../../icons/byrobot.svg', dark: 'file:../../icons/byrobot.dark.svg' },
		group: ['trigger'],
		version: 1,
		// The chosen events by name ("Call Finished"), not BYRobot's codes (nodes/shared/subtitle.ts).
		subtitle: choicesSubtitle('events', EVENT_LABELS),
		// The nodes panel lists this trigger and the Byrobot node as one entry "Byrobot" and shows
		// the trigger's description on it: so it says what both do.
		description:
			'Run BYRobot (百应) AI outbound-call tasks, or start a workflow when BYRobot reports a finished call or a task status change',
		defaults: {
			name: 'Byrobot Trigger',
		},
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				// The node answers refusals and repeats itself (noWebhookResponse). An accepted callback
				// is answered by n8n: on receipt once it has stored the execution (n8n 2.x; 1.x answers
				// before), at-least-once after the run ended ("lastNode", no data). The node turns a 2xx
				// into a plain "success" and learns the outcome (trigger/acknowledgement.ts).
				responseMode: `={{$parameter["acknowledge"] === "${AFTER_SUCCESS}" ? "lastNode" : "onReceived"}}`,
				responseData: `={{$parameter["acknowledge"] === "${AFTER_SUCCESS}" ? "noData" : "${ACKNOWLEDGEMENT}"}}`,
				path: 'byrobot',
			},
		],
		triggerPanel: {
			header: 'Paste this URL into the BYRobot console',
			executionsHelp: {
				inactive:
					'Use the Test URL while building: paste it as the callback address in the BYRobot console, click "Execute step" (n8n 1.x: "Listen for test event"), then let BYRobot finish a call. Once you publish (activate) the workflow, replace it there with the Production URL.',
				active:
					'The workflow runs for every callback BYRobot sends to the Production URL. Check the callback address in the BYRobot console if nothing arrives.',
			},
			activationHint:
				'Once published, BYRobot callbacks sent to the Production URL start this workflow.',
		},
		properties: [
			{
				displayName:
					'Paste the webhook URL below into the BYRobot CRM as the callback address: call results (通话记录回调) and task status changes (任务状态回调) each have their own callback URL, set by the super-admin (系统管理 → 系统设置 → API配置, where the AppKey is issued). The task status callback must be enabled by BYRobot. If you set a Token, add ?token=YOUR_TOKEN to the end of the URL.',
				name: 'notice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				required: true,
				default: [CALL_FINISHED, TASK_STATUS_CHANGED, INBOUND_CALL_FINISHED],
				description:
					'Which callbacks start the workflow. Other callbacks are still acknowledged, so BYRobot does not retry them.',
				options: [
					{
						name: 'Call Finished',
						value: CALL_FINISHED,
						description:
							'An outbound call ended (also sent when someone changes the intention level by hand)',
					},
					{
						name: 'Inbound Call Finished',
						value: INBOUND_CALL_FINISHED,
						description: 'An inbound call to the robot ended',
					},
					{
						name: 'Task Status Changed',
						value: TASK_STATUS_CHANGED,
						description:
							'A call task was paused, finished or stopped for arrears (needs the task status callback URL)',
					},
				],
			},
			{
				displayName: 'Token',
				name: 'token',
				type: 'string',
				typeOptions: { password: true },
				default: '',
				description:
					'Optional shared secret. When set, only requests whose URL ends with ?token= and this value start the workflow; others get HTTP 403. BYRobot does not sign its callbacks, so this is what tells them apart from anyone else who learns the URL.',
			},
			{
				displayName: 'Acknowledge',
				name: 'acknowledge',
				type: 'options',
				default: ON_RECEIPT,
				options: [
					{
						name: 'When Received',
						value: ON_RECEIPT,
						description:
							'Answer "success" as soon as n8n has stored the execution (n8n 1.x: as soon as the callback arrives), then run the workflow (fastest). BYRobot does not send again a callback whose run fails.',
					},
					{
						name: 'When the Workflow Succeeded (At-Least-Once)',
						value: AFTER_SUCCESS,
						description:
							'Answer "success" only after the workflow has finished without error. A failed run gets HTTP 500 and BYRobot sends the callback again (after 10 s, 30 s, 1 min, …).',
					},
				],
				description: 'When BYRobot is told the callback arrived',
			},
			{
				displayName:
					"BYRobot waits for the answer while the workflow runs: keep it short (seconds), and do not add a Respond to Webhook node. A failed run runs again from the start on BYRobot's retry, so write to other systems with an update-or-insert keyed by the call ID. With Drop Duplicates on, a call counts as delivered once its run succeeded; a repeat that arrives while the first run is still going gets HTTP 503 and is sent again later.",
				name: 'atLeastOnceNotice',
				type: 'notice',
				default: '',
				displayOptions: { show: { acknowledge: [AFTER_SUCCESS] } },
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Allowed IPs',
						name: 'allowedIps',
						type: 'string',
						default: '',
						placeholder: '120.55.46.3',
						description:
							"Comma-separated IP addresses or IPv4 ranges (CIDR) allowed to call this webhook; others get HTTP 403. BYRobot's public cloud sends callbacks from 120.55.46.3 (the open platform also from 42.192.127.32/27). Behind a reverse proxy, set N8N_PROXY_HOPS so n8n sees the real client IP.",
					},
					{
						displayName: 'Drop Duplicates Within (Minutes)',
						name: 'duplicateWindowMinutes',
						type: 'number',
						typeOptions: { minValue: 0 },
						default: DEFAULT_WINDOW_MINUTES,
						description:
							'BYRobot retries a callback it thinks failed. A callback for the same call (or the same task and status) already delivered within this many minutes (n8n stored its execution; at-least-once: its run succeeded) is acknowledged but does not start the workflow again. 60 when not set; 0 turns this off.',
					},
				],
			},
		],
	};

	// BYRobot has no API to register a callback URL: the user pastes it into the console.
	// Activation only checks the settings, so a typo in the IP list fails here, not silently later.
	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				const options = this.getNodeParameter('options', {}) as IDataObject;
				for (const entry of parseAllowList(String(options.allowedIps ?? ''))) {
					const problem = allowListEntryProblem(entry);
					if (problem) {
						throw new NodeOperationError(this.getNode(), `Allowed IPs: ${problem}`);
					}
				}
				return true;
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const req = this.getRequestObject() as unknown as CallbackRequest;
		const res = this.getResponseObject() as unknown as CallbackResponse;
		const events = this.getNodeParameter('events', []) as string[];
		const token = String(this.getNodeParameter('token', '') ?? '');
		const options = this.getNodeParameter('options', {}) as IDataObject;

		const allowList = parseAllowList(String(options.allowedIps ?? ''));
		if (allowList.length > 0 && !ipAllowed(req.ip ?? req.socket?.remoteAddress, allowList)) {
			answer(res, 403, 'Forbidden: this IP address may not call the webhook');
			return { noWebhookResponse: true };
		}

		if (token !== '' && !tokenMatches((req.query ?? {}).token, token)) {
			answer(res, 403, 'Forbidden: missing or wrong token');
			return { noWebhookResponse: true };
		}

		let body: unknown;
		try {
			body = readJsonBody(req);
		} catch (error) {
			answer(res, 400, `Bad request: the body is not JSON (${(error as Error).message})`);
			return { noWebhookResponse: true };
		}
		const recognised = recognise(body);
		if ('problem' in recognised) {
			answer(res, 400, `Bad request: not a BYRobot callback, ${recognised.problem}`);
			return { noWebhookResponse: true };
		}
		const { callback } = recognised;

		if (!events.includes(callback.event)) {
			answer(res, 200, ACKNOWLEDGEMENT);
			return { noWebhookResponse: true };
		}

		const windowMinutes = Number(options.duplicateWindowMinutes ?? DEFAULT_WINDOW_MINUTES);
		const key = windowMinutes > 0 ? duplicateKey(callback) : undefined;
		const node = this.getNode();
		const memory = memoryFor(`${this.getWorkflow().id}:${node.id ?? node.name}:${this.getMode()}`);
		const state = (key ? this.getWorkflowStaticData('node') : {}) as DuplicateState;
		const windowMs = windowMinutes * 60_000;
		if (key) {
			const admission = admit(memory, state, key, { now: Date.now(), windowMs });
			if (admission === 'duplicate') {
				answer(res, 200, ACKNOWLEDGEMENT);
				return { noWebhookResponse: true };
			}
			if (admission === 'running') {
				answer(
					res,
					503,
					'Busy: the first delivery of this callback has not been answered yet; send it again later',
					{ 'Retry-After': '10' },
				);
				return { noWebhookResponse: true };
			}
		}

		// n8n answers: after storing the execution (on receipt) or after the run (at-least-once).
		acknowledgeWhenAnswered(res, (succeeded) => {
			if (key) settle(memory, state, key, succeeded, { now: Date.now(), windowMs });
		});
		return {
			workflowData: [this.helpers.returnJsonArray([formatCallback(callback)])],
			webhookResponse: ACKNOWLEDGEMENT,
		};
	}
}
