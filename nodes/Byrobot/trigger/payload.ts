// The callback envelope BYRobot POSTs (docs/api/byrobot.md#callback-envelopes): reading the
// body however n8n delivered it, checking its shape, and turning it into the workflow item.
// Codes keep their value with a label beside them, as the Byrobot node's output does.
import type { IDataObject } from 'n8n-workflow';

import { CALL_STATUS_LABELS, FINISH_STATUS_LABELS, TASK_STATUS_LABELS } from '../shared/labels';

/** `data.dataType` of the callbacks the trigger knows (docs/api/byrobot.md#callback-envelopes). */
export const CALL_FINISHED = 'CALL_INSTANCE_RESULT';
export const TASK_STATUS_CHANGED = 'JOB_INFO_RESULT';
export const INBOUND_CALL_FINISHED = 'INBOUND_CALL_INSTANCE_RESULT';

export const EVENT_LABELS: Record<string, string> = {
	[CALL_FINISHED]: 'Call Finished',
	[TASK_STATUS_CHANGED]: 'Task Status Changed',
	[INBOUND_CALL_FINISHED]: 'Inbound Call Finished',
};

/** The documented envelope: {code, data: {dataType, data}, resultMsg}. */
export interface CallbackEnvelope {
	code: number | string;
	resultMsg?: unknown;
	data: { dataType: string; data: IDataObject };
}

/** The parts of n8n's (express) request the trigger reads. */
export interface CallbackRequest {
	body?: unknown;
	rawBody?: unknown;
	ip?: string;
	socket?: { remoteAddress?: string };
	query?: Record<string, unknown>;
}

export function isObject(value: unknown): value is IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isBinary(value: unknown): value is Uint8Array {
	return value instanceof Uint8Array;
}

function textOf(value: unknown): string | undefined {
	if (typeof value === 'string') return value;
	if (isBinary(value)) return new TextDecoder('utf-8').decode(value);
	return undefined;
}

/**
 * The body as JSON, however n8n delivered it: already parsed (application/json), a string
 * (text/plain, as private deployments send it; docs/api/byrobot.md#callback-delivery), or only in
 * req.rawBody (content types n8n leaves unparsed).
 * Returns undefined when there is no body; throws when the text is not JSON.
 */
export function readJsonBody(req: CallbackRequest): unknown {
	const { body } = req;
	if (isObject(body) && !isBinary(body) && Object.keys(body).length > 0) return body;
	if (Array.isArray(body)) return body;
	const text = textOf(body)?.trim() || textOf(req.rawBody)?.trim();
	if (!text) return undefined;
	return JSON.parse(text.replace(/^\uFEFF/, '')) as unknown;
}

/** Whether a parsed body is the documented envelope; returns the reason it is not. */
export function envelopeProblem(body: unknown): string | undefined {
	if (!isObject(body)) return 'the body is not a JSON object';
	const code = body.code;
	if (typeof code !== 'number' && !(typeof code === 'string' && code.trim() !== '')) {
		return 'the body has no "code"';
	}
	if (!isObject(body.data)) return 'the body has no "data" object';
	const { dataType, data } = body.data;
	if (typeof dataType !== 'string' || dataType.trim() === '') return '"data.dataType" is missing';
	if (!isObject(data)) return '"data.data" is not an object';
	return undefined;
}

/** "27秒", "27", 27 → 27; anything without a number → null (docs/api/byrobot.md#quirks). */
export function toDuration(value: unknown): number | null {
	if (typeof value === 'number') return Number.isFinite(value) ? value : null;
	if (typeof value !== 'string') return null;
	const match = value.match(/-?\d+(?:\.\d+)?/);
	return match ? Number(match[0]) : null;
}

function toCode(value: unknown): number | null {
	if (typeof value === 'number' && Number.isFinite(value)) return value;
	if (typeof value === 'string' && /^\s*-?\d+\s*$/.test(value)) return Number(value);
	return null;
}

function parseJsonString(value: unknown): { parsed: unknown; ok: boolean } {
	if (typeof value !== 'string') return { parsed: value, ok: true };
	if (value.trim() === '') return { parsed: {}, ok: true };
	try {
		return { parsed: JSON.parse(value) as unknown, ok: true };
	} catch {
		return { parsed: value, ok: false };
	}
}

