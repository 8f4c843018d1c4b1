'use strict';
// What the Byrobot Trigger's end-to-end and load cases share: a "CRM" the workflows write every
// call to (so a test counts runs per call, not just executions), the workflows themselves
// (Byrobot Trigger → HTTP Request to the CRM), creating and activating them through n8n's REST
// API, reading executions, and a bounded pool for concurrent POSTs.
const http = require('http');

/** Runs `tasks` with at most `limit` in flight; resolves to their results in order. */
async function inParallel(tasks, limit) {
	const results = new Array(tasks.length);
	let next = 0;
	await Promise.all(
		Array.from({ length: Math.min(limit, tasks.length) }, async () => {
			while (next < tasks.length) {
				const index = next++;
				results[index] = await tasks[index]();
			}
		}),
	);
	return results;
}

async function waitFor(fn, what, timeoutMs = 30000, intervalMs = 300) {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await fn();
		if (value) return value;
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
		await new Promise((r) => setTimeout(r, intervalMs));
	}
}

/**
 * The CRM: `POST /crm/<callInstanceId>` records one write per call (the workflow's run).
 * `failFirst(id)` → how many writes of that call fail with HTTP 500 first ("CRM down").
 * Resolves to { url, writes: Map<id, number> (accepted), failed: Map<id, number>, close() }.
 */
function startCrm({ failFirst = () => 0 } = {}) {
	const writes = new Map();
	const failed = new Map();
	const server = http.createServer((req, res) => {
		const match = /^\/crm\/([^/?]+)/.exec(req.url ?? '');
		req.resume();
		req.on('end', () => {
			if (!match) {
				res.writeHead(404).end();
				return;
			}
			const id = decodeURIComponent(match[1]);
			const failures = failed.get(id) ?? 0;
			if (failures < failFirst(id)) {
				failed.set(id, failures + 1);
				res.writeHead(500, { 'Content-Type': 'application/json' });
				res.end(JSON.stringify({ error: 'CRM is down' }));
				return;
			}
			writes.set(id, (writes.get(id) ?? 0) + 1);
			res.writeHead(200, { 'Content-Type': 'application/json' });
			res.end(JSON.stringify({ ok: true, id }));
		});
	});
	server.keepAliveTimeout = 1000;
	return new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address();
			resolve({
				url: `http://127.0.0.1:${port}`,
				writes,
				failed,
				close: () =>
					new Promise((done) => {
						server.closeAllConnections?.();
						server.close(() => done());
					}),
			});
		});
	});
}

/**
 * A workflow: Byrobot Trigger (its parameters as given) → HTTP Request POST <crm>/crm/<id>,
 * where <id> is the call's callInstanceId, or task-<taskId>-<status> for a task status change.
 * Node types as n8n names them when loaded through N8N_CUSTOM_EXTENSIONS.
 */
function crmWorkflow({ name, webhookId, parameters, crmUrl }) {
	return {
		name,
		active: false,
		nodes: [
			{
				id: 'crm-trigger',
				name: 'Byrobot Trigger',
				type: 'CUSTOM.byrobotTrigger',
				typeVersion: 1,
				position: [0, 0],
				webhookId,
				parameters,
			},
			{
				id: 'crm-write',
				name: 'Write to CRM',
				type: 'n8n-nodes-base.httpRequest',
				typeVersion: 4.2,
				position: [240, 0],
				parameters: {
					method: 'POST',
					url: `=${crmUrl}/crm/{{ $json.event === 'JOB_INFO_RESULT' ? 'task-' + $json.taskId + '-' + $json.status : $json.callInstanceId }}`,
					options: { timeout: 30000 },
				},
			},
		],
		connections: {
			'Byrobot Trigger': { main: [[{ node: 'Write to CRM', type: 'main', index: 0 }]] },
		},
		settings: { executionOrder: 'v1', saveDataSuccessExecution: 'all' },
	};
}

/** Creates a workflow through the REST API and activates (publishes) it; resolves to its id. */
async function createAndActivate(rest, workflow) {
	const created = await rest.ok('POST', '/rest/workflows', workflow);
	const activated = await rest.ok('POST', `/rest/workflows/${created.id}/activate`, {
		versionId: created.versionId,
	});
	if (!(activated.active || activated.activeVersionId)) {
		throw new Error(
			`n8n did not activate ${workflow.name}: ${JSON.stringify(activated).slice(0, 300)}`,
		);
	}
	return created.id;
}

/** The latest executions of a workflow (id, status, mode), newest first: at most 100. */
async function executionsOf(rest, workflowId) {
	const filter = encodeURIComponent(JSON.stringify({ workflowId }));
	const answer = await rest.ok('GET', `/rest/executions?filter=${filter}&limit=100`);
	return answer.results ?? answer;
}

const STATUSES = ['success', 'error', 'crashed', 'canceled', 'running', 'new', 'waiting'];

/**
 * How many executions a workflow has, in all and per status (n8n's own counts, so any number
 * of executions; the same query in n8n 1.x and 2.x).
 */
async function executionCounts(rest, workflowId) {
	const count = async (filter) => {
		const query = encodeURIComponent(JSON.stringify({ workflowId, ...filter }));
		const answer = await rest.ok('GET', `/rest/executions?filter=${query}&limit=1`);
		return Number(answer.count ?? (answer.results ?? answer).length);
	};
	const byStatus = {};
	for (const status of STATUSES) byStatus[status] = await count({ status: [status] });
	return { total: await count({}), byStatus };
}

/**
 * CPU seconds a process has used so far (user + system, Linux /proc; NaN elsewhere). Clock ticks
 * are 100 per second on Linux.
 */
function cpuSeconds(pid) {
	try {
		const stat = require('fs').readFileSync(`/proc/${pid}/stat`, 'utf8');
		const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
		return (Number(fields[11]) + Number(fields[12])) / 100;
	} catch {
		return NaN;
	}
}

/** Milliseconds as "1.2 s" or "340 ms". */
function ms(value) {
	return value >= 1000 ? `${(value / 1000).toFixed(1)} s` : `${Math.round(value)} ms`;
}

/** The p-th percentile (0–100) of numbers. */
function percentile(values, p) {
	if (values.length === 0) return NaN;
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

module.exports = {
	inParallel,
	waitFor,
	startCrm,
	crmWorkflow,
	createAndActivate,
	executionsOf,
	executionCounts,
	cpuSeconds,
	ms,
	percentile,
};
