import {
	checkCallingHours,
	checkStartDate,
	isDate,
	isTime,
	normalizePhone,
} from '../../nodes/Byrobot/shared/values';
import { parseDuration, parseProperties } from '../../nodes/Byrobot/shared/output';
import { buildCustomer } from '../../nodes/Byrobot/resources/task/customerRows';

describe('normalizePhone', () => {
	it.each([
		['13800138000', '13800138000'],
		['138 0013 8000', '13800138000'],
		['138-0013-8000', '13800138000'],
		['+86 138 0013 8000', '13800138000'],
		['0086-13800138000', '13800138000'],
		['021-88886666', '02188886666'],
		['0571 8888666', '05718888666'],
		['010-12345678', '01012345678'],
		[13800138000, '13800138000'],
	])('accepts %j as %s', (input, expected) => {
		expect(normalizePhone(input)).toBe(expected);
	});

	it.each([
		'',
		'12345',
		'12800138000',
		'1380013800',
		'138001380000',
		'88886666',
		'021-123456',
		'abc',
		'+1 415 555 0100',
		null,
		undefined,
	])('rejects %j', (input) => {
		expect(normalizePhone(input)).toBeUndefined();
	});
});

describe('dates and times', () => {
	it.each(['2024-05-01', '2024-02-29'])('isDate accepts %s', (value) =>
		expect(isDate(value)).toBe(true),
	);
	it.each(['2023-02-29', '2024-13-01', '2024-5-1', '2024/05/01', '', 20240501])(
		'isDate rejects %j',
		(value) => expect(isDate(value)).toBe(false),
	);
	it.each(['00:00', '09:30', '23:59'])('isTime accepts %s', (value) =>
		expect(isTime(value)).toBe(true),
	);
	it.each(['9:30', '24:00', '12:60', '12:00:00', '', 930])('isTime rejects %j', (value) =>
		expect(isTime(value)).toBe(false),
	);
});

describe('checkStartDate', () => {
	it('needs a date for a scheduled task only', () => {
		expect(checkStartDate(1, '')).toMatch(/scheduled task needs a start date/);
		expect(checkStartDate(1, undefined)).toMatch(/scheduled task needs a start date/);
		expect(checkStartDate(1, '2024-05-01')).toBeUndefined();
		expect(checkStartDate(2, undefined)).toBeUndefined();
		expect(checkStartDate(2, '05/01/2024')).toMatch(/not a date in yyyy-MM-dd/);
	});
});

describe('checkCallingHours', () => {
	it('accepts a break inside the working hours, or none', () => {
		expect(
			checkCallingHours({
				workingStartTime: '09:00',
				workingEndTime: '18:00',
				breakStartTime: '12:00',
				breakEndTime: '13:00',
			}),
		).toBeUndefined();
		expect(checkCallingHours({})).toBeUndefined();
		expect(checkCallingHours({ breakStartTime: '12:00', breakEndTime: '13:00' })).toBeUndefined();
	});

	it.each([
		[{ workingStartTime: '9:00' }, 'workingStartTime', /HH:mm/],
		[
			{ workingStartTime: '18:00', workingEndTime: '09:00' },
			'workingEndTime',
			/end after they start/,
		],
		[{ breakStartTime: '12:00' }, 'breakEndTime', /both a start and an end/],
		[{ breakEndTime: '13:00' }, 'breakStartTime', /both a start and an end/],
		[{ breakStartTime: '13:00', breakEndTime: '12:00' }, 'breakEndTime', /end after it starts/],
		[
			{
				workingStartTime: '10:00',
				workingEndTime: '18:00',
				breakStartTime: '09:30',
				breakEndTime: '10:30',
			},
			'breakStartTime',
			/outside the working hours 10:00–18:00/,
		],
		[
			{
				workingStartTime: '10:00',
				workingEndTime: '18:00',
				breakStartTime: '17:30',
				breakEndTime: '18:30',
			},
			'breakEndTime',
			/outside the working hours/,
		],
		[
			{ breakStartTime: '20:00', breakEndTime: '21:00' },
			'breakEndTime',
			/outside the working hours 09:00–20:00/,
		],
	])('reports %j on %s', (hours, field, problem) => {
		const result = checkCallingHours(hours);
		expect(result?.[0]).toBe(field);
		expect(result?.[1]).toMatch(problem);
	});
});

describe('output shaping', () => {
	it.each([
		['27秒', 27],
		['27', 27],
		[27, 27],
		[' 3 秒 ', 3],
		['n/a', 'n/a'],
	])('parseDuration(%j) → %j', (input, expected) => expect(parseDuration(input)).toEqual(expected));

	it('parseProperties parses the JSON string and keeps an unparsable one', () => {
		expect(parseProperties('{"a":"1"}')).toEqual({ a: '1' });
		expect(parseProperties('')).toEqual({});
		expect(parseProperties('{oops')).toBe('{oops');
		expect(parseProperties({ a: '1' })).toEqual({ a: '1' });
	});
});

describe('buildCustomer (Import Customers row)', () => {
	it('builds name, normalised phone and string properties', () => {
		expect(buildCustomer('张三', '+86 138 0013 8000', [{ name: '金额', value: 5000 }])).toEqual({
			customer: { name: '张三', phone: '13800138000', properties: { 金额: '5000' } },
		});
		expect(buildCustomer(undefined, '13800138000', [])).toEqual({
			customer: { name: '', phone: '13800138000' },
		});
	});

	it('names the field of a problem', () => {
		expect(buildCustomer('x', '123', []).problem?.[0]).toBe('Phone');
		expect(buildCustomer('x', '13800138000', [{ name: ' ', value: 'v' }]).problem?.[0]).toBe(
			'Variables',
		);
	});
});
