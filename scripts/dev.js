'use strict';
// `npm run dev`: a real n8n with this package loaded, wired to local sandboxes of both APIs.
//
//   1. builds the package, then keeps rebuilding on change (tsc --watch; icons and codex files
//      are re-copied); n8n reloads our nodes when dist/ changes (N8N_DEV_RELOAD) — reload the
//      browser tab to see a changed node
//   2. starts the BYRobot, Bangwo8 and BYRobot open platform sandboxes on fixed ports (18601,
//      18602, 18603; autoDial on)
//   3. installs the pinned n8n 2.41.1 + Node 24 once (.n8n-runtime/n8n2, from
//      e2e/runtime/n8n2/package-lock.json)
//   4. prepares the user folder .dev/n8n: credentials for the sandboxes and the example
//      workflows of e2e/examples/ imported, the owner account created from the environment
//   5. starts n8n on http://localhost:5678 and prints where to sign in
//
// Options (after `npm run dev --`):
//   --real        use the real vendors for those whose keys are in the environment:
//                 BYROBOT_APP_KEY + BYROBOT_APP_SECRET [+ BYROBOT_BASE_URL],
//                 BANGWO8_ACCOUNT + BANGWO8_PASSWORD [+ BANGWO8_BASE_URL],
//                 BANGWO8_CLIENT_ID + BANGWO8_CLIENT_SECRET (OAuth2),
//                 BYROBOT_OPEN_APP_KEY + BYROBOT_OPEN_APP_SECRET + BYROBOT_OPEN_COMPANY_ID
//                 [+ BYROBOT_OPEN_TOKEN_URL, BYROBOT_OPEN_BASE_URL] (open platform). Its own user folder
//                 (.dev/n8n-real) and no example workflows (they would dial the demo numbers).
//   --port=N      n8n's port (default N8N_PORT or 5678)
//   --no-watch    build once, no rebuild on change
//   --reset       start from an empty user folder
// Environment: BYROBOT_SANDBOX_PORT, BANGWO8_SANDBOX_PORT, BYROBOT_OPEN_SANDBOX_PORT, SANDBOX_QUIET=1
// (no request log).
const { spawn } = require('child_process');
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');

const { ROOT, ensureRuntime, run } = require('./lib/runtime');
const {
	freePort,
	n8nEnv,
	importJson,
	forCustomExtensions,
	startServer,
	RestClient,
	PACKAGE_NAME,
} = require('./lib/n8n');
const { startSandboxes, describe, DEFAULT_PORTS, portFromEnv } = require('../test/sandbox/serve');
const { CREDENTIALS } = require('./lib/workflow');

const args = process.argv.slice(2);
const flag = (name) => args.includes(`--${name}`);
const option = (name) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);

const REAL = flag('real');
const PORT = Number(option('port') || process.env.N8N_PORT || 5678);
const USER_FOLDER = path.join(ROOT, '.dev', REAL ? 'n8n-real' : 'n8n');
const EXAMPLES_DIR = path.join(ROOT, 'e2e', 'examples');
const OWNER = Object.freeze({
	email: process.env.DEV_OWNER_EMAIL || 'dev@example.com',
	password: process.env.DEV_OWNER_PASSWORD || 'Sandbox-dev-1',
	firstName: 'Dev',
	lastName: 'Sandbox',
});

/** The vendors' clock: both APIs speak Beijing time (UTC+8, no daylight saving). */
const TIME_ZONE = 'Asia/Shanghai';

const t0 = Date.now();
const say = (line = '') => process.stdout.write(`${line}\n`);
const step = (line) => say(`[dev ${((Date.now() - t0) / 1000).toFixed(0).padStart(3)} s] ${line}`);
const children = [];
let sandboxes;
let server;
let stopping = false;

async function main() {
	if (flag('reset')) fs.rmSync(USER_FOLDER, { recursive: true, force: true });
	checkPort(PORT);

	step('build (tsc + icons)');
	await run(npm(), ['run', 'build'], { cwd: ROOT });

	step('n8n 2.41.1 on Node 24 (installed once into .n8n-runtime/n8n2)');
	const runtime = await ensureRuntime('n8n2', { log: (l) => step(l) });

	const credentials = await prepareCredentials();
	const env = n8nEnv(runtime, {
		userFolder: USER_FOLDER,
		brokerPort: await freePort(),
		port: PORT,
		inherit: true,
		extra: {
			N8N_CUSTOM_EXTENSIONS: customExtensionsDir(),
			N8N_LISTEN_ADDRESS: process.env.N8N_LISTEN_ADDRESS || '127.0.0.1',
			N8N_DEV_RELOAD: 'true',
			...devSettings(runtime),
			N8N_LOG_LEVEL: process.env.N8N_LOG_LEVEL || 'warn',
		},
	});
	await importIfChanged(runtime, env, credentials);

	if (!flag('no-watch')) startWatching();

	step(`starting n8n on port ${PORT}`);
	server = await startServer(runtime, env, { onLine: (line) => say(`[n8n] ${line}`) });
	await verifyNodeTypes(server.url, env);
	banner(credentials);
	server.exited.then((code) => {
		if (!stopping) {
			say(`[dev] n8n exited (code ${code}); stopping`);
			shutdown(1);
		}
	});
}

