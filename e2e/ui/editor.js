'use strict';
// What a person does in n8n's editor (2.41.1), as Playwright steps: sign in, open a workflow,
// add a node from the nodes panel, open a dropdown or a "From List", run a workflow, read a
// node's output, open a credential and press Save (which runs its Test). Selectors are n8n's
// own data-test-id attributes, the ones n8n's Playwright suite uses.

const TIMEOUT = 30000;

const lists = new WeakMap();

/**
 * Follows the editor's list requests (POST /rest/dynamic-node-parameters/…) on a page, so that a
 * case can wait as a person does until the form has stopped loading before opening a list.
 */
function trackLists(page) {
	const state = { inFlight: 0, last: Date.now() };
	lists.set(page, state);
	const isList = (r) => r.url().includes('/rest/dynamic-node-parameters/');
	page.on('request', (r) => {
		if (!isList(r)) return;
		state.inFlight++;
		state.last = Date.now();
	});
	const done = (r) => {
		if (!isList(r)) return;
		state.inFlight = Math.max(0, state.inFlight - 1);
		state.last = Date.now();
	};
	page.on('requestfinished', done);
	page.on('requestfailed', done);
}

/** Waits until no list request has been in flight for `quietMs` (the form has loaded its lists). */
async function listsSettled(page, quietMs = 1000) {
	const state = lists.get(page);
	if (!state) return;
	const started = Date.now();
	while (Date.now() - started < TIMEOUT) {
		if (state.inFlight === 0 && Date.now() - state.last >= quietMs) return;
		await page.waitForTimeout(100);
	}
}

