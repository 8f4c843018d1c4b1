// Duplicates under concurrency and the at-least-once mode, through the webhook harness: each
// request reads the workflow's static data when it arrives and saves it when it is answered, as
// n8n does, so concurrent requests overwrite each other's static data (last save wins). The
// trigger decides in process memory; what two n8n processes (queue mode) share is only that
// static data, simulated here by two separately loaded copies of the node module.
import { WebhookTestServer } from '../harness/webhook';

import type { IDataObject, INodeExecutionData, INodeType } from 'n8n-workflow';

import { ByrobotTrigger } from '../../nodes/Byrobot/ByrobotTrigger.node';
import * as deduplication from '../../nodes/Byrobot/trigger/deduplication';
import { forgetAll } from '../../nodes/Byrobot/trigger/deduplication';
import {
	callFinished,
	oldCallFinished,
	openPlatformCallFinished,
	postCallback,
	postOnce,
	type CallbackAnswer,
} from '../sandbox/byrobot-callbacks';

let server: WebhookTestServer;

/** Runs `tasks` with at most `limit` in flight; resolves to their results in order. */
async function inParallel<T>(tasks: Array<() => Promise<T>>, limit: number): Promise<T[]> {
	const results: T[] = new Array(tasks.length);
	let next = 0;
	await Promise.all(
		Array.from({ length: limit }, async () => {
			while (next < tasks.length) {
				const index = next++;
				results[index] = await tasks[index]();
			}
		}),
	);
	return results;
}

const idsOfRuns = () => server.runs.map((run) => run[0][0].json.callInstanceId as number);

function countBy<T>(values: T[]): Map<T, number> {
	const counts = new Map<T, number>();
	for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
	return counts;
}

/** A freshly loaded copy of the node module: another n8n process with its own memory. */
function otherProcess(): INodeType {
	let node: INodeType | undefined;
	jest.isolateModules(() => {
		const loaded = jest.requireActual<typeof import('../../nodes/Byrobot/ByrobotTrigger.node')>(
			'../../nodes/Byrobot/ByrobotTrigger.node',
		);
		node = new loaded.ByrobotTrigger();
	});
	return node!;
}

beforeAll(async () => {
	server = new WebhookTestServer({ node: new ByrobotTrigger(), parameters: {} });
	await server.start();
});

afterAll(async () => {
	await server.stop();
});

beforeEach(() => {
	forgetAll();
	server.reset();
	server.options.execute = undefined;
	server.options.nodeFor = undefined;
	// n8n reads the workflow from its database before the node runs: a few ms under load.
	server.options.databaseLatencyMs = 5;
	server.setParameters({ options: { duplicateWindowMinutes: 60 } });
});

