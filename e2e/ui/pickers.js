'use strict';
// Every dropdown and "From List" of every operation, opened as a person does: the node is added
// fresh from the nodes panel by its action ("Create a task"), each list is opened in the order
// the form shows it, parents first (Company, then Task), and every list must fill on its first
// open. A list whose parent is not chosen yet must say so (a hint, or nothing), not show an error.
// Lists inside a collection (Options, Update Fields) are added through "Add option", those inside
// a fixed collection (Variables) through its Add button.
const assert = require('assert/strict');
const path = require('path');

const E = require('./editor');

/** The parents a list needs that its description does not name (list searches read them in code). */
const LIST_SEARCH_PARENTS = { byrobot: { task: ['company'] } };

/** Which entry a parent picks: the sandbox's demo company and demo task (seeded by `npm run dev`). */
const PREFERRED = { company: /\(1001\)/, task: /\b5001\b/ };

const SKIP_TOP = new Set(['resource', 'operation', 'authentication']);

/** The hint a Bangwo8 dropdown shows while the node has no credential yet. */
const CREDENTIAL_HINT = /^Loads Once a Credential Is Chosen/;

/** The pickers of a node description: { name, kind, parents, show, container? }. */
function pickersOf(description, nodeName) {
	const result = [];
	const visit = (property, container) => {
		const list = property.modes?.find((m) => m.type === 'list');
		if (property.type === 'resourceLocator' && list) {
			result.push({
				name: property.name,
				label: property.displayName,
				kind: 'list',
				parents: LIST_SEARCH_PARENTS[nodeName]?.[property.name] ?? [],
				show: property.displayOptions?.show ?? {},
				container,
			});
		} else if (property.typeOptions?.loadOptionsMethod) {
			result.push({
				name: property.name,
				label: property.displayName,
				kind: 'options',
				parents: (property.typeOptions.loadOptionsDependsOn ?? []).map((p) =>
					p.replace(/\.value$/, ''),
				),
				show: property.displayOptions?.show ?? {},
				container,
			});
		}
		if (property.type === 'collection') {
			for (const option of property.options ?? []) {
				visit(option, {
					kind: 'collection',
					name: property.name,
					label: property.displayName,
					optionLabel: option.displayName,
					show: property.displayOptions?.show ?? {},
				});
			}
		}
		if (property.type === 'fixedCollection') {
			for (const group of property.options ?? []) {
				for (const value of group.values ?? []) {
					visit(value, {
						kind: 'fixedCollection',
						name: property.name,
						label: property.displayName,
						show: property.displayOptions?.show ?? {},
					});
				}
			}
		}
	};
	for (const property of description.properties) visit(property, undefined);
	return result;
}

/**
 * Each operation a person can add from the nodes panel: { resource, operation, action, pickers }
 * (only those with a picker). `api`: the Authentication the preselected credential gives (the
 * Byrobot node's signed API or open platform), whose Operation selectors the form then shows.
 */
function operationsOf(description, nodeName, api) {
	const pickers = pickersOf(description, nodeName);
	const selectors = description.properties.filter((p) => p.name === 'operation');
	const authentication = description.properties.find((p) => p.name === 'authentication');
	const chosen = api ?? authentication?.default;
	const onApi = (selector) => {
		const on = selector.displayOptions?.show?.authentication;
		return !on || on.includes(chosen);
	};
	// n8n's nodes panel lists, per resource, the options of the first Operation selector that
	// shows it (the signed API's): an operation is added from there by its action.
	const inPanel = (resource, action) =>
		selectors
			.find((s) => s.displayOptions?.show?.resource?.includes(resource))
			?.options?.some((option) => option.action === action);
	const operations = [];
	for (const selector of selectors.filter(onApi)) {
		const resources = selector.displayOptions?.show?.resource ?? [];
		for (const option of selector.options ?? []) {
			for (const resource of resources) {
				if (!inPanel(resource, option.action)) continue;
				const applies = (picker) => {
					const show = picker.container?.show ?? picker.show;
					const on = show.authentication;
					return (
						(show.resource?.includes(resource) ?? false) &&
						(!show.operation || show.operation.includes(option.value)) &&
						(!on || on.includes(chosen))
					);
				};
				const own = pickers.filter(applies);
				if (own.length) {
					operations.push({
						resource,
						operation: option.value,
						action: option.action,
						pickers: own,
					});
				}
			}
		}
	}
	return operations;
}

function loadDescription(distDir, file, className) {
	const module = require(path.join(distDir, file));
	return new module[className]().description;
}

/**
 * Opens one picker and checks what it shows. `parentsChosen`: the names of the parents already
 * picked. Resolves to the items.
 */
