// Types of byrobot-callbacks.js: BYRobot's callback bodies and how the vendor POSTs them.
import type { IncomingHttpHeaders } from 'http';

export declare const DATA_TYPES: Readonly<{
	callFinished: 'CALL_INSTANCE_RESULT';
	taskStatusChanged: 'JOB_INFO_RESULT';
	inboundCallFinished: 'INBOUND_CALL_INSTANCE_RESULT';
}>;

/** The IP BYRobot's public cloud sends callbacks from. */
export declare const CALLBACK_IP: '120.55.46.3';
/** Makes the recording links of bodies built afterwards point at `base` (e.g. the sandbox URL). */
export declare function setRecordingBase(base: string): void;
/** Seconds before each retry (27 retries). */
export declare const RETRY_SCHEDULE_SECONDS: readonly number[];
/** First delivery plus retries. */
export declare const MAX_ATTEMPTS: number;

export interface CallbackEnvelope<T = Record<string, unknown>> {
	code: number;
	data: { dataType: string; data: T };
	resultMsg: string;
	errorStackTrace: null;
	[key: string]: unknown;
}

export type DurationForm = 'number' | 'string' | 'text';

export declare function envelope<T extends object>(
	dataType: string,
	data: T,
	extra?: Record<string, unknown>,
): CallbackEnvelope<T>;

export interface CallFinishedOptions {
	callInstanceId?: number;
	callJobId?: number;
	/** Seconds; sent as 35, "35" or "35秒" according to durationForm. */
	duration?: number;
	durationForm?: DurationForm;
	status?: number;
	finishStatus?: number;
	/** Serialized into the `properties` JSON string. */
	properties?: Record<string, unknown>;
	/** Sent as `properties` verbatim (e.g. not JSON). */
	propertiesText?: string;
	jobFinished?: boolean;
	/** Cost in fen (分); default 12. */
	cost?: number;
	/** Merged over the sceneInstance. */
	sceneInstance?: Record<string, unknown>;
}
export declare function callFinished(options?: CallFinishedOptions): CallbackEnvelope;

/** The old envelope (callBackOld): {code, data: {sceneInstance, taskResult, phoneLog, jobFinished, sign}}, no dataType. */
export declare function oldCallFinished(options?: CallFinishedOptions): {
	code: number;
	data: Record<string, unknown>;
};

/** An envelope of the open platform: {code, data: {callbackType, data}, resultMsg}. */
export interface OpenPlatformEnvelope<T = Record<string, unknown>> {
	code: number;
	data: { callbackType: string; data: T };
	resultMsg: string;
}

/** The open platform's CALL_INSTANCE_RESULT: callInstance, phoneLogs, taskResult, callRepeat, jobPhoneInfos. */
export declare function openPlatformCallFinished(options?: {
	callInstanceId?: number;
	callJobId?: number;
	duration?: number;
	finishStatus?: number;
	properties?: Record<string, unknown>;
	/** resultValue of 客户意向等级, a bare letter (default "A"). */
	grade?: string;
	/** Merged over the callInstance. */
	callInstance?: Record<string, unknown>;
}): OpenPlatformEnvelope;

/** The open platform's JOB_INFO_RESULT: {companyId, callJobId, callJobStatus, jobName, updateTime, endTime}. */
export declare function openPlatformTaskStatusChanged(options?: {
	callJobId?: number;
	status?: number;
}): OpenPlatformEnvelope;

/** CALL_INSTANCE_RESULT with only taskResult: the intention level changed by hand. */
export declare function intentionChanged(options?: {
	callInstanceId?: number;
	resultValue?: string;
}): CallbackEnvelope;

export declare function taskStatusChanged(options?: {
	callJobId?: number;
	status?: number;
	job?: Record<string, unknown>;
}): CallbackEnvelope;

export declare function inboundCallFinished(options?: {
	inboundInstanceId?: number;
	duration?: number;
	durationForm?: DurationForm;
	finishStatus?: number;
	properties?: Record<string, unknown>;
}): CallbackEnvelope;

export interface PostOptions {
	/** 'json' (default, application/json;charset=utf-8), 'text' (text/plain;charset=UTF-8), or a literal header value ('' for none). */
	contentType?: 'json' | 'text' | string;
	headers?: Record<string, string>;
}

export interface CallbackAnswer {
	status: number;
	headers: IncomingHttpHeaders;
	body: string;
	/** Set when the request failed at the network level. */
	error?: string;
}

export declare function postOnce(
	url: string,
	payload: object | string,
	options?: PostOptions,
): Promise<CallbackAnswer>;

export interface RetryOptions extends PostOptions {
	/** Default MAX_ATTEMPTS (28). */
	maxAttempts?: number;
	/** Multiplies the vendor's schedule; default 0 (no waiting). */
	scale?: number;
	/** Wait before retry n (1-based), overrides the schedule. */
	intervalMs?: (retry: number) => number;
}

export interface DeliveryResult {
	/** Whether some answer was exactly `success`. */
	delivered: boolean;
	attempts: CallbackAnswer[];
	last: CallbackAnswer;
}

/** POSTs like BYRobot: retried while the answer body is not exactly `success`. */
export declare function postCallback(
	url: string,
	payload: object | string,
	options?: RetryOptions,
): Promise<DeliveryResult>;
