// The callback bodies BYRobot POSTs (docs/api/byrobot.md#callback-envelopes): reading the body
// however n8n delivered it, recognising the three envelopes BYRobot sends, and turning each into
// the same workflow item. Codes keep their value with a label beside them, as the Byrobot node's
// output does; every field BYRobot sends is kept.
import type { IDataObject } from 'n8n-workflow';

import { CALL_STATUS_LABELS, FINISH_STATUS_LABELS, TASK_STATUS_LABELS } from '../shared/labels';

/** The event of a callback: `data.dataType` / `data.callbackType` (docs/api/byrobot.md#callback-envelopes). */
export const CALL_FINISHED = 'CALL_INSTANCE_RESULT';
export const TASK_STATUS_CHANGED = 'JOB_INFO_RESULT';
export const INBOUND_CALL_FINISHED = 'INBOUND_CALL_INSTANCE_RESULT';

export const EVENT_LABELS: Record<string, string> = {
	[CALL_FINISHED]: 'Call Finished',
	[TASK_STATUS_CHANGED]: 'Task Status Changed',
	[INBOUND_CALL_FINISHED]: 'Inbound Call Finished',
};

/**
 * Which of BYRobot's envelopes a body came in:
 * - `current`: `{code, data: {dataType, data: {…}}, resultMsg}`;
 * - `old` (callBackOld): `{code, data: {sceneInstance, taskResult, phoneLog, jobFinished}}`, no type;
 * - `openPlatform`: `{code, data: {callbackType, data: {callInstance, phoneLogs, …}}, resultMsg}`
 *   (docs/api/byrobot-open-platform.md#callback-envelope).
 */
export type EnvelopeVariant = 'current' | 'old' | 'openPlatform';

