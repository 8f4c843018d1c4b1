'use strict';
// End-to-end tests in a real n8n: `npm run test:e2e` (n8n 2.41.1 on Node 24) and
// `npm run test:e2e:n8n1` (n8n 1.123.81 on Node 20).
//
//   1. builds the package (skip with --no-build) and installs the pinned n8n if missing
//   2. starts both API sandboxes in this process on free ports
//   3. imports credentials for them, the example workflows (e2e/examples/) and the cases'
//      workflows (e2e/cases/) into a throwaway N8N_USER_FOLDER under .n8n-e2e/
//   4. runs each workflow with `n8n execute --id=… --rawOutput` and checks n8n's execution JSON
//      and the requests the sandboxes received
//   5. starts `n8n start` once: our node and credential types are served, and every
//      credential's Test button (POST /rest/credentials/test) passes with good data and
//      explains bad data
//
// Options: --n8n1 (the 1.x runtime), --no-build, --only=<text> (cases whose name contains it),
// --keep (keep the user folder), --verbose (n8n's output of every run).
// A case with `skip: '<reason>'` (e.g. a node this n8n version lacks) is not run; the reason is
// printed. Closing line: `e2e: N passed, N failed` (`e2e n8n1: …` with --n8n1), `, N skipped`
// added when any was; exit code 1 when anything failed.
const assert = require('assert/strict');
const fs = require('fs');
const path = require('path');

const { ROOT, ensureRuntime, run } = require('../scripts/lib/runtime');
const {
	freePort,
	n8nEnv,
	n8nCommand,
	parseExecuteOutput,
	importJson,
	forCustomExtensions,
	startServer,
	RestClient,
	tail,
} = require('../scripts/lib/n8n');
const { startSandboxes } = require('../test/sandbox/serve');
const { CREDENTIALS, Execution } = require('../scripts/lib/workflow');
const { loadCases, loadServerCases } = require('./cases');
const { credentialTests, OWNER } = require('./cases/credentials');
const triggerCase = require('./cases/trigger');

const args = process.argv.slice(2);
const flag = (name) => args.includes(`--${name}`);
const option = (name) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const runtimeName = flag('n8n1') ? 'n8n1' : 'n8n2';
const verbose = flag('verbose');
/** The closing line reads `e2e: N passed, N failed` (n8n 2.x) or `e2e n8n1: …` (n8n 1.x). */
const SUMMARY_TAG = runtimeName === 'n8n1' ? 'e2e n8n1' : 'e2e';

const log = (line = '') => process.stdout.write(`${line}\n`);
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

