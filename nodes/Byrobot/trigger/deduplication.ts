// BYRobot retries a callback until it reads `success` (docs/api/byrobot.md#callback-acknowledgement),
// so the same delivery can arrive more than once, and callbacks arrive concurrently. What the
// trigger has seen is decided in this process's memory, synchronously: JavaScript runs one
// request's check-and-record to its end before the next begins, so dozens of callbacks arriving
// together cannot both pass. The workflow's static data only carries that memory over restarts
// and to other n8n processes, and is read-modify-write, last save wins (README, Byrobot Trigger:
// "Duplicates").
import { createHash, randomBytes } from 'crypto';

import type { IDataObject } from 'n8n-workflow';

import { isObject, TASK_STATUS_CHANGED, toList, type Callback } from './payload';

/**
 * What makes two callbacks the same delivery: the event, the call instance or task, and what
 * changed (a task's status; a hand-edited intention's results). The same for all three envelopes.
 * Undefined when there is no id.
 */
export function duplicateKey(callback: Callback): string | undefined {
	const { event, data } = callback;
	if (event === TASK_STATUS_CHANGED) {
		if (data.callJobId === undefined || data.callJobId === null) return undefined;
		return `${event}:${String(data.callJobId)}:${String(data.status ?? data.callJobStatus)}`;
	}
	const call = isObject(data.sceneInstance)
		? data.sceneInstance
		: isObject(data.callInstance)
			? data.callInstance
			: undefined;
	if (call) {
		const id = call.callInstanceId ?? call.inboundInstanceId;
		return id === undefined || id === null ? undefined : `${event}:${String(id)}`;
	}
	const taskResult = toList(data.taskResult);
	const id = taskResult[0]?.sceneInstanceId ?? taskResult[0]?.callInstanceId;
	if (id === undefined || id === null) return undefined;
	// The rows themselves can be long; a digest keeps the remembered key short.
	const digest = createHash('sha256').update(JSON.stringify(taskResult)).digest('hex').slice(0, 16);
	return `${event}:${String(id)}:intention:${digest}`;
}

/**
 * What the trigger keeps in the node's static data: each key and when it was delivered (ms), and
 * which process memory wrote it, at which version (a copy a process wrote itself holds nothing
 * it does not know, and is not written again unless its memory changed).
 */
export interface DuplicateState extends IDataObject {
	seen?: Record<string, number>;
	writer?: string;
	version?: number;
}

/** Keys one trigger remembers in memory; the oldest go first. */
export const MAX_REMEMBERED = 50_000;

/** Keys written to the static data (saved to n8n's database with every new callback). */
export const MAX_PERSISTED = 1_000;

/**
 * How long a delivery n8n has not answered yet makes its repeats wait (they get 503, which BYRobot
 * retries): n8n answers once it has stored the execution, or (at-least-once) once the run ended.
 * After this the delivery is presumed lost and a repeat runs again.
 */
export const RUNNING_TIMEOUT_MS = 10 * 60_000;

/** One trigger node's memory in this process. */
export interface Memory {
	/** key → when it was delivered: n8n answered 2xx (stored the execution; at-least-once: it succeeded). */
	done: Map<string, number>;
	/** The last MAX_PERSISTED keys recorded, in order: what goes to the static data. */
	recent: Map<string, number>;
	/** key → when it arrived, while n8n has not answered it. */
	running: Map<string, number>;
	/** This memory's name in the static data it writes (random: one per process and trigger). */
	writer: string;
	/** Counts the keys recorded: the static data holds this version once written. */
	version: number;
}

const memories = new Map<string, Memory>();

/**
 * The memory of one trigger node (workflow id, node id, production or test URL), shared by every
 * request this process handles for it.
 */
export function memoryFor(scope: string): Memory {
	let memory = memories.get(scope);
	if (!memory) {
		memory = {
			done: new Map(),
			recent: new Map(),
			running: new Map(),
			writer: randomBytes(6).toString('hex'),
			version: 0,
		};
		memories.set(scope, memory);
	}
	return memory;
}

/** Forgets every trigger's memory (tests: a restarted n8n process). */
export function forgetAll(): void {
	memories.clear();
}

function fresh(at: number | undefined, now: number, windowMs: number): at is number {
	return typeof at === 'number' && now - at < windowMs && at <= now + windowMs;
}

/** Sets `key` as the newest entry of `map`, dropping the oldest beyond `max`. */
function put(map: Map<string, number>, key: string, at: number, max: number): void {
	map.delete(key);
	map.set(key, at);
	if (map.size > max) {
		const oldest = map.keys().next();
		if (!oldest.done) map.delete(oldest.value);
	}
}

function record(memory: Memory, key: string, at: number): void {
	put(memory.done, key, at, MAX_REMEMBERED);
	put(memory.recent, key, at, MAX_PERSISTED);
	memory.version++;
}

/** Takes the keys another process or an earlier run of this one saved. */
function merge(memory: Memory, state: DuplicateState, now: number, windowMs: number): void {
	const seen = state.seen;
	if (!isObject(seen)) return;
	for (const [key, at] of Object.entries(seen)) {
		if (fresh(at as number, now, windowMs) && !fresh(memory.done.get(key), now, windowMs)) {
			record(memory, key, at as number);
		}
	}
}

/**
 * Writes the most recent keys within the window to the static data (n8n saves it to its
 * database), unless it already holds this memory's latest version.
 */
export function persist(
	memory: Memory,
	state: DuplicateState,
	now: number,
	windowMs: number,
): void {
	if (state.writer === memory.writer && state.version === memory.version) return;
	const seen: Record<string, number> = {};
	for (const [key, at] of memory.recent) {
		if (fresh(at, now, windowMs)) seen[key] = at;
	}
	state.seen = seen;
	state.writer = memory.writer;
	state.version = memory.version;
}

/**
 * - `new`: start the workflow (the key is running until `settle()` says how n8n answered);
 * - `duplicate`: delivered (n8n took it, or at-least-once: its run succeeded) within the window;
 * - `running`: the first delivery has not been answered yet.
 */
export type Admission = 'new' | 'duplicate' | 'running';

/**
 * Decides one delivery of `key` and records it as running, in one synchronous step, and writes
 * the memory to the static data (n8n saves it with the request).
 */
export function admit(
	memory: Memory,
	state: DuplicateState,
	key: string,
	options: { now: number; windowMs: number },
): Admission {
	const { now, windowMs } = options;
	// A copy this memory wrote holds nothing it does not know.
	if (state.writer !== memory.writer) merge(memory, state, now, windowMs);
	if (fresh(memory.done.get(key), now, windowMs)) return 'duplicate';
	if (fresh(memory.running.get(key), now, RUNNING_TIMEOUT_MS)) return 'running';
	put(memory.running, key, now, MAX_REMEMBERED);
	// Keys delivered since the last save are written with this request.
	persist(memory, state, now, windowMs);
	return 'new';
}

/**
 * n8n answered the delivery of `key`: with a 2xx it counts as delivered for the window (and is
 * written to `state`, which n8n saves when the execution it belongs to saves its static data);
 * otherwise BYRobot sends it again and it may run then.
 */
export function settle(
	memory: Memory,
	state: DuplicateState,
	key: string,
	succeeded: boolean,
	options: { now: number; windowMs: number },
): void {
	memory.running.delete(key);
	if (!succeeded) return;
	record(memory, key, options.now);
	persist(memory, state, options.now, options.windowMs);
}
