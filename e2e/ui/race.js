'use strict';
// Issue 15, bug 1: a Bangwo8 node whose first lists are asked for before n8n has assigned it the
// preselected credential. In n8n 2.41.1 this is what a person meets on the first node with a
// credential they add to a workflow n8n has saved meanwhile (it saves a new workflow a moment after
// its first node, here the manual trigger): opening that node, the editor lists the credentials
// again for the now saved workflow and forgets the ones it had until the answer comes; the node
// opens without a credential, Agents and Contacts ask for their lists at once (Authentication still
// at its default, no credential), and n8n assigns the newest credential (and sets Authentication
// to match) when the list arrives. It asks for a list again after that only if that list's first
// request has already been answered. Before the fix the first requests failed with "Node does not
// have any credentials set" and the dropdowns kept "Error fetching options from Bangwo8" until the
// node was reopened; now they answer the hint entry (nodes/Bangwo8/shared/transport.ts,
// withCredentialHint), or fill.
//
// Whether the first answer comes before or after n8n assigns the credential depends on which of the
// two requests the server answers first: the case holds the list requests sent without a
// credential until n8n has assigned one (a server slower with the lists than with the credentials
// list), so that the race goes the same way on every run. It fails if n8n assigned the credential
// before the first list request (the race did not happen).
const assert = require('assert/strict');

const E = require('./editor');

const HINT = /^Loads Once a Credential Is Chosen/;
const LIST_REQUEST = /\/rest\/dynamic-node-parameters\/options/;
const CREDENTIALS_LIST = /\/rest\/credentials\/for-workflow\?workflowId=/;

/** The dropdowns of Call Task → Create that load as the form opens: parameter → label. */
const DROPDOWNS = { agentIds: 'Agents', contactIds: 'Contacts' };

/** Clicks the + of the canvas and adds a Manual Trigger; waits until n8n has saved the workflow. */
async function savedWorkflowWithTrigger(page, url) {
	const saved = page.waitForResponse(
		(r) => /\/rest\/workflows$/.test(r.url()) && r.request().method() === 'POST',
		{ timeout: E.TIMEOUT },
	);
	await E.newWorkflow(page, url);
	const answer = await saved;
	assert.ok(answer.ok(), `n8n did not save the new workflow: HTTP ${answer.status()}`);
	// The editor leaves /workflow/<id>?new=true once it treats the workflow as saved.
	await page.waitForURL((u) => !u.searchParams.has('new'), { timeout: E.TIMEOUT });
}

/**
 * Holds each list request sent without a credential until n8n has assigned the node `credential`
 * (the NDV's credential field shows it). Resolves to { first, last, stop }: `first` and `last` map
 * each method name to the credentials and Authentication its first and latest request carried.
 */
async function holdListsUntilCredential(page, credential) {
	const first = {};
	const last = {};
	const carried = (request) => {
		const body = JSON.parse(request.postData() ?? '{}');
		return {
			method: body.methodName,
			credentials: Object.keys(body.credentials ?? {}),
			authentication: body.currentNodeParameters?.authentication,
		};
	};
	const follow = (request) => {
		if (!LIST_REQUEST.test(request.url())) return;
		const sent = { ...carried(request), request };
		first[sent.method] ??= sent;
		last[sent.method] = sent;
	};
	// What n8n answered the first request of each method: HTTP status and its message, if any.
	const answered = async (response) => {
		if (!LIST_REQUEST.test(response.url())) return;
		const { method } = carried(response.request());
		if (first[method]?.request !== response.request() || first[method].answer) return;
		const body = await response.json().catch(() => ({}));
		first[method].answer = `HTTP ${response.status()}${body.message ? ` "${body.message}"` : ''}`;
	};
	page.on('request', follow);
	page.on('response', answered);
	await page.route(LIST_REQUEST, async (route) => {
		const { credentials } = carried(route.request());
		if (!credentials.length) {
			await page
				.locator('[data-test-id=node-credentials-select] input')
				.first()
				.waitFor({ timeout: E.TIMEOUT });
			for (const until = Date.now() + E.TIMEOUT; Date.now() < until;) {
				const chosen = await page
					.locator('[data-test-id=node-credentials-select] input')
					.first()
					.inputValue()
					.catch(() => '');
				if (chosen.trim() === credential) break;
				await page.waitForTimeout(100);
			}
			// n8n sets Authentication right after the credential.
			await page.waitForTimeout(300);
		}
		await route.continue().catch(() => {});
	});
	return {
		first,
		last,
		stop: async () => {
			page.off('request', follow);
			page.off('response', answered);
			await page.unroute(LIST_REQUEST);
		},
	};
}

