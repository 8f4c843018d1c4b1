// A raw HTTP client for the BYRobot open platform sandbox's own tests (not of any node): form
// bodies are encoded here with URLSearchParams and sent with global fetch, and API paths are
// built by hand, so the tests do not lean on the sandbox's helpers.
import {
	ByrobotOpenSandbox,
	SANDBOX_OPEN_APP_KEY,
	SANDBOX_OPEN_APP_SECRET,
	SEED,
	type ByrobotOpenSandboxOptions,
} from '../byrobotOpen';

export type Fields = Record<string, string | number | boolean | undefined>;

export interface Reply {
	status: number;
	headers: Headers;
	// The sandbox answers several shapes; tests look into them freely.
	json: any;
	text: string;
}

/** 'byai.openapi.calljob.customer.import' → '/api/oauth/byai.openapi.calljob.customer/1.0.0/import'. */
export function pathOf(api: string): string {
	const dot = api.lastIndexOf('.');
	return `/api/oauth/${api.slice(0, dot)}/1.0.0/${api.slice(dot + 1)}`;
}

export const form = (fields: Fields): string => {
	const params = new URLSearchParams();
	for (const [k, v] of Object.entries(fields)) if (v !== undefined) params.append(k, String(v));
	return params.toString();
};

export const FORM = 'application/x-www-form-urlencoded';
export const DEMO = SEED.company.demo.id;

/** A valid calljob.create for company demo: robot loan on the demo line. */
export const validJob = (extra: Fields = {}): Fields => ({
	companyId: DEMO,
	callJobName: '测试任务',
	callJobType: 2,
	robotDefId: SEED.robot.loan.id,
	userPhoneIds: JSON.stringify([SEED.phone.demo.id]),
	...extra,
});

export const phoneOf = (i: number) => `138${String(i).padStart(8, '0')}`;

/** One sandbox per test file (reset before each test) and the calls to make against it. */
export function useSandbox(options?: ByrobotOpenSandboxOptions) {
	const sandbox = new ByrobotOpenSandbox(options);
	beforeAll(() => sandbox.start(0));
	afterAll(() => sandbox.stop());
	beforeEach(() => sandbox.reset());

	async function send(
		method: string,
		path: string,
		o: { body?: string; contentType?: string; query?: Fields } = {},
	): Promise<Reply> {
		const qs = o.query ? `?${form(o.query)}` : '';
		const headers: Record<string, string> = {};
		if (o.body !== undefined) headers['content-type'] = o.contentType ?? FORM;
		const res = await fetch(`${sandbox.url}${path}${qs}`, { method, headers, body: o.body });
		const text = await res.text();
		let json: unknown;
		try {
			json = JSON.parse(text);
		} catch {
			json = text;
		}
		return { status: res.status, headers: res.headers, json, text };
	}

	const credentials = (extra: Fields = {}): Fields => ({
		client_id: SANDBOX_OPEN_APP_KEY,
		client_secret: SANDBOX_OPEN_APP_SECRET,
		company_id: DEMO,
		...extra,
	});

	/** POST /oauth/token with a form body (the sandbox app and company demo unless told). */
	const tokenRequest = (extra: Fields = {}) =>
		send('POST', '/oauth/token', { body: form(credentials(extra)) });

	/** A token for a company (HTTP). */
	async function token(companyId: number = DEMO): Promise<string> {
		const reply = await tokenRequest({ company_id: companyId });
		expect(reply.json).toMatchObject({ success: true, code: 200 });
		return reply.json.data.access_token;
	}

	let cached: string | undefined;
	beforeEach(() => {
		cached = undefined;
	});
	/** Calls an API by name with a form POST; accessToken is a fresh token of company demo unless given (null: none). */
	async function api(name: string, fields: Fields = {}, accessToken?: string | null) {
		const t = accessToken === undefined ? (cached ??= await token()) : accessToken;
		return send('POST', pathOf(name), {
			body: form({ ...(t === null ? {} : { accessToken: t }), ...fields }),
		});
	}

	/** Asserts a success envelope and returns its data. */
	async function ok(reply: Promise<Reply>): Promise<any> {
		const r = await reply;
		expect({ status: r.status, code: r.json.code, resultMsg: r.json.resultMsg }).toEqual({
			status: 200,
			code: 200,
			resultMsg: 'successful',
		});
		expect(r.json.requestId).toEqual(expect.any(String));
		return r.json.data;
	}

	/** Asserts an error envelope (HTTP 200 unless told) and returns resultMsg. */
	async function fails(reply: Promise<Reply>, code: number, httpStatus = 200): Promise<string> {
		const r = await reply;
		expect({ status: r.status, code: r.json.code, data: r.json.data }).toEqual({
			status: httpStatus,
			code,
			data: null,
		});
		expect(r.json.requestId).toEqual(expect.any(String));
		return r.json.resultMsg;
	}

	async function createJob(extra: Fields = {}): Promise<number> {
		return (await ok(api('byai.openapi.calljob.create', validJob(extra)))).callJobId;
	}

	const importRows = (callJobId: number, rows: unknown[], extra: Fields = {}) =>
		api('byai.openapi.calljob.customer.import', {
			companyId: DEMO,
			callJobId,
			customerInfoVOList: JSON.stringify(rows),
			...extra,
		});

	const execute = (callJobId: number, command: number) =>
		api('byai.openapi.calljob.execute', { companyId: DEMO, callJobId, command });

	return {
		sandbox,
		send,
		tokenRequest,
		token,
		api,
		ok,
		fails,
		createJob,
		importRows,
		execute,
	};
}
