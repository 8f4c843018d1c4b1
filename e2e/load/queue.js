'use strict';
// n8n's queue mode, set up and torn down by the load test: PostgreSQL and Redis from Debian's
// packages (installed with `apt-get install postgresql redis-server` when missing) started in a
// temporary directory on free ports, then one `n8n start` (main: UI, REST, no production
// webhooks), one `n8n webhook` (answers BYRobot, puts executions on the queue) and two
// `n8n worker` processes (run them). It then runs the Byrobot Trigger load case against the
// webhook process, and the 2,501-row Import Customers and a Bangwo8 workflow on the workers.
const { spawn, spawnSync } = require('child_process');
const crypto = require('crypto');
const fs = require('fs');
const net = require('net');
const os = require('os');
const path = require('path');

const { aptInstall } = require('../../scripts/lib/apt');
const { ROOT } = require('../../scripts/lib/runtime');
const {
	forCustomExtensions,
	freePort,
	n8nEnv,
	RestClient,
	tail,
} = require('../../scripts/lib/n8n');
const { CREDENTIALS, Execution } = require('../../scripts/lib/workflow');
const { startSandboxes } = require('../../test/sandbox/serve');
const { OWNER } = require('../cases/credentials');
const callbacks = require('../../test/sandbox/byrobot-callbacks');
const {
	createAndActivate,
	crmWorkflow,
	executionCounts,
	executionsOf,
	inParallel,
	startCrm,
	waitFor,
} = require('./common');

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

const REDIS_BINARIES = ['/usr/bin/redis-server', '/usr/local/bin/redis-server'];

function postgresVersions() {
	const base = '/usr/lib/postgresql';
	return fs.existsSync(base)
		? fs
				.readdirSync(base)
				.filter((v) => fs.existsSync(path.join(base, v, 'bin', 'initdb')))
				.sort((a, b) => Number(b) - Number(a))
		: [];
}

/** Debian's postgresql and redis-server, installed with apt-get when either is missing. */
function ensureServers(log) {
	if (postgresVersions().length > 0 && REDIS_BINARIES.some((p) => fs.existsSync(p))) return;
	aptInstall(['postgresql', 'redis-server'], log);
}

/** The binaries of the newest PostgreSQL Debian installed (/usr/lib/postgresql/<v>/bin). */
function postgresBin() {
	const versions = postgresVersions();
	if (versions.length === 0) {
		throw new Error('PostgreSQL is not installed: apt-get install -y postgresql redis-server');
	}
	return path.join('/usr/lib/postgresql', versions[0], 'bin');
}

/** Runs a PostgreSQL tool; as root it runs as the "postgres" user (PostgreSQL refuses root). */
function pgTool(bin, args, options = {}) {
	const command = isRoot ? 'runuser' : path.join(bin, args[0]);
	const argv = isRoot
		? ['-u', 'postgres', '--', path.join(bin, args[0]), ...args.slice(1)]
		: args.slice(1);
	const result = spawnSync(command, argv, { encoding: 'utf8', ...options });
	if (result.status !== 0) {
		throw new Error(`${args[0]} failed (${result.status}): ${result.stderr || result.stdout}`);
	}
	return result.stdout;
}

/** A throwaway PostgreSQL cluster on 127.0.0.1:<port> with a database "n8n" (trust auth). */
async function startPostgres(dir, log) {
	const bin = postgresBin();
	const data = path.join(dir, 'pg');
	fs.mkdirSync(data, { recursive: true });
	if (isRoot) spawnSync('chown', ['-R', 'postgres:postgres', dir]);
	const port = await freePort();
	const started = Date.now();
	pgTool(bin, ['initdb', '-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--no-sync']);
	pgTool(bin, [
		'pg_ctl',
		'-D',
		data,
		'-l',
		path.join(dir, 'pg.log'),
		'-w',
		'-o',
		`-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=200`,
		'start',
	]);
	pgTool(bin, ['createdb', '-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', 'n8n']);
	log(
		`   PostgreSQL ${path.basename(path.dirname(bin))} on 127.0.0.1:${port} (${((Date.now() - started) / 1000).toFixed(1)} s)`,
	);
	return {
		port,
		stop: () => {
			try {
				pgTool(bin, ['pg_ctl', '-D', data, '-m', 'fast', '-w', 'stop']);
			} catch (error) {
				log(`   PostgreSQL did not stop cleanly: ${error.message}`);
			}
		},
	};
}

