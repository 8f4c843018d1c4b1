'use strict';
// The BYRobot sandbox (and, when asked, the Bangwo8 one) in a child process, for benchmarks: their
// CPU time and memory (every request and every stored customer) stay out of the process being
// measured. The parent drives them over IPC: seed a task, read what it received, clear the request
// logs, or call any sandbox method (`invoke`).
const path = require('path');
const { fork } = require('child_process');

const ROOT = path.join(__dirname, '..', '..');

if (require.main === module) {
	// Child side.
	const { ByrobotSandbox } = require(path.join(ROOT, 'test/sandbox/byrobot.js'));
	const sandbox = new ByrobotSandbox({ autoDial: false });
	sandbox.latencyMs = Number(process.env.SANDBOX_LATENCY_MS ?? 0);
	let bangwo8;
	if (process.env.SANDBOX_BANGWO8 === '1') {
		const { Bangwo8Sandbox } = require(path.join(ROOT, 'test/sandbox/bangwo8.js'));
		bangwo8 = new Bangwo8Sandbox();
		bangwo8.latencyMs = sandbox.latencyMs;
	}
	const sandboxes = { byrobot: sandbox, bangwo8 };
	const handlers = {
		/** Any sandbox method: { vendor: 'byrobot' | 'bangwo8', method, args: [] }. */
		invoke: ({ vendor, method, args = [] }) => sandboxes[vendor][method](...args),
		/** n tasks of the company in the given status (0 not started, 1 running); their ids. */
		seedTasksIn: ({ companyId, n, status }) => {
			const ids = sandbox.seedTasks(companyId, n);
			for (const id of ids) sandbox.tasks.get(id).status = status;
			return ids;
		},
		/** n calls of a fresh task of the company; their callInstanceIds. */
		seedCalls: ({ companyId, n }) => {
			const [taskId] = sandbox.seedTasks(companyId, 1);
			return sandbox.seedCallRecords(taskId, n).map((call) => call.callInstanceId);
		},
		/** The phones put on the company's default blacklist group; returns them. */
		seedBlacklist: ({ companyId, groupId, phones }) => {
			for (const mobile of phones) sandbox.addBlacklistEntry(companyId, groupId, { mobile });
			return phones;
		},
		/** Requests whose path contains `path` (either sandbox), counted by answer. */
		requests: ({ vendor, path: endpoint }) => {
			const codes = {};
			const list = sandboxes[vendor].requests.filter((r) => r.path.includes(endpoint));
			for (const request of list) {
				const key = `HTTP ${request.status ?? '?'}${request.code !== undefined ? ` code ${request.code}` : ''}`;
				codes[key] = (codes[key] ?? 0) + 1;
			}
			return { requests: list.length, codes };
		},
		seedTask: ({ companyId }) => sandbox.seedTasks(companyId, 1)[0],
		stats: ({ path: endpoint, taskId }) => {
			const requests = sandbox.requestsTo(endpoint);
			const codes = {};
			let maxSignatureAgeMs = 0;
			for (const request of requests) {
				const key =
					request.status === 200
						? String(request.code ?? 'no code')
						: `HTTP ${request.status ?? '?'}`;
				codes[key] = (codes[key] ?? 0) + 1;
				const signed = Date.parse(String(request.headers.datetime ?? ''));
				if (Number.isFinite(signed))
					maxSignatureAgeMs = Math.max(maxSignatureAgeMs, request.time - signed);
			}
			return {
				requests: requests.length,
				codes,
				maxSignatureAgeMs,
				firstRequestAt: requests[0]?.time,
				lastRequestAt: requests[requests.length - 1]?.time,
				stored: taskId === undefined ? 0 : sandbox.customersOf(taskId).length,
			};
		},
		clear: () => {
			sandbox.clearRequests();
			bangwo8?.clearRequests();
		},
	};
	process.on('message', async ({ id, type, args }) => {
		try {
			process.send({ id, result: await handlers[type](args ?? {}) });
		} catch (error) {
			process.send({ id, error: String(error?.stack ?? error) });
		}
	});
	Promise.all([sandbox.start(0, '127.0.0.1'), bangwo8?.start(0, '127.0.0.1')]).then(() =>
		process.send({ ready: sandbox.url, bangwo8: bangwo8?.url }),
	);
	process.on('disconnect', () =>
		Promise.all([sandbox.stop(), bangwo8?.stop()]).then(() => process.exit(0)),
	);
} else {
	/** Starts the sandbox child; resolves to { url, bangwo8Url?, call(type, args), stop() }. */
	module.exports.startSandboxProcess = function startSandboxProcess({
		latencyMs = 0,
		bangwo8 = false,
	} = {}) {
		const child = fork(__filename, [], {
			env: {
				...process.env,
				SANDBOX_LATENCY_MS: String(latencyMs),
				SANDBOX_BANGWO8: bangwo8 ? '1' : '0',
			},
			stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
		});
		let nextId = 0;
		const pending = new Map();
		return new Promise((resolve, reject) => {
			child.once('error', reject);
			child.once('exit', (code) => reject(new Error(`sandbox process exited early (${code})`)));
			child.on('message', (message) => {
				if (message.ready) {
					resolve({
						url: message.ready,
						bangwo8Url: message.bangwo8,
						pid: child.pid,
						call(type, args) {
							const id = ++nextId;
							child.send({ id, type, args });
							return new Promise((res, rej) => pending.set(id, { res, rej }));
						},
						stop() {
							return new Promise((res) => {
								child.removeAllListeners('exit');
								child.once('exit', res);
								child.disconnect();
							});
						},
					});
					return;
				}
				const waiter = pending.get(message.id);
				if (!waiter) return;
				pending.delete(message.id);
				if (message.error) waiter.rej(new Error(message.error));
				else waiter.res(message.result);
			});
		});
	};
}