/** A recognised callback: its event, the envelope it came in, and the event's data object. */
export interface Callback {
	event: string;
	variant: EnvelopeVariant;
	data: IDataObject;
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

function parseJsonString(value: unknown): { parsed: unknown; ok: boolean } {
	if (typeof value !== 'string') return { parsed: value, ok: true };
	if (value.trim() === '') return { parsed: {}, ok: true };
	try {
		return { parsed: JSON.parse(value) as unknown, ok: true };
	} catch {
		return { parsed: value, ok: false };
	}
}

/** A list of objects that may also arrive as a JSON string (taskResult does). */
export function toList(value: unknown): IDataObject[] {
	const { parsed } = parseJsonString(value);
	return Array.isArray(parsed) ? parsed.filter(isObject) : [];
}

function hasTaskResult(data: IDataObject): boolean {
	return data.taskResult !== undefined && data.taskResult !== null;
}

/**
 * Recognises a parsed body as one of BYRobot's three envelopes. Returns the callback, or why the
 * body is not BYRobot's (answered 400).
 */
export function recognise(body: unknown): { callback: Callback } | { problem: string } {
	if (!isObject(body)) return { problem: 'the body is not a JSON object' };
	const code = body.code;
	if (typeof code !== 'number' && !(typeof code === 'string' && code.trim() !== '')) {
		return { problem: 'the body has no "code"' };
	}
	const outer = body.data;
	if (!isObject(outer)) return { problem: 'the body has no "data" object' };
	for (const [key, variant] of [
		['dataType', 'current'],
		['callbackType', 'openPlatform'],
	] as const) {
		const type = outer[key];
		if (type === undefined || type === null) continue;
		if (typeof type !== 'string' || type.trim() === '')
			return { problem: `"data.${key}" is empty` };
		if (!isObject(outer.data)) return { problem: '"data.data" is not an object' };
		// The open platform's parser also meets its own bodies under dataType: the content decides.
		const inner = outer.data;
		const open = variant === 'openPlatform' || isObject(inner.callInstance);
		return {
			callback: { event: type.trim(), variant: open ? 'openPlatform' : 'current', data: inner },
		};
	}
	// The old envelope has no type: a call (sceneInstance) or a hand-edited intention (taskResult).
	if (isObject(outer.sceneInstance)) {
		const scene = outer.sceneInstance;
		const inbound = scene.inboundInstanceId !== undefined && scene.callInstanceId === undefined;
		return {
			callback: {
				event: inbound ? INBOUND_CALL_FINISHED : CALL_FINISHED,
				variant: 'old',
				data: outer,
			},
		};
	}
	if (hasTaskResult(outer) && toList(outer.taskResult).length > 0) {
		return { callback: { event: CALL_FINISHED, variant: 'old', data: outer } };
	}
	return {
		problem:
			'"data.dataType" is missing (nor is it the old envelope with data.sceneInstance or the open platform\'s data.callbackType)',
	};
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
	if (typeof value === 'string' && /^\s*-?\d+(?:\.\d+)?\s*$/.test(value)) return Number(value);
	return null;
}

/** `properties` arrives as a JSON string or an object; returns an object (empty when absent or not JSON). */
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

function label(labels: Record<number, string>, code: number | null): string | null {
	if (code === null) return null;
	return labels[code] ?? `Unknown (${code})`;
}

const nullable = (value: unknown): IDataObject[string] =>
	(value === undefined ? null : value) as IDataObject[string];

/** taskResult rows as {resultName: resultValue} (e.g. 客户意向等级 → "C级(很少)"). */
function resultsByName(taskResult: IDataObject[]): IDataObject {
	const results: IDataObject = {};
	for (const row of taskResult) {
		if (typeof row.resultName === 'string' && row.resultName !== '') {
			results[row.resultName] = nullable(row.resultValue);
		}
	}
	return results;
}

const INTENTION_ROW = '客户意向等级';

/** The grade letter: resultValueAlias, a bare "A"–"F" (open platform), or the letter of "C级(…)". */
function gradeOf(row: IDataObject): string | null {
	for (const value of [row.resultValueAlias, row.artificialResultValue, row.resultValue]) {
		if (typeof value !== 'string') continue;
		const match = /^\s*([A-Fa-f])(?:级|\s*$|\s*[(（])/.exec(value);
		if (match) return match[1].toUpperCase();
	}
	return null;
}

const text = (value: unknown): string | null =>
	typeof value === 'string' && value.trim() !== '' ? value : null;

/**
 * The intention level (客户意向等级) of a call: the grade letter (A–F), its current CRM wording
 * (`resultValueNew`, e.g. "C级(明确拒绝)"), the value the script gave, and whether someone changed
 * it by hand. Null when the call has no intention row.
 */
function intentionOf(taskResult: IDataObject[]): IDataObject | null {
	const row =
		taskResult.find((r) => r.resultName === INTENTION_ROW) ??
		taskResult.find((r) => text(r.resultValueAlias) !== null);
	if (!row) return null;
	const changed = row.artificialChanged;
	return {
		grade: gradeOf(row),
		level: text(row.resultValueNew) ?? text(row.artificialResultValue) ?? nullable(row.resultValue),
		scriptValue: nullable(row.resultValue),
		changedByHand: changed === true || changed === 1 || changed === 'true',
	};
}

/** The customer tags of every row's resultLabels: `[{key, value}]` or `[{labelName}]`, as text. */
function customerTagsOf(taskResult: IDataObject[]): string[] {
	const tags: string[] = [];
	for (const row of taskResult) {
		for (const labelEntry of toList(row.resultLabels)) {
			const name = text(labelEntry.value) ?? text(labelEntry.labelName) ?? text(labelEntry.name);
			if (name !== null && !tags.includes(name)) tags.push(name);
		}
	}
	return tags;
}

const TRANSFER_KEYS = ['csStaffId', 'csStaffName', 'transferMobile', 'failReason'] as const;

function truthy(value: unknown): boolean | null {
	if (value === true || value === 1 || value === 'true' || value === '1') return true;
	if (value === false || value === 0 || value === 'false' || value === '0') return false;
	return null;
}

/**
 * Transfer to a human agent: inbound calls' transferStatus (0 none, 1 transferred, 2 failed) and
 * transferInfo, the open platform's `transferred`, and the results BYRobot puts inside
 * `properties` (csStaffId, csStaffName, transferMobile, success, failReason). Null without any.
 */
function transferOf(call: IDataObject, properties: IDataObject): IDataObject | null {
	const status = toCode(call.transferStatus);
	const flag = truthy(call.transferred);
	const inProperties = TRANSFER_KEYS.some((key) => properties[key] !== undefined);
	if (!inProperties && (status === null || status === 0) && flag !== true) return null;
	let transferred = status !== null ? status === 1 : flag;
	if (inProperties && properties.success !== undefined) transferred = truthy(properties.success);
	return {
		transferred,
		status:
			status === null ? null : status === 0 ? 'none' : status === 1 ? 'transferred' : 'failed',
		staffId: nullable(properties.csStaffId),
		staffName: nullable(properties.csStaffName),
		mobile: nullable(properties.transferMobile),
		failReason: nullable(properties.failReason),
		info: nullable(call.transferInfo),
	};
}

/** `corpName` arrives as a JSON string: its parsed value, or the text when it is not JSON. */
function parsedText(value: unknown): IDataObject[string] {
	if (typeof value !== 'string' || value.trim() === '') return nullable(value);
	const { parsed, ok } = parseJsonString(value);
	return (ok ? parsed : value) as IDataObject[string];
}

/** Keys of a call result's data object the item lifts into its own fields. */
const LIFTED_CALL_PARTS = new Set(['sceneInstance', 'callInstance', 'phoneLog', 'phoneLogs']);

/**
 * An outbound or inbound call result (docs/api/byrobot.md#call-result-fields,
 * #inbound-call-fields; docs/api/byrobot-open-platform.md#call-result-callback), from any of the
 * three envelopes: the call's fields, then the lifted ones.
 */
function formatCallResult(event: string, data: IDataObject): IDataObject {
	const taskResult = toList(data.taskResult);
	const call = isObject(data.sceneInstance)
		? data.sceneInstance
		: isObject(data.callInstance)
			? data.callInstance
			: undefined;
	const item: IDataObject = { event, eventLabel: EVENT_LABELS[event] };
	if (!call) {
		// The "intention level changed by hand" callback: CALL_INSTANCE_RESULT with only taskResult
		// (docs/api/byrobot.md#manual-intention-change).
		const first = taskResult[0];
		for (const [key, value] of Object.entries(data)) {
			if (key !== 'taskResult') item[key] = value;
		}
		Object.assign(item, {
			callInstanceId: nullable(first?.sceneInstanceId ?? first?.callInstanceId),
			companyId: nullable(first?.companyId),
			callJobId: nullable(first?.callJobId),
			intentionChangedManually: true,
			results: resultsByName(taskResult),
			intention: intentionOf(taskResult),
			customerTags: customerTagsOf(taskResult),
			taskResult,
			dialogue: [],
		});
		return item;
	}
	const status = toCode(call.status ?? call.callInstanceStatus);
	const finishStatus = toCode(call.finishStatus);
	const { properties: parsed, raw } = toProperties(call.properties);
	const properties =
		Object.keys(parsed).length === 0 && raw === undefined && isObject(call.propertiesMap)
			? call.propertiesMap
			: parsed;
	const phoneLog = parseJsonString(data.phoneLog).parsed;
	const hangUp = toCode(call.hangUp);
	const cost = toCode(call.cost);
	Object.assign(item, call, {
		callInstanceId: nullable(call.callInstanceId ?? call.inboundInstanceId),
		status,
		statusLabel: label(CALL_STATUS_LABELS, status),
		finishStatus,
		finishStatusLabel: label(FINISH_STATUS_LABELS, finishStatus),
		duration: toDuration(call.duration),
		properties,
	});
	if (raw !== undefined) item.propertiesRaw = raw;
	if (call.corpName !== undefined) item.corpName = parsedText(call.corpName);
	if (call.cost !== undefined) {
		item.cost = cost;
		item.costYuan = cost === null ? null : Math.round(cost) / 100;
	}
	item.hungUpBy = hangUp === 0 ? 'AI' : hangUp === 1 ? 'Customer' : null;
	item.transfer = transferOf(call, properties);
	// Everything else the data object holds (jobFinished, sign, dateTime, the open platform's
	// callRepeat and jobPhoneInfos, fields BYRobot adds later), kept under its own name.
	for (const [key, value] of Object.entries(data)) {
		if (!LIFTED_CALL_PARTS.has(key) && key !== 'taskResult') item[key] = value;
	}
	item.intentionChangedManually = false;
	item.results = resultsByName(taskResult);
	item.intention = intentionOf(taskResult);
	item.customerTags = customerTagsOf(taskResult);
	item.taskResult = taskResult;
	item.dialogue = toDialogue(data.phoneLogs ?? phoneLog);
	const recording = isObject(phoneLog) ? text(phoneLog.luyinOssUrl) : null;
	item.recordingUrl = recording ?? text(call.luyinOssUrl);
	item.customerRecordingUrl = text(call.userLuyinOssUrl);
	return item;
}

/**
 * A task status change (docs/api/byrobot.md#task-status-fields): `status` (legacy) or
 * `callJobStatus` (open platform, docs/api/byrobot-open-platform.md#task-status-callback).
 */
function formatTaskStatus(event: string, data: IDataObject): IDataObject {
	const status = toCode(data.status ?? data.callJobStatus);
	return {
		event,
		eventLabel: EVENT_LABELS[event],
		...data,
		taskId: nullable(data.callJobId),
		status,
		statusLabel: label(TASK_STATUS_LABELS, status),
	};
}

/** The workflow item for one accepted callback. */
export function formatCallback(callback: Callback): IDataObject {
	const { event, data, variant } = callback;
	const item =
		event === TASK_STATUS_CHANGED ? formatTaskStatus(event, data) : formatCallResult(event, data);
	item.envelope = variant;
	return item;
}
