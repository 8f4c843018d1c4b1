'use strict';
// BYRobot under load, as the load case plays it: N distinct call-result callbacks POSTed with
// `concurrency` in flight, then every one of them again 10 s later (BYRobot's first retry, as
// after an answer it never read), then, for any callback not yet answered `success`, further
// retries every 10 s (BYRobot waits 10 s, 30 s, 1 min, …; compressed here). Every POST is
// recorded; verdict() compares what BYRobot was told with what the workflow did (the CRM's writes).
const callbacks = require('../../test/sandbox/byrobot-callbacks');
const { inParallel, ms, percentile } = require('./common');

/** The N callbacks: mostly the current envelope, every 10th the old one, every 10th the open platform's. */
function loadCallbacks(count, firstId) {
	return Array.from({ length: count }, (_, i) => {
		const id = firstId + i;
		const variant = i % 10 === 3 ? 'old' : i % 10 === 7 ? 'openPlatform' : 'current';
		const body =
			variant === 'old'
				? callbacks.oldCallFinished({ callInstanceId: id })
				: variant === 'openPlatform'
					? callbacks.openPlatformCallFinished({ callInstanceId: id })
					: callbacks.callFinished({ callInstanceId: id, duration: 20 + (i % 40) });
		return { id: String(id), variant, body, contentType: i % 4 === 1 ? 'text' : 'json' };
	});
}

/**
 * Plays the rounds. Resolves to { posts: [{id, round, status, body, ms, error?}], rounds:
 * [{round, callbacks, ms}] }.
 * @param {{ url: string, calls: ReturnType<typeof loadCallbacks>, concurrency: number,
 *   againAfterMs?: number, retryRounds?: number, log?: (line: string) => void }} options
 */
async function play({
	url,
	calls,
	concurrency,
	againAfterMs = 10000,
	retryRounds = 8,
	log = () => {},
}) {
	const posts = [];
	const rounds = [];
	const acknowledged = new Set();
	const postAll = async (round, list) => {
		const started = Date.now();
		await inParallel(
			list.map((call) => async () => {
				const t = Date.now();
				let answer;
				try {
					answer = await callbacks.postOnce(url, call.body, { contentType: call.contentType });
				} catch (error) {
					answer = { status: 0, body: '', error: String(error && error.message) };
				}
				const record = {
					id: call.id,
					round,
					status: answer.status,
					body: answer.body,
					ms: Date.now() - t,
				};
				if (answer.error) record.error = answer.error;
				posts.push(record);
				if (answer.body === 'success') acknowledged.add(call.id);
			}),
			concurrency,
		);
		const took = Date.now() - started;
		rounds.push({ round, callbacks: list.length, ms: took });
		const answered = posts.filter((p) => p.round === round);
		const ok = answered.filter((p) => p.body === 'success').length;
		log(
			`round ${round}: ${list.length} POSTs, ${concurrency} in flight, ${ms(took)} (${(list.length / (took / 1000)).toFixed(1)}/s): ${ok} success, ${list.length - ok} other (${summarise(answered.filter((p) => p.body !== 'success'))})`,
		);
	};
	await postAll(1, calls);
	await new Promise((r) => setTimeout(r, againAfterMs));
	await postAll(2, calls);
	for (let round = 3; round < 3 + retryRounds; round++) {
		const missing = calls.filter((call) => !acknowledged.has(call.id));
		if (missing.length === 0) break;
		await new Promise((r) => setTimeout(r, againAfterMs));
		await postAll(round, missing);
	}
	return { posts, rounds, acknowledged };
}

function summarise(posts) {
	const counts = new Map();
	for (const p of posts) {
		const key = p.error ? `network: ${p.error}` : `${p.status} ${String(p.body).slice(0, 40)}`;
		counts.set(key, (counts.get(key) ?? 0) + 1);
	}
	return [...counts].map(([k, n]) => `${n}× ${k}`).join('; ') || 'none';
}