/** Signs in on /signin and waits for the workflow list. */
async function signIn(page, url, owner) {
	await page.goto(`${url}/signin`);
	await page.fill('#emailOrLdapLoginId', owner.email);
	await page.fill('#password', owner.password);
	await page.click('[data-test-id=form-submit-button]');
	await page.waitForURL(/\/home\//, { timeout: TIMEOUT });
}

/** The names of the workflows listed under Overview → Workflows. */
async function workflowNames(page, url) {
	await page.goto(`${url}/home/workflows`);
	const cards = page.locator('[data-test-id=workflow-card-name]');
	await cards.first().waitFor({ timeout: TIMEOUT });
	return cards.allInnerTexts();
}

/** Opens a workflow by clicking its card in the list. */
async function openWorkflow(page, url, name) {
	await page.goto(`${url}/home/workflows`);
	await page.locator('[data-test-id=workflow-card-name]', { hasText: name }).first().click();
	await page.locator('[data-test-id=canvas-node]').first().waitFor({ timeout: TIMEOUT });
}

/** A new, empty workflow with a manual trigger (the start a person makes before adding a node). */
async function newWorkflow(page, url) {
	await page.goto(`${url}/workflow/new`);
	await page.locator('[data-test-id=canvas-plus-button]').click({ timeout: TIMEOUT });
	await searchNodesPanel(page, 'Manual Trigger');
	await page.keyboard.press('Enter');
	await page.locator('[data-test-id=canvas-node]').first().waitFor({ timeout: TIMEOUT });
	await closeNdv(page);
}

/** A workflow canvas to add nodes to: the one open, or a new one. */
async function ensureWorkflow(page, url) {
	const canvas = page.locator('[data-test-id=node-creator-plus-button]');
	if (await canvas.isVisible().catch(() => false)) return;
	await newWorkflow(page, url);
}

/** Types into the nodes panel's search box (the panel must be open). */
async function searchNodesPanel(page, text) {
	const search = page.locator('[data-test-id=node-creator-search-bar]');
	await search.waitFor({ timeout: TIMEOUT });
	await search.fill(text);
	// The list is filtered as you type; wait for an entry to match.
	await page.locator('[data-test-id=node-creator-item-name]').first().waitFor({ timeout: TIMEOUT });
}

/** Opens the nodes panel from the canvas toolbar's + button ("What happens next?"). */
async function openNodesPanel(page) {
	await closeNdv(page);
	await page.locator('[data-test-id=node-creator-plus-button]').click({ timeout: TIMEOUT });
	await page.locator('[data-test-id=node-creator]').waitFor({ timeout: TIMEOUT });
}

/** The entries the nodes panel lists for a search: { name, description }. */
async function nodesPanelEntries(page, search) {
	await openNodesPanel(page);
	await searchNodesPanel(page, search);
	const entries = page.locator(
		'[data-test-id=node-creator] [data-test-id=node-creator-action-item], [data-test-id=node-creator] [data-test-id=node-creator-node-item]',
	);
	// The list is filtered a moment after typing: wait for an entry named like the search.
	await entries.filter({ hasText: search }).first().waitFor({ timeout: TIMEOUT });
	const count = await entries.count();
	const result = [];
	for (let i = 0; i < count; i++) {
		const entry = entries.nth(i);
		result.push({
			name: (await entry.locator('[data-test-id=node-creator-item-name]').innerText()).trim(),
			description: (
				await entry
					.locator('[data-test-id=node-creator-item-description]')
					.innerText()
					.catch(() => '')
			).trim(),
		});
	}
	await page.keyboard.press('Escape');
	return result;
}

/**
 * Adds a node from the nodes panel: searches `search`, opens the entry and clicks the action
 * (the operation's action text, e.g. "Create a task"), or the trigger entry. Waits for the
 * node's details view (NDV) to open.
 */
async function addNode(page, search, action) {
	await openNodesPanel(page);
	await searchNodesPanel(page, search);
	await page.keyboard.press('Enter');
	const item = page
		.locator('[data-test-id=node-creator] [data-test-id=node-creator-item-name]')
		.filter({ hasText: new RegExp(`^${escapeRegExp(action)}$`) })
		.first();
	await page
		.locator('[data-test-id=node-creator-category-item]')
		.first()
		.waitFor({ timeout: TIMEOUT });
	await item.waitFor({ timeout: 3000 }).catch(() => {});
	const triggers = page.locator('[data-test-id=node-creator-category-item]', {
		hasText: /^Triggers/,
	});
	if (!(await item.isVisible()) && (await triggers.count())) {
		// Triggers come folded under "Triggers (n)" when the node has actions too.
		await triggers.click();
	}
	await item.scrollIntoViewIfNeeded({ timeout: TIMEOUT });
	await item.click({ timeout: TIMEOUT });
	await page.locator('[data-test-id=ndv]').waitFor({ timeout: TIMEOUT });
	await page.locator('[data-test-id=node-parameters]').waitFor({ timeout: TIMEOUT });
}

async function closeNdv(page) {
	const ndv = page.locator('[data-test-id=ndv]');
	if (await ndv.isVisible().catch(() => false)) {
		await page.locator('[data-test-id=ndv-close-button]').click();
		await ndv.waitFor({ state: 'hidden', timeout: TIMEOUT });
	}
	// The nodes panel, if open.
	if (
		await page
			.locator('[data-test-id=node-creator]')
			.isVisible()
			.catch(() => false)
	) {
		await page.keyboard.press('Escape');
	}
}

/** Deletes the node open in the NDV (a clean canvas for the next one). */
async function deleteOpenNode(page) {
	const name = (
		await page.locator('[data-test-id=ndv] [data-test-id=node-title-container]').innerText()
	).trim();
	await closeNdv(page);
	const node = page.locator(
		`[data-test-id=canvas-node][data-node-name="${name.replace(/"/g, '\\"')}"]`,
	);
	await node.click();
	await page.keyboard.press('Delete');
	await node.waitFor({ state: 'detached', timeout: TIMEOUT });
}

/** Closes the node open in the NDV and opens it again (double click on the canvas). */
async function reopenOpenNode(page) {
	const name = (
		await page.locator('[data-test-id=ndv] [data-test-id=node-title-container]').innerText()
	).trim();
	await closeNdv(page);
	await page
		.locator(`[data-test-id=canvas-node][data-node-name="${name.replace(/"/g, '\\"')}"]`)
		.dblclick();
	await page.locator('[data-test-id=node-parameters]').waitFor({ timeout: TIMEOUT });
}

/** The parameters (by name) the NDV shows, in order. */
async function shownParameters(page) {
	return page.$$eval('[data-test-id=node-parameters] [data-test-id^=parameter-input-]', (els) =>
		els
			.map((e) => e.getAttribute('data-test-id').slice('parameter-input-'.length))
			.filter((name) => name !== 'field'),
	);
}

function parameter(page, name) {
	return page
		.locator(`[data-test-id=node-parameters] [data-test-id=parameter-input-${name}]`)
		.first();
}

/** The options of an open Element Plus select (its popper is appended to <body>). */
async function visibleSelectItems(page) {
	return page.$$eval('.el-select-dropdown__item', (els) =>
		els
			.filter((e) => e.offsetParent !== null)
			.map((e) => ({
				text: e.innerText.replace(/\s+/g, ' ').trim(),
				disabled: e.classList.contains('is-disabled'),
			})),
	);
}

/**
 * Opens a dropdown whose options come from the API (loadOptionsMethod) as a person does: waits
 * while it says "Loading options...", then clicks it. Resolves to { error, items } where `error`
 * is what the field shows instead of a list ("Error fetching options from …").
 */
async function openDropdown(page, name) {
	const field = parameter(page, name);
	await field.waitFor({ timeout: TIMEOUT });
	const started = Date.now();
	await listsSettled(page);
	for (;;) {
		// What the field shows instead of a list: "Error fetching options from …" or
		// "Loading options..." (a disabled input's value or placeholder, or the select's text).
		const shown = await field.evaluate(
			(element) =>
				`${element.innerText} ${[...element.querySelectorAll('input')].map((i) => `${i.value} ${i.placeholder}`).join(' ')}`,
		);
		const error = /Error fetching options[^|]*/i.exec(shown);
		if (error) return { error: error[0].trim(), items: [] };
		if (!/Loading options/i.test(shown)) break;
		if (Date.now() - started > TIMEOUT) return { error: 'still loading options', items: [] };
		await page.waitForTimeout(200);
	}
	await field.locator('.el-select, input').first().click();
	await page.waitForTimeout(300);
	const items = await visibleSelectItems(page);
	await page.keyboard.press('Escape');
	return { error: undefined, items };
}

/** Picks an option of a dropdown by its visible text (first match). */
async function chooseOption(page, name, text) {
	// A dropdown opened while the form is still re-rendering (a field above just changed) can
	// close again before the click lands: open it again, as a person would.
	for (let attempt = 1; ; attempt++) {
		await parameter(page, name).locator('.el-select, input').first().click();
		try {
			await page
				.locator('.el-select-dropdown__item:visible', { hasText: text })
				.first()
				.click({ timeout: attempt < 3 ? 5000 : TIMEOUT });
			return;
		} catch (error) {
			if (attempt >= 3) throw error;
			await page.keyboard.press('Escape');
			await page.waitForTimeout(500);
		}
	}
}

/** Picks an option of a static dropdown by its value, named as the node description names it. */
async function chooseOptionByValue(page, description, name, value) {
	const option = description.properties
		.filter((p) => p.name === name)
		.flatMap((p) => p.options ?? [])
		.find((o) => o.value === value);
	if (!option) throw new Error(`no option ${JSON.stringify(value)} in "${name}"`);
	await chooseOption(page, name, option.name);
}

/**
 * Opens a resource locator's "From List" and waits for it to load. Resolves to
 * { error, items: [name…] } (`error` is the list's error message, if it shows one).
 */
async function openListSearch(page, name) {
	const locator = page.locator(`[data-test-id=resource-locator-${name}]`).first();
	await listsSettled(page, 500);
	await locator.locator('[data-test-id=rlc-input]').click({ timeout: TIMEOUT });
	const started = Date.now();
	let result;
	for (;;) {
		const error = locator.page().locator('[data-test-id=rlc-error-container]:visible');
		if (await error.count()) {
			result = { error: (await error.first().innerText()).replace(/\s+/g, ' ').trim(), items: [] };
			break;
		}
		const items = await page.locator('[data-test-id=rlc-item]:visible').allInnerTexts();
		const { noResults, loading } = await locator.page().evaluate(() => {
			const visible = [...document.querySelectorAll('body *')].filter(
				(e) => e.children.length === 0 && e.offsetParent !== null,
			);
			return {
				noResults: visible.some((e) => e.textContent.trim() === 'No results'),
				loading: visible.some((e) => /^Loading/.test(e.textContent.trim())),
			};
		});
		if ((items.length || noResults) && !loading) {
			result = { error: undefined, items: items.map((t) => t.replace(/\s+/g, ' ').trim()) };
			break;
		}
		if (Date.now() - started > TIMEOUT) {
			result = { error: 'the list did not load', items: [] };
			break;
		}
		await page.waitForTimeout(200);
	}
	return result;
}

/** Clicks an item of the open "From List" (the list must be open). */
async function chooseListItem(page, text) {
	await page.locator('[data-test-id=rlc-item]:visible', { hasText: text }).first().click();
}

async function closeListSearch(page) {
	await page.keyboard.press('Escape');
}

/** The subtitle the canvas shows under a node's name. */
async function canvasSubtitle(page, nodeName) {
	const node = page.locator(`[data-test-id=canvas-node][data-node-name="${nodeName}"]`);
	const subtitle = node.locator('[class*="_subtitle_"]').first();
	return (await subtitle.innerText({ timeout: TIMEOUT })).trim();
}

/**
 * Clicks "Execute workflow" and waits for n8n's toast: resolves to its text
 * ("Workflow executed successfully" or the problem).
 */
async function executeWorkflow(page, timeoutMs = 120000) {
	await page.locator('[data-test-id=execute-workflow-button]').first().click();
	const toast = page
		.locator('.el-notification')
		.filter({ hasText: /executed|Problem|error|failed/i });
	await toast.first().waitFor({ timeout: timeoutMs });
	return (await toast.first().innerText()).replace(/\s+/g, ' ').trim();
}

/**
 * Opens a node (double click), reads its output in the JSON view, and closes it again. Resolves
 * to { count, items }: the item count n8n shows, and the items the view renders (it renders a
 * long output only in part: the complete objects it shows).
 */
async function nodeOutputItems(page, nodeName) {
	await page.locator(`[data-test-id=canvas-node][data-node-name="${nodeName}"]`).dblclick();
	const output = page.locator('[data-test-id=output-panel]');
	await output.waitFor({ timeout: TIMEOUT });
	await output.locator('[data-test-id=radio-button-json]').click();
	const container = output.locator('[data-test-id=ndv-data-container]');
	await container.waitFor({ timeout: TIMEOUT });
	// The JSON view renders after its container appears: wait for the first item.
	let text = await container.innerText();
	for (const until = Date.now() + 10_000; !text.includes('{') && Date.now() < until;) {
		await page.waitForTimeout(200);
		text = await container.innerText();
	}
	const countText = await output
		.locator('[data-test-id=ndv-items-count]')
		.first()
		.innerText()
		.catch(() => '');
	await closeNdv(page);
	// The JSON view indents with non-breaking spaces.
	const items = completeObjects(text.slice(text.indexOf('[') + 1).replace(/\u00a0/g, ' '));
	const count = Number(/(\d[\d,]*) items?/.exec(countText)?.[1]?.replace(/,/g, '') ?? items.length);
	return { count, items };
}

/** The complete top-level JSON objects at the start of a (possibly cut) array body. */
function completeObjects(text) {
	const objects = [];
	let depth = 0;
	let start = -1;
	let inString = false;
	for (let i = 0; i < text.length; i++) {
		const ch = text[i];
		if (inString) {
			if (ch === '\\') i++;
			else if (ch === '"') inString = false;
		} else if (ch === '"') inString = true;
		else if (ch === '{') {
			if (depth++ === 0) start = i;
		} else if (ch === '}' && --depth === 0) {
			objects.push(JSON.parse(text.slice(start, i + 1)));
		}
	}
	return objects;
}

/** The text a parameter shows (a dropdown's chosen option(s), an input's value). */
async function parameterText(page, name) {
	const field = parameter(page, name);
	const text = (await field.innerText()).replace(/\s+/g, ' ').trim();
	if (text) return text;
	return (
		await field
			.locator('input')
			.first()
			.inputValue()
			.catch(() => '')
	).trim();
}

/** Workflow menu → Settings → Timezone, as shown (e.g. "Default - Asia/Shanghai"). */
async function workflowTimezone(page) {
	await closeNdv(page);
	await page.locator('[data-test-id=workflow-menu]').click();
	await page.locator('[data-test-id=workflow-menu-item-settings]').click();
	const field = page.locator('[data-test-id=workflow-settings-timezone] input').first();
	await field.waitFor({ timeout: TIMEOUT });
	// The modal fills its fields a moment after it opens.
	let value = '';
	for (const started = Date.now(); !value && Date.now() - started < TIMEOUT;) {
		value = await field.inputValue();
		if (!value) await page.waitForTimeout(200);
	}
	await page.keyboard.press('Escape');
	await page
		.locator('[data-test-id=settings-modal]')
		.waitFor({ state: 'hidden', timeout: TIMEOUT })
		.catch(() => {});
	return value;
}

const CREDENTIAL_MODAL = '[data-test-id=editCredential-modal]';

/** Waits for the Test n8n runs (POST /rest/credentials/test) after `action`, then reads the banner. */
async function testedAfter(page, action) {
	const answer = page.waitForResponse(
		(r) => r.url().includes('/rest/credentials/test') && r.request().method() === 'POST',
		{ timeout: 90000 },
	);
	await action();
	await answer;
	return await credentialBanner(page);
}

/** What the credential form's banner says: { ok, message } (the error's "More details" opened). */
async function credentialBanner(page) {
	const modal = page.locator(CREDENTIAL_MODAL);
	const success = modal.locator('[data-test-id=credentials-config-container-test-success]');
	const failure = modal.getByText(/connect with these settings/);
	const started = Date.now();
	while (Date.now() - started < TIMEOUT) {
		if (await success.isVisible().catch(() => false)) {
			return {
				ok: true,
				message: (await success.innerText())
					.replace(/\s+/g, ' ')
					.replace(/ Retry$/, '')
					.trim(),
			};
		}
		if (
			await failure
				.first()
				.isVisible()
				.catch(() => false)
		) {
			const more = modal.getByText('More details', { exact: true });
			if (await more.isVisible().catch(() => false)) await more.click();
			await page.waitForTimeout(200);
			// "Couldn’t connect with these settings", its Retry button, then the details (n8n's
			// message: the Test's explanation), above the first field.
			const lines = (
				await modal.locator('[data-test-id=node-credentials-config-container]').innerText()
			)
				.split('\n')
				.map((l) => l.trim())
				.filter(Boolean);
			const headline = lines.findIndex((l) => /connect with these settings/.test(l));
			const rest = lines.slice(headline + 1).filter((l) => l !== 'Retry' && l !== 'More details');
			return { ok: false, message: rest[0] ?? '' };
		}
		await page.waitForTimeout(200);
	}
	return { ok: false, message: 'no Test result shown' };
}

/** Opens Overview → Credentials and the credential named `name`; resolves to the Test n8n runs on opening. */
async function openCredential(page, url, name) {
	await page.goto(`${url}/home/credentials`);
	const card = page.locator('[data-test-id=resources-list-item]').filter({ hasText: name });
	await card.first().waitFor({ timeout: TIMEOUT });
	return await testedAfter(page, async () => {
		await page.getByText(name, { exact: true }).first().click();
		await page.locator(CREDENTIAL_MODAL).waitFor({ timeout: TIMEOUT });
	});
}

/** Types `values` into the open credential form (by field name), presses Save, reads the Test. */
async function saveCredential(page, values) {
	const modal = page.locator(CREDENTIAL_MODAL);
	for (const [name, value] of Object.entries(values)) {
		await modal.locator(`[data-test-id=parameter-input-${name}] input`).first().fill(value);
	}
	return await testedAfter(page, async () => {
		await modal.locator('[data-test-id=credential-save-button]').click();
	});
}

async function closeCredential(page) {
	const modal = page.locator(CREDENTIAL_MODAL);
	await modal.locator('.el-dialog__headerbtn').first().click();
	await modal.waitFor({ state: 'hidden', timeout: TIMEOUT });
}

/** The labels of the open credential form's fields, in order (without the required mark). */
async function credentialLabels(page) {
	const fields = page.locator(`${CREDENTIAL_MODAL} [data-test-id=credential-connection-parameter]`);
	const texts = await fields.allInnerTexts();
	return texts.map((t) =>
		t
			.split('\n')[0]
			.replace(/\s*\*\s*$/, '')
			.trim(),
	);
}

module.exports = {
	TIMEOUT,
	trackLists,
	listsSettled,
	signIn,
	workflowNames,
	openWorkflow,
	newWorkflow,
	ensureWorkflow,
	nodesPanelEntries,
	addNode,
	closeNdv,
	deleteOpenNode,
	reopenOpenNode,
	shownParameters,
	parameter,
	openDropdown,
	chooseOption,
	chooseOptionByValue,
	openListSearch,
	chooseListItem,
	closeListSearch,
	canvasSubtitle,
	executeWorkflow,
	nodeOutputItems,
	parameterText,
	workflowTimezone,
	openCredential,
	saveCredential,
	closeCredential,
	credentialLabels,
};

function escapeRegExp(text) {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