describe('acknowledged on receipt: duplicates dropped under concurrency', () => {
	it('60 callbacks with 10 in flight, each posted twice: 60 executions, every POST "success"', async () => {
		const payloads = Array.from({ length: 60 }, (_, i) =>
			callFinished({ callInstanceId: 1000 + i }),
		);
		const round = async () =>
			await inParallel(
				payloads.map((payload) => async () => await postOnce(server.productionUrl, payload)),
				10,
			);
		const answers = [...(await round()), ...(await round())];
		expect(answers.filter((a) => a.body === 'success')).toHaveLength(120);
		expect(server.runs).toHaveLength(60);
		expect([...countBy(idsOfRuns()).values()].every((n) => n === 1)).toBe(true);
	});

	it('static data alone (the earlier design) would not hold: the harness reproduces the race', async () => {
		// Every request with an empty memory: only what the static data carries counts.
		jest.spyOn(deduplication, 'memoryFor').mockImplementation(() => ({
			done: new Map(),
			recent: new Map(),
			running: new Map(),
			writer: String(Math.random()),
			version: 0,
		}));
		const payloads = Array.from({ length: 60 }, (_, i) =>
			callFinished({ callInstanceId: 1000 + i }),
		);
		const round = async () =>
			await inParallel(
				payloads.map((payload) => async () => await postOnce(server.productionUrl, payload)),
				10,
			);
		await round();
		await round();
		jest.restoreAllMocks();
		expect(server.runs.length).toBeGreaterThan(70);
	});

	it('each callback posted twice at the same moment, 40 in flight: one execution each', async () => {
		const tasks = Array.from({ length: 40 }, (_, i) =>
			callFinished({ callInstanceId: 2000 + i }),
		).flatMap((payload) => [
			async () => await postOnce(server.productionUrl, payload),
			async () => await postOnce(server.productionUrl, payload, { contentType: 'text' }),
		]);
		const answers = await inParallel(tasks, 40);
		expect(answers.every((a) => a.body === 'success')).toBe(true);
		expect(server.runs).toHaveLength(40);
	});

	it('each save writes the process memory, not only its own key: nothing is lost to the last save', async () => {
		const payloads = Array.from({ length: 30 }, (_, i) =>
			callFinished({ callInstanceId: 3000 + i }),
		);
		await inParallel(
			payloads.map((payload) => async () => await postOnce(server.productionUrl, payload)),
			10,
		);
		// A call counts as delivered once n8n answered it, after n8n saved that request's static
		// data: the next request saves it.
		await postOnce(server.productionUrl, callFinished({ callInstanceId: 3999 }));
		const stored = server.staticData['node:Trigger Under Test'] as { seen: Record<string, number> };
		expect(Object.keys(stored.seen).sort()).toEqual(
			payloads.map((_, i) => `CALL_INSTANCE_RESULT:${3000 + i}`).sort(),
		);
	});

	it('after a restart the repeats are still recognised from the saved static data', async () => {
		const payloads = Array.from({ length: 20 }, (_, i) =>
			callFinished({ callInstanceId: 4000 + i }),
		);
		for (const payload of payloads) await postOnce(server.productionUrl, payload);
		await postOnce(server.productionUrl, callFinished({ callInstanceId: 4999 }));
		forgetAll(); // n8n restarted: the process memory is gone
		await inParallel(
			payloads.map((payload) => async () => await postOnce(server.productionUrl, payload)),
			10,
		);
		expect(server.runs).toHaveLength(21);
	});

	it('mixed envelopes of the same calls, concurrently: one execution per call', async () => {
		const builders = [callFinished, oldCallFinished, openPlatformCallFinished] as const;
		const tasks = Array.from({ length: 20 }, (_, i) => 5000 + i).flatMap((id) =>
			builders.map(
				(build) => async () =>
					await postOnce(server.productionUrl, build({ callInstanceId: id }) as object),
			),
		);
		await inParallel(tasks, 15);
		expect(server.runs).toHaveLength(20);
	});
});

