// What BYRobot's callbacks look like and how the trigger turns them into items.
// Source: docs/api/byrobot.md#callbacks (envelopes, fields, acknowledgement), #enums and #quirks.
import { createHash, timingSafeEqual } from 'crypto';
import type { IDataObject } from 'n8n-workflow';

// One set of enum labels for the node and the trigger.
import { FINISH_STATUS_LABELS, TASK_STATUS_LABELS } from '../Byrobot/shared/output';

export { FINISH_STATUS_LABELS, TASK_STATUS_LABELS };

export const CALL_FINISHED = 'CALL_INSTANCE_RESULT';
export const TASK_STATUS_CHANGED = 'JOB_INFO_RESULT';
export const INBOUND_CALL_FINISHED = 'INBOUND_CALL_INSTANCE_RESULT';

export const EVENT_LABELS: Record<string, string> = {
	[CALL_FINISHED]: 'Call Finished',
	[TASK_STATUS_CHANGED]: 'Task Status Changed',
	[INBOUND_CALL_FINISHED]: 'Inbound Call Finished',
};

/** Call instance status (sceneInstance `status` of a call result): 0 not started, 1 in progress, 2 finished. */
export const CALL_STATUS_LABELS: Record<number, string> = {
	0: 'Not Started',
	1: 'In Progress',
	2: 'Finished',
};

/** The documented callback envelope: {code, data: {dataType, data}, resultMsg}. */
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