function ping(port) {
	return new Promise((resolve) => {
		const socket = net.connect(port, '127.0.0.1');
		socket.once('error', () => resolve(false));
		socket.once('connect', () => socket.write('PING\r\n'));
		socket.once('data', (chunk) => {
			socket.destroy();
			resolve(String(chunk).startsWith('+PONG'));
		});
	});
}

/** A throwaway Redis on 127.0.0.1:<port>, no persistence. */
async function startRedis(dir, log) {
	const binary = REDIS_BINARIES.find((p) => fs.existsSync(p));
	if (!binary)
		throw new Error('Redis is not installed: apt-get install -y postgresql redis-server');
	const port = await freePort();
	const child = spawn(
		binary,
		[
			'--port',
			String(port),
			'--bind',
			'127.0.0.1',
			'--save',
			'',
			'--appendonly',
			'no',
			'--dir',
			dir,
		],
		{ stdio: ['ignore', 'pipe', 'pipe'] },
	);
	let output = '';
	child.stdout.on('data', (c) => (output += c));
	child.stderr.on('data', (c) => (output += c));
	await waitFor(
		async () => (await ping(port)) || undefined,
		`Redis on port ${port}:\n${output}`,
		20000,
		200,
	);
	log(
		`   Redis ${spawnSync(binary, ['--version'], { encoding: 'utf8' }).stdout.split(' ')[2]?.replace('v=', '')} on 127.0.0.1:${port}`,
	);
	return {
		port,
		stop: () =>
			new Promise((resolve) => {
				if (child.exitCode !== null) return resolve();
				child.once('close', () => resolve());
				child.kill('SIGTERM');
			}),
	};
}

/**
 * One n8n process (`start`, `webhook` or `worker`). Resolves once it is ready: /healthz/readiness
 * for the ones that listen, "n8n worker is now ready" for workers. Collects its output.
 */