async function main() {
	const started = Date.now();
	const timings = {};
	if (!flag('no-build')) {
		log('== e2e: build');
		const t = Date.now();
		await run(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', 'build'], {
			cwd: ROOT,
			verbose,
		});
		timings.build = Date.now() - t;
	}
	let t = Date.now();
	const runtime = await ensureRuntime(runtimeName, { log: (l) => log(`== e2e: ${l}`) });
	timings.install = Date.now() - t;
	log(`== e2e: ${runtime.label} (${path.relative(ROOT, runtime.dir)})`);

	const sandboxes = await startSandboxes({
		byrobotPort: 0,
		bangwo8Port: 0,
		byrobotOpenPort: 0,
		autoDial: false,
	});
	const { byrobot, bangwo8, byrobotOpen } = sandboxes;
	const ctx = { byrobot, bangwo8, byrobotOpen, runtime: runtimeName };
	const only = option('only');
	const selected = loadCases(ctx).filter((c) => !only || c.name.includes(only));
	const cases = selected.filter((c) => !c.skip);
	const serverCases = loadServerCases(ctx).filter((c) => !only || c.name.includes(only));
	const credentialCases = credentialTests(sandboxes).filter((c) => !only || c.name.includes(only));

	const userFolder = path.join(
		ROOT,
		'.n8n-e2e',
		`${runtimeName}-${new Date().toISOString().replace(/[:.]/g, '-')}`,
	);
	fs.mkdirSync(userFolder, { recursive: true });
	const env = n8nEnv(runtime, { userFolder, brokerPort: await freePort() });
	const results = [];
	const skipped = [];
	const skip = (testCase) => {
		skipped.push(testCase.name);
		log(`  - ${testCase.name} (skipped on ${runtime.label}: ${testCase.skip})`);
	};
	const record = (name, error, ms) => {
		results.push({ name, error, ms });
		log(`${error ? '  ✗' : '  ✓'} ${name} (${seconds(ms)})`);
		if (error) log(indent(error.stack || String(error), 6));
		if (error?.requestsSeen)
			log(
				indent(
					`requests the sandboxes received:\n  ${error.requestsSeen.slice(0, 40).join('\n  ')}`,
					6,
				),
			);
	};

	try {
		// A case may start a helper of its own (prepare) and bring credentials for it.
		for (const testCase of cases) await testCase.prepare?.(ctx);
		const extraCredentials = cases.flatMap((c) => c.credentials ?? []);
		log(
			`== e2e: import ${Object.keys(CREDENTIALS).length + extraCredentials.length} credentials and ${cases.length + 1} workflows into ${path.relative(ROOT, userFolder)}`,
		);
		t = Date.now();
		await importJson(
			runtime,
			env,
			'credentials',
			[...credentialsFor(sandboxes), ...extraCredentials],
			path.join(userFolder, 'credentials.json'),
		);
		await importJson(
			runtime,
			env,
			'workflow',
			[...cases.map((c) => c.workflow), triggerCase.workflow].map(forCustomExtensions),
			path.join(userFolder, 'workflows.json'),
		);
		timings.import = Date.now() - t;

		log(`== e2e: workflows (n8n execute --id --rawOutput)`);
		t = Date.now();
		selected.filter((c) => c.skip).forEach(skip);
		for (const testCase of cases) {
			const caseStarted = Date.now();
			let error;
			try {
				byrobot.reset();
				bangwo8.reset();
				byrobotOpen.reset();
				byrobot.autoDial = Boolean(testCase.autoDial);
				byrobotOpen.autoDial = Boolean(testCase.autoDial);
				await testCase.setup?.(ctx);
				const out = await n8nCommand(
					runtime,
					['execute', `--id=${testCase.workflow.id}`, '--rawOutput'],
					env,
				);
				if (verbose) log(indent(out.stdout + out.stderr, 6));
				const raw = parseExecuteOutput(out.stdout) ?? parseExecuteOutput(out.stderr);
				if (!raw) {
					throw new Error(
						`n8n execute printed no execution JSON (exit ${out.code}):\n${tail(out.stdout + out.stderr, 25)}`,
					);
				}
				const execution = new Execution(raw);
				execution.exitCode = out.code;
				if (testCase.expectFailure) {
					assert.ok(execution.error, 'the workflow should have failed');
					assert.notEqual(out.code, 0, 'n8n execute should exit non-zero for a failed workflow');
				} else if (execution.error) {
					throw new Error(
						`the workflow failed: ${execution.error.message}${execution.error.description ? ` — ${execution.error.description}` : ''}`,
					);
				}
				await testCase.check(execution, ctx);
			} catch (e) {
				error = e;
				// What the sandboxes saw, to tell a node problem from a workflow problem.
				const seen = [...byrobot.requests, ...bangwo8.requests, ...byrobotOpen.requests]
					.sort((a, b) => a.time - b.time)
					.map((r) => `${r.method} ${r.url}${r.rawBody ? ` ${r.rawBody.slice(0, 160)}` : ''}`);
				if (seen.length) error.requestsSeen = seen;
			}
			record(testCase.name, error, Date.now() - caseStarted);
		}
		timings.workflows = Date.now() - t;

		log(`== e2e: n8n start (node types, credential Test button, Byrobot Trigger webhook)`);
		t = Date.now();
		const withTrigger = !only || triggerCase.name.includes(only);
		await serverChecks(runtime, env, credentialCases, record, runtimeName, withTrigger, {
			cases: serverCases,
			skip,
			sandboxes: { byrobot, bangwo8 },
		});
		timings.server = Date.now() - t;
	} finally {
		for (const testCase of cases) await testCase.teardown?.();
		await sandboxes.stop();
	}

	const failed = results.filter((r) => r.error);
	if (failed.length === 0 && !flag('keep')) fs.rmSync(userFolder, { recursive: true, force: true });
	else log(`== e2e: n8n user folder kept: ${path.relative(ROOT, userFolder)}`);
	log(
		`== e2e: ${runtime.label}; ${Object.entries(timings)
			.map(([k, v]) => `${k} ${seconds(v)}`)
			.join(', ')}; total ${seconds(Date.now() - started)}`,
	);
	if (failed.length) {
		log('== e2e: failed:');
		for (const f of failed) log(`  - ${f.name}`);
	}
	log(
		`${SUMMARY_TAG}: ${results.length - failed.length} passed, ${failed.length} failed${skipped.length ? `, ${skipped.length} skipped` : ''}`,
	);
	if (results.length === 0) {
		log('no e2e case ran');
		process.exitCode = 1;
	}
	if (failed.length) process.exitCode = 1;
}

