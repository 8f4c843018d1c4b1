// A call's recording as an n8n file: phoneLogInfo gives the current link (luyinOssUrl, or the
// customer-only userLuyinOssUrl), which is then downloaded. Recording links are temporary
// object-storage links (docs/api/byrobot.md#recordings): this is how a workflow keeps one, e.g. to
// attach it to a CRM record, before it expires.
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type {
	IDataObject,
	IExecuteSingleFunctions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	INodeProperties,
	JsonObject,
} from 'n8n-workflow';

import type { Operation } from '../../../shared/operations';
import { guarded } from '../../../shared/requests';
import { checkResponse } from '../../shared/errors';
import { FINISH_STATUS_LABELS } from '../../shared/labels';
import { sendCallInstanceId } from '../../shared/inputs';
import { parseDuration } from '../../shared/output';

const WHOLE_CALL = 'whole';
const CUSTOMER_ONLY = 'customer';

/** Seconds a recording download may take (they are small: about 16 kB per second of 8 kHz WAV). */
const DOWNLOAD_TIMEOUT_SECONDS = 120;

/** MIME types of the audio files BYRobot's object storage holds, by file extension. */
const AUDIO_TYPES: Record<string, string> = {
	wav: 'audio/wav',
	mp3: 'audio/mpeg',
	m4a: 'audio/mp4',
	aac: 'audio/aac',
	amr: 'audio/amr',
	ogg: 'audio/ogg',
	opus: 'audio/opus',
};

const fields: INodeProperties[] = [
	{
		displayName: 'Recording',
		name: 'recording',
		type: 'options',
		default: WHOLE_CALL,
		options: [
			{
				name: 'Whole Call',
				value: WHOLE_CALL,
				description: 'The robot and the customer (luyinOssUrl)',
			},
			{
				name: 'Customer Only',
				value: CUSTOMER_ONLY,
				description: "Only the customer's side (userLuyinOssUrl)",
			},
		],
	},
	{
		displayName: 'Put Output File in Field',
		name: 'binaryPropertyName',
		type: 'string',
		required: true,
		default: 'data',
		hint: 'The name of the output binary field to put the file in',
	},
];

function objectOf(value: unknown): IDataObject {
	if (typeof value === 'string') {
		try {
			const parsed = JSON.parse(value) as unknown;
			if (parsed && typeof parsed === 'object' && !Array.isArray(parsed))
				return parsed as IDataObject;
		} catch {
			return {};
		}
	}
	return value && typeof value === 'object' && !Array.isArray(value) ? (value as IDataObject) : {};
}

const link = (value: unknown): string | undefined =>
	typeof value === 'string' && /^https?:\/\//i.test(value.trim()) ? value.trim() : undefined;

/** The file name the link ends with ("800001.wav"), or one made from the call id. */
export function recordingFileName(url: string, callInstanceId: string, side: string): string {
	let name = '';
	try {
		name = decodeURIComponent(new URL(url).pathname.split('/').pop() ?? '');
	} catch {
		name = '';
	}
	if (/^[^\\/]+\.[A-Za-z0-9]{2,5}$/.test(name)) return name;
	return `${callInstanceId}${side === CUSTOMER_ONLY ? '_user' : ''}.wav`;
}

/** The answer's audio type, or the one the file extension names (object storage often says octet-stream). */
export function recordingMimeType(contentType: unknown, fileName: string): string {
	const type =
		typeof contentType === 'string' ? contentType.split(';')[0].trim().toLowerCase() : '';
	if (type.startsWith('audio/') || type.startsWith('video/')) return type;
	const extension = fileName.split('.').pop()?.toLowerCase() ?? '';
	return AUDIO_TYPES[extension] ?? (type || 'application/octet-stream');
}

function headerOf(headers: IDataObject | undefined, name: string): unknown {
	if (!headers) return undefined;
	const key = Object.keys(headers).find((k) => k.toLowerCase() === name);
	return key === undefined ? undefined : headers[key];
}

/**
 * postReceive: checks phoneLogInfo's answer, picks the chosen recording link and downloads it
 * into the binary field. One output item: the call's id, link, file name, type and size.
 */
