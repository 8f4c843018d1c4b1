// The trigger's pure helpers: duplicate memory bounds, token comparison, IP matching, quirks.
import {
	allowListEntryProblem,
	ipAllowed,
	normalizeIp,
	parseAllowList,
	tokenMatches,
} from '../../nodes/Byrobot/trigger/access';
import {
	MAX_REMEMBERED,
	seenRecently,
	type DuplicateState,
} from '../../nodes/Byrobot/trigger/deduplication';
import { readJsonBody, toDuration } from '../../nodes/Byrobot/trigger/payload';

describe('seenRecently', () => {
	it('remembers a key for the window only', () => {
		const state: DuplicateState = {};
		expect(seenRecently(state, 'a', 1000, 500)).toBe(false);
		expect(seenRecently(state, 'a', 1499, 500)).toBe(true);
		expect(seenRecently(state, 'a', 1500, 500)).toBe(false);
	});

	it('a duplicate does not extend the window', () => {
		const state: DuplicateState = {};
		seenRecently(state, 'a', 0, 100);
		expect(seenRecently(state, 'a', 90, 100)).toBe(true);
		expect(seenRecently(state, 'a', 100, 100)).toBe(false);
	});

	it(`keeps at most ${MAX_REMEMBERED} keys, forgetting the oldest`, () => {
		const state: DuplicateState = {};
		for (let i = 0; i < MAX_REMEMBERED + 50; i++) seenRecently(state, `k${i}`, i, 1e9);
		expect(Object.keys(state.seen!)).toHaveLength(MAX_REMEMBERED);
		expect(state.seen).not.toHaveProperty('k0');
		expect(state.seen).toHaveProperty(`k${MAX_REMEMBERED + 49}`);
		expect(seenRecently(state, 'k49', MAX_REMEMBERED + 50, 1e9)).toBe(false);
	});

	it('drops garbage left in the static data', () => {
		const state = { seen: { a: 'x', b: 5 } } as unknown as DuplicateState;
		seenRecently(state, 'c', 10, 100);
		expect(state.seen).toEqual({ b: 5, c: 10 });
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
