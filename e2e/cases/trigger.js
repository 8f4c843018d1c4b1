'use strict';
// The Byrobot Trigger in a running n8n: the workflow is activated through the REST API and
// BYRobot's callbacks are POSTed to its production webhook the way the vendor sends them
// (test/sandbox/byrobot-callbacks.js). `n8n execute` cannot start a webhook trigger, so this
// runs in the `n8n start` phase of e2e/run.js.
const assert = require('assert/strict');
const path = require('path');

const callbacks = require('../../test/sandbox/byrobot-callbacks');
const { PACKAGE_NAME } = require('../../scripts/lib/n8n');

const WORKFLOW_ID = 'e2eByrobotTrigg1';
const WEBHOOK_ID = 'e2e-byrobot-callbacks';
const TOKEN = 'e2e-callback-token';

const workflow = {
	id: WORKFLOW_ID,
	name: 'e2e: Byrobot Trigger',
	active: false,
	nodes: [
		{
			id: 't1',
			name: 'Byrobot Trigger',
			type: `${PACKAGE_NAME}.byrobotTrigger`,
			typeVersion: 1,
			position: [0, 0],
			webhookId: WEBHOOK_ID,
			parameters: { token: TOKEN, options: { duplicateWindowMinutes: 60 } },
		},
		{
			id: 't2',
			name: 'Received',
			type: 'n8n-nodes-base.noOp',
			typeVersion: 1,
			position: [220, 0],
			parameters: {},
		},
	],
	connections: { 'Byrobot Trigger': { main: [[{ node: 'Received', type: 'main', index: 0 }]] } },
	settings: { executionOrder: 'v1' },
	pinData: {},
};

async function waitFor(fn, what, timeoutMs = 20000) {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await fn();
		if (value) return value;
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
		await new Promise((r) => setTimeout(r, 300));
	}
}

/**
 * @param {{ url: string, rest: import('../../scripts/lib/n8n').RestClient, runtimeDir: string }} server
 */
async function run({ url, rest, runtimeDir }) {
	const stored = await rest.ok('GET', `/rest/workflows/${WORKFLOW_ID}`);
	const activated = await rest.ok('POST', `/rest/workflows/${WORKFLOW_ID}/activate`, {
		versionId: stored.versionId,
	});
	assert.ok(
		activated.active || activated.activeVersionId,
		`n8n did not activate the workflow: ${JSON.stringify(activated).slice(0, 300)}`,
	);

	const hook = `${url}/webhook/${WEBHOOK_ID}/byrobot`;
	const call = callbacks.callFinished({
		callInstanceId: 880001,
		callJobId: 5001,
		duration: 27,
		durationForm: 'text',
		finishStatus: 0,
	});

	// Activation registers the webhook; give n8n a moment if it does so in the background.
	const refused = await waitFor(async () => {
		const answer = await callbacks.postOnce(hook, call);
		return answer.status === 404 ? undefined : answer;
	}, `the webhook ${hook} to be registered`);
	assert.equal(
		refused.status,
		403,
		`without ?token= the webhook should refuse (got ${refused.status} ${refused.body})`,
	);

	const filter = encodeURIComponent(JSON.stringify({ workflowId: WORKFLOW_ID }));
	const successful = async (n) =>
		waitFor(async () => {
			const page = await rest.ok('GET', `/rest/executions?filter=${filter}&limit=10`);
			const list = page.results ?? page;
			return list.filter((e) => e.status === 'success').length >= n ? list : undefined;
		}, `${n} successful execution(s)`);

	const delivered = await callbacks.postCallback(`${hook}?token=${TOKEN}`, call, {
		maxAttempts: 1,
	});
	assert.ok(
		delivered.delivered,
		`a call result should be acknowledged with "success": ${JSON.stringify(delivered.last)}`,
	);
	await successful(1);
	// Private deployments send text/plain.
	const status = callbacks.taskStatusChanged({ callJobId: 5001, status: 2 });
	const text = await callbacks.postCallback(`${hook}?token=${TOKEN}`, status, {
		maxAttempts: 1,
		contentType: 'text',
	});
	assert.ok(
		text.delivered,
		`a text/plain task status callback should be acknowledged: ${JSON.stringify(text.last)}`,
	);
	await successful(2);
	// BYRobot redelivers a call result (at the earliest 10 s later): acknowledged, but no new run.
	const again = await callbacks.postCallback(`${hook}?token=${TOKEN}`, call, { maxAttempts: 1 });
	assert.ok(
		again.delivered,
		'a repeated callback is still acknowledged, so BYRobot stops retrying',
	);
	await new Promise((r) => setTimeout(r, 2000));
	const executions = await successful(2);
	assert.equal(
		executions.length,
		2,
		`the redelivered call result must not start another execution (${executions.length} executions)`,
	);

	const flatted = require(path.join(runtimeDir, 'node_modules', 'flatted'));
	const items = [];
	for (const execution of executions) {
		const full = await rest.ok('GET', `/rest/executions/${execution.id}`);
		const data = typeof full.data === 'string' ? flatted.parse(full.data) : full.data;
		items.push(...data.resultData.runData.Received[0].data.main[0].map((i) => i.json));
	}
	const callItem = items.find((i) => i.event === 'CALL_INSTANCE_RESULT');
	const taskItem = items.find((i) => i.event === 'JOB_INFO_RESULT');
	assert.ok(callItem, `a call item: ${JSON.stringify(items).slice(0, 400)}`);
	assert.equal(callItem.callInstanceId, 880001);
	assert.equal(callItem.duration, 27, '"27秒" arrives as 27');
	assert.equal(callItem.finishStatus, 0);
	assert.ok(taskItem, 'a task status item');
	assert.equal(taskItem.taskId, 5001);
	assert.equal(taskItem.status, 2);

	await rest.ok('POST', `/rest/workflows/${WORKFLOW_ID}/deactivate`, {});
}

module.exports = {
	workflow,
	run,
	name: 'byrobot trigger: activated workflow receives callbacks (token, text/plain, duplicate dropped)',
};
