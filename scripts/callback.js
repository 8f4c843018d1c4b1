'use strict';
// Sends BYRobot callbacks to a Byrobot Trigger the way the vendor does, for trying the trigger
// in `npm run dev` (the sandbox does not call webhooks by itself):
//
//   node scripts/callback.js <webhook URL> [call|task|inbound|intention|old|open|open-task] [--text]
//
// Copy the URL from the trigger node (Test URL after "Listen for test event", or the
// Production URL of an active workflow; add ?token=… when the node has a Token).
// call: an answered outbound call (CALL_INSTANCE_RESULT) · task: a task finished
// (JOB_INFO_RESULT) · inbound: an inbound call · intention: an intention level changed by hand ·
// old: a call in the old envelope (no dataType) · open / open-task: a call / a task status change
// in the open platform's envelope (data.callbackType).
// --text sends Content-Type text/plain, as BYRobot's private deployments do.
const callbacks = require('../test/sandbox/byrobot-callbacks');

const args = process.argv.slice(2);
const url = args.find((a) => /^https?:\/\//.test(a));
const kind = args.find((a) => !a.startsWith('-') && a !== url) || 'call';

const bodies = {
	call: () => callbacks.callFinished({ duration: 27, durationForm: 'text' }),
	task: () => callbacks.taskStatusChanged({ status: 2 }),
	inbound: () => callbacks.inboundCallFinished(),
	intention: () => callbacks.intentionChanged(),
	old: () => callbacks.oldCallFinished({ duration: 27, durationForm: 'text' }),
	open: () => callbacks.openPlatformCallFinished(),
	'open-task': () => callbacks.openPlatformTaskStatusChanged({ status: 2 }),
};

if (!url || !bodies[kind]) {
	process.stderr.write(
		`usage: node scripts/callback.js <webhook URL> [${Object.keys(bodies).join('|')}] [--text]\n`,
	);
	process.exit(2);
}

callbacks
	.postOnce(url, bodies[kind](), { contentType: args.includes('--text') ? 'text' : 'json' })
	.then((answer) => {
		process.stdout.write(`HTTP ${answer.status}: ${answer.body}\n`);
		// BYRobot counts only the exact body "success" as delivered (else it retries).
		process.exitCode = answer.body === 'success' ? 0 : 1;
	})
	.catch((error) => {
		process.stderr.write(`${error.message}\n`);
		process.exitCode = 1;
	});
