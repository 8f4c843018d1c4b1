'use strict';
// The browser cases other than the pickers (pickers.js): sign-in, the example workflows run and
// read, the nodes panel, canvas subtitles, the demo data and time zone of the dev sandbox, the
// credential forms' labels and every credential's Test with right and wrong data.
const assert = require('assert/strict');

const E = require('./editor');
const { CREDENTIALS } = require('../../scripts/lib/workflow');

/** What a person checks in each example's output, by workflow name (any other example: it runs). */
const EXAMPLE_CHECKS = {
	'Example: BYRobot answered calls → CRM fields': {
		node: 'CRM Fields',
		check(items, count) {
			assert.equal(count, 9, 'the 9 answered calls of the demo task');
			assert.equal(items[0].phone, '13950010001');
			assert.equal(items[0].durationSeconds, 11);
		},
	},
	'Example: spreadsheet rows → BYRobot call task': {
		node: 'Start Task',
		check(items, count) {
			assert.equal(count, 1);
			assert.equal(items[0].success, true);
		},
	},
	'Example: Bangwo8 contacts → call task → customers → delete': {
		node: 'Delete Call Task',
		check(items, count) {
			assert.equal(count, 1);
			assert.equal(items[0].deleted, true);
		},
	},
};

/** The last node of a workflow's main chain (the one nothing follows). */
function lastNode(workflow) {
	const sources = new Set(Object.keys(workflow.connections ?? {}));
	const targets = Object.values(workflow.connections ?? {}).flatMap((c) =>
		(c.main ?? []).flat().map((t) => t.node),
	);
	return targets.filter((t) => !sources.has(t)).pop();
}

/**
 * Examples the editor cannot run here: the AI agent example (ai-agent-callback-desk.json) needs a
 * chat model credential of the user's own. e2e/cases/tools.js checks that it loads and runs each
 * of its tools without a model.
 */
const needsChatModel = (workflow) =>
	workflow.nodes.some((node) => node.type === '@n8n/n8n-nodes-langchain.agent');

function exampleCases(instance) {
	const runnable = instance.examples.filter((workflow) => !needsChatModel(workflow));
	return runnable.map((workflow) => ({
		name: `example runs green and shows its output: ${workflow.name}`,
		group: 'examples',
		async run({ page, url }) {
			await E.openWorkflow(page, url, workflow.name);
			const toast = await E.executeWorkflow(page);
			assert.match(toast, /executed successfully/i, `the run ended with: ${toast}`);
			const known = EXAMPLE_CHECKS[workflow.name];
			const node = known?.node ?? lastNode(workflow);
			const { count, items } = await E.nodeOutputItems(page, node);
			assert.ok(count > 0 && items.length > 0, `${node} shows no output`);
			const failed = items.find((item) => item.error || item.errcode);
			assert.equal(failed, undefined, `${node} put out an error: ${JSON.stringify(failed)}`);
			known?.check(items, count);
			return [`${node}: ${count} items, first ${JSON.stringify(items[0]).slice(0, 140)}`];
		},
	}));
}

const TRIGGER_ONLY = /^Starts the workflow when/;

