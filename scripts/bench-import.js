'use strict';
// Benchmark of Byrobot → Task → Import Customers (issue 5). Prints numbers; it is not a test.
//
//   npm run bench:import -- [--rows=50000] [--latency=30] [--engine=n8n|routing] [--repeat=1] [--only=rows,batched,aggregated,http] [--cpu-prof=dir]
//
// --repeat=N runs each workflow N times (the HTTP Request one once: it takes minutes) and
// reports the median run; wall times on a shared 2-core machine vary by ±20 % from run to run.
//
// --engine=n8n (default): the built package inside the pinned real n8n (2.41.1 on Node 24, the
// runtime `npm run dev` and the e2e tests use; installed on first use), one `n8n execute` per
// workflow, all starting from a Code node that puts out `rows` items like a spreadsheet node:
//   rows only  — just the Code node: the baseline the other two are measured against
//   batched    — rows → Byrobot Import Customers, default settings (≤ 10,000 per request)
//   batchedExpression — the same with the Task given by an expression (as after Create Task);
//                slow in n8n 2.x, so only with --only
//   aggregated — rows → Aggregate → Import Customers in its customer-list mode, Task from an
//                expression: the quick way for that flow
//   http       — rows → n8n's HTTP Request node with the Byrobot credential (predefined
//                credential type), one request per item at default settings: what a user
//                without this node would build
// --engine=routing: the node through n8n-core's RoutingNode in this process (as the jest tests
// run it), batched versus its own one-request-per-item mode; quicker, no n8n install needed.
//
// The BYRobot sandbox runs in a child process with `latency` ms added to every answer, so its
// CPU time and memory stay out of the measured process. For each run: requests the sandbox
// received and what it answered, customers stored, wall time, and peak RSS of the measured
// process; the node's share is the difference to the rows-only run of the same round (n8n
// engine: the workflows run round-robin, medians over rounds) or the growth over the RSS before
// the node started (routing engine).
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawn } = require('child_process');

const { ROOT, ensureRuntime, run } = require('./lib/runtime');
const { startSandboxProcess } = require('./lib/sandbox-process');

const IMPORT_PATH = '/openapi/v2/task/importTaskCustomer';
const COMPANY_ID = 1001;

const args = process.argv.slice(2);
const option = (name, fallback) =>
	args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const ROWS = Number(option('rows', 50000));
const LATENCY = Number(option('latency', 30));
const ENGINE = option('engine', 'n8n');
const REPEAT = Math.max(1, Number(option('repeat', 1)));
// --cpu-prof=<dir>: write a V8 CPU profile of each `n8n execute` there (to see where time goes).
const CPU_PROF = option('cpu-prof', '');
const ONLY = option(
	'only',
	ENGINE === 'n8n' ? 'rows,batched,aggregated,http' : 'batched,perItem',
).split(',');

const log = (line = '') => process.stdout.write(`${line}\n`);
const mb = (bytes) => `${Math.round(bytes / 1024 / 1024)} MB`;
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
const number = (n) => n.toLocaleString('en-US');

/** The rows a spreadsheet node would put out, as the body of a Code node. */
const ROWS_CODE = `return Array.from({ length: ${ROWS} }, (_, i) => ({ json: { name: '客户' + i, phone: '138' + String(i).padStart(8, '0'), crmId: 'C' + i } }));`;

function rssOf(pid) {
	try {
		const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
		return Number(/VmRSS:\s+(\d+)/.exec(status)[1]) * 1024;
	} catch {
		return 0;
	}
}

function summary(result) {
	const codes = Object.entries(result.codes)
		.map(([code, count]) => `${code}×${number(count)}`)
		.join(' ');
	return (
		`${result.label.padEnd(34)} requests ${number(result.requests).padStart(6)}  answers ${codes || '—'}  ` +
		`stored ${number(result.stored).padStart(6)}  wall ${seconds(result.wallMs).padStart(7)}  peak RSS ${mb(result.peakRss)}` +
		(result.note ? `  (${result.note})` : '')
	);
}

