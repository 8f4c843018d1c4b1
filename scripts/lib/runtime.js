'use strict';
// The pinned real n8n that `npm run dev` and `npm run test:e2e` run our package in.
//
// Each runtime is described by a package.json + package-lock.json under e2e/runtime/<name>/ and
// installed from that lockfile into .n8n-runtime/<name>/ (git-ignored), outside this package's own
// dependencies. The install is done once and verified by a hash of those two files (plus the
// recipe below): change the lockfile and the next run reinstalls.
//
//   n8n2  n8n 2.41.1 on Node 24: the `node` npm package brings its own Node 24 binary
//   n8n1  n8n 1.123.81 on the Node running this script (20.x), with N8N_EXPRESSION_ENGINE=legacy
//
// N8N_RUNTIME_DIR moves the install root (default <repo>/.n8n-runtime), e.g. to share it
// between clones or keep it in a CI cache.
const { spawn } = require('child_process');
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');

const ROOT = path.resolve(__dirname, '..', '..');
/** Bump when the install steps below change, so existing installs are redone. */
const RECIPE = 'npm ci --ignore-scripts --legacy-peer-deps; npm rebuild <native>; v1';

const RUNTIMES = Object.freeze({
	n8n2: Object.freeze({
		name: 'n8n2',
		label: 'n8n 2.41.1 on Node 24',
		n8nVersion: '2.41.1',
		installNote: 'about 4 minutes and 2.4 GB',
		/** Packages whose install scripts must run: the Node 24 binary, then sqlite3 built for it. */
		rebuild: ['node', 'sqlite3'],
		ownNode: true,
		// mcp-registry fetches a server list from api.n8n.io at start: noise on an offline machine.
		env: { N8N_DISABLED_MODULES: 'mcp-registry' },
	}),
	n8n1: Object.freeze({
		name: 'n8n1',
		label: 'n8n 1.123.81 on Node 20',
		n8nVersion: '1.123.81',
		installNote: 'about 3 minutes and 1.4 GB',
		rebuild: ['sqlite3'],
		ownNode: false,
		// 1.x still needs task runners switched on (2.x always has them and warns about the variable).
		env: { N8N_EXPRESSION_ENGINE: 'legacy', N8N_RUNNERS_ENABLED: 'true' },
	}),
});

function runtimeRoot() {
	return process.env.N8N_RUNTIME_DIR
		? path.resolve(process.env.N8N_RUNTIME_DIR)
		: path.join(ROOT, '.n8n-runtime');
}

function specDir(name) {
	return path.join(ROOT, 'e2e', 'runtime', name);
}

function installDir(name) {
	return path.join(runtimeRoot(), name);
}

/** sha256 over the committed package.json and package-lock.json of a runtime, and the recipe. */
function specHash(name) {
	const hash = crypto.createHash('sha256');
	hash.update(RECIPE);
	for (const file of ['package.json', 'package-lock.json']) {
		hash.update(`\0${file}\0`);
		hash.update(fs.readFileSync(path.join(specDir(name), file)));
	}
	return hash.digest('hex');
}

/** Paths of an installed (or to be installed) runtime. */
function describeRuntime(name) {
	const spec = RUNTIMES[name];
	if (!spec)
		throw new Error(`unknown n8n runtime "${name}" (known: ${Object.keys(RUNTIMES).join(', ')})`);
	const dir = installDir(name);
	const nodeModules = path.join(dir, 'node_modules');
	return {
		...spec,
		dir,
		marker: path.join(dir, '.installed.json'),
		/** The Node binary n8n runs on. */
		node: spec.ownNode ? path.join(nodeModules, 'node', 'bin', 'node') : process.execPath,
		/** n8n's CLI entry (run as `<node> <n8nBin> <command>`). */
		n8nBin: path.join(nodeModules, 'n8n', 'bin', 'n8n'),
		/** Built by `npm rebuild sqlite3`; without it n8n cannot open its database. */
		sqlite3Binary: path.join(nodeModules, 'sqlite3', 'build', 'Release', 'node_sqlite3.node'),
		env: { ...spec.env },
	};
}

function readMarker(runtime) {
	try {
		return JSON.parse(fs.readFileSync(runtime.marker, 'utf8'));
	} catch {
		return undefined;
	}
}

/** True when the runtime is installed from the current lockfile and its binaries are there. */
function isInstalled(name) {
	const runtime = describeRuntime(name);
	const marker = readMarker(runtime);
	return Boolean(
		marker &&
		marker.hash === specHash(name) &&
		fs.existsSync(runtime.n8nBin) &&
		fs.existsSync(runtime.node) &&
		fs.existsSync(runtime.sqlite3Binary),
	);
}

/** Runs a command, streaming its output with a prefix; rejects on a non-zero exit. */
function run(command, args, options = {}) {
	return new Promise((resolve, reject) => {
		const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options });
		const tail = [];
		const onData = (chunk) => {
			for (const line of String(chunk).split('\n')) {
				if (!line.trim()) continue;
				tail.push(line);
				if (tail.length > 40) tail.shift();
				if (options.verbose) process.stdout.write(`    ${line}\n`);
			}
		};
		child.stdout.on('data', onData);
		child.stderr.on('data', onData);
		child.on('error', reject);
		child.on('close', (code) => {
			if (code === 0) resolve();
			else
				reject(new Error(`${command} ${args.join(' ')} exited with ${code}:\n${tail.join('\n')}`));
		});
	});
}