function npm() {
	return process.platform === 'win32' ? 'npm.cmd' : 'npm';
}

function checkPort(port) {
	if (!Number.isInteger(port) || port <= 0) throw new Error(`bad port ${port}`);
}

/** Credential data per type: the sandboxes, or the real vendors (--real) where keys are given. */
async function prepareCredentials() {
	const env = process.env;
	const real = {};
	if (REAL) {
		if (env.BYROBOT_APP_KEY && env.BYROBOT_APP_SECRET) {
			real.byrobotApi = {
				appKey: env.BYROBOT_APP_KEY,
				appSecret: env.BYROBOT_APP_SECRET,
				baseUrl: env.BYROBOT_BASE_URL || 'https://api.byrobot.cn',
			};
		}
		if (env.BANGWO8_ACCOUNT && env.BANGWO8_PASSWORD) {
			real.bangwo8Api = {
				account: env.BANGWO8_ACCOUNT,
				password: env.BANGWO8_PASSWORD,
				baseUrl: env.BANGWO8_BASE_URL || 'https://www.bangwo8.com',
			};
		}
		if (env.BANGWO8_CLIENT_ID && env.BANGWO8_CLIENT_SECRET) {
			real.bangwo8OAuth2Api = {
				apiId: env.BANGWO8_CLIENT_ID,
				secret: env.BANGWO8_CLIENT_SECRET,
				baseUrl: env.BANGWO8_BASE_URL || 'https://www.bangwo8.com',
			};
		}
		if (env.BYROBOT_OPEN_APP_KEY && env.BYROBOT_OPEN_APP_SECRET && env.BYROBOT_OPEN_COMPANY_ID) {
			real.byrobotOpenPlatformApi = {
				appKey: env.BYROBOT_OPEN_APP_KEY,
				appSecret: env.BYROBOT_OPEN_APP_SECRET,
				companyId: env.BYROBOT_OPEN_COMPANY_ID,
				tokenUrl: env.BYROBOT_OPEN_TOKEN_URL || 'https://open.byai.com/oauth/token',
				baseUrl: env.BYROBOT_OPEN_BASE_URL || 'https://open.byai.com/api/oauth',
			};
		}
		if (Object.keys(real).length === 0) {
			throw new Error(
				'--real needs keys in the environment: BYROBOT_APP_KEY + BYROBOT_APP_SECRET and/or BANGWO8_ACCOUNT + BANGWO8_PASSWORD (and/or BANGWO8_CLIENT_ID + BANGWO8_CLIENT_SECRET, BYROBOT_OPEN_APP_KEY + BYROBOT_OPEN_APP_SECRET + BYROBOT_OPEN_COMPANY_ID); see CONTRIBUTING.md',
			);
		}
	}
	const byrobotPort = portFromEnv('BYROBOT_SANDBOX_PORT', DEFAULT_PORTS.byrobot);
	const bangwo8Port = portFromEnv('BANGWO8_SANDBOX_PORT', DEFAULT_PORTS.bangwo8);
	const byrobotOpenPort = portFromEnv('BYROBOT_OPEN_SANDBOX_PORT', DEFAULT_PORTS.byrobotOpen);
	step(
		`API sandboxes on ports ${byrobotPort} (BYRobot), ${bangwo8Port} (Bangwo8) and ${byrobotOpenPort} (BYRobot open platform)`,
	);
	try {
		sandboxes = await startSandboxes({
			byrobotPort,
			bangwo8Port,
			byrobotOpenPort,
			seed: true,
			autoDial: true,
			log: process.env.SANDBOX_QUIET === '1' ? undefined : (line) => say(`[sandbox] ${line}`),
		});
	} catch (error) {
		if (error.code === 'EADDRINUSE') {
			throw new Error(
				`a sandbox port is taken (${error.port}): another \`npm run dev\` running? Set BYROBOT_SANDBOX_PORT / BANGWO8_SANDBOX_PORT / BYROBOT_OPEN_SANDBOX_PORT to free ports.`,
			);
		}
		throw error;
	}
	return Object.values(CREDENTIALS).map((c) => {
		const isReal = Boolean(real[c.type]);
		const data = real[c.type] ?? sandboxes.credentials[c.type];
		return {
			id: c.id,
			name: isReal ? c.name.replace(/ \(sandbox\)| sandbox/, '') : c.name,
			type: c.type,
			data,
			real: isReal,
		};
	});
}