/** `properties` arrives as a JSON string; returns an object (empty when absent or not JSON). */
export function toProperties(value: unknown): { properties: IDataObject; raw?: string } {
	if (value === undefined || value === null) return { properties: {} };
	const { parsed, ok } = parseJsonString(value);
	if (ok && isObject(parsed)) return { properties: parsed };
	return { properties: {}, raw: typeof value === 'string' ? value : JSON.stringify(value) };
}

/** phoneLog as {phoneLogs: [...]}, a bare array, or a JSON string of either → the array of utterances. */
export function toDialogue(phoneLog: unknown): IDataObject[] {
	const { parsed } = parseJsonString(phoneLog);
	const list = isObject(parsed) ? parseJsonString(parsed.phoneLogs).parsed : parsed;
	return Array.isArray(list) ? list.filter(isObject) : [];
}

/** A list of objects that may also arrive as a JSON string (taskResult does). */
export function toList(value: unknown): IDataObject[] {
	const { parsed } = parseJsonString(value);
	return Array.isArray(parsed) ? parsed.filter(isObject) : [];
}

function label(labels: Record<number, string>, code: number | null): string | null {
	if (code === null) return null;
	return labels[code] ?? `Unknown (${code})`;
}

/** taskResult rows as {resultName: resultValue} (e.g. 客户意向等级 → "C级(很少)"). */
function resultsByName(taskResult: IDataObject[]): IDataObject {
	const results: IDataObject = {};
	for (const row of taskResult) {
		if (typeof row.resultName === 'string' && row.resultName !== '') {
			results[row.resultName] = (row.resultValue ?? null) as IDataObject[string];
		}
	}
	return results;
}

/**
 * An outbound call result (docs/api/byrobot.md#call-result-fields) or an inbound call
 * (docs/api/byrobot.md#inbound-call-fields, whose id is inboundInstanceId).
 */
function formatCallResult(dataType: string, data: IDataObject): IDataObject {
	const taskResult = toList(data.taskResult);
	const scene = isObject(data.sceneInstance) ? data.sceneInstance : undefined;
	const phoneLog = parseJsonString(data.phoneLog).parsed;
	const item: IDataObject = { event: dataType, eventLabel: EVENT_LABELS[dataType] };
	if (!scene) {
		// The "intention level changed by hand" callback: CALL_INSTANCE_RESULT with only taskResult
		// (docs/api/byrobot.md#manual-intention-change).
		const first = taskResult[0];
		item.callInstanceId = (first?.sceneInstanceId ?? null) as IDataObject[string];
		item.companyId = (first?.companyId ?? null) as IDataObject[string];
		item.intentionChangedManually = true;
		item.results = resultsByName(taskResult);
		item.taskResult = taskResult;
		item.dialogue = [];
		return item;
	}
	const status = toCode(scene.status);
	const finishStatus = toCode(scene.finishStatus);
	const { properties, raw } = toProperties(scene.properties);
	const callInstanceId = scene.callInstanceId ?? scene.inboundInstanceId ?? null;
	Object.assign(item, scene, {
		callInstanceId: callInstanceId as IDataObject[string],
		status,
		statusLabel: label(CALL_STATUS_LABELS, status),
		finishStatus,
		finishStatusLabel: label(FINISH_STATUS_LABELS, finishStatus),
		duration: toDuration(scene.duration),
		properties,
	});
	if (raw !== undefined) item.propertiesRaw = raw;
	item.intentionChangedManually = false;
	item.results = resultsByName(taskResult);
	item.taskResult = taskResult;
	item.dialogue = toDialogue(phoneLog);
	const recording = isObject(phoneLog) ? phoneLog.luyinOssUrl : undefined;
	item.recordingUrl = (recording ?? scene.luyinOssUrl ?? null) as IDataObject[string];
	if (data.jobFinished !== undefined) item.jobFinished = data.jobFinished;
	return item;
}

/** A task status change (docs/api/byrobot.md#task-status-fields). */
function formatTaskStatus(dataType: string, data: IDataObject): IDataObject {
	const status = toCode(data.status);
	return {
		event: dataType,
		eventLabel: EVENT_LABELS[dataType],
		...data,
		taskId: (data.callJobId ?? null) as IDataObject[string],
		status,
		statusLabel: label(TASK_STATUS_LABELS, status),
	};
}

/** The workflow item for one accepted callback. */
export function formatCallback(envelope: CallbackEnvelope): IDataObject {
	const { dataType, data } = envelope.data;
	if (dataType === TASK_STATUS_CHANGED) return formatTaskStatus(dataType, data);
	return formatCallResult(dataType, data);
}
