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
	Bangwo8Reply,
	Bangwo8TicketField,
	Bangwo8TicketTemplate,
	StoredCallTask,
	StoredTicket,
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
	apiId: 'sandbox-secret-id';
	secret: 'sandbox-secret';
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
	/** companyName */
	name: string;
	/** The contact whose name and mobile its userList row shows. */
	primaryContactId: string;
	/** A SEED.agent id. */
	supportId: string;
	province: string;
	city: string;
	created_at: string;
	updated_at: string;
}

export interface Bangwo8SeedTicket {
	/** ticketId */
	id: string;
	subject: string;
	descript: string;
	/** A SEED.contact id. */
	custUserId: string;
	/** A SEED.agent id. */
	servicerUserId: string;
	ticketType: string;
	priorityLevel: string;
	ticketStatus: string;
	/** A SEED.ticketTemplate id, or "0". */
	ticketTemplateId: string;
	custom_fields: Array<{ key: string; value: string }>;
	created_at: string;
	updated_at: string;
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
		/** 测试公司2 (contacts zhao, qian, testCo1) */
		testCo: Bangwo8SeedCompany;
		/** 2233 (contacts sun, testCo2, deleted) */
		co2233: Bangwo8SeedCompany;
		/** 沙盒科技有限公司 (contacts zhou, left) */
		sandboxTech: Bangwo8SeedCompany;
	};
	ticket: {
		/** 打印机无法连接: zhao, agent admin, Question, Normal, Open, template 4, field_12 上门 and field_13. */
		printer: Bangwo8SeedTicket;
		/** 客户要求回电: qian, agent zhang, To-Do, High, New, field_14 A. */
		callback: Bangwo8SeedTicket;
		/** 投诉：送货延迟: sun, agent agent, Incident, Urgent, Awaiting Reply, template 8, field_12 远程. */
		complaint: Bangwo8SeedTicket;
		/** 发票抬头修改: zhao, Task, Low, Solved. */
		solved: Bangwo8SeedTicket;
		/** 旧系统迁移工单: zhou, ticketType "0", ticketStatus "6" (both undocumented). */
		odd: Bangwo8SeedTicket;
	};
	/** Created tickets get ids from here upwards. */
	ticketFirstId: string;
	ticketField: {
		/** field_12 服务方式, dropdown 上门 / 远程. */
		service: Bangwo8TicketField;
		/** field_13 回访日期, text. */
		visitDate: Bangwo8TicketField;
		/** field_14 来电意向, dropdown A / B / C / D. */
		intention: Bangwo8TicketField;
	};
	ticketTemplate: {
		/** 4 安装表, published. */
		install: { id: string; name: string; isReleased: '0' | '1' };
		/** 8 维修单, not published. */
		repair: { id: string; name: string; isReleased: '0' | '1' };
	};
	/** Created contacts get ids from here upwards. */
	contactFirstId: string;
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
	/**
	 * What POST tickets.json answers: 'generic' {"status":"0","message":"Insert ok","data":false}
	 * (default), 'ticket' {"ticket": {…}}, 'id' data {"ticketId"}, 'location' generic + Location header (201).
	 */
	ticketCreateAnswer?: 'generic' | 'ticket' | 'id' | 'location';
	/** What POST users.json answers: 'generic' (default) or 'user' {"user": {…}}. */
	contactCreateAnswer?: 'generic' | 'user';
	/** '2B' (default): a new contact needs a companyId; '2C': it may have none. */
	contactMode?: '2B' | '2C';
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
	/** Also answers one company, contact or agent as a one-element array. */
	wrapDetailInArray: boolean;
	deleteMissingStatus: number;
	ticketCreateAnswer: 'generic' | 'ticket' | 'id' | 'location';
	contactCreateAnswer: 'generic' | 'user';
	contactMode: '2B' | '2C';
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
	tickets: Map<string, StoredTicket>;
	/** The id the next created ticket gets. */
	nextTicketId: number;
	/** The id the next created contact gets. */
	nextContactId: number;
	ticketFields: Bangwo8TicketField[];
	ticketTemplates: Bangwo8TicketTemplate[];
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
	/** A stored ticket (live object), or undefined. */
	ticketById(id: string | number): StoredTicket | undefined;
	/** The replies a ticket got through PUT ticketReply, oldest first. */
	repliesOf(id: string | number): Bangwo8Reply[];
	/** Adds n tickets directly (an hour apart from 2024-04-01 09:00, status cycling 1–5); returns their ids. */
	seedTickets(n: number, overrides?: Partial<Omit<StoredTicket, 'ticketId' | 'replies'>>): string[];

	handle(record: RecordedRequest): SandboxAnswer | Promise<SandboxAnswer>;
	envelopeFailure(failure: Extract<Failure, { kind: 'envelope' }>): SandboxAnswer;
}