function hash(value) {
	return crypto.createHash('sha256').update(JSON.stringify(value)).digest('hex');
}

/** Imports credentials and example workflows when they differ from what was imported last time. */
async function importIfChanged(runtime, env, credentials) {
	fs.mkdirSync(USER_FOLDER, { recursive: true });
	const stateFile = path.join(USER_FOLDER, 'imported.json');
	let state = {};
	try {
		state = JSON.parse(fs.readFileSync(stateFile, 'utf8'));
	} catch {
		state = {};
	}
	const credentialList = credentials.map(({ real, ...c }) => c);
	const credentialsHash = hash(credentialList);
	if (state.credentials !== credentialsHash) {
		step(`importing ${credentialList.length} credentials`);
		await importJson(
			runtime,
			env,
			'credentials',
			credentialList,
			path.join(USER_FOLDER, 'credentials.import.json'),
		);
		fs.rmSync(path.join(USER_FOLDER, 'credentials.import.json'), { force: true });
		state.credentials = credentialsHash;
	}
	if (!REAL) {
		const examples = exampleWorkflows();
		const examplesHash = hash(examples);
		if (state.examples !== examplesHash) {
			if (state.examples)
				step(
					'the example workflows changed in e2e/examples/: re-importing them (your edits to them are replaced)',
				);
			step(`importing ${examples.length} example workflows`);
			await importJson(
				runtime,
				env,
				'workflow',
				examples,
				path.join(USER_FOLDER, 'workflows.import.json'),
			);
			fs.rmSync(path.join(USER_FOLDER, 'workflows.import.json'), { force: true });
			state.examples = examplesHash;
		}
		state.exampleNames = examples.map((w) => w.name);
	}
	fs.writeFileSync(stateFile, `${JSON.stringify(state, null, '\t')}\n`);
}

/**
 * The settings of a dev instance that `npm run test:ui` starts too: the owner account, created by
 * n8n from the environment, and the sandboxes' time zone (Beijing time: BYRobot and Bangwo8 send
 * and take local times without an offset), unless GENERIC_TIMEZONE / TZ are set.
 */
function devSettings(runtime, owner = OWNER) {
	return {
		N8N_INSTANCE_OWNER_MANAGED_BY_ENV: 'true',
		N8N_INSTANCE_OWNER_EMAIL: owner.email,
		N8N_INSTANCE_OWNER_FIRST_NAME: owner.firstName,
		N8N_INSTANCE_OWNER_LAST_NAME: owner.lastName,
		N8N_INSTANCE_OWNER_PASSWORD_HASH: bcryptHash(runtime, owner.password),
		GENERIC_TIMEZONE: process.env.GENERIC_TIMEZONE || TIME_ZONE,
		TZ: process.env.TZ || TIME_ZONE,
	};
}

/** The example workflows of e2e/examples/, with node types as n8n names them in dist/ (CUSTOM.*). */
function exampleWorkflows() {
	return fs
		.readdirSync(EXAMPLES_DIR)
		.filter((f) => f.endsWith('.json'))
		.sort()
		.map((f) =>
			forCustomExtensions(JSON.parse(fs.readFileSync(path.join(EXAMPLES_DIR, f), 'utf8'))),
		);
}

/** n8n wants the owner's password as a bcrypt hash; its own bcryptjs makes one. */
function bcryptHash(runtime, password) {
	const bcrypt = require(path.join(runtime.dir, 'node_modules', 'bcryptjs'));
	return bcrypt.hashSync(password, 10);
}

/**
 * n8n's hot reload (N8N_DEV_RELOAD) watches a custom extensions folder laid out like
 * ~/.n8n/custom: <dir>/node_modules/<package>. This folder links our dist/ in that way
 * (the link follows every rebuild), so n8n reloads our nodes when tsc rewrites dist/.
 */
function customExtensionsDir() {
	const dir = path.join(ROOT, '.dev', 'custom');
	const link = path.join(dir, 'node_modules', PACKAGE_NAME);
	const target = path.join(ROOT, 'dist');
	fs.mkdirSync(path.dirname(link), { recursive: true });
	let current;
	try {
		current = fs.realpathSync(link);
	} catch {
		current = undefined;
	}
	if (current !== fs.realpathSync(target)) {
		fs.rmSync(link, { recursive: true, force: true });
		fs.symlinkSync(target, link, process.platform === 'win32' ? 'junction' : 'dir');
	}
	return dir;
}