/** Credentials for the sandboxes, in the shape `n8n import:credentials` takes (plain data). */
function credentialsFor(sandboxes) {
	return Object.values(CREDENTIALS).map((c) => ({
		id: c.id,
		name: c.name,
		type: c.type,
		data: sandboxes.credentials[c.type],
	}));
}

/**
 * Starts n8n once and checks what only a running server shows: node types, credential tests, the
 * Byrobot Trigger, then the server cases (`{ name, skip?, run({ url, rest, runtimeDir, runtime,
 * byrobot, bangwo8 }) }`, e.g. cases/tools.js: MCP), each after a reset of both sandboxes.
 */
async function serverChecks(
	runtime,
	env,
	credentialCases,
	record,
	runtimeName,
	withTrigger,
	{ cases: serverCases = [], skip = () => {}, sandboxes = {} } = {},
) {
	const port = await freePort();
	const started = Date.now();
	let server;
	try {
		server = await startServer(runtime, {
			...env,
			N8N_PORT: String(port),
			N8N_LISTEN_ADDRESS: '127.0.0.1',
		});
	} catch (error) {
		record('n8n start answers /healthz/readiness', error, Date.now() - started);
		return;
	}
	try {
		record('n8n start answers /healthz/readiness', undefined, Date.now() - started);
		const rest = new RestClient(server.url);
		let t = Date.now();
		let loginError;
		try {
			await rest.ownerLogin(OWNER);
		} catch (error) {
			loginError = error;
		}
		record('owner set up and logged in through the REST API', loginError, Date.now() - t);
		if (loginError) return;

		t = Date.now();
		let typesError;
		try {
			const headers = { cookie: rest.cookie, 'browser-id': rest.browserId };
			const res = await fetch(`${server.url}/types/nodes.json`, { headers });
			assert.equal(res.status, 200, `/types/nodes.json answered ${res.status}`);
			const types = (await res.json()).map((n) => n.name);
			for (const name of ['CUSTOM.byrobot', 'CUSTOM.bangwo8', 'CUSTOM.byrobotTrigger']) {
				assert.ok(
					types.includes(name),
					`${name} is not among the ${types.length} node types n8n serves`,
				);
			}
			const credRes = await fetch(`${server.url}/types/credentials.json`, { headers });
			const credTypes = (await credRes.json()).map((c) => c.name);
			for (const c of Object.values(CREDENTIALS)) {
				assert.ok(credTypes.includes(c.type), `credential type ${c.type} is not served`);
			}
		} catch (error) {
			typesError = error;
		}
		record('our node and credential types are served (/types/*.json)', typesError, Date.now() - t);

		for (const testCase of credentialCases) {
			t = Date.now();
			let error;
			try {
				const res = await rest.request('POST', '/rest/credentials/test', {
					credentials: testCase.credentials,
				});
				assert.equal(
					res.status,
					200,
					`POST /rest/credentials/test answered HTTP ${res.status}: ${res.text.slice(0, 300)}`,
				);
				const answer = res.json?.data ?? res.json;
				await testCase.check(answer, runtimeName);
			} catch (e) {
				error = e;
			}
			record(testCase.name, error, Date.now() - t);
		}

		if (withTrigger) {
			t = Date.now();
			let error;
			try {
				await triggerCase.run({ url: server.url, rest, runtimeDir: runtime.dir });
			} catch (e) {
				error = e;
			}
			record(triggerCase.name, error, Date.now() - t);
		}

		for (const testCase of serverCases) {
			if (testCase.skip) {
				skip(testCase);
				continue;
			}
			t = Date.now();
			let error;
			const { byrobot, bangwo8 } = sandboxes;
			try {
				byrobot?.reset();
				bangwo8?.reset();
				await testCase.run({
					url: server.url,
					rest,
					runtimeDir: runtime.dir,
					runtime: runtimeName,
					byrobot,
					bangwo8,
				});
			} catch (e) {
				error = e;
				const seen = [...(byrobot?.requests ?? []), ...(bangwo8?.requests ?? [])]
					.sort((a, b) => a.time - b.time)
					.map((r) => `${r.method} ${r.url}${r.rawBody ? ` ${r.rawBody.slice(0, 160)}` : ''}`);
				if (seen.length) error.requestsSeen = seen;
			}
			record(testCase.name, error, Date.now() - t);
		}
	} finally {
		await server.stop();
	}
}

function indent(text, n) {
	const pad = ' '.repeat(n);
	return String(text)
		.split('\n')
		.map((l) => pad + l)
		.join('\n');
}

main().catch((error) => {
	log(error.stack || String(error));
	log(`${SUMMARY_TAG}: 0 passed, 1 failed`);
	process.exitCode = 1;
});
