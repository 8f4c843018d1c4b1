'use strict';
// The Byrobot Trigger under load in real n8n 2.41.1 (docs: README, Byrobot Trigger → "Under load
// and in queue mode"):
//
//   node e2e/load/run.js [--mode=regular|queue|both] [--callbacks=400] [--concurrency=20]
//                        [--pool-size=10] [--keep] [--no-build]
//
// regular: `n8n start` on SQLite (one process, as most installs run).
// queue:   n8n's queue mode on PostgreSQL and Redis (Debian's packages, started here in a temporary
//          directory): a main process, a webhook process and two workers; also runs the 2,501-row
//          Import Customers and a Bangwo8 workflow on the workers (e2e/load/queue.js).
//
// Each mode activates a workflow Byrobot Trigger → HTTP Request to a CRM stand-in in this process,
// POSTs N distinct callbacks with C in flight, every one again 10 s later, and retries whatever was
// not answered `success` (e2e/load/driver.js). It passes when every POST was answered (`success`
// or a 5xx that BYRobot retries), every callback was acknowledged in the end, none was
// acknowledged without its execution and none ran twice; it prints throughput and
// acknowledgement latency. It builds the package first (skip with --no-build). Closing line: `load: N passed, N failed`.
const fs = require('fs');
const os = require('os');
const path = require('path');

const { ROOT, ensureRuntime, run } = require('../../scripts/lib/runtime');
const { freePort, n8nEnv, RestClient, startServer } = require('../../scripts/lib/n8n');
const { OWNER } = require('../cases/credentials');
const {
	cpuSeconds,
	createAndActivate,
	crmWorkflow,
	executionCounts,
	startCrm,
	waitFor,
} = require('./common');
const { loadCallbacks, play, verdict } = require('./driver');

const args = process.argv.slice(2);
const option = (name, fallback) =>
	args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const flag = (name) => args.includes(`--${name}`);

const MODE = option('mode', 'both');
const CALLBACKS = Number(option('callbacks', '400'));
const CONCURRENCY = Number(option('concurrency', '20'));
/** Queue mode: DB_POSTGRESDB_POOL_SIZE of every n8n process (n8n's default is 2). */
const POOL_SIZE = Number(option('pool-size', '10'));
const TOKEN = 'load-callback-token';

const log = (line = '') => process.stdout.write(`${line}\n`);

/**
 * Runs the load against a trigger webhook: activates the CRM workflow through `rest`, POSTs to
 * `webhookBase`, waits until n8n has finished every run, and judges. Returns the verdict.
 */
async function loadCase({
	label,
	rest,
	webhookBase,
	acknowledge = 'onReceipt',
	firstId,
	processes = [],
}) {
	const crm = await startCrm();
	try {
		const webhookId = `load-${label.replace(/\W+/g, '-')}-${Date.now()}`;
		const workflowId = await createAndActivate(
			rest,
			crmWorkflow({
				name: `load: ${label}`,
				webhookId,
				parameters: { token: TOKEN, acknowledge, options: { duplicateWindowMinutes: 60 } },
				crmUrl: crm.url,
			}),
		);
		const url = `${webhookBase}/webhook/${webhookId}/byrobot?token=${TOKEN}`;
		const callbacks = require('../../test/sandbox/byrobot-callbacks');
		await waitFor(
			async () =>
				(await callbacks.postOnce(url, 'not json', { contentType: 'text' }).catch(() => ({})))
					.status === 400,
			`the webhook of "${label}" to answer`,
			60000,
		);
		const calls = loadCallbacks(CALLBACKS, firstId);
		log(
			`== load: ${label}: ${CALLBACKS} callbacks, ${CONCURRENCY} in flight, each again 10 s later`,
		);
		const cpuBefore = processes.map((p) => cpuSeconds(p.pid));
		const played = await play({ url, calls, concurrency: CONCURRENCY, log: (l) => log(`   ${l}`) });
		// n8n may still be running what it acknowledged: wait until every execution has ended.
		let counts;
		const running = () => counts.byStatus.running + counts.byStatus.new + counts.byStatus.waiting;
		await waitFor(
			async () => {
				counts = await executionCounts(rest, workflowId);
				return running() === 0 && counts.total >= played.acknowledged.size ? true : undefined;
			},
			'every execution to end',
			180000,
			1000,
		).catch((error) => {
			throw new Error(
				`${error.message}: ${JSON.stringify(counts)} for ${played.acknowledged.size} acknowledged, ${crm.writes.size} written to the CRM`,
			);
		});
		await new Promise((r) => setTimeout(r, 1000));
		counts = await executionCounts(rest, workflowId);
		await rest.ok('POST', `/rest/workflows/${workflowId}/deactivate`, {});
		const result = verdict({ label, calls, played, crm, counts });
		// What n8n itself spent per callback (both deliveries and the run), whatever else the
		// machine was doing: the figure that carries over to another machine.
		const cpu = processes.map((p, i) => ({
			name: p.name,
			seconds: cpuSeconds(p.pid) - cpuBefore[i],
		}));
		if (cpu.length && cpu.every((c) => Number.isFinite(c.seconds))) {
			const total = cpu.reduce((sum, c) => sum + c.seconds, 0);
			result.lines.push(
				`${label}: n8n CPU ${total.toFixed(1)} s (${cpu.map((c) => `${c.name} ${c.seconds.toFixed(1)} s`).join(', ')}) = ${((total / calls.length) * 1000).toFixed(0)} ms per callback (two deliveries and one run)`,
			);
		}
		for (const line of result.lines) log(`   ${line}`);
		return result;
	} finally {
		await crm.close();
	}
}

