// Types of byrobotOpen.js, the BYRobot (百应) open platform sandbox; answer and state shapes are in
// byrobotOpen/types.d.ts.
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
import type { ByrobotOutcome } from './byrobot/types';
import type {
	OpenCallJob,
	OpenCallRecord,
	OpenCompanyState,
	OpenCustomer,
	OpenCustomerRow,
	OpenImportResult,
	OpenPhone,
	OpenRobot,
	OpenToken,
	OpenWorkflowState,
} from './byrobotOpen/types';

export type {
	AnswerOptions,
	AnswerRoute,
	Failure,
	FailRule,
	RecordedRequest,
	SandboxAnswer,
	ScriptedAnswer,
};
export type * from './byrobotOpen/types';

export declare const SANDBOX_OPEN_APP_KEY: 'sandboxOpenAppKey';
export declare const SANDBOX_OPEN_APP_SECRET: 'sandboxOpenAppSecret';

/** The envelope codes the sandbox answers. */
export declare const CODE: Readonly<{
	OK: 200;
	TOKEN_INVALID: 40000010;
	INVALID_PARAM: 41000000;
	BUSINESS: 10000401;
	NOT_FOUND: 404;
	METHOD: 405;
	SYSTEM: 500;
}>;
/** The token endpoint's refusal codes (the sandbox's guess). */
export declare const REFUSAL: Readonly<{
	missing: 40001;
	grantType: 40002;
	client: 40003;
	company: 40004;
}>;

/** 'byai.openapi.calljob.customer.import' → '/api/oauth/byai.openapi.calljob.customer/1.0.0/import'. */
export declare function apiPath(name: string, version?: string): string;
/** The API name and version of a gateway path, or undefined. */
export declare function apiOf(path: string): { name: string; version: string } | undefined;
/** The deterministic outcome of a call to `phone` (the legacy sandbox's rule, see byrobotOpen/calls.js). */
export declare function outcomeOf(phone: string): ByrobotOutcome;
/** Beijing time (UTC+8) "yyyy-MM-dd HH:mm:ss" of an epoch-ms instant. */
export declare function formatBeijing(ms: number): string;

/** An app (AppKey / AppSecret) and the companies it may get tokens for. */
export interface ByrobotOpenApp {
	appKey: string;
	appSecret: string;
	companyIds: number[];
}

export interface ByrobotOpenSandboxOptions {
	/** Default: one app, SEED.app (SANDBOX_OPEN_APP_KEY / SANDBOX_OPEN_APP_SECRET, companies demo and second). */
	apps?: ByrobotOpenApp[];
	/** When true, execute command 1 (and imports into a running job) dial the customers at once. Default false. */
	autoDial?: boolean;
	/** Lifetime of issued tokens in seconds. Default 604800 (7 days). */
	tokenLifetimeSeconds?: number;
	/** HTTP status of the 40000010 answer (unverified). Default 200; 401 to test the other reading. */
	tokenInvalidStatus?: number;
}

export interface ByrobotOpenSeedCompany {
	id: number;
	name: string;
	mobile: string;
	seats: { all: number; using: number };
	ai: { amount: number; price: string; num: number } | null;
	communication: { amount: number } | null;
}

export interface ByrobotOpenSeedPhone {
	/** userPhoneId */
	id: number;
	companyId: number;
	phone: string;
	/** phoneName */
	name: string;
	phoneType: number;
	lineAmount: number;
	sceneType?: number;
	billPeriod?: number;
	localSellingRate?: number;
	nonlocalSellingRate?: number;
}

export interface ByrobotOpenSeedRobot {
	/** robotDefId */
	id: number;
	companyId: number;
	/** robotName */
	name: string;
	/** As answered: 5 online, 2 published but offline, 0 never published. */
	robotStatus: number;
	industry: readonly [string, string];
	deployTime: string | null;
	/** The script variables (scenevariables.get, without the built-in ones). */
	variables: readonly string[];
	/** How scenevariables.get lists them: 'nested' [["客户姓名"], …] or 'flat' ["客户姓名", …]. */
	variableForm: 'nested' | 'flat';
}

export interface ByrobotOpenSeedWorkflow {
	id: number;
	companyId: number;
	name: string;
	workflowExecuteStatus: string;
	workflowType: string;
	groupId: number;
	groupName: string;
	startTime: string | null;
	endTime: string | null;
}

