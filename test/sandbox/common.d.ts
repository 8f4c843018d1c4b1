// Types of common.js, the shared plumbing of the API sandboxes (kept in step with its JSDoc).
import type { IncomingHttpHeaders, IncomingMessage, Server, ServerResponse } from 'http';

/** How a matching request fails (fail()); 'answer' is what answerNext() queues. */
export type Failure =
	| { kind: 'http'; status: number; body?: string; contentType?: string }
	| { kind: 'envelope'; code: number; resultMsg?: string }
	| { kind: 'html'; status?: number }
	| { kind: 'malformed' }
	| { kind: 'slow'; ms: number }
	| { kind: 'reset' }
	| { kind: 'answer'; answer: ScriptedAnswer };

/** The vendor's answer as a test states it for answerNext(). */
export interface ScriptedAnswer {
	/** HTTP status, default 200. */
	status?: number;
	/** Sent as JSON; a string is sent verbatim (HTML, broken JSON, …). */
	body?: unknown;
	/** Default application/json; charset=utf-8. */
	contentType?: string;
	headers?: Record<string, string>;
	/** Wait this long before answering. */
	delayMs?: number;
	/** Reset the connection instead of answering. */
	drop?: boolean;
}

export interface AnswerOptions {
	/** How many matching requests get this answer: default 1, Infinity for all. */
	times?: number;
	/** Let that many matching requests reach the sandbox first. */
	skip?: number;
}

/** "METHOD /path", "/path", "METHOD *", "*", or a RegExp on the path; paths match by suffix. */
export type AnswerRoute = string | RegExp;

/**
 * Which requests fail: `method` and `path` (suffix or RegExp) select them, `skip` lets that many
 * pass first, `times` (default 1, Infinity for all) how many then fail.
 */
export interface FailRule {
	method?: string;
	path?: string | RegExp;
	times?: number;
	skip?: number;
	failure: Failure;
	/** The route answerNext() was given. */
	route?: AnswerRoute;
}

/** One request as the sandbox saw it. */
export interface RecordedRequest {
	method: string;
	path: string;
	/** Path and query string as sent. */
	url: string;
	query: Record<string, string | string[]>;
	headers: IncomingHttpHeaders;
	/** JSON or form body parsed; the raw text when it was not JSON; undefined when empty. */
	body: unknown;
	rawBody: string;
	time: number;
	/** The answer sent: HTTP status and envelope code (unset until answered, and for fail() injections). */
	status?: number;
	code?: unknown;
}

/** What a handler answers: JSON, or text with a content type. */
export type SandboxAnswer =
	| { status?: number; json: unknown; headers?: Record<string, string> }
	| {
			status?: number;
			text?: string;
			contentType?: string;
			headers?: Record<string, string>;
			json?: undefined;
	  };

export class SandboxServer {
	constructor(name: string);
	name: string;
	requests: RecordedRequest[];
	failRules: FailRule[];
	/** Added to every answer, to imitate network latency (benchmarks). */
	latencyMs: number;
	server: Server | null;
	/** Base URL once started, e.g. http://127.0.0.1:38211 ('' before start). */
	url: string;
	/** Starts listening; port 0 picks a free port. Resolves to the base URL. */
	start(port?: number, host?: string): Promise<string>;
	stop(): Promise<void>;
	clearRequests(): void;
	/** Requests whose path ends with the given suffix (or matches the RegExp). */
	requestsTo(path: string | RegExp, method?: string): RecordedRequest[];
	/**
	 * Scripts the vendor's answer to the next request matching `route` (the sandbox's own handler
	 * is skipped): `sandbox.answerNext('POST /openapi/v1/task/start', { body: { code: 500, resultMsg: '系统繁忙' } })`.
	 * Answers queue in order, together with fail() rules.
	 */
	answerNext(route: AnswerRoute, answer: ScriptedAnswer, options?: AnswerOptions): this;
	/** Scripted answers not used up yet ([] once every answerNext() was consumed; times Infinity never counts). */
	pendingAnswers(): Array<{ route: AnswerRoute; answer: ScriptedAnswer; times: number }>;
	/** Makes matching requests fail the ways vendors do; answerNext() states an exact answer. */
	fail(rule: FailRule): this;
	clearFailures(): void;
	matchFailure(method: string, path: string): Failure | undefined;
	handleRaw(req: IncomingMessage, res: ServerResponse): Promise<void>;
	sendFailure(res: ServerResponse, failure: Failure): void;
	/** Overridden per vendor: the body of an application-level error. */
	envelopeFailure(failure: Extract<Failure, { kind: 'envelope' }>): SandboxAnswer;
	/** Overridden per vendor. */
	handle(record: RecordedRequest, req?: IncomingMessage): SandboxAnswer | Promise<SandboxAnswer>;
}

export function send(res: ServerResponse, answer: SandboxAnswer): void;
export function delay(ms: number): Promise<void>;
/** Slices a list the 1-based page / pageSize way. */
export function pageOf<T>(list: T[], page: number, size: number): T[];
