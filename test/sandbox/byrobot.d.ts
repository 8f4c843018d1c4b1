// Types of byrobot.js, the BYRobot (百应) open API sandbox; answer and state shapes are in byrobot/types.d.ts.
import {
	SandboxServer,
	type AnswerOptions,
	type AnswerRoute,
	type Failure,
	type FailRule,
	type RecordedRequest,
	type SandboxAnswer,
	type ScriptedAnswer,
} from './common';
import type {
	ByrobotBlacklistEntry,
	ByrobotBlacklistGroup,
	ByrobotCallRecord,
	ByrobotCompany,
	ByrobotCustomer,
	ByrobotCustomerRow,
	ByrobotImportResult,
	ByrobotOutcome,
	ByrobotPhone,
	ByrobotRobot,
	ByrobotSmsTemplate,
	ByrobotTask,
	ByrobotTaskDetail,
	ByrobotUndeliveredCallback,
} from './byrobot/types';

export type {
	AnswerOptions,
	AnswerRoute,
	Failure,
	FailRule,
	RecordedRequest,
	SandboxAnswer,
	ScriptedAnswer,
};
export type * from './byrobot/types';

export declare const SANDBOX_APP_KEY: 'sandboxAppKey';
export declare const SANDBOX_APP_SECRET: 'sandboxAppSecret';

/** base64(HMAC-SHA1(key = appSecret, message = appKey + "\n" + datetime)). */
export declare function computeSign(appKey: string, appSecret: string, datetime: string): string;
/** The auth headers for a request made at `date` (default now; datetime = date.toUTCString()). */
export declare function signHeaders(
	appKey?: string,
	appSecret?: string,
	date?: Date,
): { appkey: string; datetime: string; sign: string };
/** Beijing time (UTC+8) "yyyy-MM-dd HH:mm:ss" of an epoch-ms instant, as the sandbox writes times. */
export declare function formatBeijing(ms: number): string;
/** The deterministic outcome the sandbox gives a call to `phone` (see byrobot/calls.js). */
export declare function outcomeOf(phone: string): ByrobotOutcome;

/** An AppKey and the companies it may act for. */
export interface ByrobotApp {
	appKey: string;
	appSecret: string;
	companyIds: number[];
}

export interface ByrobotSandboxOptions {
	/** Default: one app, SEED.app (SANDBOX_APP_KEY / SANDBOX_APP_SECRET bound to companies demo and second). */
	apps?: ByrobotApp[];
	/** When true, task/start (and imports into a running task) dial the customers at once. Default false. */
	autoDial?: boolean;
}

export interface ByrobotSeedCompany {
	id: number;
	name: string;
	/** Seat statistics before any task runs; a running task adds its concurrencyQuota to `using`. */
	seats: { all: number; using: number };
}

export interface ByrobotSeedPhone {
	/** userPhoneId */
	id: number;
	companyId: number;
	/** The caller number ('' for the line without one). */
	phone: string;
	/** phoneName */
	name: string;
	/** 0 mobile, 1 landline, 2 no caller number. */
	phoneType: number;
	/** Whether a task may use it (getPhones' `available` says the opposite, on purpose). */
	useAvailable: boolean;
}

export interface ByrobotSeedRobot {
	/** robotDefId */
	id: number;
	companyId: number;
	/** robotName */
	name: string;
	sceneDefId: number;
	/** Its one recording. */
	sceneRecordId: number;
	/** online (and published), published (offline) or draft (never published: no task may use it). */
	state: 'online' | 'published' | 'draft';
	/** getSceneVariables of its scene. */
	variables: readonly string[];
}

/** The seed data reset() restores, by name: `SEED.company.demo.id`, `SEED.robot.loan.sceneDefId`, … */
export interface ByrobotSeed {
	/** The sandbox AppKey / AppSecret and the companies bound to it (demo, second). */
	app: Readonly<ByrobotApp>;
	company: {
		/** 百应演示公司: bound; three lines, three robots, three SMS templates. */
		demo: ByrobotSeedCompany;
		/** 百应测试二部: bound; one line, one robot. */
		second: ByrobotSeedCompany;
		/** 别家公司: exists but not bound to the AppKey, so it answers 403. */
		unbound: ByrobotSeedCompany;
	};
	phone: {
		/** Company demo, mobile, available. */
		mobile: ByrobotSeedPhone;
		/** Company demo, landline, available. */
		landline: ByrobotSeedPhone;
		/** Company demo, no caller number, not available. */
		unavailable: ByrobotSeedPhone;
		/** Company second's mobile line. */
		secondMobile: ByrobotSeedPhone;
	};
	robot: {
		/** Company demo, online. */
		loan: ByrobotSeedRobot;
		/** Company demo, published but offline. */
		survey: ByrobotSeedRobot;
		/** Company demo, never published. */
		draft: ByrobotSeedRobot;
		/** Company second, online. */
		second: ByrobotSeedRobot;
	};
	/** Company demo's SMS templates; status 1 in review, 2 approved, 3 rejected. */
	smsTemplate: {
		approved: { id: number; name: string; status: number };
		inReview: { id: number; name: string; status: number };
		rejected: { id: number; name: string; status: number };
	};
	/** Every company's default group (-1), which cannot be edited or deleted. */
	blacklistGroup: { default: { id: number; name: string } };
	/** The first id handed out of each kind, counting up from there (reset() starts over). */
	firstId: { task: number; callInstance: number; blacklistGroup: number; blacklistEntry: number };
	/** The callJobId seedUndeliveredCallbacks() uses unless told (no such task exists). */
	undeliveredCallJobId: number;
}
export declare const SEED: DeepReadonly<ByrobotSeed>;
type DeepReadonly<T> = { readonly [K in keyof T]: T[K] extends object ? DeepReadonly<T[K]> : T[K] };

