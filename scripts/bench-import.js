'use strict';
// Benchmark of Byrobot → Task → Import Customers (issue 5). Prints numbers; not a test.
//
//   npm run build && node --expose-gc scripts/bench-import.js [rows=50000] [latencyMs=30] [perItemSlice=5000]
//
// Runs the built node (dist/) through n8n-core's RoutingNode exactly as the test harness does,
// against the Byrobot sandbox with `latencyMs` added to every answer:
//   batched   — the default mode: all rows gathered by the first item, ≤ 10,000 per request
//   per item  — one request per input item (each item holding a one-customer list), which is
//               what a generic HTTP Request node does at n8n's default settings: without the
//               Batching option it starts every item's request at once and awaits them all.
// For each: requests sent, wall time, customers stored, and peak RSS growth over the start.
const path = require('path');
const fs = require('fs');

const ROOT = path.join(__dirname, '..');

// The harness and credentials are TypeScript: compile them on require (no emit, no type check).
const ts = require('typescript');
require.extensions['.ts'] = function (module, filename) {
	const source = fs.readFileSync(filename, 'utf8');
	const { outputText } = ts.transpileModule(source, {
		compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020, esModuleInterop: true },
		fileName: filename,
	});
	module._compile(outputText, filename);
};

const { runNode } = require(path.join(ROOT, 'test/harness/index.ts'));
const { Byrobot } = require(path.join(ROOT, 'dist/nodes/Byrobot/Byrobot.node.js'));
const { ByrobotSandbox, SANDBOX_APP_KEY, SANDBOX_APP_SECRET } = require(path.join(ROOT, 'test/sandbox/byrobot.js'));

const ROWS = Number(process.argv[2] ?? 50000);
const LATENCY = Number(process.argv[3] ?? 30);
// n8n starts every item's request at once; 50,000 open sockets (twice that in file descriptors,
// the sandbox being in this process) exceed common fd limits, so the per-item run is split into
// consecutive runs of this many items. That only helps the per-item figures.
const PER_ITEM_SLICE = Number(process.argv[4] ?? 5000);

const rl = (value) => ({ __rl: true, mode: 'list', value: String(value) });
const phoneOf = (i) => `138${String(i).padStart(8, '0')}`;

function mb(bytes) {
	return `${(bytes / 1024 / 1024).toFixed(0)} MB`;
}

function print(r) {
	console.log(
		`${r.label.padEnd(36)} requests ${String(r.requests).padStart(6)}  wall ${String(r.wallMs).padStart(7)} ms  ` +
			`stored ${r.stored}  output items ${r.outputItems}  peak RSS growth ${mb(r.peakRssGrowth)}`,
	);
}

/** Runs the node once per slice of `items` (one slice = one n8n run) and sums what it cost. */
async function measure(label, sandbox, url, parameters, items, sliceSize = items.length) {
	const [taskId] = sandbox.seedTasks(1001, 1);
	sandbox.clearRequests();
	if (global.gc) global.gc();
	const startRss = process.memoryUsage.rss();
	let peak = startRss;
	const sampler = setInterval(() => {
		try {
			peak = Math.max(peak, process.memoryUsage.rss());
		} catch {
			// EMFILE while thousands of sockets are open: skip this sample
		}
	}, 20);
	let requests = 0;
	let outputItems = 0;
	const started = process.hrtime.bigint();
	for (let from = 0; from < items.length; from += sliceSize) {
		const out = await runNode({
			node: new Byrobot(),
			parameters: { resource: 'task', operation: 'importCustomers', company: rl(1001), task: rl(taskId), ...parameters },
			items: items.slice(from, from + sliceSize),
			credentials: { byrobotApi: { appId: SANDBOX_APP_KEY, appSecret: SANDBOX_APP_SECRET, baseUrl: url } },
		});
		outputItems += out.length;
		requests += sandbox.requestsTo('/openapi/v2/task/importTaskCustomer').length;
		sandbox.clearRequests();
	}
	const ms = Number(process.hrtime.bigint() - started) / 1e6;
	clearInterval(sampler);
	peak = Math.max(peak, process.memoryUsage.rss());
	const result = {
		label,
		requests,
		wallMs: Math.round(ms),
		stored: sandbox.customersOf(taskId).length,
		outputItems,
		peakRssGrowth: peak - startRss,
	};
	if (label !== 'warm-up') print(result);
	return result;
}

(async () => {
	const sandbox = new ByrobotSandbox();
	sandbox.latencyMs = LATENCY;
	const url = await sandbox.start();
	try {
		const rows = Array.from({ length: ROWS }, (_, i) => ({ name: `客户${i}`, phone: phoneOf(i), crmId: `C${i}` }));
		console.log(`Import Customers: ${ROWS.toLocaleString('en-US')} rows, sandbox latency ${LATENCY} ms, Node ${process.version}`);
		// Warm-up: loads n8n's expression engine and JIT-compiles the paths outside the measurements.
		const warm = rows.slice(0, 200);
		await measure('warm-up', sandbox, url, { customerName: '={{ $json.name }}', phone: '={{ $json.phone }}' }, warm);
		await measure('warm-up', sandbox, url, { importMode: 'perItem', customers: '={{ [{ name: $json.name, phone: $json.phone }] }}' }, warm);
		const results = [];
		results.push(
			await measure('batched (default)', sandbox, url, { customerName: '={{ $json.name }}', phone: '={{ $json.phone }}' }, rows),
		);
		results.push(
			await measure(
				`one request per item (runs of ${PER_ITEM_SLICE})`,
				sandbox,
				url,
				{ importMode: 'perItem', customers: '={{ [{ name: $json.name, phone: $json.phone }] }}' },
				rows,
				PER_ITEM_SLICE,
			),
		);
		const [batched, perItem] = results;
		console.log(
			`ratio: ${(perItem.requests / batched.requests).toFixed(0)}× fewer requests, ` +
				`${(perItem.wallMs / batched.wallMs).toFixed(1)}× less wall time`,
		);
	} finally {
		await sandbox.stop();
	}
})().catch((error) => {
	console.error(error);
	process.exit(1);
});