async function checkPicker(page, picker, parentsChosen, where) {
	if (process.env.UI_TRACE)
		process.stdout.write(
			`        [${new Date().toISOString().slice(11, 19)}] open ${picker.name}\n`,
		);
	const waiting = picker.parents.filter((p) => !parentsChosen.has(p));
	const open = async () => {
		const shown =
			picker.kind === 'list'
				? await E.openListSearch(page, picker.name)
				: await E.openDropdown(page, picker.name);
		if (picker.kind === 'list') await E.closeListSearch(page);
		return {
			error: shown.error,
			items: shown.items.map((i) => (typeof i === 'string' ? { text: i, disabled: false } : i)),
		};
	};
	let result = await open();
	// A list whose parent was just picked is loading again (n8n keeps the old entries meanwhile):
	// look once more, as a person who picked a company and opens the next list does.
	for (
		let i = 0;
		i < 5 &&
		!waiting.length &&
		picker.parents.length &&
		!result.error &&
		!result.items.some((x) => !x.disabled);
		i++
	) {
		await page.waitForTimeout(1000);
		result = await open();
	}
	// Bangwo8's hint while the node has no credential (nodes/Bangwo8/shared/transport.ts): n8n
	// sometimes assigns the credential while its first list request runs, and does not ask again.
	// The hint says to reopen the node; a person does so.
	let reopened = false;
	if (
		!waiting.length &&
		!result.error &&
		result.items.length === 1 &&
		CREDENTIAL_HINT.test(result.items[0].text)
	) {
		await E.reopenOpenNode(page);
		reopened = true;
		result = await open();
	}
	const { items } = result;
	const selectable = items.filter((i) => !i.disabled);
	if (waiting.length) {
		assert.equal(
			result.error,
			undefined,
			`${where}: "${picker.label}" before ${waiting.join(', ')} is chosen shows an error instead of a hint: ${result.error}`,
		);
		assert.equal(
			selectable.length,
			0,
			`${where}: "${picker.label}" lists entries before ${waiting.join(', ')} is chosen: ${selectable.map((i) => i.text).join(' | ')}`,
		);
	} else {
		assert.equal(
			result.error,
			undefined,
			`${where}: "${picker.label}" shows an error on its first open: ${result.error}`,
		);
		assert.ok(selectable.length > 0, `${where}: "${picker.label}" is empty on its first open`);
	}
	return {
		items,
		reopened,
		hint: waiting.length ? items.map((i) => i.text).join(' | ') || '(empty)' : undefined,
	};
}

/** Shows a picker that sits in a collection or fixed collection (Add option / Add …). */
async function reveal(page, picker) {
	if (picker.container?.kind === 'collection') {
		const adds = page.locator(
			'[data-test-id=node-parameters] [data-test-id=collection-parameter-add]',
		);
		const count = await adds.count();
		for (let i = 0; i < count; i++) {
			const add = adds.nth(i);
			if (!(await add.isVisible())) continue;
			await add.scrollIntoViewIfNeeded();
			await add.click();
			const option = page.locator('[data-test-id=collection-parameter-option]:visible', {
				hasText: new RegExp(
					`^${picker.container.optionLabel.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`,
				),
			});
			// The dropdown renders its options a moment after the click.
			await page
				.locator('[data-test-id=collection-parameter-option]:visible')
				.first()
				.waitFor({ timeout: 5000 })
				.catch(() => {});
			if (await option.count()) {
				await option.first().click();
				await E.parameter(page, picker.name).waitFor({ timeout: E.TIMEOUT });
				return true;
			}
			await page.keyboard.press('Escape');
		}
		return false;
	}
	if (picker.container?.kind === 'fixedCollection') {
		const box = page.locator(`[data-test-id=fixed-collection-${picker.container.name}]`);
		if (!(await box.count())) return false;
		if (!(await box.locator(`[data-test-id=parameter-input-${picker.name}]`).count())) {
			await box.locator('[data-test-id=fixed-collection-add]').first().click();
		}
		await box
			.locator(`[data-test-id=parameter-input-${picker.name}]`)
			.first()
			.waitFor({ timeout: E.TIMEOUT });
		return true;
	}
	return false;
}

/** Picks the preferred entry (or the first) of a parent list. */
async function chooseParent(page, picker, items) {
	const preferred = PREFERRED[picker.name];
	const item =
		items.find((i) => !i.disabled && (!preferred || preferred.test(i.text))) ??
		items.find((i) => !i.disabled);
	if (picker.kind === 'list') {
		await E.openListSearch(page, picker.name);
		await E.chooseListItem(page, item.text);
	} else {
		await E.chooseOption(page, picker.name, item.text);
		await page.keyboard.press('Escape');
	}
	return item.text;
}