export interface SeedUndeliveredCallbacksOptions {
	/** Default SEED.company.demo.id. */
	companyId?: number;
	/** Default SEED.undeliveredCallJobId. */
	callJobId?: number;
	/** Default 0. */
	dataType?: number;
	/** Default: one minute apart, the last one now (sandbox clock). */
	callerTime?: string;
}

export declare class ByrobotSandbox extends SandboxServer {
	constructor(options?: ByrobotSandboxOptions);

	/** AppKey → app (companyIds as a Set). */
	apps: Map<string, { appKey: string; appSecret: string; companyIds: Set<number> }>;
	autoDial: boolean;
	/** Added to Date.now() to make the sandbox clock (408 tests). Reset to 0 by reset(). */
	clockOffsetMs: number;
	/** Fields getTaskDetail leaves out (an undocumented variant of the answer); reset() empties it. */
	taskDetailOmits: string[];

	// State, for assertions. Treat as read-only unless a test means to tamper.
	companies: Map<number, ByrobotCompany>;
	phones: Array<{ companyId: number; view: ByrobotPhone }>;
	robots: Array<{
		companyId: number;
		online: boolean;
		published: boolean;
		sceneDefName: string;
		view: ByrobotRobot;
	}>;
	smsTemplates: ByrobotSmsTemplate[];
	/** callJobId → task. */
	tasks: Map<number, ByrobotTask>;
	/** callInstanceId → call record. */
	calls: Map<number, ByrobotCallRecord>;
	/** companyId → (blacklistInfoGroupId → group). */
	blacklistGroups: Map<number, Map<number, ByrobotBlacklistGroup>>;
	/** blacklistInfoId → entry. */
	blacklist: Map<number, ByrobotBlacklistEntry>;
	undeliveredCallbacks: ByrobotUndeliveredCallback[];

	/** Restores the seed data (SEED); also clears recorded requests, scripted answers, failure rules and clockOffsetMs. */
	reset(): void;
	/** The sandbox clock: Date.now() + clockOffsetMs. */
	now(): number;

	/** Creates n tasks directly (no validation, status 0); overrides are merged into the stored shape. Returns their ids. */
	seedTasks(companyId: number, n: number, overrides?: Partial<ByrobotTask>): number[];
	/** Adds customers directly, with the import's de-duplication and counting rules. */
	importCustomers(taskId: number, rows: ByrobotCustomerRow[]): ByrobotImportResult;
	/** Imports n generated customers (phones "139" + taskId%10000 (4 digits) + seq (4 digits)) and dials them. */
	seedCallRecords(taskId: number, n: number): ByrobotCallRecord[];
	/** Dials every imported, not yet dialed customer; returns the new call records. */
	dialAll(taskId: number): ByrobotCallRecord[];
	/** Every customer imported into the task, in import order ([] for an unknown task). */
	customersOf(taskId: number): ByrobotCustomer[];
	/** The customers not yet dialed, in import order. */
	notDialedOf(taskId: number): ByrobotCustomer[];
	/** The task's call records in call order. */
	callRecordsOf(taskId: number): ByrobotCallRecord[];
	/** The sandbox URL of a call's recording: the whole call, or (`user`) the customer only. */
	recordingUrl(callInstanceId: number, side?: 'whole' | 'user'): string;
	/** Blacklist entries of a company (optionally one group), newest first. */
	blacklistOf(companyId: number, groupId?: number): ByrobotBlacklistEntry[];
	/** Puts a number on a group directly (no HTTP); returns the stored entry. */
	addBlacklistEntry(
		companyId: number,
		groupId: number,
		entry: { mobile: string; name?: string; remark?: string },
	): ByrobotBlacklistEntry;
	/** Adds n undelivered callbacks; returns them. */
	seedUndeliveredCallbacks(
		n: number,
		options?: SeedUndeliveredCallbacksOptions,
	): ByrobotUndeliveredCallback[];
	/** getTaskDetail's data for a stored task. */
	taskDetail(task: ByrobotTask): ByrobotTaskDetail;

	envelopeFailure(failure: Extract<Failure, { kind: 'envelope' }>): SandboxAnswer;
	handle(record: RecordedRequest): Promise<SandboxAnswer>;
}
