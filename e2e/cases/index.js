'use strict';
// Collects the end-to-end cases: the example workflows (e2e/examples/, checked in examples.js)
// and the per-node cases. A case is
//   { name, workflow, setup?(ctx), check(execution, ctx), expectFailure?, autoDial? }
// where ctx holds the in-process sandboxes ({ byrobot, bangwo8, byrobotOpen }) and `execution` is an
// Execution (scripts/lib/workflow.js) over n8n's JSON. Before each case the sandboxes are reset
// to their seed data; `autoDial` turns BYRobot's instant dialing on for that case. A case with
// `skip: '<reason>'` is listed as skipped instead of run (a node the n8n version lacks). A case
// that needs a helper of its own starts it in `prepare(ctx)` (before the import; it may set
// `credentials`, n8n credentials to import with the others) and stops it in `teardown()`.
//
// Server cases run against `n8n start` (e2e/run.js, after the Byrobot Trigger): a file exports
// them as `serverCases(ctx)`, each { name, skip?, run({ url, rest, runtimeDir, runtime, byrobot,
// bangwo8 }) }, with both sandboxes reset before each.
const CASE_FILES = ['./examples', './byrobot', './byrobotOpen', './bangwo8', './faults', './tools'];
const SERVER_CASE_FILES = ['./tools'];

function loadCases(ctx) {
	const cases = CASE_FILES.flatMap((file) => require(file)(ctx));
	const ids = new Set();
	cases.forEach((c, index) => {
		if (!c.workflow.id) c.workflow.id = `e2eWorkflow${String(index + 1).padStart(5, '0')}`;
		if (ids.has(c.workflow.id)) throw new Error(`two e2e workflows share the id ${c.workflow.id}`);
		ids.add(c.workflow.id);
		c.workflow.name ??= c.name;
	});
	return cases;
}

function loadServerCases(ctx) {
	return SERVER_CASE_FILES.flatMap((file) => require(file).serverCases?.(ctx) ?? []);
}

module.exports = { loadCases, loadServerCases };