/** What a dropdown shows: 'error', 'hint' or 'entries', with the text. */
async function shown(page, name) {
	const { error, items } = await E.openDropdown(page, name);
	if (error) return { state: 'error', text: error };
	if (items.length === 1 && items[0].disabled && HINT.test(items[0].text))
		return { state: 'hint', text: items[0].text };
	const selectable = items.filter((i) => !i.disabled);
	if (selectable.length) return { state: 'entries', text: `${selectable.length} entries` };
	return { state: 'empty', text: items.map((i) => i.text).join(' | ') || '(empty)' };
}

/**
 * The cases: one per credential round ({ label, credential, before }: the Bangwo8 credential n8n
 * should preselect, made the most recently saved by `before`).
 */
function credentialRaceCases(rounds) {
	return rounds.map((round) => ({
		name: `credential race: a Bangwo8 node whose lists load before n8n assigns the ${round.label} credential shows no error (Call Task → Create in a just-saved workflow)`,
		group: `credential race ${round.label}`,
		before: round.before,
		async run({ page, url, shoot }) {
			await savedWorkflowWithTrigger(page, url);
			const held = await holdListsUntilCredential(page, round.credential);
			const seen = [];
			try {
				await E.addNode(page, 'Bangwo8', 'Create a call task');
				await E.listsSettled(page);
				const chosen = (
					await page.locator('[data-test-id=node-credentials-select] input').first().inputValue()
				).trim();
				assert.equal(chosen, round.credential, `n8n preselected "${chosen}"`);
				const described = (sent) =>
					`authentication ${sent.authentication}, credentials ${sent.credentials.join(', ') || 'none'}`;
				for (const [method, sent] of Object.entries(held.first))
					seen.push(
						`first ${method} request: ${described(sent)}; answered ${sent.answer ?? '(not yet)'}`,
					);
				const raced = ['getAgents', 'getContacts'].filter(
					(m) => held.first[m] && !held.first[m].credentials.length,
				);
				assert.ok(
					raced.length,
					"n8n assigned the credential before the lists' first requests (the race did not happen)",
				);

				const problems = [];
				for (const [name, label] of Object.entries(DROPDOWNS)) {
					const result = await shown(page, name);
					seen.push(`${label}: ${result.state} (${result.text.slice(0, 60)})`);
					if (result.state === 'error' || result.state === 'empty')
						problems.push(`"${label}" shows ${result.text} with "${chosen}" assigned`);
				}
				if (problems.length) assert.fail(problems.join('\n'));

				// What the hint says to do: close and reopen the node; then the lists fill.
				await E.reopenOpenNode(page);
				for (const [name, label] of Object.entries(DROPDOWNS)) {
					const result = await shown(page, name);
					seen.push(`${label} after reopening the node: ${result.state} (${result.text})`);
					assert.equal(
						result.state,
						'entries',
						`"${label}" after reopening the node: ${result.text}`,
					);
				}
				for (const method of ['getAgents', 'getContacts'])
					seen.push(`latest ${method} request: ${described(held.last[method])}`);
				return seen;
			} catch (error) {
				await shoot(error);
				if (seen.length) error.message += `\n${seen.join('\n')}`;
				throw error;
			} finally {
				await held.stop().catch(() => {});
				await E.deleteOpenNode(page).catch(() => {});
			}
		},
	}));
}

module.exports = { credentialRaceCases };
