'use strict';
// The BYRobot sandbox in a child process, for benchmarks: its CPU time and memory (every request
// and every stored customer) stay out of the process being measured. The parent drives it over
// IPC: seed a task, read what it received, clear its request log.
const path = require('path');
const { fork } = require('child_process');

const ROOT = path.join(__dirname, '..', '..');

if (require.main === module) {
	// Child side.
	const { ByrobotSandbox } = require(path.join(ROOT, 'test/sandbox/byrobot.js'));
	const sandbox = new ByrobotSandbox({ autoDial: false });
	sandbox.latencyMs = Number(process.env.SANDBOX_LATENCY_MS ?? 0);
	const handlers = {
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
		clear: () => sandbox.clearRequests(),
	};
	process.on('message', async ({ id, type, args }) => {
		try {
			process.send({ id, result: await handlers[type](args ?? {}) });
		} catch (error) {
			process.send({ id, error: String(error?.stack ?? error) });
		}
	});
	sandbox.start(0, '127.0.0.1').then(() => process.send({ ready: sandbox.url }));
	process.on('disconnect', () => sandbox.stop().then(() => process.exit(0)));
} else {
	/** Starts the sandbox child; resolves to { url, call(type, args), stop() }. */
	module.exports.startSandboxProcess = function startSandboxProcess({ latencyMs = 0 } = {}) {
		const child = fork(__filename, [], {
			env: { ...process.env, SANDBOX_LATENCY_MS: String(latencyMs) },
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
