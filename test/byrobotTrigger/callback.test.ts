// The trigger's pure helpers: the duplicate memory (both acknowledgement modes, bounds, what the
// static data carries), token comparison, IP matching, quirks.
import {
	allowListEntryProblem,
	ipAllowed,
	normalizeIp,
	parseAllowList,
	tokenMatches,
} from '../../nodes/Byrobot/trigger/access';
import {
	admit,
	forgetAll,
	MAX_PERSISTED,
	MAX_REMEMBERED,
	memoryFor,
	RUNNING_TIMEOUT_MS,
	settle,
	type DuplicateState,
} from '../../nodes/Byrobot/trigger/deduplication';
import { readJsonBody, toDuration } from '../../nodes/Byrobot/trigger/payload';

const at = (now: number, windowMs: number) => ({ now, windowMs });

/** One delivery that n8n answers with `succeeded` right away. */
function deliver(
	memory: ReturnType<typeof memoryFor>,
	state: DuplicateState,
	key: string,
	now: number,
	windowMs: number,
	succeeded = true,
): string {
	const admission = admit(memory, state, key, at(now, windowMs));
	if (admission === 'new') settle(memory, state, key, succeeded, at(now, windowMs));
	return admission;
}

describe('admit and settle', () => {
	beforeEach(() => forgetAll());

	it('remembers a delivered key for the window only', () => {
		const memory = memoryFor('w');
		const state: DuplicateState = {};
		expect(deliver(memory, state, 'a', 1000, 500)).toBe('new');
		expect(deliver(memory, state, 'a', 1499, 500)).toBe('duplicate');
		expect(deliver(memory, state, 'a', 1500, 500)).toBe('new');
	});

	it('a duplicate does not extend the window', () => {
		const memory = memoryFor('w');
		const state: DuplicateState = {};
		deliver(memory, state, 'a', 0, 100);
		expect(deliver(memory, state, 'a', 90, 100)).toBe('duplicate');
		expect(deliver(memory, state, 'a', 100, 100)).toBe('new');
	});

	it('decides in memory: a request holding stale static data is still a duplicate', () => {
		const memory = memoryFor('w');
		expect(deliver(memory, {}, 'a', 0, 1e6)).toBe('new');
		// Another request loaded the static data before the first one saved it.
		expect(deliver(memory, {}, 'a', 1, 1e6)).toBe('duplicate');
	});

	it('a repeat before n8n answered the first is "running"; a failed answer lets the next one in', () => {
		const memory = memoryFor('w');
		const state: DuplicateState = {};
		expect(admit(memory, state, 'a', at(0, 1e6))).toBe('new');
		expect(admit(memory, state, 'a', at(10, 1e6))).toBe('running');
		settle(memory, state, 'a', false, at(20, 1e6));
		expect(admit(memory, state, 'a', at(30, 1e6))).toBe('new');
		settle(memory, state, 'a', true, at(40, 1e6));
		expect(admit(memory, state, 'a', at(50, 1e6))).toBe('duplicate');
	});

	it('only a delivered key is written to the static data, when n8n answered 2xx', () => {
		const memory = memoryFor('w');
		const state: DuplicateState = {};
		admit(memory, state, 'a', at(0, 1e6));
		expect(state.seen).toEqual({});
		settle(memory, state, 'a', true, at(5, 1e6));
		expect(state.seen).toEqual({ a: 5 });
		admit(memory, state, 'b', at(6, 1e6));
		settle(memory, state, 'b', false, at(7, 1e6));
		expect(state.seen).toEqual({ a: 5 });
	});

	it('takes the keys the static data carries (a restarted or another n8n process)', () => {
		const state: DuplicateState = {};
		deliver(memoryFor('w'), state, 'a', 0, 1e6);
		expect(state.seen).toEqual({ a: 0 });
		forgetAll();
		expect(deliver(memoryFor('w'), JSON.parse(JSON.stringify(state)), 'a', 5, 1e6)).toBe(
			'duplicate',
		);
	});

	it('keeps each trigger apart', () => {
		deliver(memoryFor('w1'), {}, 'a', 0, 1e6);
		expect(deliver(memoryFor('w2'), {}, 'a', 1, 1e6)).toBe('new');
	});

	it(`saves the ${MAX_PERSISTED} most recent keys and remembers ${MAX_REMEMBERED} in memory`, () => {
		const memory = memoryFor('w');
		const state: DuplicateState = {};
		for (let i = 0; i < MAX_REMEMBERED + 50; i++) deliver(memory, state, `k${i}`, i, 1e9);
		expect(Object.keys(state.seen!)).toHaveLength(MAX_PERSISTED);
		expect(state.seen).toHaveProperty(`k${MAX_REMEMBERED + 49}`);
		expect(state.seen).not.toHaveProperty(`k${MAX_REMEMBERED + 49 - MAX_PERSISTED}`);
		expect(memory.done.size).toBe(MAX_REMEMBERED);
		const t = MAX_REMEMBERED + 50;
		expect(deliver(memory, state, 'k50', t, 1e9)).toBe('duplicate');
		expect(deliver(memory, state, 'k49', t, 1e9)).toBe('new');
	});

	it('drops garbage and expired keys left in the static data', () => {
		const state = { seen: { a: 'x', b: 5, old: -1e9 } } as unknown as DuplicateState;
		deliver(memoryFor('w'), state, 'c', 10, 100);
		expect(state.seen).toEqual({ b: 5, c: 10 });
	});

	it(`a delivery n8n never answers stops holding its repeats after ${RUNNING_TIMEOUT_MS / 60_000} minutes`, () => {
		const memory = memoryFor('w');
		admit(memory, {}, 'a', at(0, 1e9));
		expect(admit(memory, {}, 'a', at(RUNNING_TIMEOUT_MS - 1, 1e9))).toBe('running');
		expect(admit(memory, {}, 'a', at(RUNNING_TIMEOUT_MS, 1e9))).toBe('new');
	});
});

