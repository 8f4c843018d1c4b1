'use strict';
// The Byrobot Trigger in a running n8n: the workflow is activated through the REST API and
// BYRobot's callbacks are POSTed to its production webhook the way the vendor sends them
// (test/sandbox/byrobot-callbacks.js): the three envelopes, dozens at once (each twice), and the
// at-least-once mode with a workflow that fails once. `n8n execute` cannot start a webhook
// trigger, so this runs in the `n8n start` phase of e2e/run.js.
const assert = require('assert/strict');
const path = require('path');

const callbacks = require('../../test/sandbox/byrobot-callbacks');
const { PACKAGE_NAME } = require('../../scripts/lib/n8n');
const {
	createAndActivate,
	crmWorkflow,
	executionsOf,
	inParallel,
	startCrm,
	waitFor: waitUntil,
} = require('../load/common');

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

	const successful = async (n) =>
		waitFor(
			async () => {
				const list = await executionsOf(rest, WORKFLOW_ID);
				return list.filter((e) => e.status === 'success').length >= n ? list : undefined;
			},
			`${n} successful execution(s)`,
			60000,
		);

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
	const itemsOf = async (list) => {
		const items = [];
		for (const execution of list) {
			const full = await rest.ok('GET', `/rest/executions/${execution.id}`);
			const data = typeof full.data === 'string' ? flatted.parse(full.data) : full.data;
			items.push(...data.resultData.runData.Received[0].data.main[0].map((i) => i.json));
		}
		return items;
	};
	const items = await itemsOf(executions);
	const callItem = items.find((i) => i.event === 'CALL_INSTANCE_RESULT');
	const taskItem = items.find((i) => i.event === 'JOB_INFO_RESULT');
	assert.ok(callItem, `a call item: ${JSON.stringify(items).slice(0, 400)}`);
	assert.equal(callItem.callInstanceId, 880001);
	assert.equal(callItem.duration, 27, '"27秒" arrives as 27');
	assert.equal(callItem.finishStatus, 0);
	assert.ok(taskItem, 'a task status item');
	assert.equal(taskItem.taskId, 5001);
	assert.equal(taskItem.status, 2);

	// The old envelope (no dataType) and the open platform's (callbackType): one execution each.
	const hookWithToken = `${hook}?token=${TOKEN}`;
	for (const body of [
		callbacks.oldCallFinished({ callInstanceId: 880002 }),
		callbacks.openPlatformCallFinished({ callInstanceId: 880003 }),
		callbacks.openPlatformTaskStatusChanged({ callJobId: 5002, status: 4 }),
	]) {
		const answer = await callbacks.postOnce(hookWithToken, body);
		assert.equal(
			answer.body,
			'success',
			`envelope ${JSON.stringify(body).slice(0, 80)}: ${answer.status} ${answer.body}`,
		);
	}
	// Every successful execution's items: n8n's list order of executions that finish together is
	// not the order they were posted in.
	const afterEnvelopes = await successful(5);
	const envelopeItems = await itemsOf(afterEnvelopes.filter((e) => e.status === 'success'));
	const byId = (id) => envelopeItems.find((i) => i.callInstanceId === id);
	assert.equal(byId(880002)?.envelope, 'old', 'the old envelope became a call item');
	assert.equal(
		byId(880003)?.envelope,
		'openPlatform',
		'the open platform envelope became a call item',
	);
	assert.equal(byId(880003)?.intention?.grade, 'A');
	assert.ok(
		envelopeItems.some((i) => i.event === 'JOB_INFO_RESULT' && i.taskId === 5002 && i.status === 4),
		'the open platform task status change became a task item',
	);
	assert.equal(
		(await callbacks.postOnce(hookWithToken, { code: 200, data: { foo: 1 } })).status,
		400,
		'a body that is not BYRobot’s gets 400',
	);

	// Dozens at once, each twice (BYRobot's retry): one execution per callback.
	const burst = Array.from({ length: 30 }, (_, i) =>
		callbacks.callFinished({ callInstanceId: 881000 + i }),
	);
	const post = (body) => async () => await callbacks.postOnce(hookWithToken, body);
	const answers = [
		...(await inParallel(burst.map(post), 10)),
		...(await inParallel(burst.map(post), 10)),
	];
	assert.deepEqual(
		answers.filter((a) => a.body !== 'success').map((a) => `${a.status} ${a.body}`),
		[],
		'every POST of the burst is answered "success"',
	);
	await successful(35);
	await new Promise((r) => setTimeout(r, 2000));
	const afterBurst = await executionsOf(rest, WORKFLOW_ID);
	assert.equal(
		afterBurst.length,
		35,
		`30 callbacks posted twice start 30 executions (${afterBurst.length - 5})`,
	);
	await rest.ok('POST', `/rest/workflows/${WORKFLOW_ID}/deactivate`, {});

	await atLeastOnce({ url, rest });
}

