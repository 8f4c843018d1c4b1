'use strict';
// `npm run test:ui`: what a person sees in the editor, in a real browser (Debian's chromium,
// driven by playwright-core) against the n8n that `npm run dev` runs (e2e/ui/instance.js: same
// setup, free ports, its own user folder under .ui-out/).
//
//   signs in; opens each example workflow, runs it and reads a node's output; checks the nodes
//   panel, canvas subtitles and the dev sandbox's demo data and time zone; adds each node fresh
//   from the nodes panel for every operation that has a list and opens every dropdown and
//   "From List" (e2e/ui/pickers.js), under either Bangwo8 credential; opens a Bangwo8 node whose
//   lists are asked for before n8n assigns its credential (e2e/ui/race.js); runs every
//   credential's Test with right and wrong secrets and wrong Base URLs and reads the message shown.
//
// Options: --no-build, --only=<text> (cases whose name contains it), --dist=<dir> (load the nodes
// from another build, e.g. one made before a fix), --headed (needs a display), --keep (keep the
// user folder). Screenshots of failed cases: .ui-out/screenshots/. Closing line:
// `ui: N passed, N failed`.
const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const { ROOT, run } = require('../../scripts/lib/runtime');
const { aptInstall } = require('../../scripts/lib/apt');
const { freePort } = require('../../scripts/lib/n8n');
const { CREDENTIALS } = require('../../scripts/lib/workflow');
const { startInstance } = require('./instance');
const E = require('./editor');
const { exampleCases, panelAndCanvasCases, credentialCases } = require('./cases');
const { pickerCases } = require('./pickers');
const { credentialRaceCases } = require('./race');

const args = process.argv.slice(2);
const flag = (name) => args.includes(`--${name}`);
const option = (name) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);

const OUT = path.join(ROOT, '.ui-out');
const SCREENSHOTS = path.join(OUT, 'screenshots');
const log = (line = '') => process.stdout.write(`${line}\n`);
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

/** Debian's chromium and a CJK font (Chinese names render as boxes without one), installed once. */
function ensureBrowser() {
	const found = () => {
		try {
			return execFileSync('sh', ['-c', 'command -v chromium || command -v chromium-browser'], {
				encoding: 'utf8',
			}).trim();
		} catch {
			return '';
		}
	};
	const hasFont = () => {
		try {
			return /WenQuanYi|Noto Sans CJK|Droid Sans Fallback/i.test(
				execFileSync('fc-list', { encoding: 'utf8' }),
			);
		} catch {
			return false;
		}
	};
	if (found() && hasFont()) return found();
	aptInstall(['chromium', 'fonts-wqy-microhei'], (line) =>
		log(`== ui: ${line.replace(/^== /, '')}`),
	);
	const executable = found();
	if (!executable) throw new Error('apt-get installed chromium, but no chromium is on PATH');
	return executable;
}

/** A URL nothing listens on (for "connection refused"). */
async function closedPortUrl() {
	return `http://127.0.0.1:${await freePort()}`;
}

/** Makes a credential the most recently updated one, so that n8n preselects it for a new node. */
async function touchCredential(page, url, id) {
	if (!page.url().startsWith(url)) await page.goto(`${url}/home/workflows`);
	const browserId = await page.evaluate(() => localStorage.getItem('n8n-browserId'));
	const headers = { 'browser-id': browserId ?? '', 'content-type': 'application/json' };
	const current = await page.request.get(`${url}/rest/credentials/${id}?includeData=true`, {
		headers,
	});
	const { data } = await current.json();
	const saved = await page.request.patch(`${url}/rest/credentials/${id}`, {
		headers,
		data: { name: data.name, type: data.type, data: data.data },
	});
	if (!saved.ok()) throw new Error(`could not update credential ${id}: HTTP ${saved.status()}`);
	// A new page load: the editor lists the credentials afresh (by their new update time).
	await page.goto(`${url}/home/workflows`);
}

