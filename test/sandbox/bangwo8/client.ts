// A raw HTTP client for the Bangwo8 sandbox's own tests (not of any node), over real HTTP with
// Node's fetch; credentials are encoded here, not by the sandbox.
import { Bangwo8Sandbox, SANDBOX_ADMIN, SANDBOX_AGENT, SANDBOX_OAUTH, SEED } from '../bangwo8';

export const basic = (user: string, pass: string) =>
	`Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}`;
export const ADMIN = basic(SANDBOX_ADMIN.account, SANDBOX_ADMIN.password);
export const AGENT = basic(SANDBOX_AGENT.account, SANDBOX_AGENT.password);
export const CLIENT = basic(SANDBOX_OAUTH.apiId, SANDBOX_OAUTH.secret);
export const FORM = { 'Content-Type': 'application/x-www-form-urlencoded' };

export interface Reply {
	status: number;
	headers: Headers;
	// The sandbox answers several shapes; tests look into them freely.
	json: any;
	text: string;
}

/** A valid POST callTask body: contacts zhao, qian, sun (as numbers) served by agents admin and agent. */
export const newTask = (over: Record<string, unknown> = {}) => ({
	callTask: {
		task_name: '外呼任务名称1',
		task_start: '2030-05-20',
		task_end: '2030-05-23',
		task_user: [SEED.contact.zhao.id, SEED.contact.qian.id, SEED.contact.sun.id].map(Number),
		task_service: [SEED.agent.admin.id, SEED.agent.agent.id].map(Number),
		data_source: '1',
		...over,
	},
});

/** One sandbox per test file (reset before each test) and the calls to make against it. */
export function useSandbox() {
	const sandbox = new Bangwo8Sandbox();
	beforeAll(() => sandbox.start(0));
	afterAll(() => sandbox.stop());
	beforeEach(() => sandbox.reset());

	/** Calls the sandbox as the admin unless told; `path` may be a full URL (next_page). JSON bodies get the JSON content type. */
	async function call(
		method: string,
		path: string,
		options: { auth?: string | null; body?: unknown; headers?: Record<string, string> } = {},
	): Promise<Reply> {
		const headers: Record<string, string> = { ...(options.headers ?? {}) };
		const auth = options.auth === undefined ? ADMIN : options.auth;
		if (auth) headers.Authorization = auth;
		let body: string | undefined;
		if (options.body !== undefined) {
			body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
			if (!Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) {
				headers['Content-Type'] = 'application/json';
			}
		}
		const res = await fetch(path.startsWith('http') ? path : sandbox.url + path, {
			method,
			headers,
			body,
		});
		const text = await res.text();
		let json: unknown;
		try {
			json = JSON.parse(text);
		} catch {
			json = undefined;
		}
		return { status: res.status, headers: res.headers, json, text };
	}

	const get = (path: string, auth?: string | null) => call('GET', path, { auth });

	/** A fresh OAuth2 access token. */
	async function token(): Promise<string> {
		const res = await call('POST', '/api/token.php', {
			auth: CLIENT,
			body: 'grant_type=client_credentials',
			headers: FORM,
		});
		expect(res.status).toBe(200);
		return res.json.access_token;
	}

	return { sandbox, call, get, token };
}