/**
 * What BYRobot was told against what happened: every POST answered (`success`, or a 5xx BYRobot
 * retries), every callback acknowledged in the end, none acknowledged without its run (no CRM
 * write), none run twice. Returns { failures: string[], lines: string[] (the figures) }.
 */
function verdict({ label, calls, played, crm, counts }) {
	const { posts, rounds, acknowledged } = played;
	const failures = [];
	const unanswered = posts.filter((p) => p.status === 0);
	if (unanswered.length)
		failures.push(`${unanswered.length} POSTs got no HTTP answer (${summarise(unanswered)})`);
	const odd = posts.filter((p) => p.status !== 0 && p.body !== 'success' && p.status < 500);
	if (odd.length)
		failures.push(`${odd.length} POSTs answered neither "success" nor 5xx (${summarise(odd)})`);
	const never = calls.filter((c) => !acknowledged.has(c.id));
	if (never.length)
		failures.push(
			`${never.length} callbacks never answered "success" (e.g. ${never
				.slice(0, 5)
				.map((c) => c.id)
				.join(', ')})`,
		);
	const withoutRun = [...acknowledged].filter((id) => !crm.writes.has(id));
	if (withoutRun.length)
		failures.push(
			`${withoutRun.length} callbacks acknowledged without an execution (e.g. ${withoutRun.slice(0, 5).join(', ')})`,
		);
	const twice = [...crm.writes].filter(([, n]) => n > 1);
	if (twice.length)
		failures.push(
			`${twice.length} calls run more than once (e.g. ${twice
				.slice(0, 5)
				.map(([id, n]) => `${id}×${n}`)
				.join(', ')})`,
		);
	const stray = [...crm.writes.keys()].filter((id) => !calls.some((c) => c.id === id));
	if (stray.length) failures.push(`${stray.length} CRM writes for unknown calls`);
	const notSucceeded = Object.entries(counts.byStatus).filter(([s, n]) => s !== 'success' && n > 0);
	if (notSucceeded.length) {
		failures.push(
			`executions that did not succeed: ${notSucceeded.map(([s, n]) => `${n} ${s}`).join(', ')}`,
		);
	}
	if (counts.total !== calls.length) {
		failures.push(`${counts.total} executions for ${calls.length} callbacks`);
	}

	const acks = posts.filter((p) => p.body === 'success').map((p) => p.ms);
	const first = posts.filter((p) => p.round === 1 && p.body === 'success').map((p) => p.ms);
	const fiveXX = posts.filter((p) => p.status >= 500);
	const round1 = rounds.find((r) => r.round === 1);
	const round2 = rounds.find((r) => r.round === 2);
	const lines = [
		`${label}: ${calls.length} callbacks, ${posts.length} POSTs in ${rounds.length} rounds; ${acks.length} answered "success", ${fiveXX.length} answered 5xx (${summarise(fiveXX)})`,
		`${label}: throughput round 1 ${(round1.callbacks / (round1.ms / 1000)).toFixed(1)} callbacks/s (${ms(round1.ms)}), round 2 (repeats) ${(round2.callbacks / (round2.ms / 1000)).toFixed(1)}/s (${ms(round2.ms)})`,
		`${label}: acknowledgement latency, all "success": p50 ${ms(percentile(acks, 50))}, p95 ${ms(percentile(acks, 95))}, p99 ${ms(percentile(acks, 99))}, max ${ms(Math.max(...acks))}; round 1: p50 ${ms(percentile(first, 50))}, p95 ${ms(percentile(first, 95))}`,
		`${label}: ${counts.total} executions (${counts.byStatus.success} succeeded), ${crm.writes.size} calls written to the CRM, ${twice.length} run twice, ${withoutRun.length} acknowledged without an execution, ${never.length} never acknowledged`,
	];
	return { failures, lines };
}

module.exports = { loadCallbacks, play, verdict };
