'use strict';
// Benchmark of the operations people run on many items (issue 14). Prints numbers; it is not a test.
//
//   npm run bench:per-item -- [--items=2000] [--rows=50000] [--only=key,key] [--repeat=1] [--chunks=4] [--latency=0] [--cpu-prof=dir] [--no-build]
//
// Everything runs inside the pinned real n8n 2.41.1 (Node 24; the runtime `npm run dev` and the
// e2e tests use), one `n8n execute` per workflow. Each per-item workflow is
//
//   Code (items 1–500) → our node → Code (items 1–500) → HTTP Request → Code (501–1,000) → our node → …
//
// (each item naming its own task / call / number; `chunks` alternating chunks per side, so that
// both sides meet the same load on a shared machine), and both sides make the same requests to the
// same sandbox in the same execution: the HTTP
// Request node (v4.2, what n8n adds by default) with an HTTP Basic Auth credential for Bangwo8,
// and with our Byrobot credential as a predefined credential type for BYRobot, which signs each
// request exactly as our node does (HTTP Request cannot compute the signature by itself). Both
// take the item's id with `{{ $json.… }}`, as a user maps it. Node time is n8n's own
// `executionTime` of each node in the execution data; the ratio is ours / HTTP Request's.
//
// The bulk cases put `rows` rows (default 50,000) through Import Customers and Blacklist → Add
// Many in their default (all items) modes. For comparison, one request per row through HTTP
// Request is measured on `items` rows of the same endpoint in the same run and scaled to `rows`
// (its cost is linear in the rows: one request each); `--only=…,importHttpFull` measures all
// 50,000 instead (about 5 minutes).
//
// The sandboxes run in a child process (scripts/lib/sandbox-process.js) with `latency` ms added
// to every answer (default 0: the node's own cost, as in the issue), so their CPU time stays out
// of the measured n8n process.
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawn } = require('child_process');

const { ROOT, ensureRuntime, run } = require('./lib/runtime');
const { startSandboxProcess } = require('./lib/sandbox-process');

const args = process.argv.slice(2);
const option = (name, fallback) =>
	args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const ITEMS = Number(option('items', 2000));
const ROWS = Number(option('rows', 50000));
const LATENCY = Number(option('latency', 0));
const REPEAT = Math.max(1, Number(option('repeat', 1)));
const CPU_PROF = option('cpu-prof', '');
const ONLY = option('only', '');
// Each side's items run in this many alternating chunks (ours, HTTP Request, ours, …).
const CHUNKS = Math.max(1, Number(option('chunks', 4)));

const COMPANY_ID = 1001;
const DEFAULT_BLACKLIST_GROUP = -1; // the company's default group (默认分组) in the sandbox seed
const log = (line = '') => process.stdout.write(`${line}\n`);
const number = (n) => n.toLocaleString('en-US');
const ms = (value) => `${value.toFixed(2)} ms`;
const seconds = (value) => `${(value / 1000).toFixed(1)} s`;

const rl = (value) => ({ __rl: true, mode: 'id', value });

/** Phones no seed uses: 137 + case tag + sequence. */
const phones = (tag, n) =>
	Array.from(
		{ length: n },
		(_, i) => `137${String(tag).padStart(2, '0')}${String(i).padStart(6, '0')}`,
	);