/** One `n8n execute` of a workflow: wall time, peak RSS of the n8n process, what the sandbox saw. */
async function executeOnce(sandbox, runtime, env, workflowId, taskId, key) {
	await sandbox.call('clear');
	const started = Date.now();
	const profile = CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(CPU_PROF)}`] : [];
	const child = spawn(runtime.node, [...profile, runtime.n8nBin, 'execute', `--id=${workflowId}`], {
		env,
		stdio: ['ignore', 'ignore', 'pipe'],
	});
	let stderr = '';
	child.stderr.on('data', (chunk) => (stderr = (stderr + chunk).slice(-4000)));
	let peakRss = 0;
	const sampler = setInterval(() => (peakRss = Math.max(peakRss, rssOf(child.pid))), 25);
	const code = await new Promise((resolve) => child.on('close', resolve));
	clearInterval(sampler);
	const wallMs = Date.now() - started;
	if (code !== 0 && process.env.BENCH_VERBOSE) log(`${key}: ${stderr}`);
	const stats = await sandbox.call('stats', { path: IMPORT_PATH, taskId });
	return { wallMs, peakRss, ...stats, note: code === 0 ? undefined : `n8n execute exit ${code}` };
}

// ── real n8n ─────────────────────────────────────────────────────────────────────────────────
async function benchN8n(sandbox) {
	const { freePort, n8nEnv, importJson, forCustomExtensions } = require('./lib/n8n');
	const { buildWorkflow, CREDENTIALS } = require('./lib/workflow');
	const { SANDBOX_APP_KEY, SANDBOX_APP_SECRET } = require('../test/sandbox/byrobot');

	const runtime = await ensureRuntime('n8n2', { log: (line) => log(`== ${line}`) });
	const userFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-import-n8n-'));
	const env = n8nEnv(runtime, { userFolder, brokerPort: await freePort() });
	const credential = CREDENTIALS.byrobot;
	await importJson(
		runtime,
		env,
		'credentials',
		[
			{
				...credential,
				data: { appKey: SANDBOX_APP_KEY, appSecret: SANDBOX_APP_SECRET, baseUrl: sandbox.url },
			},
		],
		path.join(userFolder, 'credentials.json'),
	);
	const rowsNode = { name: 'Rows', type: 'code', parameters: { jsCode: ROWS_CODE } };
	const importNode = (task, extra = {}, after = 'Rows') => ({
		name: 'Import',
		type: 'byrobot',
		after,
		parameters: {
			resource: 'task',
			operation: 'importCustomers',
			company: { __rl: true, mode: 'id', value: String(COMPANY_ID) },
			task: { __rl: true, mode: 'id', value: task },
			...extra,
		},
	});
	// One workflow per run, each importing into a task of its own (a repeat into the same task
	// would only meet phones the server already has).
	const workflowsFor = (taskId) => ({
		rows: { label: 'rows only (baseline)', nodes: [rowsNode] },
		batched: {
			label: 'batched: Byrobot Import Customers',
			nodes: [rowsNode, importNode(String(taskId))],
		},
		// The usual flow after Create Task: the task ID comes from an expression. n8n evaluates
		// every expression parameter for every input item, so this shows what that costs.
		batchedExpression: {
			label: 'batched, Task from an expression',
			nodes: [rowsNode, importNode(`={{ ${taskId} }}`)],
		},
		// The fast way for that flow: Aggregate makes one item holding every row, and the
		// per-item mode imports its list; the Task expression is evaluated once.
		aggregated: {
			label: 'Aggregate → Customer List mode',
			nodes: [
				rowsNode,
				{
					name: 'All Rows',
					type: 'n8n-nodes-base.aggregate',
					typeVersion: 1,
					after: 'Rows',
					parameters: {
						aggregate: 'aggregateAllItemData',
						destinationFieldName: 'data',
						options: {},
					},
				},
				importNode(
					`={{ ${taskId} }}`,
					{ importMode: 'perItem', customers: '={{ $json.data }}' },
					'All Rows',
				),
			],
		},
		http: {
			label: 'one request per item: HTTP Request',
			nodes: [
				rowsNode,
				{
					name: 'Import',
					type: 'n8n-nodes-base.httpRequest',
					typeVersion: 4.5, // the version n8n 2.41.1 adds by default
					after: 'Rows',
					credential: 'byrobot',
					parameters: {
						method: 'POST',
						url: `${sandbox.url}${IMPORT_PATH}`,
						authentication: 'predefinedCredentialType',
						nodeCredentialType: 'byrobotApi',
						sendBody: true,
						specifyBody: 'json',
						jsonBody: `={{ JSON.stringify({ companyId: ${COMPANY_ID}, taskId: ${taskId}, customerInfoList: [{ name: $json.name, phone: $json.phone }] }) }}`,
						options: {},
					},
				},
			],
		},
	});
	const keys = ONLY.filter((key) => key in workflowsFor(0));
	const planned = [];
	for (const key of keys) {
		for (let attempt = 0; attempt < (key === 'http' ? 1 : REPEAT); attempt++) {
			const taskId = await sandbox.call('seedTask', { companyId: COMPANY_ID });
			const id = `benchImport${String(planned.length).padStart(5, '0')}`;
			planned.push({
				key,
				id,
				taskId,
				workflow: buildWorkflow({
					id,
					name: `bench ${key} ${attempt + 1}`,
					nodes: workflowsFor(taskId)[key].nodes,
				}),
			});
		}
	}
	await importJson(
		runtime,
		env,
		'workflow',
		planned.map((p) => forCustomExtensions(p.workflow)),
		path.join(userFolder, 'workflows.json'),
	);
	log(
		`== ${runtime.label}; ${number(ROWS)} rows; sandbox latency ${LATENCY} ms; ${os.cpus().length} cores`,
	);

	// Round-robin (rows, batched, …, rows, batched, …) so that each variant and the rows-only
	// baseline meet the same load on a shared machine; a variant's node time is the median of
	// its differences to the rows-only run of the same round.
	const runsOf = Object.fromEntries(keys.map((key) => [key, []]));
	const rounds = Math.max(...keys.map((key) => planned.filter((p) => p.key === key).length));
	for (let round = 0; round < rounds; round++) {
		for (const key of keys) {
			const run = planned.filter((p) => p.key === key)[round];
			if (run) runsOf[key].push(await executeOnce(sandbox, runtime, env, run.id, run.taskId, key));
		}
	}
	const median = (values) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)];
	const results = {};
	for (const key of keys) {
		const runs = runsOf[key];
		const middle = [...runs].sort((a, b) => a.wallMs - b.wallMs)[Math.floor((runs.length - 1) / 2)];
		results[key] = { label: workflowsFor(0)[key].label, ...middle, runs: runs.length };
		if (runs.length > 1) {
			results[key].note =
				`median of ${runs.length}: ${runs.map((r) => seconds(r.wallMs)).join(', ')}`;
		}
		if (runsOf.rows && key !== 'rows') {
			results[key].nodeMs = median(runs.map((r, i) => r.wallMs - runsOf.rows[i].wallMs));
			results[key].rssGrowth = median(runs.map((r, i) => r.peakRss - runsOf.rows[i].peakRss));
		}
		log(summary(results[key]));
	}
	fs.rmSync(userFolder, { recursive: true, force: true });
	return results;
}

// ── n8n-core's RoutingNode in this process ───────────────────────────────────────────────────
async function benchRouting(sandbox) {
	// The harness is TypeScript: compile it on require (no emit, no type check).
	const ts = require('typescript');
	require.extensions['.ts'] = function compile(module, filename) {
		const { outputText } = ts.transpileModule(fs.readFileSync(filename, 'utf8'), {
			compilerOptions: {
				module: ts.ModuleKind.CommonJS,
				target: ts.ScriptTarget.ES2022,
				esModuleInterop: true,
			},
			fileName: filename,
		});
		module._compile(outputText, filename);
	};
	const { runNode } = require(path.join(ROOT, 'test/harness/index.ts'));
	const { Byrobot } = require(path.join(ROOT, 'dist/nodes/Byrobot/Byrobot.node.js'));
	const { SANDBOX_APP_KEY, SANDBOX_APP_SECRET } = require('../test/sandbox/byrobot');
	const credentials = {
		byrobotApi: { appKey: SANDBOX_APP_KEY, appSecret: SANDBOX_APP_SECRET, baseUrl: sandbox.url },
	};
	const rows = Array.from({ length: ROWS }, (_, i) => ({
		name: `客户${i}`,
		phone: `138${String(i).padStart(8, '0')}`,
		crmId: `C${i}`,
	}));
	const modes = {
		batched: { label: 'batched (default mode)', parameters: {} },
		perItem: {
			label: 'one request per item (per-item mode)',
			parameters: {
				importMode: 'perItem',
				customers: '={{ [{ name: $json.name, phone: $json.phone }] }}',
			},
		},
	};
	const execute = (parameters, items, taskId) =>
		runNode({
			node: new Byrobot(),
			parameters: {
				resource: 'task',
				operation: 'importCustomers',
				company: { __rl: true, mode: 'id', value: String(COMPANY_ID) },
				task: { __rl: true, mode: 'id', value: String(taskId) },
				...parameters,
			},
			items,
			credentials,
		});
	// Warm-up outside the measurements: loads n8n's expression engine, JIT-compiles the paths.
	for (const key of ONLY)
		await execute(
			modes[key].parameters,
			rows.slice(0, 200),
			await sandbox.call('seedTask', { companyId: COMPANY_ID }),
		);
	log(
		`== n8n-core RoutingNode in Node ${process.version}; ${number(ROWS)} rows; sandbox latency ${LATENCY} ms; ${os.cpus().length} cores`,
	);
	const results = {};
	for (const key of ONLY.filter((k) => modes[k])) {
		const taskId = await sandbox.call('seedTask', { companyId: COMPANY_ID });
		await sandbox.call('clear');
		if (global.gc) global.gc();
		const startRss = process.memoryUsage.rss();
		let peak = startRss;
		const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 25);
		const started = Date.now();
		let note;
		try {
			await execute(modes[key].parameters, rows, taskId);
		} catch (error) {
			note = `failed: ${String(error.message).slice(0, 120)}`;
		}
		const wallMs = Date.now() - started;
		clearInterval(sampler);
		peak = Math.max(peak, process.memoryUsage.rss());
		const stats = await sandbox.call('stats', { path: IMPORT_PATH, taskId });
		results[key] = { label: modes[key].label, wallMs, peakRss: peak - startRss, ...stats, note };
		log(summary(results[key]).replace('peak RSS', 'peak RSS growth'));
	}
	return results;
}

async function main() {
	if (
		!fs.existsSync(path.join(ROOT, 'dist/nodes/Byrobot/Byrobot.node.js')) ||
		!args.includes('--no-build')
	) {
		await run(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', 'build'], { cwd: ROOT });
	}
	const sandbox = await startSandboxProcess({ latencyMs: LATENCY });
	try {
		if (ENGINE === 'routing') {
			const { batched, perItem } = await benchRouting(sandbox);
			if (batched && perItem) {
				log(
					`batched vs per item: ${number(Math.round(perItem.requests / batched.requests))}× fewer requests, ` +
						`${(perItem.wallMs / batched.wallMs).toFixed(1)}× less wall time`,
				);
			}
			return;
		}
		const results = await benchN8n(sandbox);
		const { rows, batched, http } = results;
		for (const [key, result] of Object.entries(results)) {
			if (key === 'rows' || !rows) continue;
			log(
				`${key.padEnd(18)} node time ≈ ${seconds(result.nodeMs)} over the rows-only run of the same round, ` +
					`peak RSS growth ≈ ${mb(result.rssGrowth)} (medians)`,
			);
		}
		if (rows && batched && http) {
			log(
				`batched vs HTTP Request per item: ${number(Math.round(http.requests / Math.max(1, batched.requests)))}× fewer requests, ` +
					`${(http.nodeMs / batched.nodeMs).toFixed(1)}× less node time, ` +
					`customers stored ${number(batched.stored)} vs ${number(http.stored)}`,
			);
		}
	} finally {
		await sandbox.stop();
	}
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
