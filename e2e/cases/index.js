'use strict';
// Collects the end-to-end cases: the example workflows (e2e/examples/, checked in examples.js)
// and the per-node cases. A case is
//   { name, workflow, setup?(ctx), check(execution, ctx), expectFailure?, autoDial? }
// where ctx holds the in-process sandboxes ({ byrobot, bangwo8, byrobotOpen }) and `execution` is an
// Execution (scripts/lib/workflow.js) over n8n's JSON. Before each case both sandboxes are reset
// to their seed data; `autoDial` turns BYRobot's instant dialing on for that case.
const CASE_FILES = ['./examples', './byrobot', './byrobotOpen', './bangwo8', './faults'];

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

module.exports = { loadCases };