/** The seed data reset() restores, by name: `SEED.company.demo.id`, `SEED.phone.demo.id`, … */
export interface ByrobotOpenSeed {
	app: Readonly<ByrobotOpenApp>;
	company: {
		/** 1001 百应演示公司: bound; lines mobile, landline, unavailable, demo; robots loan, survey, draft. */
		demo: ByrobotOpenSeedCompany;
		/** 1002 百应测试二部: bound; one line, one robot. */
		second: ByrobotOpenSeedCompany;
		/** 1003 别家公司: exists, not bound to the app: no token for it. */
		unbound: ByrobotOpenSeedCompany;
	};
	phone: {
		/** 11, company demo, mobile 13800000001. */
		mobile: ByrobotOpenSeedPhone;
		/** 12, company demo, landline. */
		landline: ByrobotOpenSeedPhone;
		/** 13, company demo, in arrears (lineAmount 0): a job on it cannot start. */
		unavailable: ByrobotOpenSeedPhone;
		/** 1788320, company demo, phoneType 9: `phone` is a description; free. */
		demo: ByrobotOpenSeedPhone;
		/** 14, company second's line. */
		secondMobile: ByrobotOpenSeedPhone;
	};
	robot: {
		/** 21, company demo, online; variables answered nested. */
		loan: ByrobotOpenSeedRobot;
		/** 22, company demo, published but offline; variables flat. */
		survey: ByrobotOpenSeedRobot;
		/** 23, company demo, never published: no job may use it. */
		draft: ByrobotOpenSeedRobot;
		/** 24, company second, online. */
		second: ByrobotOpenSeedRobot;
	};
	/** The built-in variables scenevariables.get lists first unless hideDefaultVar=true. */
	defaultVariables: readonly string[];
	workflow: {
		finished: ByrobotOpenSeedWorkflow;
		running: ByrobotOpenSeedWorkflow;
		paused: ByrobotOpenSeedWorkflow;
		draft: ByrobotOpenSeedWorkflow;
		/** Company second's. */
		second: ByrobotOpenSeedWorkflow;
	};
	/** The first id handed out of each kind, counting up (reset() starts over). */
	firstId: { callJob: number; callInstance: number };
	/** The demo job test/sandbox/serve.js seeds. */
	demoJob: { companyId: number; jobName: string; calls: number };
}
export declare const SEED: DeepReadonly<ByrobotOpenSeed>;
type DeepReadonly<T> = { readonly [K in keyof T]: T[K] extends object ? DeepReadonly<T[K]> : T[K] };

export declare class ByrobotOpenSandbox extends SandboxServer {
	constructor(options?: ByrobotOpenSandboxOptions);

	options: Required<Omit<ByrobotOpenSandboxOptions, 'apps'>> & { apps?: ByrobotOpenApp[] };
	/** AppKey → app (companyIds as a Set). */
	apps: Map<string, { appKey: string; appSecret: string; companyIds: Set<number> }>;
	autoDial: boolean;
	/** Lifetime of tokens issued from now on (seconds); reset() restores the option. */
	tokenLifetimeSeconds: number;
	/** HTTP status of 40000010 answers; reset() restores the option. */
	tokenInvalidStatus: number;
	/** Added to Date.now() to make the sandbox clock. Reset to 0 by reset(). */
	clockOffsetMs: number;
	/** The token endpoint: `${url}/oauth/token`. */
	readonly tokenUrl: string;
	/** The API base URL: `${url}/api/oauth`. */
	readonly baseUrl: string;

	// State, for assertions. Treat as read-only unless a test means to tamper.
	/** Access token → its entry. */
	tokens: Map<string, OpenToken>;
	/** Tokens issued since the last reset() (HTTP and issueToken()). */
	issuedTokens: number;
	companies: Map<number, OpenCompanyState>;
	phones: Array<{ companyId: number; view: OpenPhone }>;
	robots: Array<{
		companyId: number;
		variables: string[];
		variableForm: 'nested' | 'flat';
		view: OpenRobot;
	}>;
	workflows: OpenWorkflowState[];
	defaultVariables: string[];
	/** callJobId → job. */
	jobs: Map<number, OpenCallJob>;
	/** callInstanceId → call. */
	calls: Map<number, OpenCallRecord>;

	/** Restores the seed data and options; forgets tokens, recorded requests, scripted answers, failure rules, clockOffsetMs. */
	reset(): void;
	/** The sandbox clock: Date.now() + clockOffsetMs. */
	now(): number;

	/** Issues a token directly (no HTTP); default company demo and the first app. */
	issueToken(companyId?: number, appKey?: string): string;
	/** Makes every token issued so far expired: the API answers them 40000010. */
	expireTokens(): void;
	/** Revokes one token (false if unknown): the API answers it 40000010. */
	revokeToken(token: string): boolean;
	/** The entry of a token the API accepts now, or undefined. */
	validToken(token: string | undefined): OpenToken | undefined;
	/** Scripts 40000010 "token无效" (HTTP tokenInvalidStatus) for the next request(s) to route (default: any API). */
	answerTokenInvalid(route?: AnswerRoute, options?: AnswerOptions): this;
	/** Recorded requests to one API by name ('byai.openapi.calljob.create'), in order. */
	requestsToApi(name: string): RecordedRequest[];

	/** Creates n jobs directly (no validation; status 0 unless overridden). Returns their ids. */
	seedCallJobs(companyId: number, n: number, overrides?: Partial<OpenCallJob>): number[];
	/** Adds customers directly, with the import's counting rules. */
	importCustomers(
		callJobId: number,
		rows: OpenCustomerRow[],
		options?: { permitRepeat?: boolean },
	): OpenImportResult;
	/** Imports n generated customers (phones "139" + callJobId % 10000 (4 digits) + seq (4 digits)) and dials them. */
	seedCallRecords(callJobId: number, n: number): OpenCallRecord[];
	/** Dials every imported, not yet dialed customer; returns the new calls. */
	dialAll(callJobId: number): OpenCallRecord[];
	/** Every customer imported into the job, in import order. */
	customersOf(callJobId: number): OpenCustomer[];
	/** The customers not yet dialed, in import order. */
	notDialedOf(callJobId: number): OpenCustomer[];
	/** The job's calls in call order. */
	callRecordsOf(callJobId: number): OpenCallRecord[];
	/** The sandbox URL of a call's recording: the whole call, or (`user`) the customer only. */
	recordingUrl(callInstanceId: number, side?: 'whole' | 'user'): string;

	envelopeFailure(failure: Extract<Failure, { kind: 'envelope' }>): SandboxAnswer;
	handle(record: RecordedRequest): Promise<SandboxAnswer>;
}
