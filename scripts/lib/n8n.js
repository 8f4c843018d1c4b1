'use strict';
// Driving a real n8n from Node: environment, CLI commands (import, execute), a server process,
// and a small REST client (owner setup, login, credential test, node types).
const { spawn } = require('child_process');
const fs = require('fs');
const net = require('net');
const path = require('path');

const { ROOT } = require('./runtime');

const PACKAGE_NAME = require(path.join(ROOT, 'package.json')).name;

/** A free TCP port on 127.0.0.1. */
function freePort() {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.unref();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address();
			server.close(() => resolve(port));
		});
	});
}

/**
 * The environment of one n8n instance.
 * @param {ReturnType<import('./runtime').describeRuntime>} runtime
 * @param {{ userFolder: string, brokerPort: number, port?: number, inherit?: boolean, extra?: Record<string, string> }} options
 *   inherit: keep the caller's N8N_* / DB_* variables (dev); e2e starts from a clean slate.
 */
function n8nEnv(runtime, options) {
	const env = {};
	for (const [key, value] of Object.entries(process.env)) {
		if (
			!options.inherit &&
			/^(N8N_|DB_|EXECUTIONS_|QUEUE_|GENERIC_|WEBHOOK_URL|NODE_OPTIONS|NODE_ENV)/.test(key)
		)
			continue;
		if (/^npm_/.test(key)) continue;
		env[key] = value;
	}
	Object.assign(env, {
		N8N_USER_FOLDER: options.userFolder,
		N8N_CUSTOM_EXTENSIONS: path.join(ROOT, 'dist'),
		N8N_RUNNERS_BROKER_PORT: String(options.brokerPort),
		// No network beyond this machine: no telemetry, version checks or template gallery.
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
		N8N_SECURE_COOKIE: 'false',
		DB_SQLITE_POOL_SIZE: env.DB_SQLITE_POOL_SIZE ?? '2',
		...runtime.env,
	});
	if (options.port) {
		env.N8N_PORT = String(options.port);
		env.N8N_LISTEN_ADDRESS = env.N8N_LISTEN_ADDRESS || '127.0.0.1';
	}
	Object.assign(env, options.extra);
	return env;
}

/**
 * Runs one n8n CLI command to its end. Resolves to { code, stdout, stderr, ms } (never rejects on
 * a non-zero exit: the caller decides).
 */
