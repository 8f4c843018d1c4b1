// BYRobot retries a callback until it reads `success` (docs/api/byrobot.md#callback-acknowledgement),
// so the same delivery can arrive more than once. The trigger remembers what it has seen, in the
// workflow's static data, and acknowledges repeats without starting the workflow again.
import { createHash } from 'crypto';

import { isObject, TASK_STATUS_CHANGED, toList, type CallbackEnvelope } from './payload';

/**
 * What makes two callbacks the same delivery: the event, the call instance or task, and what
 * changed (a task's status; a hand-edited intention's results). Undefined when there is no id.
 */
export function duplicateKey(envelope: CallbackEnvelope): string | undefined {
	const { dataType, data } = envelope.data;
	if (dataType === TASK_STATUS_CHANGED) {
		if (data.callJobId === undefined || data.callJobId === null) return undefined;
		return `${dataType}:${String(data.callJobId)}:${String(data.status)}`;
	}
	const scene = isObject(data.sceneInstance) ? data.sceneInstance : undefined;
	if (scene) {
		const id = scene.callInstanceId ?? scene.inboundInstanceId;
		return id === undefined || id === null ? undefined : `${dataType}:${String(id)}`;
	}
	const taskResult = toList(data.taskResult);
	const id = taskResult[0]?.sceneInstanceId;
	if (id === undefined || id === null) return undefined;
	// The rows themselves can be long; a digest keeps the remembered key short.
	const digest = createHash('sha256').update(JSON.stringify(taskResult)).digest('hex').slice(0, 16);
	return `${dataType}:${String(id)}:intention:${digest}`;
}

/** What the trigger keeps in the node's static data: each key and when it was first seen (ms). */
export interface DuplicateState {
	seen?: Record<string, number>;
}

/** At most this many keys are remembered; the oldest go first. */
export const MAX_REMEMBERED = 2000;

/**
 * Records `key` at `now` and says whether it was already seen within `windowMs`.
 * Forgets expired keys and keeps at most MAX_REMEMBERED.
 */
export function seenRecently(
	state: DuplicateState,
	key: string,
	now: number,
	windowMs: number,
): boolean {
	const seen: Record<string, number> = { ...(state.seen ?? {}) };
	for (const [k, at] of Object.entries(seen)) {
		if (typeof at !== 'number' || now - at >= windowMs || at > now + windowMs) delete seen[k];
	}
	const duplicate = seen[key] !== undefined;
	if (!duplicate) {
		seen[key] = now;
		const keys = Object.keys(seen);
		if (keys.length > MAX_REMEMBERED) {
			keys
				.sort((a, b) => seen[a] - seen[b])
				.slice(0, keys.length - MAX_REMEMBERED)
				.forEach((k) => delete seen[k]);
		}
	}
	state.seen = seen;
	return duplicate;
}
