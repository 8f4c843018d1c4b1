// Dates and ids as users give them, brought into the form Bangwo8 takes.
import { endsBeforeStart, toBangwo8Date, toIdList } from '../../nodes/Bangwo8/shared/values';

describe('toBangwo8Date', () => {
	it.each([
		['2024-05-20', '2024-05-20'],
		['2024-05-20T00:00:00', '2024-05-20'],
		['2024-05-20T09:15:00', '2024-05-20 09:15:00'],
		['2024-05-20T09:15:30.250', '2024-05-20 09:15:30'],
		['2024-05-20 09:15', '2024-05-20 09:15:00'],
		['2024-05-20 00:00:00', '2024-05-20 00:00:00'],
		['2024-05-20T01:30:00.000Z', '2024-05-20 09:30:00'],
		['2024-05-20T09:30:00+08:00', '2024-05-20 09:30:00'],
		['2024-05-20T00:30:00-02:00', '2024-05-20 10:30:00'],
	])('%s → %s (workflow time zone Asia/Shanghai)', (input, expected) => {
		expect(toBangwo8Date(input, 'Asia/Shanghai')?.value).toBe(expected);
	});

	it('takes JS Dates and Luxon-like DateTimes as instants', () => {
		expect(toBangwo8Date(new Date('2024-05-20T01:30:00Z'), 'Asia/Shanghai')?.value).toBe(
			'2024-05-20 09:30:00',
		);
		const luxonLike = { toISO: () => '2024-05-20T01:30:00.000+00:00' };
		expect(toBangwo8Date(luxonLike, 'UTC')?.value).toBe('2024-05-20 01:30:00');
	});

	it.each([
		'',
		'tomorrow',
		'2024-13-01',
		'2024-02-30',
		'20240520',
		'2024-05-20 25:00',
		12345,
		null,
	])('rejects %p', (input) => {
		expect(toBangwo8Date(input, 'UTC')).toBeUndefined();
	});

	it('a bare end date covers its whole day', () => {
		const day = toBangwo8Date('2024-05-20', 'UTC')!;
		const morning = toBangwo8Date('2024-05-20 08:00', 'UTC')!;
		const dayBefore = toBangwo8Date('2024-05-19', 'UTC')!;
		expect(endsBeforeStart(morning, day)).toBe(false);
		expect(endsBeforeStart(day, day)).toBe(false);
		expect(endsBeforeStart(day, dayBefore)).toBe(true);
		expect(endsBeforeStart(morning, toBangwo8Date('2024-05-20 07:59:59', 'UTC')!)).toBe(true);
	});
});

describe('toIdList', () => {
	it('keeps each id as given and splits text lists', () => {
		expect(toIdList(['321456', 378594])).toEqual({ ids: ['321456', 378594], invalid: [] });
		expect(toIdList('321456, 378594；264758 ')).toEqual({
			ids: ['321456', '378594', '264758'],
			invalid: [],
		});
		expect(toIdList(567332)).toEqual({ ids: [567332], invalid: [] });
		expect(toIdList(undefined)).toEqual({ ids: [], invalid: [] });
	});

	it('reports what is not an id', () => {
		expect(toIdList(['1', 'abc', -3, 1.5, { id: 1 }]).invalid).toEqual([
			'abc',
			'-3',
			'1.5',
			'{"id":1}',
		]);
	});
});