async function regularMode(runtime, results) {
	const userFolder = path.join(ROOT, '.n8n-e2e', `load-regular-${Date.now()}`);
	fs.mkdirSync(userFolder, { recursive: true });
	const port = await freePort();
	const env = n8nEnv(runtime, {
		userFolder,
		brokerPort: await freePort(),
		port,
		extra: { N8N_LOG_LEVEL: 'warn' },
	});
	const started = Date.now();
	log(`== load: regular mode: n8n start on SQLite (${path.relative(ROOT, userFolder)})`);
	const server = await startServer(runtime, env);
	log(`   n8n answered /healthz/readiness after ${((Date.now() - started) / 1000).toFixed(1)} s`);
	try {
		const rest = new RestClient(server.url);
		await rest.ownerLogin(OWNER);
		const result = await loadCase({
			label: 'regular mode (SQLite)',
			rest,
			webhookBase: server.url,
			firstId: 9_100_000,
			processes: [{ name: 'n8n', pid: server.child.pid }],
		});
		results.push({ name: 'regular mode: every callback one execution', ...result });
	} finally {
		await server.stop();
		if (!flag('keep')) fs.rmSync(userFolder, { recursive: true, force: true });
	}
}

async function main() {
	const started = Date.now();
	if (!flag('no-build')) {
		log('== load: build');
		await run(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', 'build'], { cwd: ROOT });
	}
	if (!fs.existsSync(path.join(ROOT, 'dist', 'nodes', 'Byrobot', 'ByrobotTrigger.node.js'))) {
		throw new Error('dist/ is missing: run npm run build first');
	}
	const runtime = await ensureRuntime('n8n2', { log: (l) => log(`== load: ${l}`) });
	// The figures depend on what else the machine runs: say so.
	const load = () =>
		os
			.loadavg()
			.map((n) => n.toFixed(1))
			.join(' ');
	log(`== load: ${os.cpus().length} CPUs, load average ${load()} at the start`);
	const results = [];
	const attempt = async (name, fn) => {
		try {
			await fn();
		} catch (error) {
			results.push({ name, failures: [error.stack || String(error)], lines: [] });
		}
	};
	if (MODE === 'regular' || MODE === 'both') {
		await attempt('regular mode', () => regularMode(runtime, results));
	}
	if (MODE === 'queue' || MODE === 'both') {
		const { queueMode } = require('./queue');
		await attempt('queue mode', () =>
			queueMode(runtime, { results, loadCase, log, flag, poolSize: POOL_SIZE }),
		);
	}
	log('== load: results');
	for (const r of results) {
		log(`${r.failures.length ? '  ✗' : '  ✓'} ${r.name}`);
		for (const f of r.failures) log(`      ${f.split('\n').join('\n      ')}`);
	}
	const failed = results.filter((r) => r.failures.length).length;
	log(
		`== load: total ${((Date.now() - started) / 1000).toFixed(1)} s; load average ${load()} at the end`,
	);
	log(`load: ${results.length - failed} passed, ${failed} failed`);
	if (failed || results.length === 0) process.exitCode = 1;
}

module.exports = { loadCase };

if (require.main === module) {
	main().catch((error) => {
		log(error.stack || String(error));
		log('load: 0 passed, 1 failed');
		process.exitCode = 1;
	});
}