// ── the per-item cases ───────────────────────────────────────────────────────────────────────
// Each case: its endpoint (for the request count), how to seed what `items` requests need (one
// set for our node, one for HTTP Request), our node's parameters and HTTP Request's.
function perItemCases({ byrobotUrl, bangwo8Url }) {
	const call = (vendor, method, ...rest) => ({
		handler: 'invoke',
		args: { vendor, method, args: rest },
	});
	const byrobotHttp = (method, endpoint, { qs, body }) => ({
		method,
		url: `${byrobotUrl}${endpoint}`,
		authentication: 'predefinedCredentialType',
		nodeCredentialType: 'byrobotApi',
		...(qs && {
			sendQuery: true,
			queryParameters: { parameters: Object.entries(qs).map(([name, value]) => ({ name, value })) },
		}),
		...(body && { sendBody: true, specifyBody: 'json', jsonBody: body }),
		options: {},
	});
	const bangwo8Http = (method, endpoint) => ({
		method,
		url: `=${bangwo8Url}${endpoint}`,
		authentication: 'genericCredentialType',
		genericAuthType: 'httpBasicAuth',
		options: {},
	});
	const task = (operation) => ({
		resource: 'task',
		operation,
		company: rl(String(COMPANY_ID)),
		task: rl('={{ $json.id }}'),
	});
	const tasksIn = (status) => (n) => ({
		handler: 'seedTasksIn',
		args: { companyId: COMPANY_ID, n, status },
	});
	const taskBody = '={{ JSON.stringify({ taskId: Number($json.id) }) }}';
	return [
		{
			key: 'bangwo8CallTaskGet',
			label: 'Bangwo8 Call Task → Get',
			vendor: 'bangwo8',
			path: '/api/v1/callTask/',
			seed: (n) => call('bangwo8', 'seedCallTasks', n),
			ours: { resource: 'callTask', operation: 'get', callTaskId: rl('={{ $json.id }}') },
			http: bangwo8Http('GET', '/api/v1/callTask/{{ $json.id }}.json'),
		},
		{
			key: 'bangwo8CallTaskGetCustomers',
			label: 'Bangwo8 Call Task → Get Customers',
			vendor: 'bangwo8',
			path: '/api/v1/callTask/userList/',
			seed: (n) => call('bangwo8', 'seedCallTasks', n),
			ours: {
				resource: 'callTask',
				operation: 'getCustomers',
				callTaskId: rl('={{ $json.id }}'),
				returnAll: false,
				limit: 50,
			},
			http: bangwo8Http('GET', '/api/v1/callTask/userList/{{ $json.id }}.json'),
		},
		{
			key: 'bangwo8CallTaskDelete',
			label: 'Bangwo8 Call Task → Delete',
			vendor: 'bangwo8',
			path: '/api/v1/callTask/',
			seed: (n) => call('bangwo8', 'seedCallTasks', n),
			ours: { resource: 'callTask', operation: 'delete', callTaskId: rl('={{ $json.id }}') },
			http: bangwo8Http('DELETE', '/api/v1/callTask/{{ $json.id }}.json'),
		},
		{
			key: 'bangwo8AgentGetMany',
			label: 'Bangwo8 Agent → Get Many (Limit 1)',
			vendor: 'bangwo8',
			path: '/api/v1/supports.json',
			seed: null,
			ours: { resource: 'agent', operation: 'getAll', returnAll: false, limit: 1 },
			http: bangwo8Http('GET', '/api/v1/supports.json?per_page=1'),
		},
		{
			key: 'bangwo8ContactGetMany',
			label: 'Bangwo8 Contact → Get Many (Limit 1)',
			vendor: 'bangwo8',
			path: '/api/v1/users.json',
			seed: null,
			ours: { resource: 'contact', operation: 'getAll', returnAll: false, limit: 1 },
			http: bangwo8Http('GET', '/api/v1/users.json?per_page=1'),
		},
		{
			key: 'byrobotTaskGet',
			label: 'Byrobot Task → Get',
			vendor: 'byrobot',
			path: '/openapi/v1/task/getTaskDetail',
			seed: tasksIn(0),
			ours: task('get'),
			http: byrobotHttp('GET', '/openapi/v1/task/getTaskDetail', {
				qs: { companyId: String(COMPANY_ID), taskId: '={{ $json.id }}' },
			}),
		},
		{
			key: 'byrobotTaskStart',
			label: 'Byrobot Task → Start',
			vendor: 'byrobot',
			path: '/openapi/v1/task/start',
			seed: tasksIn(0),
			ours: task('start'),
			http: byrobotHttp('POST', '/openapi/v1/task/start', { body: taskBody }),
		},
		{
			key: 'byrobotTaskPause',
			label: 'Byrobot Task → Pause',
			vendor: 'byrobot',
			path: '/openapi/v1/task/pause',
			seed: tasksIn(1),
			ours: task('pause'),
			http: byrobotHttp('POST', '/openapi/v1/task/pause', { body: taskBody }),
		},
		{
			key: 'byrobotTaskStop',
			label: 'Byrobot Task → Stop',
			vendor: 'byrobot',
			path: '/openapi/v1/task/stop',
			seed: tasksIn(1),
			ours: task('stop'),
			http: byrobotHttp('POST', '/openapi/v1/task/stop', { body: taskBody }),
		},
		{
			key: 'byrobotTaskGetCallDetail',
			label: 'Byrobot Task → Get Call Detail',
			vendor: 'byrobot',
			path: '/openapi/v1/task/phoneLogInfo',
			seed: (n) => ({ handler: 'seedCalls', args: { companyId: COMPANY_ID, n } }),
			ours: { resource: 'task', operation: 'getCallDetail', callInstanceId: '={{ $json.id }}' },
			http: byrobotHttp('GET', '/openapi/v1/task/phoneLogInfo', {
				qs: { callInstanceId: '={{ $json.id }}' },
			}),
		},
		{
			key: 'byrobotBlacklistAdd',
			label: 'Byrobot Blacklist → Add',
			vendor: 'byrobot',
			path: '/openapi/v1/company/addBlackList',
			seed: (n, side) => ({ values: phones(side === 'ours' ? 11 : 12, n) }),
			ours: {
				resource: 'blacklist',
				operation: 'add',
				company: rl(String(COMPANY_ID)),
				mobile: '={{ $json.id }}',
			},
			http: byrobotHttp('POST', '/openapi/v1/company/addBlackList', {
				body: `={{ JSON.stringify({ companyId: ${COMPANY_ID}, mobile: $json.id }) }}`,
			}),
		},
		{
			key: 'byrobotBlacklistDelete',
			label: 'Byrobot Blacklist → Delete',
			vendor: 'byrobot',
			path: '/openapi/v1/company/blacklist/info/delete',
			seed: (n, side) => ({
				handler: 'seedBlacklist',
				args: {
					companyId: COMPANY_ID,
					groupId: DEFAULT_BLACKLIST_GROUP,
					phones: phones(side === 'ours' ? 13 : 14, n),
				},
			}),
			ours: {
				resource: 'blacklist',
				operation: 'delete',
				company: rl(String(COMPANY_ID)),
				blacklistGroup: String(DEFAULT_BLACKLIST_GROUP),
				mobile: '={{ $json.id }}',
			},
			http: byrobotHttp('POST', '/openapi/v1/company/blacklist/info/delete', {
				body: `={{ JSON.stringify({ companyId: ${COMPANY_ID}, blacklistInfoGroupId: ${DEFAULT_BLACKLIST_GROUP}, mobile: $json.id }) }}`,
			}),
		},
	];
}