async function startN8n(runtime, command, env, { label, url, logFile, timeoutMs = 240000 }) {
	const child = spawn(runtime.node, [runtime.n8nBin, ...command], {
		env,
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let output = '';
	const file = fs.createWriteStream(logFile);
	const collect = (c) => {
		output += c;
		file.write(c);
	};
	child.stdout.on('data', collect);
	child.stderr.on('data', collect);
	let exited = false;
	const closed = new Promise((resolve) =>
		child.on('close', (code) => ((exited = true), resolve(code))),
	);
	const started = Date.now();
	await waitFor(
		async () => {
			if (exited) throw new Error(`${label} exited early:\n${tail(output, 30)}`);
			if (!url) return /n8n worker is now ready/.test(output) || undefined;
			try {
				const res = await fetch(`${url}/healthz/readiness`);
				if (!res.ok) return undefined;
				if (command[0] === 'start')
					return (await fetch(`${url}/rest/settings`)).status === 200 || undefined;
				return true;
			} catch {
				return undefined;
			}
		},
		`${label} to be ready`,
		timeoutMs,
		500,
	).catch((error) => {
		child.kill('SIGKILL');
		throw new Error(`${error.message}\n${tail(output, 30)}`);
	});
	return {
		label,
		url,
		pid: child.pid,
		seconds: (Date.now() - started) / 1000,
		output: () => output,
		async stop() {
			if (exited) return;
			child.kill('SIGTERM');
			const timer = setTimeout(() => child.kill('SIGKILL'), 20000);
			await closed;
			clearTimeout(timer);
		},
	};
}

/** The ids of the executions a worker's log says it started ("Worker started execution <id>"). */
function executionsStartedBy(worker) {
	return [...worker.output().matchAll(/Worker started execution (\d+)/g)].map((m) => m[1]);
}

/** A case's workflow with a Webhook node (POST /webhook/<path>, answered when it ends) for its manual trigger. */
function onWebhook(workflow, webhookPath) {
	return {
		...workflow,
		nodes: workflow.nodes.map((node) =>
			node.type === 'n8n-nodes-base.manualTrigger'
				? {
						...node,
						type: 'n8n-nodes-base.webhook',
						typeVersion: 2,
						webhookId: crypto.randomUUID(),
						parameters: {
							httpMethod: 'POST',
							path: webhookPath,
							responseMode: 'lastNode',
							options: {},
						},
					}
				: node,
		),
	};
}

/**
 * At-least-once through the webhook process: 40 callbacks, 10 in flight, posted as BYRobot does
 * (again while the answer is not `success`, here every 2 s), to a workflow whose CRM write fails
 * once for every fourth call. Each call must end delivered and written once; the failed runs are
 * the only extra executions.
 */
async function atLeastOnceCase(rest, webhook, log) {
	const failures = [];
	const crm = await startCrm({ failFirst: (id) => (Number(id) % 4 === 0 ? 1 : 0) });
	try {
		const webhookId = `queue-at-least-once-${Date.now()}`;
		const token = 'queue-at-least-once';
		const workflowId = await createAndActivate(
			rest,
			crmWorkflow({
				name: 'queue: Byrobot Trigger at-least-once',
				webhookId,
				parameters: { token, acknowledge: 'afterSuccess' },
				crmUrl: crm.url,
			}),
		);
		const url = `${webhook.url}/webhook/${webhookId}/byrobot?token=${token}`;
		await waitFor(
			async () =>
				(await callbacks.postOnce(url, 'x', { contentType: 'text' }).catch(() => ({}))).status ===
					400 || undefined,
			'the at-least-once webhook to answer',
			60000,
		);
		const ids = Array.from({ length: 40 }, (_, i) => 9_400_000 + i);
		const started = Date.now();
		const deliveries = await inParallel(
			ids.map(
				(id) => async () =>
					await callbacks.postCallback(url, callbacks.callFinished({ callInstanceId: id }), {
						maxAttempts: 8,
						intervalMs: () => 2000,
					}),
			),
			10,
		);
		const took = Date.now() - started;
		let counts;
		await waitFor(
			async () => {
				counts = await executionCounts(rest, workflowId);
				return counts.byStatus.running + counts.byStatus.new === 0 || undefined;
			},
			'the at-least-once executions to end',
			120000,
			1000,
		);
		const failing = ids.filter((id) => id % 4 === 0).length;
		const undelivered = deliveries.filter((d) => !d.delivered).length;
		const twice = [...crm.writes.values()].filter((n) => n > 1).length;
		const statuses = deliveries.flatMap((d) => d.attempts.map((a) => a.status));
		if (undelivered) failures.push(`${undelivered} callbacks never answered "success"`);
		if (crm.writes.size !== ids.length)
			failures.push(`${crm.writes.size} of ${ids.length} calls written`);
		if (twice) failures.push(`${twice} calls written twice`);
		if (counts.byStatus.success !== ids.length)
			failures.push(`${counts.byStatus.success} successful executions`);
		if (counts.byStatus.error !== failing)
			failures.push(`${counts.byStatus.error} failed executions, ${failing} expected`);
		const line = `queue mode, at-least-once: ${ids.length} callbacks (${failing} failing once at the CRM) in ${(took / 1000).toFixed(1)} s: ${statuses.filter((s) => s === 200).length} "success", ${statuses.filter((s) => s === 500).length}× 500 and ${statuses.filter((s) => s === 503).length}× 503 sent again; executions ${counts.byStatus.success} succeeded, ${counts.byStatus.error} failed; ${crm.writes.size} calls written once each`;
		log(`   ${line}`);
		await rest.ok('POST', `/rest/workflows/${workflowId}/deactivate`, {});
		return { failures, lines: [line] };
	} finally {
		await crm.close();
	}
}

/**
 * The queue-mode suite. Pushes its results ({name, failures, lines}) into `results`.
 */
async function queueMode(runtime, { results, loadCase, log, flag, poolSize }) {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-queue-'));
	fs.chmodSync(dir, 0o755);
	const stops = [];
	const started = Date.now();
	log(
		`== load: queue mode: PostgreSQL, Redis, n8n main + webhook + 2 workers, DB_POSTGRESDB_POOL_SIZE=${poolSize} (${dir})`,
	);
	try {
		ensureServers(log);
		const postgres = await startPostgres(dir, log);
		stops.unshift(postgres.stop);
		const redis = await startRedis(dir, log);
		stops.unshift(redis.stop);
		const sandboxes = await startSandboxes({
			byrobotPort: 0,
			bangwo8Port: 0,
			byrobotOpenPort: 0,
			autoDial: false,
		});
		stops.unshift(sandboxes.stop);
		const ctx = { byrobot: sandboxes.byrobot, bangwo8: sandboxes.bangwo8, runtime: 'n8n2' };

		const userFolder = path.join(dir, 'n8n');
		fs.mkdirSync(userFolder, { recursive: true });
		const shared = {
			DB_TYPE: 'postgresdb',
			DB_POSTGRESDB_HOST: '127.0.0.1',
			DB_POSTGRESDB_PORT: String(postgres.port),
			DB_POSTGRESDB_DATABASE: 'n8n',
			DB_POSTGRESDB_USER: 'postgres',
			DB_POSTGRESDB_PASSWORD: '',
			EXECUTIONS_MODE: 'queue',
			QUEUE_BULL_REDIS_HOST: '127.0.0.1',
			QUEUE_BULL_REDIS_PORT: String(redis.port),
			// Every process must decrypt the same credentials.
			N8N_ENCRYPTION_KEY: crypto.randomBytes(24).toString('hex'),
			// Production webhooks only in the webhook process, as a scaled setup routes them.
			N8N_DISABLE_PRODUCTION_MAIN_PROCESS: 'true',
			// n8n's default is 2 connections per process: under concurrent callbacks its own health
			// ping then waits for one, fails, and n8n answers everything 503 (README, Byrobot Trigger).
			DB_POSTGRESDB_POOL_SIZE: String(poolSize),
			N8N_LOG_LEVEL: 'info',
		};
		const envFor = async (extra) =>
			n8nEnv(runtime, { userFolder, brokerPort: await freePort(), extra: { ...shared, ...extra } });

		// All four at once: the first takes PostgreSQL's migration lock, the others wait for it.
		let t = Date.now();
		const mainPort = await freePort();
		const webhookPort = await freePort();
		const processes = [
			{ command: ['start'], label: 'n8n main', port: mainPort },
			{ command: ['webhook'], label: 'n8n webhook', port: webhookPort },
			{ command: ['worker', '--concurrency=10'], label: 'n8n worker 1' },
			{ command: ['worker', '--concurrency=10'], label: 'n8n worker 2' },
		];
		const [main, webhook, ...workers] = await Promise.all(
			processes.map(async ({ command, label, port }) => {
				const env = await envFor(
					port ? { N8N_PORT: String(port), N8N_LISTEN_ADDRESS: '127.0.0.1' } : {},
				);
				const started = await startN8n(runtime, command, env, {
					label,
					url: port ? `http://127.0.0.1:${port}` : undefined,
					logFile: path.join(dir, `${label.replace(/\W+/g, '-')}.log`),
				});
				stops.unshift(started.stop);
				return started;
			}),
		);
		log(
			`   ready after ${((Date.now() - t) / 1000).toFixed(1)} s: main ${main.seconds.toFixed(1)} s, webhook ${webhook.seconds.toFixed(1)} s, workers ${workers.map((w) => w.seconds.toFixed(1)).join(' s and ')} s`,
		);

		const rest = new RestClient(main.url);
		await rest.ownerLogin(OWNER);

		// The sandboxes' credentials and the two workflows for the workers.
		t = Date.now();
		const credentialIds = {};
		for (const c of Object.values(CREDENTIALS)) {
			const created = await rest.ok('POST', '/rest/credentials', {
				name: c.name,
				type: c.type,
				data: sandboxes.credentials[c.type],
			});
			credentialIds[c.id] = created.id;
		}
		const byrobotCases = require('../cases/byrobot')(ctx);
		const bangwo8Cases = require('../cases/bangwo8')(ctx);
		const onWorkers = [
			{
				testCase: byrobotCases.find((c) => c.name.includes('2,501 rows')),
				path: 'load-queue-import',
			},
			{
				testCase: bangwo8Cases.find((c) => c.name.includes('call task reads')),
				path: 'load-queue-bangwo8',
			},
		];
		for (const entry of onWorkers) {
			const workflow = forCustomExtensions(onWebhook(entry.testCase.workflow, entry.path));
			for (const node of workflow.nodes) {
				for (const credential of Object.values(node.credentials ?? {})) {
					credential.id = credentialIds[credential.id];
				}
			}
			const { id: _id, ...body } = workflow;
			const created = await rest.ok('POST', '/rest/workflows', {
				...body,
				name: `queue: ${entry.testCase.name}`,
			});
			entry.id = created.id;
		}
		log(`   3 credentials and 2 workflows created (${((Date.now() - t) / 1000).toFixed(1)} s)`);

		// 1. The Byrobot Trigger load case against the webhook process.
		const before = workers.map((w) => executionsStartedBy(w).length);
		const load = await loadCase({
			label: 'queue mode (PostgreSQL, Redis, 1 webhook process, 2 workers)',
			rest,
			webhookBase: webhook.url,
			firstId: 9_200_000,
			processes: [main, webhook, ...workers].map((p) => ({
				name: p.label.replace('n8n ', ''),
				pid: p.pid,
			})),
		});
		const perWorker = workers.map((w, i) => executionsStartedBy(w).length - before[i]);
		load.lines.push(`queue mode: executions per worker: ${perWorker.join(' + ')}`);
		log(`   ${load.lines[load.lines.length - 1]}`);
		if (perWorker.some((n) => n === 0))
			load.failures.push(`a worker ran none of the load (${perWorker.join(' + ')})`);
		if (webhook.output().includes('Worker started execution'))
			load.failures.push('the webhook process ran executions');
		results.push({ name: 'queue mode: every callback one execution, on the workers', ...load });

		// 2. At-least-once: failed runs are answered 500 and run again on BYRobot's retry.
		try {
			results.push({
				name: 'queue mode: at-least-once, a failed run runs again, a succeeded one once',
				...(await atLeastOnceCase(rest, webhook, log)),
			});
		} catch (error) {
			results.push({
				name: 'queue mode: at-least-once',
				failures: [error.stack || String(error)],
				lines: [],
			});
		}

		// 3. The 2,501-row import and a Bangwo8 workflow, started through the webhook process.
		for (const { testCase, id, path: webhookPath } of onWorkers) {
			const failures = [];
			const caseStarted = Date.now();
			try {
				sandboxes.byrobot.reset();
				sandboxes.bangwo8.reset();
				await testCase.setup?.(ctx);
				const activated = await rest.ok('POST', `/rest/workflows/${id}/activate`, {
					versionId: (await rest.ok('GET', `/rest/workflows/${id}`)).versionId,
				});
				if (!(activated.active || activated.activeVersionId))
					throw new Error(`${id} was not activated`);
				const hook = `${webhook.url}/webhook/${webhookPath}`;
				let res;
				await waitFor(
					async () => {
						res = await fetch(hook, {
							method: 'POST',
							headers: { 'content-type': 'application/json' },
							body: '{}',
						});
						return res.status !== 404 || undefined;
					},
					`${hook} to be registered`,
					60000,
				);
				if (res.status !== 200)
					throw new Error(
						`the webhook answered HTTP ${res.status}: ${(await res.text()).slice(0, 300)}`,
					);
				const [execution] = await executionsOf(rest, id);
				const full = await rest.ok('GET', `/rest/executions/${execution.id}`);
				const flatted = require(path.join(runtime.dir, 'node_modules', 'flatted'));
				const data = typeof full.data === 'string' ? flatted.parse(full.data) : full.data;
				const run = new Execution({ data, status: full.status });
				if (run.error) throw new Error(`the workflow failed: ${run.error.message}`);
				await testCase.check(run, ctx);
				const ranOn = workers.findIndex((w) =>
					executionsStartedBy(w).includes(String(execution.id)),
				);
				if (ranOn === -1) throw new Error(`execution ${execution.id} was not started by a worker`);
				log(
					`   ✓ ${testCase.name}: execution ${execution.id} on worker ${ranOn + 1} (${((Date.now() - caseStarted) / 1000).toFixed(1)} s)`,
				);
			} catch (error) {
				failures.push(error.stack || String(error));
			}
			results.push({ name: `queue mode, on a worker: ${testCase.name}`, failures, lines: [] });
		}
	} finally {
		for (const stop of stops) await stop();
		log(`   queue mode torn down (${((Date.now() - started) / 1000).toFixed(1)} s in all)`);
		if (!flag('keep')) fs.rmSync(dir, { recursive: true, force: true });
		else log(`   kept ${dir}`);
	}
}

module.exports = { queueMode, ROOT };
