// Turns BYRobot's raw answers into friendly items: codes stay, labels are added beside them,
// "27秒" becomes 27, and the `properties` JSON string becomes an object.
import type { IDataObject } from 'n8n-workflow';

import { FINISH_STATUS_LABELS, PHONE_TYPE_LABELS, TASK_STATUS_LABELS } from './labels';

function labelOf(labels: Record<number, string>, code: unknown): string | undefined {
	if (code === null || code === undefined || code === '') return undefined;
	return labels[Number(code)] ?? `Unknown (${String(code)})`;
}

/** "27秒", "27" or 27 → 27; anything unreadable stays as it came. */
export function parseDuration(value: unknown): unknown {
	if (typeof value === 'number') return value;
	if (typeof value !== 'string') return value;
	const match = /^\s*(\d+(?:\.\d+)?)\s*(秒|s)?\s*$/.exec(value);
	return match ? Number(match[1]) : value;
}

/** `properties` arrives as a JSON string; an unparsable one is kept as the string. */
export function parseProperties(value: unknown): unknown {
	if (typeof value !== 'string') return value;
	if (value.trim() === '') return {};
	try {
		return JSON.parse(value) as unknown;
	} catch {
		return value;
	}
}

export function formatTask(task: IDataObject): IDataObject {
	const result: IDataObject = { ...task };
	if ('status' in task) result.statusLabel = labelOf(TASK_STATUS_LABELS, task.status);
	return result;
}

export function formatCallerLine(line: IDataObject): IDataObject {
	return { ...line, phoneTypeLabel: labelOf(PHONE_TYPE_LABELS, line.phoneType) };
}

/** One finished call: finishStatus labelled, duration numeric, properties parsed when present. */
export function formatCallRecord(record: IDataObject): IDataObject {
	const result: IDataObject = { ...record };
	if ('finishStatus' in record) {
		result.finishStatusLabel = labelOf(FINISH_STATUS_LABELS, record.finishStatus);
	}
	if ('duration' in record) result.duration = parseDuration(record.duration) as IDataObject[string];
	if ('properties' in record) {
		result.properties = parseProperties(record.properties) as IDataObject[string];
	}
	return result;
}

export function simplifyCallRecord(record: IDataObject): IDataObject {
	const full = formatCallRecord(record);
	return {
		callInstanceId: full.callInstanceId,
		customerName: full.customerName,
		customerTelephone: full.customerTelephone,
		finishStatus: full.finishStatus,
		finishStatusLabel: full.finishStatusLabel,
		duration: full.duration,
		chatRound: full.chatRound,
		startTime: full.startTime,
		endTime: full.endTime,
		recordingUrl: full.luyinOssUrl,
		results: full.resultList,
	};
}

/** phoneLogInfo: keeps the full answer, parses properties, and lifts dialogue and recording URL. */
export function formatCallDetail(detail: IDataObject): IDataObject {
	const phoneLog = (detail.phoneLog ?? {}) as IDataObject;
	const sceneInstance = { ...((detail.sceneInstance ?? {}) as IDataObject) };
	if ('properties' in sceneInstance) {
		sceneInstance.properties = parseProperties(sceneInstance.properties) as IDataObject[string];
	}
	if ('finishStatus' in sceneInstance) {
		sceneInstance.finishStatusLabel = labelOf(FINISH_STATUS_LABELS, sceneInstance.finishStatus);
	}
	if ('duration' in sceneInstance) {
		sceneInstance.duration = parseDuration(sceneInstance.duration) as IDataObject[string];
	}
	return {
		...detail,
		sceneInstance,
		dialogue: (phoneLog.phoneLogs ?? []) as IDataObject[],
		recordingUrl: (phoneLog.luyinOssUrl ?? sceneInstance.luyinOssUrl ?? null) as string | null,
		properties: (sceneInstance.properties ?? {}) as IDataObject,
	};
}

export function simplifyCallDetail(detail: IDataObject): IDataObject {
	const full = formatCallDetail(detail);
	const sceneInstance = full.sceneInstance as IDataObject;
	const dialogue = (full.dialogue as IDataObject[]).map((line) => ({
		speaker: line.speaker,
		content: line.content,
	}));
	return {
		callInstanceId: sceneInstance.callInstanceId ?? full.callInstanceId,
		customerName: sceneInstance.customerName,
		customerTelephone: sceneInstance.customerTelephone,
		finishStatus: sceneInstance.finishStatus,
		finishStatusLabel: sceneInstance.finishStatusLabel,
		duration: sceneInstance.duration,
		recordingUrl: full.recordingUrl,
		dialogue,
		properties: full.properties,
		taskResult: full.taskResult,
	};
}

// The open platform's answers under the signed API's names, so that a workflow keeps working
// when a team moves from one generation to the other (docs/api/byrobot-open-platform.md).

/** calljob.list / calljob.detail.get: callJobStatus is the signed API's status, same codes. */
export function formatOpenPlatformTask(task: IDataObject): IDataObject {
	return formatTask({
		...task,
		jobName: task.jobName ?? task.callJobName,
		status: task.status ?? task.callJobStatus,
	});
}

/** Epoch milliseconds as Beijing time "yyyy-MM-dd HH:mm:ss", as the signed API and callbacks write times. */
export function beijingTime(value: unknown): unknown {
	const ms =
		typeof value === 'number' ? value : /^\d{12,}$/.test(String(value)) ? Number(value) : NaN;
	if (!Number.isFinite(ms)) return value;
	return new Date(ms + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');
}

/** calldone.list entries: times in epoch ms become Beijing times (the raw values stay in *Ms). */
export function openPlatformCallRecord(record: IDataObject): IDataObject {
	const result: IDataObject = { ...record };
	for (const key of ['startTime', 'endTime']) {
		const converted = beijingTime(record[key]);
		if (converted !== record[key]) {
			result[`${key}Ms`] = record[key];
			result[key] = converted as IDataObject[string];
		}
	}
	return result;
}

/**
 * callinstance.detail.get in the signed API's phoneLogInfo shape ({sceneInstance, phoneLog,
 * taskResult}). Its answer is not documented: the call may come flat or as callInstance (as in
 * the callbacks), the dialogue as phoneLogs or phoneLog.phoneLogs.
 */
export function openPlatformCallDetail(detail: IDataObject): IDataObject {
	if (detail.sceneInstance) return detail;
	const { callInstance, phoneLogs, phoneLog, taskResult, ...rest } = detail;
	const call = openPlatformCallRecord((callInstance as IDataObject | undefined) ?? rest);
	const log = (phoneLog ?? {}) as IDataObject;
	return {
		...detail,
		sceneInstance: call,
		phoneLog: {
			phoneLogs: (phoneLogs ?? log.phoneLogs ?? []) as IDataObject[],
			luyinOssUrl: (log.luyinOssUrl ?? call.luyinOssUrl ?? null) as string | null,
		},
		taskResult: (taskResult ?? []) as IDataObject[],
	};
}