function isObject(value: unknown): value is IDataObject {
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
 * (text/plain in n8n 1.x/2.x), or only in req.rawBody (content types n8n leaves unparsed).
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

/** "27秒", "27", 27 → 27; anything without a number → null. */
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

function toList(value: unknown): IDataObject[] {
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

function callItem(dataType: string, data: IDataObject): IDataObject {
	const taskResult = toList(data.taskResult);
	const scene = isObject(data.sceneInstance) ? data.sceneInstance : undefined;
	const phoneLog = parseJsonString(data.phoneLog).parsed;
	const item: IDataObject = { event: dataType, eventLabel: EVENT_LABELS[dataType] };
	if (!scene) {
		// The "intention level changed by hand" callback: CALL_INSTANCE_RESULT with only taskResult.
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
	Object.assign(item, scene, {
		callInstanceId: (scene.callInstanceId ?? scene.inboundInstanceId ?? null) as IDataObject[string],
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

function taskItem(dataType: string, data: IDataObject): IDataObject {
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
export function toItem(envelope: CallbackEnvelope): IDataObject {
	const { dataType, data } = envelope.data;
	if (dataType === TASK_STATUS_CHANGED) return taskItem(dataType, data);
	return callItem(dataType, data);
}

/**
 * What makes two callbacks the same delivery: the event, the call instance or task, and what
 * changed (a task's status; a hand-edited intention's results). Undefined when there is no id.
 */
export function duplicateKey(envelope: CallbackEnvelope): string | undefined {
	const { dataType, data } = envelope.data;
	if (dataType === TASK_STATUS_CHANGED) {
		if (data.callJobId === undefined || data.callJobId === null) return undefined;
		return `${dataType}:${String(data.callJobId)}:${String(data.status)}`;
	}
	const scene = isObject(data.sceneInstance) ? data.sceneInstance : undefined;
	if (scene) {
		const id = scene.callInstanceId ?? scene.inboundInstanceId;
		return id === undefined || id === null ? undefined : `${dataType}:${String(id)}`;
	}
	const taskResult = toList(data.taskResult);
	const id = taskResult[0]?.sceneInstanceId;
	if (id === undefined || id === null) return undefined;
	const digest = createHash('sha256').update(JSON.stringify(taskResult)).digest('hex').slice(0, 16);
	return `${dataType}:${String(id)}:intention:${digest}`;
}

export interface DuplicateState {
	seen?: Record<string, number>;
}

/** At most this many keys are remembered; the oldest go first. */
export const MAX_REMEMBERED = 2000;

/**
 * Records `key` at `now` and says whether it was already seen within `windowMs`.
 * Forgets expired keys and keeps at most MAX_REMEMBERED.
 */
export function seenRecently(
	state: DuplicateState,
	key: string,
	now: number,
	windowMs: number,
): boolean {
	const seen: Record<string, number> = { ...(state.seen ?? {}) };
	for (const [k, at] of Object.entries(seen)) {
		if (typeof at !== 'number' || now - at >= windowMs || at > now + windowMs) delete seen[k];
	}
	const duplicate = seen[key] !== undefined;
	if (!duplicate) {
		seen[key] = now;
		const keys = Object.keys(seen);
		if (keys.length > MAX_REMEMBERED) {
			keys
				.sort((a, b) => seen[a] - seen[b])
				.slice(0, keys.length - MAX_REMEMBERED)
				.forEach((k) => delete seen[k]);
		}
	}
	state.seen = seen;
	return duplicate;
}

/** Constant-time comparison of a received token with the configured one. */
export function tokenMatches(received: unknown, expected: string): boolean {
	if (typeof received !== 'string') return false;
	const a = createHash('sha256').update(received, 'utf8').digest();
	const b = createHash('sha256').update(expected, 'utf8').digest();
	return timingSafeEqual(a, b);
}

function ipv4ToNumber(ip: string): number | undefined {
	const parts = ip.split('.');
	if (parts.length !== 4) return undefined;
	let value = 0;
	for (const part of parts) {
		if (!/^\d{1,3}$/.test(part)) return undefined;
		const n = Number(part);
		if (n > 255) return undefined;
		value = value * 256 + n;
	}
	return value;
}

/** "::ffff:1.2.3.4" → "1.2.3.4"; IPv6 lower-cased; surrounding brackets dropped. */
export function normalizeIp(ip: string): string {
	let value = ip.trim().toLowerCase().replace(/^\[|\]$/g, '');
	if (value.startsWith('::ffff:') && ipv4ToNumber(value.slice(7)) !== undefined) {
		value = value.slice(7);
	}
	return value;
}

/** Splits the allow-list field (commas, spaces or new lines) into entries. */
export function parseAllowList(value: string): string[] {
	return value
		.split(/[\s,;]+/)
		.map((entry) => entry.trim())
		.filter((entry) => entry !== '');
}

/** Why an allow-list entry cannot be used (undefined when it is fine). */
export function allowListEntryProblem(entry: string): string | undefined {
	const [address, bits, extra] = entry.split('/');
	if (extra !== undefined) return `"${entry}" is not an IP address or IPv4 range`;
	const normalized = normalizeIp(address);
	if (ipv4ToNumber(normalized) !== undefined) {
		if (bits === undefined) return undefined;
		return /^\d{1,2}$/.test(bits) && Number(bits) <= 32
			? undefined
			: `"${entry}" has an invalid prefix length`;
	}
	if (bits === undefined && /^[0-9a-f:]+$/.test(normalized) && normalized.includes(':')) {
		return undefined;
	}
	return `"${entry}" is not an IP address or IPv4 range (e.g. 120.55.46.3 or 120.55.46.0/24)`;
}

/** Whether the client IP matches an entry: exact address or IPv4 CIDR range. */
export function ipAllowed(clientIp: string | undefined, allowList: string[]): boolean {
	if (!clientIp) return false;
	const ip = normalizeIp(clientIp);
	const ipNumber = ipv4ToNumber(ip);
	return allowList.some((entry) => {
		const [address, bits] = entry.split('/');
		const base = normalizeIp(address);
		if (bits === undefined) return base === ip;
		const baseNumber = ipv4ToNumber(base);
		const prefix = Number(bits);
		if (ipNumber === undefined || baseNumber === undefined || !(prefix >= 0 && prefix <= 32)) {
			return false;
		}
		const size = 2 ** (32 - prefix);
		return Math.floor(ipNumber / size) === Math.floor(baseNumber / size);
	});
}