/** A Code node putting out one item per id: `{ id }`. */
const idsNode = (name, ids) => ({
	name,
	type: 'code',
	parameters: { jsCode: `return ${JSON.stringify(ids)}.map((id) => ({ json: { id } }));` },
});

/** Rows a spreadsheet node would put out, generated in a Code node. */
const rowsNode = (name, count, tag) => ({
	name,
	type: 'code',
	parameters: {
		jsCode: `return Array.from({ length: ${count} }, (_, i) => ({ json: { name: '客户' + i, phone: '1${tag}' + String(i).padStart(8, '0'), remark: 'row ' + i } }));`,
	},
});

async function main() {
	if (
		!fs.existsSync(path.join(ROOT, 'dist/nodes/Byrobot/Byrobot.node.js')) ||
		!args.includes('--no-build')
	) {
		await run(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', 'build'], { cwd: ROOT });
	}
	const {
		freePort,
		n8nEnv,
		importJson,
		forCustomExtensions,
		parseExecuteOutput,
		tail,
	} = require('./lib/n8n');
	const { buildWorkflow, CREDENTIALS } = require('./lib/workflow');
	const { SANDBOX_APP_KEY, SANDBOX_APP_SECRET } = require('../test/sandbox/byrobot');
	const { SANDBOX_ADMIN } = require('../test/sandbox/bangwo8');

	const sandbox = await startSandboxProcess({ latencyMs: LATENCY, bangwo8: true });
	const runtime = await ensureRuntime('n8n2', { log: (line) => log(`== ${line}`) });
	const userFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-per-item-'));
	try {
		const env = n8nEnv(runtime, { userFolder, brokerPort: await freePort() });
		const basicAuth = {
			id: 'benchBasicAuth01',
			name: 'Bangwo8 Basic Auth (HTTP Request)',
			type: 'httpBasicAuth',
		};
		await importJson(
			runtime,
			env,
			'credentials',
			[
				{
					...CREDENTIALS.byrobot,
					data: { appKey: SANDBOX_APP_KEY, appSecret: SANDBOX_APP_SECRET, baseUrl: sandbox.url },
				},
				{
					...CREDENTIALS.bangwo8,
					data: { ...SANDBOX_ADMIN, baseUrl: sandbox.bangwo8Url },
				},
				{ ...basicAuth, data: { user: SANDBOX_ADMIN.account, password: SANDBOX_ADMIN.password } },
			],
			path.join(userFolder, 'credentials.json'),
		);
		const httpCredential = (vendor) =>
			vendor === 'bangwo8'
				? { httpBasicAuth: { id: basicAuth.id, name: basicAuth.name } }
				: { byrobotApi: { id: CREDENTIALS.byrobot.id, name: CREDENTIALS.byrobot.name } };

		// Seeds what a case needs: ids for the items (numbers as strings: a user's sheet holds text).
		const seed = async (c, side) => {
			if (!c.seed) return Array.from({ length: ITEMS }, (_, i) => String(i + 1));
			const spec = c.seed(ITEMS, side);
			const values = spec.values ?? (await sandbox.call(spec.handler, spec.args));
			return values.map(String);
		};
		const wanted = (key) => !ONLY || ONLY.split(',').includes(key);
		// The full 50,000-row HTTP Request run takes minutes: only when named.
		const named = (key) => ONLY.split(',').includes(key);
		const cases = perItemCases({ byrobotUrl: sandbox.url, bangwo8Url: sandbox.bangwo8Url }).filter(
			(c) => wanted(c.key),
		);

		const planned = [];
		for (let round = 0; round < REPEAT; round++) {
			for (const c of cases) {
				const oursIds = await seed(c, 'ours');
				const httpIds = await seed(c, 'http');
				// Chunks alternate, ours then HTTP Request, in one chain (so n8n runs them in this
				// order): both meet the same load on a shared machine.
				const nodes = [];
				let previous;
				const size = Math.ceil(ITEMS / CHUNKS);
				for (let chunk = 0; chunk < CHUNKS; chunk++) {
					const slice = (ids) => ids.slice(chunk * size, (chunk + 1) * size);
					for (const [side, ids, spec] of [
						['Ours', oursIds, { type: c.vendor, parameters: c.ours }],
						[
							'HTTP Request',
							httpIds,
							{ type: 'n8n-nodes-base.httpRequest', typeVersion: 4.2, parameters: c.http },
						],
					]) {
						const items = idsNode(`${side} Items ${chunk + 1}`, slice(ids));
						if (previous) items.after = previous;
						nodes.push(items, {
							name: `${side} ${chunk + 1}`,
							after: items.name,
							continueOnFail: true,
							...spec,
						});
						previous = `${side} ${chunk + 1}`;
					}
				}
				const workflow = buildWorkflow({
					id: `benchItem${String(planned.length).padStart(6, '0')}`,
					name: `bench ${c.key} ${round + 1}`,
					nodes,
				});
				for (const node of workflow.nodes) {
					if (node.name.startsWith('HTTP Request ')) node.credentials = httpCredential(c.vendor);
				}
				planned.push({ case: c, workflow, kind: 'perItem' });
			}
		}

		// Bulk: Import Customers and Blacklist → Add Many with `rows` rows in their default mode.
		const bulk = [];
		if (wanted('import') || named('importHttpFull')) {
			const taskId = (
				await sandbox.call('invoke', {
					vendor: 'byrobot',
					method: 'seedTasks',
					args: [COMPANY_ID, 1],
				})
			)[0];
			bulk.push({
				key: 'import',
				label: `Byrobot Task → Import Customers, ${number(ROWS)} rows`,
				path: '/openapi/v2/task/importTaskCustomer',
				rows: ROWS,
				nodes: [
					rowsNode('Rows', ROWS, 38),
					{
						name: 'Ours',
						type: 'byrobot',
						after: 'Rows',
						parameters: {
							resource: 'task',
							operation: 'importCustomers',
							company: rl(String(COMPANY_ID)),
							task: rl(String(taskId)),
						},
					},
				],
			});
			const httpTask = (
				await sandbox.call('invoke', {
					vendor: 'byrobot',
					method: 'seedTasks',
					args: [COMPANY_ID, 1],
				})
			)[0];
			const httpRows = named('importHttpFull') ? ROWS : ITEMS;
			bulk.push({
				key: 'importHttp',
				label: `HTTP Request, one request per row, ${number(httpRows)} rows`,
				path: '/openapi/v2/task/importTaskCustomer',
				rows: httpRows,
				nodes: [
					rowsNode('Rows', httpRows, 36),
					{
						name: 'HTTP Request',
						type: 'n8n-nodes-base.httpRequest',
						typeVersion: 4.2,
						after: 'Rows',
						parameters: {
							method: 'POST',
							url: `${sandbox.url}/openapi/v2/task/importTaskCustomer`,
							authentication: 'predefinedCredentialType',
							nodeCredentialType: 'byrobotApi',
							sendBody: true,
							specifyBody: 'json',
							jsonBody: `={{ JSON.stringify({ companyId: ${COMPANY_ID}, taskId: ${httpTask}, customerInfoList: [{ name: $json.name, phone: $json.phone }] }) }}`,
							options: {},
						},
					},
				],
				credentials: httpCredential('byrobot'),
			});
		}
		if (wanted('blacklistAddMany')) {
			bulk.push({
				key: 'blacklistAddMany',
				label: `Byrobot Blacklist → Add Many, ${number(ROWS)} rows`,
				path: '/openapi/v1/company/addBlackList/batch',
				rows: ROWS,
				nodes: [
					rowsNode('Rows', ROWS, 35),
					{
						name: 'Ours',
						type: 'byrobot',
						after: 'Rows',
						parameters: {
							resource: 'blacklist',
							operation: 'addMany',
							company: rl(String(COMPANY_ID)),
							blacklistGroup: String(DEFAULT_BLACKLIST_GROUP),
						},
					},
				],
			});
			bulk.push({
				key: 'blacklistHttp',
				label: `HTTP Request, one addBlackList per row, ${number(ITEMS)} rows`,
				path: '/openapi/v1/company/addBlackList',
				rows: ITEMS,
				nodes: [
					rowsNode('Rows', ITEMS, 34),
					{
						name: 'HTTP Request',
						type: 'n8n-nodes-base.httpRequest',
						typeVersion: 4.2,
						after: 'Rows',
						parameters: {
							method: 'POST',
							url: `${sandbox.url}/openapi/v1/company/addBlackList`,
							authentication: 'predefinedCredentialType',
							nodeCredentialType: 'byrobotApi',
							sendBody: true,
							specifyBody: 'json',
							jsonBody: `={{ JSON.stringify({ companyId: ${COMPANY_ID}, mobile: $json.phone, name: $json.name }) }}`,
							options: {},
						},
					},
				],
				credentials: httpCredential('byrobot'),
			});
		}
		for (const b of bulk) {
			const workflow = buildWorkflow({
				id: `benchBulk${String(planned.length).padStart(6, '0')}`,
				name: `bench ${b.key}`,
				nodes: b.nodes,
			});
			if (b.credentials)
				workflow.nodes.find((n) => n.name === 'HTTP Request').credentials = b.credentials;
			planned.push({ case: b, workflow, kind: 'bulk' });
		}

		await importJson(
			runtime,
			env,
			'workflow',
			planned.map((p) => forCustomExtensions(p.workflow)),
			path.join(userFolder, 'workflows.json'),
		);
		log(
			`== ${runtime.label}; ${number(ITEMS)} items per case; sandbox latency ${LATENCY} ms; ${os.cpus().length} cores; ${REPEAT} round(s)`,
		);

		const execute = async (p) => {
			await sandbox.call('clear');
			const profile = CPU_PROF ? [`--cpu-prof`, `--cpu-prof-dir=${path.resolve(CPU_PROF)}`] : [];
			// stdout to a file: n8n exits right after printing, and a pipe would lose the end of a
			// large execution JSON.
			const outFile = path.join(userFolder, 'execute.out');
			const fd = fs.openSync(outFile, 'w');
			const code = await new Promise((resolve, reject) => {
				const child = spawn(
					runtime.node,
					[...profile, runtime.n8nBin, 'execute', `--id=${p.workflow.id}`, '--rawOutput'],
					{ env, stdio: ['ignore', fd, fd] },
				);
				child.on('error', reject);
				child.on('close', resolve);
			});
			fs.closeSync(fd);
			const text = fs.readFileSync(outFile, 'utf8');
			const raw = parseExecuteOutput(text);
			if (!raw)
				throw new Error(`${p.workflow.name}: no execution data (exit ${code})\n${tail(text, 30)}`);
			const runData = raw.data.resultData.runData;
			// A side's result: its node, or the sum of its chunks' nodes (`Ours 1`, `Ours 2`, …).
			const nodeResult = (name) => {
				const tasks = runData[name]
					? [runData[name][0]]
					: Object.keys(runData)
							.filter((key) => key.startsWith(`${name} `) && !key.includes('Items'))
							.map((key) => runData[key][0]);
				if (!tasks.length || tasks.some((task) => !task)) return undefined;
				const task = {
					executionTime: tasks.reduce((sum, t) => sum + t.executionTime, 0),
					error: tasks.find((t) => t.error)?.error,
					data: { main: [tasks.flatMap((t) => t.data?.main?.[0] ?? [])] },
				};
				const output = (task.data?.main?.[0] ?? []).map((i) => i.json);
				const failed = output.filter((json) => json.error !== undefined);
				return {
					ms: task.executionTime,
					failed: failed.length,
					firstFailure: failed[0] && JSON.stringify(failed[0]).slice(0, 300),
					items: (task.data?.main?.[0] ?? []).length,
					error: task.error?.message,
					output,
				};
			};
			const requests = await sandbox.call('requests', {
				vendor: p.case.vendor ?? 'byrobot',
				path: p.case.path,
			});
			return { ours: nodeResult('Ours'), http: nodeResult('HTTP Request'), requests };
		};

		const perItemResults = new Map();
		const bulkResults = new Map();
		for (const p of planned) {
			const result = await execute(p);
			if (p.kind === 'perItem') {
				const list = perItemResults.get(p.case.key) ?? [];
				list.push(result);
				perItemResults.set(p.case.key, list);
			} else bulkResults.set(p.case.key, result);
		}

		// ── report ──
		const median = (values) =>
			[...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)];
		log('');
		log(
			`Per item (${number(ITEMS)} items each; node time per item, n8n's executionTime; median of ${REPEAT})`,
		);
		log(
			`${'operation'.padEnd(40)} ${'ours'.padStart(10)} ${'HTTP Request'.padStart(13)} ${'ratio'.padStart(6)}  requests (ours / HTTP)  answers`,
		);
		let worst = 0;
		for (const c of cases) {
			const runs = perItemResults.get(c.key);
			const problems = runs
				.flatMap((r) => [
					!r.ours && 'ours: did not run',
					!r.http && 'HTTP Request: did not run',
					r.ours?.error && `ours: ${r.ours.error}`,
					r.http?.error && `HTTP: ${r.http.error}`,
					r.ours?.failed && `ours: ${r.ours.failed} items failed, e.g. ${r.ours.firstFailure}`,
					r.http?.failed && `HTTP: ${r.http.failed} items failed, e.g. ${r.http.firstFailure}`,
				])
				.filter(Boolean);
			const refused = Object.entries(runs[runs.length - 1].requests.codes).filter(
				([answer]) => !/^HTTP 200( code 200)?$/.test(answer),
			);
			if (refused.length)
				problems.push(
					`the sandbox refused requests: ${refused.map(([k, v]) => `${k}×${v}`).join(' ')}`,
				);
			if (problems.length) {
				log(`${c.label.padEnd(40)} FAILED: ${problems.join('; ')}`);
				continue;
			}
			const oursPer = median(runs.map((r) => r.ours.ms / ITEMS));
			const httpPer = median(runs.map((r) => r.http.ms / ITEMS));
			const ratio = oursPer / httpPer;
			worst = Math.max(worst, ratio);
			const last = runs[runs.length - 1];
			const codes = Object.entries(last.requests.codes)
				.map(([k, v]) => `${k}×${v}`)
				.join(' ');
			log(
				`${c.label.padEnd(40)} ${ms(oursPer).padStart(10)} ${ms(httpPer).padStart(13)} ${ratio.toFixed(2).padStart(6)}  ${number(last.requests.requests)} (${number(ITEMS)} + ${number(ITEMS)})  ${codes}${problems.length ? `  FAILED: ${problems[0]}` : ''}`,
			);
		}
		if (cases.length) log(`highest ratio: ${worst.toFixed(2)}`);

		if (bulkResults.size) {
			log('');
			log(`Bulk (default all-items mode, ${number(ROWS)} rows)`);
			const pair = (oursKey, httpKey, countOf) => {
				const ours = bulkResults.get(oursKey);
				const http = bulkResults.get(httpKey);
				if (!ours) return;
				const oursCase = planned.find((p) => p.case.key === oursKey).case;
				const httpCase = http && planned.find((p) => p.case.key === httpKey).case;
				const accounted = countOf(ours.ours.output);
				log(
					`${oursCase.label}: ${number(ours.requests.requests)} requests (${Object.entries(
						ours.requests.codes,
					)
						.map(([k, v]) => `${k}×${v}`)
						.join(
							' ',
						)}), node time ${seconds(ours.ours.ms)} (${ms(ours.ours.ms / ROWS)} per row), ${accounted}${ours.ours.error ? `  FAILED: ${ours.ours.error}` : ''}`,
				);
				if (http) {
					const perRow = http.http.ms / httpCase.rows;
					const scaled = perRow * ROWS;
					log(
						`  ${httpCase.label}: ${number(http.requests.requests)} requests, node time ${seconds(http.http.ms)} (${ms(perRow)} per row)` +
							(httpCase.rows === ROWS
								? ''
								: `, scaled to ${number(ROWS)} rows: ${seconds(scaled)}`) +
							`  →  ours takes ${(scaled / ours.ours.ms).toFixed(1)}× less node time with ${number(Math.round(ROWS / Math.max(1, ours.requests.requests)))}× fewer requests`,
					);
				}
			};
			// Every row accounted for: the rows sent plus the rows listed as rejected.
			const accounted = (countKey) => (output) => {
				const sum = (key) => output.reduce((total, o) => total + (Number(o[key]) || 0), 0);
				const rejected = output.reduce((total, o) => total + (o.rejectedRows?.length ?? 0), 0);
				return `output: ${number(output.length)} items, ${number(sum('count'))} rows sent + ${number(rejected)} rejected, ${number(sum(countKey))} added`;
			};
			pair('import', 'importHttp', accounted('successNum'));
			pair('blacklistAddMany', 'blacklistHttp', accounted('successNum'));
		}
	} finally {
		await sandbox.stop();
		fs.rmSync(userFolder, { recursive: true, force: true });
	}
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