/** A directory lock so that `npm run dev` and `npm run test:e2e` never install at the same time. */
async function withLock(dir, fn, log) {
	fs.mkdirSync(path.dirname(dir), { recursive: true });
	const lock = `${dir}.lock`;
	for (let waited = 0; ; waited += 2) {
		try {
			fs.mkdirSync(lock);
			fs.writeFileSync(path.join(lock, 'pid'), String(process.pid));
			break;
		} catch (error) {
			if (error.code !== 'EEXIST') throw error;
			let owner;
			try {
				owner = Number(fs.readFileSync(path.join(lock, 'pid'), 'utf8'));
			} catch {
				owner = undefined;
			}
			if (owner && !processAlive(owner)) {
				fs.rmSync(lock, { recursive: true, force: true });
				continue;
			}
			if (waited % 30 === 0)
				log(
					`waiting for another install of ${path.basename(dir)} (pid ${owner ?? '?'}) to finish…`,
				);
			await new Promise((r) => setTimeout(r, 2000));
		}
	}
	try {
		return await fn();
	} finally {
		fs.rmSync(lock, { recursive: true, force: true });
	}
}

function processAlive(pid) {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return error.code === 'EPERM';
	}
}

/**
 * Installs the runtime unless it is already installed from the current lockfile.
 * Resolves to the runtime description (see describeRuntime) with `installSeconds` when it installed.
 * @param {'n8n2' | 'n8n1'} name
 * @param {{ log?: (line: string) => void, verbose?: boolean }} [options]
 */
async function ensureRuntime(name, options = {}) {
	const log = options.log ?? ((line) => process.stdout.write(`${line}\n`));
	const runtime = describeRuntime(name);
	if (isInstalled(name)) return runtime;
	return withLock(
		runtime.dir,
		async () => {
			if (isInstalled(name)) return runtime;
			const started = Date.now();
			const inRepo = !path.relative(ROOT, runtime.dir).startsWith('..');
			const relative = inRepo ? path.relative(ROOT, runtime.dir) : runtime.dir;
			log(
				`installing ${runtime.label} into ${relative} from e2e/runtime/${name}/package-lock.json`,
			);
			log(
				`  (once per lockfile change: ${runtime.installNote} with a warm npm cache; later runs reuse it)`,
			);
			fs.mkdirSync(runtime.dir, { recursive: true });
			fs.rmSync(runtime.marker, { force: true });
			fs.rmSync(path.join(runtime.dir, 'node_modules'), { recursive: true, force: true });
			for (const file of ['package.json', 'package-lock.json']) {
				fs.copyFileSync(path.join(specDir(name), file), path.join(runtime.dir, file));
			}
			const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
			const npmFlags = ['--no-audit', '--no-fund', '--loglevel=error'];
			// Run through `npm run …`, this process inherits npm's config as npm_config_* variables,
			// among them this repository's ignore-scripts=true (.npmrc): drop them, or the rebuilds
			// below would silently run no script.
			const env = Object.fromEntries(
				Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key)),
			);
			// The n8n tree is installed without install scripts (several need network access or a
			// toolchain we do not need); only the packages listed in `rebuild` get theirs run.
			log('  npm ci …');
			await run(npm, ['ci', '--ignore-scripts', '--legacy-peer-deps', ...npmFlags], {
				cwd: runtime.dir,
				env,
				verbose: options.verbose,
			});
			for (const pkg of runtime.rebuild) {
				log(`  npm rebuild ${pkg} …`);
				const rebuildEnv = { ...env };
				if (pkg !== 'node') {
					// Build native modules with and for the Node that runs n8n, from its own headers
					// (<prefix>/include/node: node-<platform>-<arch>/include for the npm `node`
					// package, /usr/include/node for a system Node), so node-gyp downloads nothing.
					const prefix = path.dirname(path.dirname(fs.realpathSync(runtime.node)));
					rebuildEnv.PATH = `${path.dirname(runtime.node)}${path.delimiter}${env.PATH}`;
					if (fs.existsSync(path.join(prefix, 'include', 'node', 'common.gypi'))) {
						rebuildEnv.npm_config_nodedir = prefix;
					}
				}
				await run(npm, ['rebuild', pkg, '--legacy-peer-deps', ...npmFlags], {
					cwd: runtime.dir,
					env: rebuildEnv,
					verbose: options.verbose,
				});
				const product = { node: runtime.node, sqlite3: runtime.sqlite3Binary }[pkg];
				if (product && !fs.existsSync(product)) {
					throw new Error(`npm rebuild ${pkg} did not produce ${product}`);
				}
			}
			const installSeconds = Math.round((Date.now() - started) / 1000);
			fs.writeFileSync(
				runtime.marker,
				`${JSON.stringify({ hash: specHash(name), n8n: runtime.n8nVersion, installedAt: new Date().toISOString(), installSeconds }, null, '\t')}\n`,
			);
			log(`  installed ${runtime.label} in ${installSeconds} s`);
			return { ...runtime, installSeconds };
		},
		log,
	);
}

module.exports = { ROOT, RUNTIMES, describeRuntime, ensureRuntime, isInstalled, specHash, run };

// `node scripts/lib/runtime.js [n8n2|n8n1] [--verbose]`: install (or check) a runtime by hand.
if (require.main === module) {
	const name = process.argv.slice(2).find((a) => !a.startsWith('-')) || 'n8n2';
	ensureRuntime(name, { verbose: process.argv.includes('--verbose') }).then(
		(runtime) => process.stdout.write(`${runtime.label}: ${runtime.dir}\n`),
		(error) => {
			process.stderr.write(`${error.message}\n`);
			process.exit(1);
		},
	);
}