describe('two n8n processes (queue mode: several webhook processes)', () => {
	it('a repeat that reaches the other process later is dropped: the static data carries the key', async () => {
		const processes = [new ByrobotTrigger(), otherProcess()];
		server.options.nodeFor = (call) => processes[call % 2];
		const payloads = Array.from({ length: 20 }, (_, i) =>
			callFinished({ callInstanceId: 6000 + i }),
		);
		// First deliveries one after another, alternating between the processes, then one more
		// callback at each (traffic goes on: each request saves what its process delivered before).
		for (const payload of payloads) await postOnce(server.productionUrl, payload);
		await postOnce(server.productionUrl, callFinished({ callInstanceId: 6998 }));
		await postOnce(server.productionUrl, callFinished({ callInstanceId: 6999 }));
		// Each repeat at the process that did not see it first.
		server.options.nodeFor = (call) => processes[(call + 1) % 2];
		for (const payload of payloads) await postOnce(server.productionUrl, payload);
		expect(server.runs).toHaveLength(22);
	});

	it('the limit across processes: a key reaches the static data with its process’s next request', async () => {
		const processes = [new ByrobotTrigger(), otherProcess()];
		server.options.nodeFor = (call) => processes[call % 2];
		const payload = callFinished({ callInstanceId: 6500 });
		// A quiet moment: the first process takes the call and nothing else; its repeat reaches the
		// other process, which cannot know it yet.
		await postOnce(server.productionUrl, payload);
		await postOnce(server.productionUrl, payload);
		expect(server.runs).toHaveLength(2);
		// Once the first process has handled another request, the key is shared.
		server.options.nodeFor = (call) => processes[call % 2];
		await postOnce(server.productionUrl, callFinished({ callInstanceId: 6501 })); // process 0
		await postOnce(server.productionUrl, payload); // process 1
		expect(server.runs).toHaveLength(3);
	});

	it('concurrent deliveries across processes: the limit — the static data’s last save wins', async () => {
		const processes = [new ByrobotTrigger(), otherProcess()];
		server.options.nodeFor = (call) => processes[call % 2];
		const payloads = Array.from({ length: 30 }, (_, i) =>
			callFinished({ callInstanceId: 7000 + i }),
		);
		// The same callback at both processes at the same moment: neither has seen the other's.
		const tasks = payloads.flatMap((payload) => [
			async () => await postOnce(server.productionUrl, payload),
			async () => await postOnce(server.productionUrl, payload),
		]);
		await inParallel(tasks, 20);
		const runs = server.runs.length;
		expect(runs).toBeGreaterThanOrEqual(30);
		expect(runs).toBeLessThanOrEqual(60);
		// Each process still runs a call at most once.
		const perProcess = server.calls
			.map((call, index) => ({ call, process: index % 2 }))
			.filter(({ call }) => call.started);
		for (const process of [0, 1]) {
			const ids = perProcess
				.filter((entry) => entry.process === process)
				.map(({ call }) => call.result?.workflowData?.[0][0].json.callInstanceId);
			expect(new Set(ids).size).toBe(ids.length);
		}
	});
});

