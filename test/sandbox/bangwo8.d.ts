// Types of bangwo8.js, the Bangwo8 (帮我吧) REST API v1 sandbox; state shapes are in bangwo8/types.d.ts.
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
	Bangwo8Agent,
	Bangwo8Company,
	Bangwo8Contact,
	Bangwo8Customer,
	Bangwo8Progress,
	StoredCallTask,
} from './bangwo8/types';

export type {
	AnswerOptions,
	AnswerRoute,
	Failure,
	FailRule,
	RecordedRequest,
	SandboxAnswer,
	ScriptedAnswer,
};
export type * from './bangwo8/types';

/** Basic-auth admin (main) account: full access. */
export declare const SANDBOX_ADMIN: Readonly<{
	account: 'admin@sandbox.bangwo8.com';
	password: 'sandbox-admin-pass';
}>;
/** Basic-auth agent account: supports.json and users.json only; the callTask endpoints answer 403. */
export declare const SANDBOX_AGENT: Readonly<{
	account: 'agent@sandbox.bangwo8.com';
	password: 'sandbox-agent-pass';
}>;
/** OAuth2 client credentials (SecretID / Secret) for POST /api/token.php. */
export declare const SANDBOX_OAUTH: Readonly<{
	clientId: 'sandbox-secret-id';
	clientSecret: 'sandbox-secret';
}>;

export interface Bangwo8SeedAgent {
	/** sId */
	id: string;
	name: string;
	/** Also its sPassportName (login). */
	email: string;
	sNum: string;
	mobile: string;
	groupId: string;
	isAdmin: '0' | '1';
	/** "1" active, "0" recycle bin, "2" deleted; only active agents may serve a call task. */
	isStat: '0' | '1' | '2';
	created_at: string;
	updated_at: string;
}

export interface Bangwo8SeedContact {
	/** cId */
	id: string;
	name: string;
	mobile: string;
	email: string;
	/** A SEED.company id. */
	companyId: string;
	/** A SEED.agent id. */
	supportId: string;
	/** "1" active, "2" left, "3" deleted; only active contacts may be called. */
	state: '1' | '2' | '3';
	created_at: string;
}

export interface Bangwo8SeedCompany {
	/** uId: what task_user holds when data_source is "0". */
	id: string;
	name: string;
	/** The contact whose name and mobile its userList row shows. */
	primaryContactId: string;
}

/** The seed data reset() restores, by name: `SEED.agent.admin.id`, `SEED.contact.zhao.id`, … Ids are strings. */
export interface Bangwo8Seed {
	agent: {
		/** 王客服, active, the admin account's agent (isAdmin "1"). */
		admin: Bangwo8SeedAgent;
		/** 李客服, active, the agent account's agent. */
		agent: Bangwo8SeedAgent;
		/** 张客服, active. */
		zhang: Bangwo8SeedAgent;
		/** 离职客服, isStat "2". */
		deleted: Bangwo8SeedAgent;
		/** 回收站客服, isStat "0". */
		recycled: Bangwo8SeedAgent;
	};
	contact: {
		/** 赵先生, active. */
		zhao: Bangwo8SeedContact;
		/** 钱女士, active. */
		qian: Bangwo8SeedContact;
		/** 孙先生, active. */
		sun: Bangwo8SeedContact;
		/** Active, primary contact of company testCo. */
		testCo1: Bangwo8SeedContact;
		/** Active, primary contact of company co2233. */
		testCo2: Bangwo8SeedContact;
		/** 周先生, active, primary contact of company sandboxTech. */
		zhou: Bangwo8SeedContact;
		/** 吴女士, state "2". */
		left: Bangwo8SeedContact;
		/** 郑先生, state "3". */
		deleted: Bangwo8SeedContact;
	};
	company: {
		/** 测试公司2 */
		testCo: Bangwo8SeedCompany;
		/** 2233 */
		co2233: Bangwo8SeedCompany;
		/** 沙盒科技有限公司 */
		sandboxTech: Bangwo8SeedCompany;
	};
	callTask: {
		/** None exists after reset(); created and seeded ones count up from this id. */
		firstId: string;
		/** What seedCallTasks() uses unless overridden: contacts zhao, qian, sun, agent admin, data_source "1". */
		seeded: { task_user: readonly string[]; task_service: readonly string[]; data_source: '1' };
	};
}
export declare const SEED: DeepReadonly<Bangwo8Seed>;
type DeepReadonly<T> = { readonly [K in keyof T]: T[K] extends object ? DeepReadonly<T[K]> : T[K] };

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

	/** Restores the seed data (SEED) and constructor options; forgets tokens, Requestids, recorded requests, scripted answers and failure rules. */
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