function n8nCommand(runtime, args, env, { timeoutMs = 180000 } = {}) {
	return new Promise((resolve, reject) => {
		const started = Date.now();
		const child = spawn(runtime.node, [runtime.n8nBin, ...args], {
			env,
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (c) => (stdout += c));
		child.stderr.on('data', (c) => (stderr += c));
		const timer = setTimeout(() => {
			stderr += `\n[e2e] n8n ${args[0]} killed after ${timeoutMs} ms`;
			child.kill('SIGKILL');
		}, timeoutMs);
		child.on('error', (error) => {
			clearTimeout(timer);
			reject(error);
		});
		child.on('close', (code) => {
			clearTimeout(timer);
			resolve({ code, stdout, stderr, ms: Date.now() - started });
		});
	});
}

/**
 * The execution JSON that `n8n execute --rawOutput` prints (on success via stdout, on failure
 * through the logger): the last top-level `{ … }` block of the output that parses.
 */
function parseExecuteOutput(text) {
	const lines = text.split('\n');
	for (let end = lines.length - 1; end >= 0; end--) {
		if (lines[end].trimEnd() !== '}') continue;
		for (let start = end; start >= 0; start--) {
			if (lines[start].trimEnd() !== '{') continue;
			try {
				const parsed = JSON.parse(lines.slice(start, end + 1).join('\n'));
				if (parsed && typeof parsed === 'object' && parsed.data?.resultData) return parsed;
			} catch {
				// an inner block; keep looking further up
			}
		}
	}
	return undefined;
}

/** Writes JSON to a file and imports it with `n8n import:<kind> --input=<file>`. */
async function importJson(runtime, env, kind, list, file) {
	fs.writeFileSync(file, `${JSON.stringify(list, null, '\t')}\n`);
	// At log level info n8n confirms the import; below it prints nothing to check.
	const result = await n8nCommand(runtime, [`import:${kind}`, `--input=${file}`], {
		...env,
		N8N_LOG_LEVEL: 'info',
	});
	if (result.code !== 0 || !/Successfully imported/i.test(result.stdout + result.stderr)) {
		throw new Error(
			`n8n import:${kind} failed (exit ${result.code}):\n${tail(result.stdout + result.stderr, 30)}`,
		);
	}
	return result;
}

function tail(text, lines) {
	return text.split('\n').filter(Boolean).slice(-lines).join('\n');
}

/**
 * Our node types as n8n names them when loaded through N8N_CUSTOM_EXTENSIONS ("CUSTOM.<name>").
 * The example workflows are stored with the community package's names
 * ("n8n-nodes-byrobot-bangwo8.<name>"), which is what a user who installed the package has;
 * this rewrites them for the dev and e2e instances.
 */
function forCustomExtensions(workflow) {
	const prefix = `${PACKAGE_NAME}.`;
	return {
		...workflow,
		nodes: workflow.nodes.map((node) =>
			node.type.startsWith(prefix)
				? { ...node, type: `CUSTOM.${node.type.slice(prefix.length)}` }
				: node,
		),
	};
}

/** Starts `n8n start`; resolves once /healthz/readiness and /rest/settings answer. Returns { child, url, stop, output() }. */
async function startServer(runtime, env, { timeoutMs = 180000, onLine } = {}) {
	const child = spawn(runtime.node, [runtime.n8nBin, 'start'], {
		env,
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let output = '';
	const collect = (chunk) => {
		output += chunk;
		if (onLine) for (const line of String(chunk).split('\n')) if (line.trim()) onLine(line);
	};
	child.stdout.on('data', collect);
	child.stderr.on('data', collect);
	let exited = false;
	const exitPromise = new Promise((resolve) =>
		child.on('close', (code) => ((exited = true), resolve(code))),
	);
	const url = `http://127.0.0.1:${env.N8N_PORT}`;
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		if (exited) throw new Error(`n8n start exited early:\n${tail(output, 30)}`);
		if (Date.now() > deadline) {
			child.kill('SIGKILL');
			throw new Error(
				`n8n start did not answer /healthz/readiness within ${timeoutMs} ms:\n${tail(output, 30)}`,
			);
		}
		try {
			// n8n 1.x reports ready before its REST routes are mounted: wait for both.
			const res = await fetch(`${url}/healthz/readiness`);
			if (res.ok && (await fetch(`${url}/rest/settings`)).status === 200) break;
		} catch {
			// not listening yet
		}
		await new Promise((r) => setTimeout(r, 500));
	}
	return {
		child,
		url,
		output: () => output,
		exited: exitPromise,
		async stop() {
			if (exited) return;
			child.kill('SIGTERM');
			const timer = setTimeout(() => child.kill('SIGKILL'), 15000);
			await exitPromise;
			clearTimeout(timer);
		},
	};
}

/** A minimal REST client for n8n's internal API (/rest), with its auth cookie. */
class RestClient {
	constructor(baseUrl) {
		this.baseUrl = baseUrl;
		this.cookie = '';
		// n8n binds the auth cookie to a browser id sent as a header.
		this.browserId = 'n8n-nodes-byrobot-bangwo8-e2e';
	}

	async request(method, endpoint, body) {
		const res = await fetch(`${this.baseUrl}${endpoint}`, {
			method,
			headers: {
				'content-type': 'application/json',
				'browser-id': this.browserId,
				...(this.cookie ? { cookie: this.cookie } : {}),
			},
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const setCookie = res.headers.getSetCookie?.() ?? [];
		const auth = setCookie.map((c) => c.split(';')[0]).find((c) => c.startsWith('n8n-auth='));
		if (auth) this.cookie = auth;
		const text = await res.text();
		let json;
		try {
			json = JSON.parse(text);
		} catch {
			json = undefined;
		}
		return { status: res.status, json, text };
	}

	async ok(method, endpoint, body) {
		const res = await this.request(method, endpoint, body);
		if (res.status >= 400)
			throw new Error(`${method} ${endpoint} → HTTP ${res.status}: ${res.text.slice(0, 500)}`);
		return res.json?.data ?? res.json;
	}

	/** Sets up the owner unless one exists, then logs in. */
	async ownerLogin(owner) {
		const settings = await this.ok('GET', '/rest/settings');
		if (settings?.userManagement?.showSetupOnFirstLoad) {
			await this.ok('POST', '/rest/owner/setup', owner);
		}
		await this.ok('POST', '/rest/login', {
			emailOrLdapLoginId: owner.email,
			email: owner.email,
			password: owner.password,
		});
	}
}

module.exports = {
	PACKAGE_NAME,
	freePort,
	n8nEnv,
	n8nCommand,
	parseExecuteOutput,
	importJson,
	forCustomExtensions,
	startServer,
	RestClient,
	tail,
};