/**
 * Acknowledge → When the Workflow Succeeded: the workflow writes to a CRM that fails the first
 * write of call 882001. BYRobot's first POST gets n8n's HTTP 500, its retry runs the workflow
 * again and gets "success"; a later repeat of either call gets "success" without a run.
 */
async function atLeastOnce({ url, rest }) {
	const crm = await startCrm({ failFirst: (id) => (id === '882001' ? 1 : 0) });
	try {
		const webhookId = 'e2e-byrobot-at-least-once';
		const workflowId = await createAndActivate(
			rest,
			crmWorkflow({
				name: 'e2e: Byrobot Trigger at-least-once',
				webhookId,
				parameters: { token: TOKEN, acknowledge: 'afterSuccess' },
				crmUrl: crm.url,
			}),
		);
		const hook = `${url}/webhook/${webhookId}/byrobot?token=${TOKEN}`;
		await waitUntil(
			async () => (await callbacks.postOnce(hook, 'x', { contentType: 'text' })).status === 400,
			`the webhook ${hook} to be registered`,
		);
		const failing = callbacks.callFinished({ callInstanceId: 882001 });
		const first = await callbacks.postOnce(hook, failing);
		assert.equal(
			first.status,
			500,
			`a failed run is answered HTTP 500 (got ${first.status} ${first.body})`,
		);
		assert.notEqual(first.body, 'success');
		const retry = await callbacks.postCallback(hook, failing, { maxAttempts: 1 });
		assert.ok(
			retry.delivered,
			`BYRobot's retry runs the workflow again: ${JSON.stringify(retry.last)}`,
		);
		assert.equal(retry.last.headers['content-type']?.split(';')[0], 'text/plain');
		const repeat = await callbacks.postOnce(hook, failing);
		assert.equal(repeat.body, 'success', 'a repeat of the succeeded call is acknowledged');

		const fine = callbacks.callFinished({ callInstanceId: 882002 });
		assert.equal((await callbacks.postOnce(hook, fine)).body, 'success');
		assert.equal((await callbacks.postOnce(hook, fine)).body, 'success');

		await new Promise((r) => setTimeout(r, 1500));
		assert.equal(crm.failed.get('882001'), 1, 'the first run of 882001 failed at the CRM');
		assert.equal(crm.writes.get('882001'), 1, '882001 was written once, by the retry');
		assert.equal(crm.writes.get('882002'), 1, '882002 was written once');
		const executions = await executionsOf(rest, workflowId);
		const statuses = executions.map((e) => e.status).sort();
		assert.deepEqual(
			statuses,
			['error', 'success', 'success'],
			`executions: ${statuses.join(', ')}`,
		);
		await rest.ok('POST', `/rest/workflows/${workflowId}/deactivate`, {});
	} finally {
		await crm.close();
	}
}

module.exports = {
	workflow,
	run,
	name: 'byrobot trigger: activated workflow receives callbacks (token, text/plain, three envelopes, 30 concurrent twice, duplicates dropped, at-least-once retry)',
};
