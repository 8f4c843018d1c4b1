// A raw HTTP client for the BYRobot sandbox's own tests: requests are signed here with
// node:crypto and sent with global fetch, so the tests do not lean on the sandbox's helpers.
import { createHmac } from 'crypto';

import { ByrobotSandbox, SANDBOX_APP_KEY, SANDBOX_APP_SECRET, SEED } from '../byrobot';

export function hmacSign(appKey: string, appSecret: string, datetime: string): string {
	return createHmac('sha1', appSecret).update(`${appKey}\n${datetime}`).digest('base64');
}

export interface AuthOptions {
	appKey?: string;
	appSecret?: string;
	date?: Date;
	datetime?: string;
	sign?: string;
}

export function auth(o: AuthOptions = {}): Record<string, string> {
	const appKey = o.appKey ?? SANDBOX_APP_KEY;
	const appSecret = o.appSecret ?? SANDBOX_APP_SECRET;
	const datetime = o.datetime ?? (o.date ?? new Date()).toUTCString();
	return { appkey: appKey, datetime, sign: o.sign ?? hmacSign(appKey, appSecret, datetime) };
}

export type Query = Record<string, string | number | boolean | undefined>;

export interface CallOptions {
	query?: Query;
	body?: unknown;
	rawBody?: string;
	contentType?: string;
	headers?: Record<string, string>;
}

export interface Answer {
	status: number;
	// The sandbox answers several shapes; tests look into them freely.
	json: any;
	headers: Headers;
}

/** A valid createTask body for company demo (line mobile, robot loan). */
export const validTask = (extra: Record<string, unknown> = {}) => ({
	companyId: SEED.company.demo.id,
	taskName: '测试任务',
	taskType: 2,
	userPhoneIds: [SEED.phone.mobile.id],
	robotDefId: SEED.robot.loan.id,
	callType: SEED.phone.mobile.phoneType,
	...extra,
});

export const phoneOf = (i: number) => `138${String(i).padStart(8, '0')}`;

/** One sandbox per test file (reset before each test) and the calls to make against it. */
export function useSandbox(options?: ConstructorParameters<typeof ByrobotSandbox>[0]) {
	const sandbox = new ByrobotSandbox(options);
	beforeAll(() => sandbox.start(0));
	afterAll(() => sandbox.stop());
	beforeEach(() => sandbox.reset());

	function urlOf(path: string, query?: Query): string {
		const full = path.startsWith('/') ? path : `/openapi/v1/${path}`;
		const qs = new URLSearchParams();
		for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined) qs.append(k, String(v));
		const s = qs.toString();
		return `${sandbox.url}${full}${s ? `?${s}` : ''}`;
	}

	async function call(method: string, path: string, o: CallOptions = {}): Promise<Answer> {
		const headers: Record<string, string> = { ...(o.headers ?? auth()) };
		let body: string | undefined;
		if (o.rawBody !== undefined) body = o.rawBody;
		else if (o.body !== undefined) body = JSON.stringify(o.body);
		if (body !== undefined) headers['content-type'] = o.contentType ?? 'application/json';
		const res = await fetch(urlOf(path, o.query), { method, headers, body });
		const text = await res.text();
		let json: unknown;
		try {
			json = JSON.parse(text);
		} catch {
			json = text;
		}
		return { status: res.status, json, headers: res.headers };
	}

	const get = (path: string, query?: Query) => call('GET', path, { query });
	const post = (path: string, body: unknown) => call('POST', path, { body });

	/** Asserts a successful standard envelope and returns its data. */
	async function ok(answer: Promise<Answer>): Promise<any> {
		const a = await answer;
		expect(a.status).toBe(200);
		expect(a.json).toMatchObject({ code: 200, errorStackTrace: null });
		expect(typeof a.json.requestId).toBe('string');
		return a.json.data;
	}

	/** Asserts a business error (HTTP 200 unless told) and returns resultMsg. */
	async function fails(answer: Promise<Answer>, code: number, httpStatus = 200): Promise<string> {
		const a = await answer;
		expect({ status: a.status, code: a.json.code }).toEqual({ status: httpStatus, code });
		expect(a.json.data).toBeNull();
		return a.json.resultMsg;
	}

	async function createTask(extra: Record<string, unknown> = {}): Promise<number> {
		return ok(post('task/createTask', validTask(extra)));
	}

	return { sandbox, call, get, post, ok, fails, createTask };
}