function panelAndCanvasCases() {
	return [
		{
			name: 'nodes panel: "Byrobot" (actions and trigger in one entry) describes the actions too',
			group: 'panel',
			async run({ page, url }) {
				await E.newWorkflow(page, url);
				const entries = await E.nodesPanelEntries(page, 'Byrobot');
				const entry = entries.find((e) => e.name === 'Byrobot');
				assert.ok(entry, `no "Byrobot" entry: ${JSON.stringify(entries)}`);
				assert.doesNotMatch(entry.description, TRIGGER_ONLY, 'the entry shows only the trigger');
				assert.match(entry.description, /task/i, 'the entry does not mention call tasks');
				const bangwo8 = (await E.nodesPanelEntries(page, 'Bangwo8')).find(
					(e) => e.name === 'Bangwo8',
				);
				assert.ok(bangwo8?.description, 'the Bangwo8 entry has no description');
				return [`Byrobot: ${entry.description}`, `Bangwo8: ${bangwo8.description}`];
			},
		},
		{
			name: 'canvas: node subtitles read as words, not parameter values',
			group: 'panel',
			async run({ page, url, instance }) {
				const seen = [];
				// One example per node type of ours is enough: the subtitle is the node's.
				const covered = new Set();
				const examples = instance.examples.filter((w) => {
					const types = w.nodes.map((n) => n.type).filter((t) => /\.(byrobot|bangwo8)$/.test(t));
					const adds = types.filter((t) => !covered.has(t));
					adds.forEach((t) => covered.add(t));
					return adds.length > 0;
				});
				for (const workflow of examples) {
					await E.openWorkflow(page, url, workflow.name);
					for (const node of workflow.nodes.filter((n) => /\.(byrobot|bangwo8)$/.test(n.type))) {
						const subtitle = await E.canvasSubtitle(page, node.name);
						seen.push(`${node.name}: ${subtitle}`);
						assert.doesNotMatch(
							subtitle,
							/\b[a-z]+[A-Z]\w*\b|: [a-z]/,
							`"${node.name}" shows "${subtitle}"`,
						);
						assert.match(subtitle, /^[A-Z]/, `"${node.name}" shows "${subtitle}"`);
					}
				}
				return seen;
			},
		},
		{
			name: 'canvas: a Byrobot Trigger added from the nodes panel names its events in words',
			group: 'panel',
			async run({ page, url }) {
				await E.newWorkflow(page, url);
				await E.addNode(page, 'Byrobot', 'On call finished');
				const events = await E.parameterText(page, 'events');
				await E.closeNdv(page);
				const node = page
					.locator('[data-test-id=canvas-node][data-node-type$=byrobotTrigger]')
					.first();
				const name = await node.getAttribute('data-node-name');
				const subtitle = await E.canvasSubtitle(page, name);
				assert.doesNotMatch(subtitle, /[A-Z]{3,}_[A-Z]/, `the trigger shows "${subtitle}"`);
				assert.match(subtitle, /Call Finished/);
				return [`${name} (Events: ${events}): ${subtitle}`];
			},
		},
		{
			name: 'dev sandbox: the demo task is listed as finished',
			group: 'panel',
			async run({ page, url }) {
				await E.newWorkflow(page, url);
				await E.addNode(page, 'Byrobot', 'Get a task');
				await E.openListSearch(page, 'company');
				await E.chooseListItem(page, '(1001)');
				const { items } = await E.openListSearch(page, 'task');
				await E.closeListSearch(page);
				await E.deleteOpenNode(page);
				// 5001 on the signed API, 241491320 on the open platform: n8n preselects the most
				// recently saved Byrobot credential, and Authentication follows it.
				const demo = items.find((t) => /\b(5001|241491320)\b/.test(t));
				assert.ok(demo, `neither demo task is listed: ${items.join(' | ')}`);
				assert.match(demo, /Finished/, `the demo task is listed as ${demo}`);
				return [demo];
			},
		},
		{
			name: 'dev n8n: workflows run on Beijing time, as the sandboxes answer (Workflow settings → Timezone)',
			group: 'panel',
			async run({ page, url }) {
				await E.ensureWorkflow(page, url);
				const timezone = await E.workflowTimezone(page);
				assert.match(timezone, /Asia\/Shanghai/, `workflow settings show time zone "${timezone}"`);
				return [`Timezone: ${timezone}`];
			},
		},
	];
}

/**
 * Every Test of one credential as a person runs them: open the credential (n8n tests the stored
 * data), then for each variant type the fields, Save (n8n tests on save) and read the banner;
 * finally put the right values back and Save again. Variants: [label, change, expected] where
 * expected is 'ok' or the pattern the message must match.
 */