describe('tokenMatches', () => {
	it('accepts only the exact string', () => {
		expect(tokenMatches('abc', 'abc')).toBe(true);
		expect(tokenMatches('abcd', 'abc')).toBe(false);
		expect(tokenMatches('ab', 'abc')).toBe(false);
		expect(tokenMatches('', 'abc')).toBe(false);
		expect(tokenMatches(undefined, 'abc')).toBe(false);
		expect(tokenMatches(['abc'], 'abc')).toBe(false);
	});
});

describe('IP allow-list', () => {
	it('splits on commas, spaces and new lines', () => {
		expect(parseAllowList(' 120.55.46.3,10.0.0.0/8\n::1 ;')).toEqual([
			'120.55.46.3',
			'10.0.0.0/8',
			'::1',
		]);
		expect(parseAllowList('')).toEqual([]);
	});

	it('normalizes IPv4-mapped IPv6 addresses', () => {
		expect(normalizeIp('::ffff:120.55.46.3')).toBe('120.55.46.3');
		expect(normalizeIp('[::1]')).toBe('::1');
	});

	it('matches exact addresses and IPv4 ranges', () => {
		expect(ipAllowed('::ffff:120.55.46.3', ['120.55.46.3'])).toBe(true);
		expect(ipAllowed('120.55.46.30', ['120.55.46.3'])).toBe(false);
		expect(ipAllowed('120.55.46.200', ['120.55.46.0/24'])).toBe(true);
		expect(ipAllowed('120.55.47.1', ['120.55.46.0/24'])).toBe(false);
		expect(ipAllowed('8.8.8.8', ['0.0.0.0/0'])).toBe(true);
		expect(ipAllowed('::1', ['::1'])).toBe(true);
		expect(ipAllowed(undefined, ['120.55.46.3'])).toBe(false);
	});

	it('explains unusable entries', () => {
		expect(allowListEntryProblem('120.55.46.3')).toBeUndefined();
		expect(allowListEntryProblem('120.55.46.0/24')).toBeUndefined();
		expect(allowListEntryProblem('fe80::1')).toBeUndefined();
		expect(allowListEntryProblem('120.55.46.256')).toMatch(/not an IP/);
		expect(allowListEntryProblem('byrobot.cn')).toMatch(/not an IP/);
		expect(allowListEntryProblem('1.2.3.4/40')).toMatch(/prefix/);
	});
});

describe('quirks', () => {
	it('duration "27秒", "27" and 27 are all 27', () => {
		expect(toDuration('27秒')).toBe(27);
		expect(toDuration('27')).toBe(27);
		expect(toDuration(27)).toBe(27);
		expect(toDuration('')).toBeNull();
		expect(toDuration(null)).toBeNull();
	});

	it('reads the body from req.body (object or string) or req.rawBody', () => {
		expect(readJsonBody({ body: { a: 1 } })).toEqual({ a: 1 });
		expect(readJsonBody({ body: '{"a":2}' })).toEqual({ a: 2 });
		expect(readJsonBody({ body: {}, rawBody: Buffer.from('\uFEFF{"a":3}') })).toEqual({ a: 3 });
		expect(readJsonBody({ body: Buffer.from('{"a":4}') })).toEqual({ a: 4 });
		expect(readJsonBody({ body: {} })).toBeUndefined();
		expect(() => readJsonBody({ body: 'nope' })).toThrow();
	});
});
