'use strict';
// Builds n8n workflow JSON (the e2e cases, bench-import) and reads n8n's execution JSON back;
// CREDENTIALS are the fixed credentials the e2e and dev instances import.
const { PACKAGE_NAME } = require('./n8n');

/** The credentials the e2e and dev instances import (ids are fixed so workflows can name them). */
const CREDENTIALS = Object.freeze({
	byrobot: { id: 'byrobotSandbox01', name: 'BYRobot sandbox', type: 'byrobotApi' },
	bangwo8: { id: 'bangwo8Sandbox01', name: 'Bangwo8 sandbox', type: 'bangwo8Api' },
	bangwo8OAuth2: {
		id: 'bangwo8OAuthSbx1',
		name: 'Bangwo8 sandbox (OAuth2)',
		type: 'bangwo8OAuth2Api',
	},
	byrobotOpen: {
		id: 'byrobotOpenSbx01',
		name: 'Byrobot Open Platform (sandbox)',
		type: 'byrobotOpenPlatformApi',
	},
});

const SHORT_TYPES = {
	byrobot: `${PACKAGE_NAME}.byrobot`,
	bangwo8: `${PACKAGE_NAME}.bangwo8`,
	manualTrigger: 'n8n-nodes-base.manualTrigger',
	code: 'n8n-nodes-base.code',
	set: 'n8n-nodes-base.set',
	if: 'n8n-nodes-base.if',
	filter: 'n8n-nodes-base.filter',
	noOp: 'n8n-nodes-base.noOp',
};

const TYPE_VERSIONS = {
	'n8n-nodes-base.manualTrigger': 1,
	'n8n-nodes-base.code': 2,
	'n8n-nodes-base.set': 3.4,
	'n8n-nodes-base.if': 2,
	'n8n-nodes-base.filter': 2,
	'n8n-nodes-base.noOp': 1,
};

const TRIGGER = 'Start';

/**
 * A workflow from a compact node list. Each node:
 *   { name, type: 'byrobot' | 'bangwo8' | 'code' | … | full type, parameters,
 *     after?: 'Node' | ['Node', outputIndex] (default: the manual trigger),
 *     credential?: key of CREDENTIALS (default: byrobot / bangwo8 for our nodes, none for others),
 *     continueOnFail?, executeOnce?, alwaysOutputData? }
 */
function buildWorkflow({ id, name, nodes }) {
	const all = [
		{
			id: 'trigger',
			name: TRIGGER,
			type: SHORT_TYPES.manualTrigger,
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
		},
	];
	const connections = {};
	nodes.forEach((spec, index) => {
		const type = SHORT_TYPES[spec.type] ?? spec.type;
		const node = {
			id: `n${index + 1}`,
			name: spec.name,
			type,
			typeVersion: spec.typeVersion ?? TYPE_VERSIONS[type] ?? 1,
			position: [220 * (index + 1), 0],
			parameters: spec.parameters ?? {},
		};
		const credential =
			spec.credential ??
			(spec.type === 'byrobot' ? 'byrobot' : spec.type === 'bangwo8' ? 'bangwo8' : undefined);
		if (credential) {
			const c = CREDENTIALS[credential];
			if (!c) throw new Error(`${name}/${spec.name}: unknown credential ${credential}`);
			node.credentials = { [c.type]: { id: c.id, name: c.name } };
		}
		if (spec.continueOnFail) node.onError = 'continueRegularOutput';
		if (spec.executeOnce) node.executeOnce = true;
		if (spec.alwaysOutputData) node.alwaysOutputData = true;
		all.push(node);
		const [from, output] = Array.isArray(spec.after) ? spec.after : [spec.after ?? TRIGGER, 0];
		connections[from] ??= { main: [] };
		while (connections[from].main.length <= output) connections[from].main.push([]);
		connections[from].main[output].push({ node: spec.name, type: 'main', index: 0 });
	});
	return {
		id,
		name,
		active: false,
		nodes: all,
		connections,
		settings: { executionOrder: 'v1' },
		pinData: {},
	};
}

/** A readable view of what `n8n execute --rawOutput` printed. */
class Execution {
	constructor(raw) {
		this.raw = raw;
		this.resultData = raw?.data?.resultData ?? {};
		this.runData = this.resultData.runData ?? {};
		/** The workflow error when the execution failed. */
		this.error = this.resultData.error;
		this.status = raw?.status;
	}

	/** Whether the node ran at all. */
	ran(node) {
		return Array.isArray(this.runData[node]) && this.runData[node].length > 0;
	}

	/** The JSON of the items a node put out (first run, given output). */
	items(node, output = 0, run = 0) {
		const task = this.runData[node]?.[run];
		if (!task)
			throw new Error(`node "${node}" did not run (ran: ${Object.keys(this.runData).join(', ')})`);
		return (task.data?.main?.[output] ?? []).map((item) => item.json);
	}

	/** The items of all runs of a node (a node runs once per input item unless told otherwise). */
	allItems(node, output = 0) {
		return (this.runData[node] ?? []).flatMap((task) =>
			(task.data?.main?.[output] ?? []).map((i) => i.json),
		);
	}

	/** The error a node stopped with, if any. */
	nodeError(node) {
		return this.runData[node]?.[0]?.error;
	}
}

module.exports = { CREDENTIALS, SHORT_TYPES, TRIGGER, buildWorkflow, Execution };