function credentialTests(key, variants) {
	const c = CREDENTIALS[key];
	return {
		name: `credential Test: ${c.name} — ${variants.map(([label]) => label).join('; ')}`,
		group: 'credentials',
		async run({ page, url, instance, shoot }) {
			const right = instance.credentialData[c.type];
			const secrets = Object.entries(right)
				.filter(([k]) => /secret|password/i.test(k))
				.map(([, v]) => v);
			const seen = [];
			const problems = [];
			const opened = await E.openCredential(page, url, c.name);
			const changed = new Set();
			for (const [label, change, expected] of variants) {
				const values = typeof change === 'function' ? change(instance) : change;
				for (const k of Object.keys(values)) changed.add(k);
				// Put back what the previous variant changed, so that each tests one mistake.
				const reset = Object.fromEntries(
					[...changed].filter((k) => !(k in values)).map((k) => [k, right[k]]),
				);
				const result = Object.keys(values).length
					? await E.saveCredential(page, { ...reset, ...values })
					: opened;
				seen.push(`${label}: ${result.ok ? 'OK' : 'Error'} — ${result.message}`);
				if (expected === 'ok') {
					if (!result.ok) problems.push(`${label}: the Test failed: ${result.message}`);
				} else if (result.ok) {
					problems.push(`${label}: the Test passed`);
				} else if (!expected.test(result.message)) {
					problems.push(`${label}: "${result.message}" does not match ${expected}`);
				}
				const typed = Object.entries(values)
					.filter(([k]) => /secret|password/i.test(k))
					.map(([, v]) => v);
				for (const secret of [...secrets, ...typed]) {
					if (secret && result.message.includes(secret))
						problems.push(`${label}: the message shows a secret`);
				}
			}
			if (changed.size) {
				const restored = await E.saveCredential(
					page,
					Object.fromEntries([...changed].map((k) => [k, right[k]])),
				);
				if (!restored.ok) problems.push(`restoring the right values: ${restored.message}`);
			}
			if (problems.length) {
				const error = new Error(problems.join('\n'));
				await shoot(error);
				await E.closeCredential(page).catch(() => {});
				throw error;
			}
			await E.closeCredential(page);
			return seen;
		},
	};
}

function credentialCases() {
	const html = (i) => ({ baseUrl: `${i.url}/signin` });
	const json = (i) => ({ baseUrl: `${i.url}/healthz` });
	const refused = (i) => ({ baseUrl: i.closedPortUrl });
	const otherVendor = (i) => ({ baseUrl: i.sandboxes.bangwo8.url });
	const refusedPattern = /refused the connection.*Check the Base URL/s;
	return [
		{
			name: 'credential forms: the Bangwo8 OAuth2 fields are labelled SecretID and Secret',
			group: 'credentials',
			async run({ page, url }) {
				await E.openCredential(page, url, CREDENTIALS.bangwo8OAuth2.name);
				const labels = await E.credentialLabels(page);
				await E.closeCredential(page);
				assert.ok(labels.includes('SecretID'), `labels: ${labels.join(', ')}`);
				assert.ok(labels.includes('Secret'), `labels: ${labels.join(', ')}`);
				assert.ok(
					!labels.some((l) => /Client (ID|Secret)/.test(l)),
					`labels: ${labels.join(', ')}`,
				);
				return [labels.join(', ')];
			},
		},
		credentialTests('byrobot', [
			['the sandbox AppKey and AppSecret pass', {}, 'ok'],
			['a wrong AppSecret is explained', { appSecret: 'not-the-secret' }, /AppSecret/],
			['a Base URL serving a web page is not a BYRobot API', html, /not the BYRobot API/],
			['a Base URL answering other JSON is not a BYRobot API', json, /not the BYRobot API/],
			['a Base URL refusing the connection names the field', refused, refusedPattern],
			[
				'a Base URL of another service (HTTP 401) names the field',
				otherVendor,
				/HTTP 401.*Check the Base URL/s,
			],
		]),
		credentialTests('bangwo8', [
			['the admin account passes', {}, 'ok'],
			['a wrong password is explained', { password: 'wrong-password' }, /account or password/],
			['a Base URL serving a web page is not the Bangwo8 API', html, /not the Bangwo8 API/],
			['a Base URL refusing the connection names the field', refused, refusedPattern],
		]),
		credentialTests('bangwo8OAuth2', [
			['the sandbox SecretID and Secret pass', {}, 'ok'],
			[
				'a wrong Secret fails although a token is stored',
				(i) => ({ [i.secretField]: 'wrong-secret' }),
				/invalid_client.*Secret/s,
			],
			['a Base URL serving a web page is not the Bangwo8 API', html, /not the Bangwo8 API/],
		]),
	];
}

module.exports = { exampleCases, panelAndCanvasCases, credentialCases };
