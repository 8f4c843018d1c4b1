'use strict';
// `npm run scan`: n8n's verification scan (@n8n/scan-community-package, pinned in
// devDependencies) run on this checkout before anything is published (run after `npm run build`).
//
// The scanner's CLI only takes a package name: it reads the version's metadata from the npm
// registry, requires npm provenance, downloads the source at the commit the provenance
// attestation names (from GitHub) and the published tarball, and lints both with its own ESLint
// config (its pinned @n8n/eslint-plugin-community-nodes and eslint-plugin-n8n-nodes-base, inline
// disables ignored). This script runs the same two lint passes with the scanner's own exported
// code (analyzePackage, SOURCE_FILE_PATTERNS from scanner/scanner.mjs) on local inputs:
//
//   source   this working tree, with the scanner's source patterns (package.json,
//            {nodes,credentials}/**/*.{js,ts,json}): what the attested commit would hold
//   tarball  the tarball `npm pack` makes now, unpacked, with the scanner's tarball patterns
//            (**/*.js, package.json): what `npm publish` would upload
//
// What it cannot check before publishing: the provenance leg (the registry's attestation of the
// published version). After a release, run the scanner itself:
//   npx --yes @n8n/scan-community-package@0.32.0 n8n-nodes-byrobot-bangwo8@<version>
//
// Exits 1 on any violation, printing ESLint's "stylish" report; --keep leaves the unpacked
// tarball in place (its path is printed).
const { execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');
const SCANNER = '@n8n/scan-community-package';

/** `npm pack` into a temporary folder, unpacked there; returns the package folder. */
function packAndUnpack(tmp) {
	// --ignore-scripts: pack what is built (the project's .npmrc says so too); no prepack build.
	const out = execFileSync(
		'npm',
		['pack', '--json', '--ignore-scripts', '--pack-destination', tmp],
		{ cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
	);
	const [{ filename, files }] = JSON.parse(out);
	const packageDir = path.join(tmp, 'package');
	fs.mkdirSync(packageDir);
	execFileSync('tar', ['-xzf', path.join(tmp, filename), '-C', packageDir, '--strip-components=1']);
	return { packageDir, filename, count: files.length };
}

async function main() {
	const keep = process.argv.includes('--keep');
	const scannerPackage = require(`${SCANNER}/package.json`);
	const scannerPath = require.resolve(`${SCANNER}/scanner/scanner.mjs`);
	const { analyzePackage, SOURCE_FILE_PATTERNS } = await import(scannerPath);
	if (typeof analyzePackage !== 'function' || !Array.isArray(SOURCE_FILE_PATTERNS)) {
		throw new Error(`${SCANNER}@${scannerPackage.version} no longer exports analyzePackage`);
	}
	const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
	const label = `${pkg.name}@${pkg.version}`;
	console.log(`== scan: ${label} with ${SCANNER}@${scannerPackage.version}`);

	const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-scan-'));
	let failed = false;
	try {
		const legs = [
			{ name: 'source', dir: ROOT, patterns: SOURCE_FILE_PATTERNS },
			{ name: 'tarball', dir: null, patterns: ['**/*.js', 'package.json'] },
		];
		for (const leg of legs) {
			if (leg.dir === null) {
				const packed = packAndUnpack(tmp);
				leg.dir = packed.packageDir;
				console.log(`   packed ${packed.filename} (${packed.count} files) into ${tmp}`);
			}
			const result = await analyzePackage(leg.dir, leg.patterns);
			// The scanner passes a folder with nothing to lint; here that means a broken setup.
			if (result.passed && result.message === 'No files found to analyze') {
				result.passed = false;
			}
			if (result.passed) {
				console.log(`✅ ${leg.name}: passed (${leg.patterns.join(', ')})`);
			} else {
				failed = true;
				console.log(`❌ ${leg.name}: ${result.message} (${leg.patterns.join(', ')})`);
				if (result.details) console.log(result.details);
			}
		}
	} finally {
		if (keep) console.log(`   kept ${tmp}`);
		else fs.rmSync(tmp, { recursive: true, force: true });
	}
	console.log(
		failed
			? `❌ ${label} would fail n8n's verification scan`
			: `✅ ${label} passes n8n's verification scan (source and tarball; provenance is checked only after publishing)`,
	);
	process.exit(failed ? 1 : 0);
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