/** One operation, from adding the node to its last list. Returns a line per list opened. */
async function runOperation({ page, url, shoot }, node, op, credential) {
	const where = `${node.label} ${op.resource} → ${op.operation}`;
	// A list that loads as the form opens (no parent to wait for) is added to a new workflow, as
	// on a first visit: the editor assigns the credential before it asks for the list. In a saved
	// workflow whose credentials the editor has not listed yet, it asks first and assigns the
	// credential while the request runs; n8n then does not ask again (README → Bangwo8 node;
	// e2e/ui/race.js makes that happen on purpose).
	const loadsOnOpen = op.pickers.some(
		(p) => !p.container && p.kind === 'options' && !p.parents.length,
	);
	if (loadsOnOpen) await E.newWorkflow(page, url);
	else await E.ensureWorkflow(page, url);
	await E.addNode(page, node.search, op.action);
	try {
		if (credential) {
			const chosen = (
				await page.locator('[data-test-id=node-credentials-select] input').first().inputValue()
			).trim();
			assert.equal(
				chosen,
				credential,
				`${where}: n8n preselected "${chosen}", not "${credential}"`,
			);
		}
		const seen = [];
		const parents = new Set(op.pickers.flatMap((p) => p.parents));
		const chosen = new Set();
		let shown = new Set(await E.shownParameters(page));
		const top = op.pickers.filter((p) => !p.container && shown.has(p.name));

		// Lists whose parent is not chosen yet: a hint or nothing, never an error.
		for (const picker of top.filter((p) => p.parents.length)) {
			const { hint } = await checkPicker(page, picker, chosen, where);
			seen.push(`${picker.label} before ${picker.parents.join(', ')}: ${hint}`);
		}
		// Then every list in order, parents picked as they come.
		for (const picker of top) {
			const { items, reopened } = await checkPicker(page, picker, chosen, where);
			seen.push(
				`${picker.label}: ${items.length} entries${reopened ? ' (after reopening the node: the first list came before the credential)' : ''}`,
			);
			if (parents.has(picker.name)) {
				const text = await chooseParent(page, picker, items);
				chosen.add(picker.name);
				seen.push(`  chose ${text}`);
			}
		}
		// Lists shown only for another choice of an options field (Data Source: Company).
		shown = new Set(await E.shownParameters(page));
		for (const picker of op.pickers.filter((p) => !p.container && !shown.has(p.name))) {
			const switches = Object.entries(picker.show).filter(
				([k]) => !SKIP_TOP.has(k) && shown.has(k),
			);
			if (!switches.length) continue;
			for (const [field, values] of switches) {
				await E.chooseOptionByValue(page, node.description, field, values[0]);
			}
			const { items } = await checkPicker(page, picker, chosen, where);
			seen.push(
				`${picker.label} (${switches.map(([f, v]) => `${f}=${v[0]}`).join(', ')}): ${items.length} entries`,
			);
		}
		// Lists inside collections.
		for (const picker of op.pickers.filter((p) => p.container)) {
			assert.ok(
				await reveal(page, picker),
				`${where}: could not add "${picker.label}" from "${picker.container.label}"`,
			);
			const { items } = await checkPicker(page, picker, chosen, where);
			seen.push(`${picker.container.label} → ${picker.label}: ${items.length} entries`);
		}
		return seen;
	} catch (error) {
		await shoot(error);
		throw error;
	} finally {
		await E.deleteOpenNode(page);
	}
}

/**
 * The picker cases: one per operation with a list. `nodes`: [{ label, search, description,
 * credential? }] (credential: the one n8n should preselect, made the most recently updated).
 */
function pickerCases({ distDir, credentialRounds }) {
	const nodes = [
		{
			key: 'byrobot',
			label: 'Byrobot',
			search: 'Byrobot',
			description: loadDescription(distDir, 'nodes/Byrobot/Byrobot.node.js', 'Byrobot'),
		},
		{
			key: 'bangwo8',
			label: 'Bangwo8',
			search: 'Bangwo8',
			description: loadDescription(distDir, 'nodes/Bangwo8/Bangwo8.node.js', 'Bangwo8'),
		},
	];
	const cases = [];
	for (const node of nodes) {
		const rounds = credentialRounds[node.key] ?? [{ credential: undefined }];
		for (const round of rounds) {
			for (const op of operationsOf(node.description, node.key, round.api)) {
				cases.push({
					name: `pickers: ${node.label} ${op.resource} → ${op.operation}${round.credential ? ` (${round.label})` : ''}`,
					group: `pickers ${node.label}${round.credential ? ` ${round.label}` : ''}`,
					before: round.before,
					async run(ctx) {
						return await runOperation(ctx, node, op, round.credential);
					},
				});
			}
		}
	}
	return cases;
}

module.exports = { pickerCases, pickersOf, operationsOf };