async function downloadRecording(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const node = this.getNode();
	const itemIndex = this.getItemIndex();
	const envelope = checkResponse(node, response, itemIndex);
	const detail = objectOf(envelope.data);
	const scene = objectOf(detail.sceneInstance);
	const phoneLog = objectOf(detail.phoneLog);
	const side = this.getNodeParameter('recording', WHOLE_CALL) as string;
	const property = String(this.getNodeParameter('binaryPropertyName', 'data') ?? '').trim();
	const callInstanceId = String(
		scene.callInstanceId ?? this.getNodeParameter('callInstanceId', '') ?? '',
	).trim();
	if (property === '') {
		throw new NodeOperationError(node, '"Put Output File in Field" is empty', {
			description: 'Give the name of the binary field the recording goes in, e.g. data.',
			itemIndex,
		});
	}
	const url =
		side === CUSTOMER_ONLY
			? link(scene.userLuyinOssUrl)
			: (link(phoneLog.luyinOssUrl) ?? link(scene.luyinOssUrl));
	const finishStatus = scene.finishStatus === undefined ? undefined : Number(scene.finishStatus);
	if (!url) {
		const outcome =
			finishStatus === undefined || Number.isNaN(finishStatus)
				? ''
				: ` (this call: ${FINISH_STATUS_LABELS[finishStatus] ?? `finishStatus ${finishStatus}`})`;
		throw new NodeOperationError(
			node,
			`Call ${callInstanceId} has no ${side === CUSTOMER_ONLY ? 'customer-only ' : ''}recording`,
			{
				description:
					side === CUSTOMER_ONLY && (link(phoneLog.luyinOssUrl) ?? link(scene.luyinOssUrl))
						? 'BYRobot gave no customer-only link (userLuyinOssUrl) for this call, only the whole call: choose Recording → Whole Call.'
						: `BYRobot records answered calls only${outcome}.`,
				itemIndex,
			},
		);
	}

	let download: IN8nHttpFullResponse;
	try {
		({ result: download } = await guarded(
			node,
			{ name: "BYRobot's recording storage", credential: 'the recording link' },
			{ timeout: DOWNLOAD_TIMEOUT_SECONDS * 1000 },
			{ itemIndex },
			async (options) =>
				(await this.helpers.httpRequest({
					method: 'GET',
					url,
					encoding: 'arraybuffer',
					json: false,
					returnFullResponse: true,
					ignoreHttpStatusErrors: true,
					timeout: options.timeout,
				})) as IN8nHttpFullResponse,
		));
	} catch (error) {
		// guarded() named the failure (timeout, refused, DNS, reset, TLS); the hint is about the link.
		const { origin, pathname } = new URL(url);
		throw new NodeApiError(node, { host: origin } as JsonObject, {
			message: (error as Error).message,
			description: `The link BYRobot gave for call ${callInstanceId} is ${origin}${pathname}: check that n8n can reach that host (firewall, proxy, DNS), then run the node again.`,
			itemIndex,
		});
	}
	const status = Number(download.statusCode ?? 200);
	if (status >= 400) {
		throw new NodeApiError(node, { httpCode: String(status) } as JsonObject, {
			message: `The recording of call ${callInstanceId} could not be downloaded: HTTP ${status}`,
			description:
				status === 403 || status === 404 || status === 410
					? 'Recording links are temporary and this one has expired or was removed (answered calls are kept about 30 days, unanswered ones 3). Download recordings soon after the call, e.g. straight from the Byrobot Trigger.'
					: "BYRobot's recording storage failed; try again later.",
			httpCode: String(status),
			itemIndex,
		});
	}
	const body = download.body as unknown;
	const buffer = Buffer.isBuffer(body)
		? body
		: body instanceof ArrayBuffer
			? Buffer.from(body)
			: Buffer.from(String(body ?? ''), 'binary');
	const fileName = recordingFileName(url, callInstanceId, side);
	const mimeType = recordingMimeType(
		headerOf(download.headers as IDataObject, 'content-type'),
		fileName,
	);
	const binary = await this.helpers.prepareBinaryData(buffer, fileName, mimeType);
	return [
		{
			json: {
				callInstanceId: (scene.callInstanceId ?? callInstanceId) as IDataObject[string],
				recording: side === CUSTOMER_ONLY ? 'Customer Only' : 'Whole Call',
				recordingUrl: url,
				fileName,
				mimeType,
				fileSize: buffer.length,
				finishStatus: finishStatus ?? null,
				duration: parseDuration(scene.duration) as IDataObject[string],
				customerTelephone: (scene.customerTelephone ?? null) as IDataObject[string],
				callJobId: (scene.callJobId ?? null) as IDataObject[string],
			},
			binary: { [property]: binary },
			pairedItem: { item: itemIndex },
		},
	];
}

export const taskDownloadRecording: Operation = {
	resource: 'task',
	option: {
		name: 'Download Recording',
		value: 'downloadRecording',
		action: 'Download the recording of a call',
		description:
			'Get the recording of one call as a file (whole call or customer only), before its temporary link expires',
		routing: {
			request: { method: 'GET', url: '/openapi/v1/task/phoneLogInfo' },
			send: { preSend: [sendCallInstanceId] },
			output: { postReceive: [downloadRecording] },
		},
	},
	shared: ['callInstance'],
	fields,
};
