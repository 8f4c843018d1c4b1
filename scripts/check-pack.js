'use strict';
// `npm run check:pack`: what `npm publish` would put in the tarball, checked against what the
// package is meant to ship (run after `npm run build`).
//
//   allowed:  package.json, README.md, LICENSE, and under dist/ only the compiler's output
//             (.js, .d.ts, .js.map), the codex files (.node.json) and the icons (.svg, .png)
//   required: every path of package.json's n8n.nodes and n8n.credentials, each node's codex
//             file, every icon of icons/ (as dist/icons/…), README.md, LICENSE, package.json
//   refused:  anything else, and compiled tests (*.test.*, *.spec.*, __tests__/) or build
//             state (*.tsbuildinfo) even when under dist/, and stale output: a dist/ file
//             whose source (the .ts, codex file or icon it came from) no longer exists, left
//             by an earlier build (tsc does not empty dist/; `rm -rf dist` and build again)
//
// Prints the file list, each unexpected and each missing file; exits 1 if there is any.
const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');

const TOP_LEVEL = ['package.json', 'README.md', 'LICENSE'];
const DIST_FILE = /^dist\/.+(\.js|\.d\.ts|\.js\.map|\.node\.json|\.svg|\.png)$/;
const JUNK = /(^|\/)(__tests__|__mocks__)\/|\.(test|spec)\.[^/]*$|\.tsbuildinfo$/;

/** The files `npm pack` would put in the tarball (no tarball is written). */
function packedFiles() {
	// --ignore-scripts: the list, not a build (the project's .npmrc says so too).
	const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
		cwd: ROOT,
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	const [result] = JSON.parse(out);
	return {
		name: `${result.name}@${result.version}`,
		files: result.files.map((f) => f.path).sort(),
		size: result.size,
		unpackedSize: result.unpackedSize,
	};
}

/** The source a dist/ file was built or copied from. */
function sourceOf(file) {
	const rel = file.replace(/^dist\//, '');
	if (rel.startsWith('icons/') || rel.endsWith('.node.json')) return rel;
	return rel.replace(/(\.d\.ts|\.js\.map|\.js)$/, '.ts');
}

/** What must be in the tarball, each with the reason it is expected. */
function requiredFiles(pkg) {
	const required = new Map(TOP_LEVEL.map((f) => [f, 'top-level file']));
	for (const kind of ['nodes', 'credentials']) {
		for (const file of pkg.n8n?.[kind] ?? []) required.set(file, `package.json n8n.${kind}`);
	}
	for (const node of pkg.n8n?.nodes ?? []) {
		const source = path.join(ROOT, node.replace(/^dist\//, '').replace(/\.js$/, '.json'));
		if (fs.existsSync(source)) required.set(node.replace(/\.js$/, '.json'), 'codex file');
	}
	for (const icon of fs.readdirSync(path.join(ROOT, 'icons'))) {
		if (/\.(svg|png)$/.test(icon)) required.set(`dist/icons/${icon}`, 'icon');
	}
	return required;
}

function main() {
	const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
	const packed = packedFiles();
	const files = new Set(packed.files);

	const unexpected = packed.files.filter(
		(f) => JUNK.test(f) || !(TOP_LEVEL.includes(f) || DIST_FILE.test(f)),
	);
	const stale = packed.files.filter(
		(f) => DIST_FILE.test(f) && !fs.existsSync(path.join(ROOT, sourceOf(f))),
	);
	const missing = [...requiredFiles(pkg)].filter(([f]) => !files.has(f));

	const byKind = {};
	for (const f of packed.files) {
		const kind = TOP_LEVEL.includes(f) ? f : (f.match(DIST_FILE)?.[1] ?? 'other');
		byKind[kind] = (byKind[kind] ?? 0) + 1;
	}
	console.log(
		`${packed.name}: ${packed.files.length} files, ${packed.size} bytes packed, ` +
			`${packed.unpackedSize} unpacked`,
	);
	console.log(
		`  ${Object.entries(byKind)
			.map(([k, n]) => `${k} ${n}`)
			.join(', ')}`,
	);
	if (process.argv.includes('--list')) for (const f of packed.files) console.log(`  ${f}`);

	for (const f of unexpected) console.error(`unexpected in the tarball: ${f}`);
	for (const f of stale) console.error(`stale in the tarball (no ${sourceOf(f)}): ${f}`);
	for (const [f, why] of missing) console.error(`missing from the tarball (${why}): ${f}`);
	if (unexpected.length > 0 || stale.length > 0 || missing.length > 0) {
		if (missing.some(([f]) => f.startsWith('dist/'))) console.error('(run `npm run build` first)');
		process.exit(1);
	}
	console.log('pack check: ok (only dist/, README.md, LICENSE, package.json; nothing missing)');
}

main();