async function main() {
	const started = Date.now();
	const timings = {};
	if (!flag('no-build') && !option('dist')) {
		log('== ui: build');
		const t = Date.now();
		await run(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', 'build'], { cwd: ROOT });
		timings.build = Date.now() - t;
	}
	const distDir = path.resolve(option('dist') ?? path.join(ROOT, 'dist'));
	let t = Date.now();
	const executablePath = ensureBrowser();
	timings.browser = Date.now() - t;
	const { chromium } = require('playwright-core');

	fs.mkdirSync(SCREENSHOTS, { recursive: true });
	for (const file of fs.readdirSync(SCREENSHOTS))
		fs.rmSync(path.join(SCREENSHOTS, file), { force: true });
	const userFolder = path.join(OUT, 'n8n');
	t = Date.now();
	const instance = await startInstance({ userFolder, distDir, log: (l) => log(`== ui: ${l}`) });
	timings.n8n = Date.now() - t;
	instance.closedPortUrl = await closedPortUrl();
	instance.secretField =
		'clientSecret' in instance.credentialData.bangwo8OAuth2Api ? 'clientSecret' : 'secret';
	const { url } = instance;
	log(
		`== ui: n8n at ${url}, nodes from ${path.relative(ROOT, distDir) || '.'}, chromium ${executablePath}`,
	);

	const only = option('only');
	const bangwo8Rounds = [
		{
			label: 'OAuth2',
			credential: CREDENTIALS.bangwo8OAuth2.name,
			id: CREDENTIALS.bangwo8OAuth2.id,
		},
		{ label: 'Basic Auth', credential: CREDENTIALS.bangwo8.name, id: CREDENTIALS.bangwo8.id },
	].map((round) => ({
		...round,
		before: async ({ page }) => await touchCredential(page, url, round.id),
	}));
	// n8n preselects the most recently saved credential of the node's types and sets Authentication
	// to match: with the open platform's, a new Byrobot node speaks the open platform.
	const byrobotRounds = [
		{
			label: 'Open Platform',
			api: 'openPlatform',
			credential: CREDENTIALS.byrobotOpen.name,
			id: CREDENTIALS.byrobotOpen.id,
		},
		{
			label: 'Signed API',
			api: 'signedApi',
			credential: CREDENTIALS.byrobot.name,
			id: CREDENTIALS.byrobot.id,
		},
	].map((round) => ({
		...round,
		before: async ({ page }) => await touchCredential(page, url, round.id),
	}));
	const cases = [
		{
			name: 'sign in: the owner account lands on the workflow list with the example workflows',
			group: 'sign in',
			async run({ page }) {
				await E.signIn(page, url, instance.owner);
				const names = await E.workflowNames(page, url);
				for (const workflow of instance.examples) {
					if (!names.includes(workflow.name))
						throw new Error(`"${workflow.name}" is not listed: ${names.join(' | ')}`);
				}
				return [names.join(' | ')];
			},
		},
		...exampleCases(instance),
		...panelAndCanvasCases(),
		...pickerCases({
			distDir,
			credentialRounds: { byrobot: byrobotRounds, bangwo8: bangwo8Rounds },
		}),
		...credentialRaceCases(bangwo8Rounds),
		...credentialCases(),
	].filter((c, i) => i === 0 || !only || c.name.includes(only));

	const browser = await chromium.launch({
		executablePath,
		headless: !flag('headed'),
		args: ['--no-sandbox', '--disable-dev-shm-usage'],
	});
	const context = await browser.newContext({
		viewport: { width: 1440, height: 900 },
		locale: 'en-US',
	});
	context.setDefaultTimeout(E.TIMEOUT);
	// UI_TRACE=1: the lists' requests and answers, to see what the editor asked for and when.
	if (process.env.UI_TRACE) {
		const stamp = () => new Date().toISOString().slice(11, 23);
		context.on('request', (r) => {
			if (
				process.env.UI_TRACE === 'rest' &&
				r.url().includes('/rest/') &&
				!r.url().includes('dynamic-node')
			)
				log(
					`        [${stamp()}] → ${r.method()} ${r
						.url()
						.replace(/^.*\/rest/, '/rest')
						.slice(0, 100)}`,
				);
			if (!r.url().includes('/rest/dynamic-node-parameters/')) return;
			const body = JSON.parse(r.postData() ?? '{}');
			log(
				`        [${stamp()}] → ${body.methodName} auth=${body.currentNodeParameters?.authentication} credentials=${Object.keys(body.credentials ?? {}).join(',') || 'none'}`,
			);
		});
		context.on('response', (r) => {
			if (r.url().includes('/rest/dynamic-node-parameters/'))
				log(`        [${stamp()}] ← ${r.status()}`);
		});
	}
	let page = await context.newPage();
	E.trackLists(page);
	const results = [];
	const groupsDone = new Set();
	t = Date.now();
	try {
		for (const testCase of cases) {
			const caseStarted = Date.now();
			let error;
			let lines = [];
			try {
				if (testCase.before && !groupsDone.has(testCase.group))
					await testCase.before({ page, url });
				groupsDone.add(testCase.group);
				// A case may take its screenshot itself, before it tidies up.
				const shoot = async (e) => {
					if (e.screenshot) return;
					const file = path.join(
						SCREENSHOTS,
						`${String(results.length + 1).padStart(3, '0')}-${testCase.name.replace(/[^\w]+/g, '-').slice(0, 80)}.png`,
					);
					await page.screenshot({ path: file, fullPage: false }).catch(() => {});
					e.screenshot = path.relative(ROOT, file);
				};
				lines = (await testCase.run({ page, url, instance, shoot })) ?? [];
			} catch (e) {
				error = e;
				if (!error.screenshot) {
					const file = path.join(
						SCREENSHOTS,
						`${String(results.length + 1).padStart(3, '0')}-${testCase.name.replace(/[^\w]+/g, '-').slice(0, 80)}.png`,
					);
					await page.screenshot({ path: file, fullPage: false }).catch(() => {});
					error.screenshot = path.relative(ROOT, file);
				}
				// A fresh page for the next case: a failed step may leave a dialog open.
				await page.close().catch(() => {});
				page = await context.newPage();
				E.trackLists(page);
			}
			const ms = Date.now() - caseStarted;
			results.push({ name: testCase.name, error, ms });
			log(`${error ? '  ✗' : '  ✓'} ${testCase.name} (${seconds(ms)})`);
			for (const line of lines) log(`      ${line}`);
			if (error) {
				log(`      ${String(error.message).split('\n').join('\n      ')}`);
				log(`      screenshot: ${error.screenshot}`);
			}
		}
	} finally {
		timings.cases = Date.now() - t;
		await browser.close().catch(() => {});
		await instance.stop();
	}
	const failed = results.filter((r) => r.error);
	if (!failed.length && !flag('keep')) fs.rmSync(userFolder, { recursive: true, force: true });
	log(
		`== ui: ${Object.entries(timings)
			.map(([k, v]) => `${k} ${seconds(v)}`)
			.join(', ')}; total ${seconds(Date.now() - started)}`,
	);
	if (failed.length) {
		log('== ui: failed:');
		for (const f of failed) log(`  - ${f.name}`);
	}
	log(`ui: ${results.length - failed.length} passed, ${failed.length} failed`);
	if (results.length === 0 || failed.length) process.exitCode = 1;
}

main().catch((error) => {
	log(error.stack || String(error));
	log('ui: 0 passed, 1 failed');
	process.exitCode = 1;
});