/** Confirms, signed in as the owner, that n8n serves our node types. */
async function verifyNodeTypes(url) {
	const rest = new RestClient(url);
	let names = [];
	try {
		await rest.ok('POST', '/rest/login', {
			emailOrLdapLoginId: OWNER.email,
			password: OWNER.password,
		});
		const res = await fetch(`${url}/types/nodes.json`, {
			headers: { cookie: rest.cookie, 'browser-id': rest.browserId },
		});
		if (res.ok) names = (await res.json()).map((n) => n.name);
	} catch (error) {
		say(`[dev] WARNING: could not sign in as ${OWNER.email}: ${error.message}`);
	}
	const ours = ['CUSTOM.byrobot', 'CUSTOM.bangwo8', 'CUSTOM.byrobotTrigger'];
	const missing = ours.filter((n) => !names.includes(n));
	if (missing.length)
		say(`[dev] WARNING: n8n did not load ${missing.join(', ')} — check the build output above`);
	else step(`n8n loaded ${ours.join(', ')}`);
}

function startWatching() {
	const tsc = path.join(
		ROOT,
		'node_modules',
		'.bin',
		process.platform === 'win32' ? 'tsc.cmd' : 'tsc',
	);
	const watcher = spawn(tsc, ['-p', 'tsconfig.json', '--watch', '--preserveWatchOutput'], {
		cwd: ROOT,
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	children.push(watcher);
	const relay = (chunk) => {
		for (const line of String(chunk).split('\n')) {
			// tsc --watch clears nothing with --preserveWatchOutput; keep its verdicts and errors.
			if (line.trim() && !/Starting compilation|File change detected/.test(line)) {
				say(`[tsc] ${line.replace(/^\[?\d{1,2}:\d\d:\d\d( [AP]M)?\]?( - )?/, '')}`);
			}
		}
	};
	watcher.stdout.on('data', relay);
	watcher.stderr.on('data', relay);

	// Icons and codex files are copied, not compiled: re-copy them on change.
	let timer;
	const copyAssets = () => {
		clearTimeout(timer);
		timer = setTimeout(() => {
			run(path.join(ROOT, 'node_modules', '.bin', 'gulp'), ['build:icons'], { cwd: ROOT }).then(
				() => say('[dev] icons and codex files copied to dist/'),
				(error) => say(`[dev] copying icons failed: ${error.message}`),
			);
		}, 300);
	};
	for (const dir of ['icons', 'nodes']) {
		try {
			fs.watch(path.join(ROOT, dir), { recursive: true }, (_event, file) => {
				if (file && /\.(svg|png)$|\.node\.json$/.test(file)) copyAssets();
			});
		} catch {
			// recursive fs.watch needs Linux + Node ≥ 20 or macOS/Windows; without it, restart to re-copy
		}
	}
}

function banner(credentials) {
	const url = `http://localhost:${PORT}`;
	const lines = [
		'',
		'════════════════════════════════════════════════════════════════════════',
		`  n8n ${'2.41.1'} with n8n-nodes-byrobot-bangwo8 is ready (first line to last: ${((Date.now() - t0) / 1000).toFixed(0)} s)`,
		'',
		`  open      ${url}`,
		`  sign in   ${OWNER.email} / ${OWNER.password}`,
		'',
		'  credentials:',
		...credentials.map(
			(c) =>
				`    ${c.name.padEnd(32)} ${c.type.padEnd(23)} → ${c.data.baseUrl}${c.real ? '  (REAL)' : ''}`,
		),
	];
	if (!REAL) {
		lines.push('', '  workflows (Overview → Workflows):');
		for (const f of fs
			.readdirSync(EXAMPLES_DIR)
			.filter((x) => x.endsWith('.json'))
			.sort()) {
			lines.push(`    ${JSON.parse(fs.readFileSync(path.join(EXAMPLES_DIR, f), 'utf8')).name}`);
		}
	}
	lines.push(
		'',
		...describe(sandboxes)
			.split('\n')
			.map((l) => `  ${l}`),
	);
	lines.push(
		'',
		flag('no-watch')
			? '  no rebuild on change (--no-watch): run `npm run build`, then n8n reloads the nodes'
			: '  editing nodes/ or credentials/ rebuilds dist/ and n8n reloads the nodes: refresh the browser tab',
		'  Ctrl-C stops n8n, the sandboxes and the watcher',
		'════════════════════════════════════════════════════════════════════════',
		'',
	);
	say(lines.join('\n'));
}

async function shutdown(code = 0) {
	if (stopping) return;
	stopping = true;
	for (const child of children) child.kill('SIGTERM');
	await server?.stop().catch(() => {});
	await sandboxes?.stop().catch(() => {});
	process.exit(code);
}

module.exports = { OWNER, TIME_ZONE, devSettings, exampleWorkflows };

if (require.main === module) {
	process.on('SIGINT', () => shutdown(0));
	process.on('SIGTERM', () => shutdown(0));

	main().catch(async (error) => {
		say(`[dev] ${error.message}`);
		await shutdown(1);
	});
}
