// Types of bangwo8.js, the Bangwo8 (帮我吧) REST API v1 sandbox. Seed values are listed at the top of bangwo8.js.
import { SandboxServer, type Failure, type FailRule, type RecordedRequest, type SandboxAnswer } from './common';

export type { Failure, FailRule, RecordedRequest, SandboxAnswer };

/** Basic-auth admin (main) account: full access. */
export declare const SANDBOX_ADMIN: Readonly<{ account: 'admin@sandbox.bangwo8.com'; password: 'sandbox-admin-pass' }>;
/** Basic-auth agent account: supports.json and users.json only; the callTask endpoints answer 403. */
export declare const SANDBOX_AGENT: Readonly<{ account: 'agent@sandbox.bangwo8.com'; password: 'sandbox-agent-pass' }>;
/** OAuth2 client credentials (SecretID / Secret) for POST /api/token.php. */
export declare const SANDBOX_OAUTH: Readonly<{ clientId: 'sandbox-secret-id'; clientSecret: 'sandbox-secret' }>;

/** An agent (客服) as GET /api/v1/supports.json lists it. */
export interface Bangwo8Agent {
	sId: string;
	name: string;
	sPassportName: string;
	sNum: string;
	email: string;
	mobile: string;
	groupId: string;
	/** "1" for the admin agent 567332, else "0". */
	isAdmin: '0' | '1';
	/** "1" active, "0" recycle bin, "2" deleted. */
	isStat: '0' | '1' | '2';
	created_at: string;
	updated_at: string;
}

/** A contact (联系人, "user") as GET /api/v1/users.json lists it. */
export interface Bangwo8Contact {
	cId: string;
	name: string;
	mobile: string;
	email: string;
	companyId: string;
	supportId: string;
	/** "1" active, "2" left, "3" deleted. */
	state: '1' | '2' | '3';
	created_at: string;
	updated_at: string;
}

/** A company: the ids task_user holds when data_source is "0". */
export interface Bangwo8Company {
	uId: string;
	name: string;
	/** The contact whose name and mobile a company's userList row shows. */
	primaryContactId: string;
}

/** userList progress as the vendor sends it: documented -1/0/1, seen as Chinese text. */
export type Bangwo8Progress = string | number;

/** One customer row of a call task (what userList shows, plus bookkeeping). */
export interface Bangwo8Customer {
	/** The task_user id it was added with (company uId or contact cId), as a string. */
	userId: string;
	/** The agent it was assigned to (round-robin over task_service). */
	agentId: string;
	cId: string;
	uId: string;
	userName: string;
	companyName: string;
	phone: string;
	progress: Bangwo8Progress;
}

/** A stored call task (the sandbox's state, not an API shape). */
export interface StoredCallTask {
	callTaskId: string;
	task_name: string;
	/** As given: 'YYYY-MM-DD' or 'YYYY-MM-DD HH:mm:ss'. */
	task_start: string;
	task_end: string;
	data_source: '0' | '1';
	/** Agent ids, deduplicated, in the order given. */
	task_service: string[];
	created_at: string;
	updated_at: string;
	customers: Bangwo8Customer[];
}

export interface Bangwo8SandboxOptions {
	/** Lifetime of OAuth2 tokens (default 3600). */
	tokenTtlSeconds?: number;
	/** Answer the detail GET as {"callTask": [ {...} ]} (default false). */
	wrapDetailInArray?: boolean;
	/** HTTP status of DELETE for an unknown id; the body is {"Status":"403",...} either way (default 200). */
	deleteMissingStatus?: number;
}

/** Overrides applied to every task seedCallTasks creates. */
export interface CallTaskSeedOverrides {
	task_name?: string;
	task_start?: string;
	task_end?: string;
	task_user?: Array<string | number>;
	task_service?: Array<string | number>;
	data_source?: '0' | '1' | 0 | 1;
	/** 'yyyy-MM-dd HH:mm:ss' */
	created_at?: string;
	updated_at?: string;
}

export declare class Bangwo8Sandbox extends SandboxServer {
	constructor(options?: Bangwo8SandboxOptions);
	readonly options: Required<Bangwo8SandboxOptions>;

	// Settable behaviour (reset() puts the constructor's values back).
	tokenTtlSeconds: number;
	wrapDetailInArray: boolean;
	deleteMissingStatus: number;
	/** Seconds in the Retry-After header of an injected 429 (default 1). */
	retryAfterSeconds: number;
	/** Epoch ms used for token expiry, `complete` and created_at; tests may replace it. */
	clock: () => number;

	// State, for assertions.
	agents: Bangwo8Agent[];
	contacts: Bangwo8Contact[];
	companies: Bangwo8Company[];
	callTasks: Map<string, StoredCallTask>;
	/** The id the next created call task gets. */
	nextCallTaskId: number;
	/** Access token → expiry (epoch ms). */
	tokens: Map<string, number>;
	/** How many tokens /api/token.php has issued since the last reset(). */
	issuedTokens: number;
	/** Requestid header → the answer given (replayed to duplicate POSTs). */
	requestIds: Map<string, SandboxAnswer>;

	/** Restores the seed data and constructor options; forgets tokens, Requestids, recorded requests and failure rules. */
	reset(): void;
	/** Creates n call tasks directly (created on consecutive days from 2024-01-01); returns their ids. */
	seedCallTasks(n: number, overrides?: CallTaskSeedOverrides): string[];
	/** The customer rows of a call task (live objects), or undefined for an unknown id. */
	customersOf(callTaskId: string | number): Bangwo8Customer[] | undefined;
	/** Sets one customer's progress; throws when the task or user is unknown. */
	setProgress(callTaskId: string | number, userId: string | number, value: Bangwo8Progress): void;
	/** Makes every issued token expired. */
	expireTokens(): void;

	handle(record: RecordedRequest): SandboxAnswer | Promise<SandboxAnswer>;
	envelopeFailure(failure: Extract<Failure, { kind: 'envelope' }>): SandboxAnswer;
}
