// The Byrobot Trigger lives beside the Byrobot node (as n8n's Microsoft SharePoint trigger does)
// and shares its label tables; what BYRobot's callbacks are: docs/api/byrobot.md#callbacks.
// Its type name stays `byrobotTrigger`, so saved workflows keep working.
import {
	NodeConnectionTypes,
	NodeOperationError,
	type IDataObject,
	type IHookFunctions,
	type NodeConnectionType,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';

import { allowListEntryProblem, ipAllowed, parseAllowList, tokenMatches } from './trigger/access';
import { duplicateKey, seenRecently, type DuplicateState } from './trigger/deduplication';
import {
	CALL_FINISHED,
	envelopeProblem,
	formatCallback,
	INBOUND_CALL_FINISHED,
	readJsonBody,
	TASK_STATUS_CHANGED,
	type CallbackEnvelope,
	type CallbackRequest,
} from './trigger/payload';

/** The parts of n8n's (express) response the trigger writes. */
interface CallbackResponse {
	writeHead(status: number, headers: Record<string, string>): unknown;
	end(body: string): unknown;
}

// One main output. Kept in a constant: n8n-nodes-base's outputs rule reads only string literals
// ('main') while the community rule forbids them in favour of NodeConnectionTypes.
const OUTPUTS: NodeConnectionType[] = [NodeConnectionTypes.Main];

/**
 * BYRobot stops retrying only when the body is exactly this
 * (docs/api/byrobot.md#callback-acknowledgement).
 */
const ACKNOWLEDGEMENT = 'success';

function answer(res: CallbackResponse, status: number, body: string): void {
	res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
	res.end(body);
}

export class ByrobotTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Byrobot Trigger',
		name: 'byrobotTrigger',
		icon: { light: 'file:../../icons/byrobot.svg', dark: 'file:../../icons/byrobot.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{ ($parameter["events"] || []).join(", ") }}',
		description:
			'Starts the workflow when BYRobot (百应) reports a finished call or a task status change',
		defaults: {
			name: 'Byrobot Trigger',
		},
		inputs: [],
		outputs: OUTPUTS,
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				// The node answers the request itself (plain "success", 400 or 403) and returns
				// noWebhookResponse, so n8n sends nothing more.
				responseMode: 'onReceived',
				path: 'byrobot',
			},
		],
		triggerPanel: {
			header: 'Paste this URL into the BYRobot console',
			executionsHelp: {
				inactive:
					'Use the Test URL while building: paste it as the callback address in the BYRobot console, click "Listen for test event", then let BYRobot finish a call. Once you publish (activate) the workflow, replace it there with the Production URL.',
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
							"Comma-separated IP addresses or IPv4 ranges (CIDR) allowed to call this webhook; others get HTTP 403. BYRobot's public cloud sends callbacks from 120.55.46.3. Behind a reverse proxy, set N8N_PROXY_HOPS so n8n sees the real client IP.",
					},
					{
						displayName: 'Drop Duplicates Within (Minutes)',
						name: 'duplicateWindowMinutes',
						type: 'number',
						typeOptions: { minValue: 0 },
						default: 60,
						description:
							'BYRobot retries a callback it thinks failed. A callback for the same call (or the same task and status) already received within this many minutes is acknowledged but does not start the workflow again. 0 turns this off.',
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
		const problem = envelopeProblem(body);
		if (problem) {
			answer(res, 400, `Bad request: not a BYRobot callback, ${problem}`);
			return { noWebhookResponse: true };
		}
		const envelope = body as CallbackEnvelope;

		if (!events.includes(envelope.data.dataType)) {
			answer(res, 200, ACKNOWLEDGEMENT);
			return { noWebhookResponse: true };
		}

		const windowMinutes = Number(options.duplicateWindowMinutes ?? 0);
		if (windowMinutes > 0) {
			const key = duplicateKey(envelope);
			const state = this.getWorkflowStaticData('node') as DuplicateState;
			if (key && seenRecently(state, key, Date.now(), windowMinutes * 60_000)) {
				answer(res, 200, ACKNOWLEDGEMENT);
				return { noWebhookResponse: true };
			}
		}

		answer(res, 200, ACKNOWLEDGEMENT);
		return {
			noWebhookResponse: true,
			workflowData: [this.helpers.returnJsonArray([formatCallback(envelope)])],
		};
	}
}