describe('at-least-once: "success" only once the workflow has succeeded', () => {
	/** The workflow: fails for the call ids in `failing` (once each, then recovers). */
	function workflowThatFails(failing: Set<number>, delayMs = 0) {
		return async (items: INodeExecutionData[][]) => {
			const id = items[0][0].json.callInstanceId as number;
			if (delayMs) await new Promise((r) => setTimeout(r, delayMs));
			if (failing.delete(id)) throw new Error(`CRM down for ${id}`);
		};
	}

	beforeEach(() => {
		server.setParameters({ acknowledge: 'afterSuccess', options: { duplicateWindowMinutes: 60 } });
	});

	it('a succeeded run is answered exactly "success" (plain text) after it ended', async () => {
		let ended = false;
		server.options.execute = async () => {
			await new Promise((r) => setTimeout(r, 50));
			ended = true;
		};
		const answer = await postOnce(server.productionUrl, callFinished({ callInstanceId: 1 }));
		expect(ended).toBe(true);
		expect(answer.status).toBe(200);
		expect(answer.body).toBe('success');
		expect(answer.headers['content-type']).toMatch(/^text\/plain/);
		expect(answer.headers['content-length']).toBe('7');
	});

	it('a failed run gets HTTP 500; BYRobot sends it again and the workflow runs again', async () => {
		server.options.execute = workflowThatFails(new Set([2]));
		const delivery = await postCallback(server.productionUrl, callFinished({ callInstanceId: 2 }), {
			maxAttempts: 5,
		});
		expect(delivery.delivered).toBe(true);
		expect(delivery.attempts.map((a: CallbackAnswer) => a.status)).toEqual([500, 200]);
		expect(delivery.attempts[0].body).not.toBe('success');
		expect(server.runs).toHaveLength(2);
		expect(server.calls.map((call) => call.runFailed)).toEqual([true, false]);
	});

	it('a succeeded call is not run twice: its repeat is answered "success" without a run', async () => {
		await postOnce(server.productionUrl, callFinished({ callInstanceId: 3 }));
		const again = await postOnce(server.productionUrl, callFinished({ callInstanceId: 3 }));
		expect(again.body).toBe('success');
		expect(server.runs).toHaveLength(1);
	});

	it('a repeat while the first run goes on gets 503 (BYRobot retries), then "success" without a run', async () => {
		server.options.execute = workflowThatFails(new Set(), 300);
		const payload = callFinished({ callInstanceId: 4 });
		const first = postOnce(server.productionUrl, payload);
		await new Promise((r) => setTimeout(r, 50));
		const during = await postOnce(server.productionUrl, payload);
		expect(during.status).toBe(503);
		expect(during.headers['retry-after']).toBe('10');
		expect((await first).body).toBe('success');
		const after = await postOnce(server.productionUrl, payload);
		expect(after.body).toBe('success');
		expect(server.runs).toHaveLength(1);
	});

	it('40 callbacks with 20 in flight, each twice, a third of the runs failing once: every call delivered, succeeded once', async () => {
		const ids = Array.from({ length: 40 }, (_, i) => 8000 + i);
		const failing = new Set(ids.filter((id) => id % 3 === 0));
		const failed = failing.size;
		server.options.execute = workflowThatFails(failing, 5);
		const deliver = (id: number) => async () =>
			await postCallback(server.productionUrl, callFinished({ callInstanceId: id }), {
				maxAttempts: 6,
				intervalMs: () => 20,
			});
		const results = await inParallel([...ids, ...ids].map(deliver), 20);
		expect(results.every((r) => r.delivered)).toBe(true);
		const succeeded = server.calls.filter((call) => call.started && call.runFailed === false);
		const succeededIds = succeeded.map(
			(call) => call.result?.workflowData?.[0][0].json.callInstanceId,
		);
		expect(succeededIds.sort()).toEqual([...ids].sort());
		expect(server.runs).toHaveLength(ids.length + failed);
		const statuses = results.flatMap((r) => r.attempts.map((a: CallbackAnswer) => a.status));
		expect(statuses.every((s) => s === 200 || s === 500 || s === 503)).toBe(true);
	});

	it('without Drop Duplicates every delivery runs (0 turns it off)', async () => {
		server.setParameters({ acknowledge: 'afterSuccess', options: { duplicateWindowMinutes: 0 } });
		await postOnce(server.productionUrl, callFinished({ callInstanceId: 5 }));
		await postOnce(server.productionUrl, callFinished({ callInstanceId: 5 }));
		expect(server.runs).toHaveLength(2);
	});

	it('refusals are still answered by the node at once (403, 400) and start nothing', async () => {
		server.setParameters({ acknowledge: 'afterSuccess', token: 't' });
		expect((await postOnce(`${server.productionUrl}?token=x`, callFinished())).status).toBe(403);
		expect(
			(await postOnce(`${server.productionUrl}?token=t`, { code: 200, data: {} })).status,
		).toBe(400);
		expect(server.runs).toHaveLength(0);
	});

	it('the response mode is n8n’s "lastNode" with no data only in this mode', () => {
		const webhook = new ByrobotTrigger().description.webhooks![0];
		expect(webhook.responseMode).toContain('lastNode');
		expect(webhook.responseMode).toContain('onReceived');
		expect(webhook.responseData).toContain('"noData"');
		expect(webhook.responseData).toContain('"success"');
	});
});

describe('item shape in at-least-once mode', () => {
	it('is the same item', async () => {
		server.setParameters({ acknowledge: 'afterSuccess' });
		await postOnce(server.productionUrl, callFinished({ callInstanceId: 9 }));
		expect(server.lastRunItems[0].json as IDataObject).toMatchObject({
			event: 'CALL_INSTANCE_RESULT',
			callInstanceId: 9,
		});
	});
});
