// Turning what users type, pick or map into what the Bangwo8 API takes: dates as
// 'YYYY-MM-DD' or 'YYYY-MM-DD HH:mm:ss', ids as digit strings or integers.

/** A date the way Bangwo8 takes it, with what is needed to compare two of them. */
export interface Bangwo8Date {
	/** What is sent: 'YYYY-MM-DD' or 'YYYY-MM-DD HH:mm:ss'. */
	value: string;
	date: string;
	time?: string;
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})(?:([ T])(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?$/;
const WITH_OFFSET =
	/^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:Z|[+-]\d{2}(?::?\d{2})?)$/i;

function isRealDate(y: string, m: string, d: string, h = '00', mi = '00', s = '00'): boolean {
	const ms = Date.UTC(+y, +m - 1, +d, +h, +mi, +s);
	return new Date(ms).toISOString().slice(0, 19) === `${y}-${m}-${d}T${h}:${mi}:${s}`;
}

/** Wall-clock date and time of an instant in a time zone. */
function inTimeZone(instant: Date, timeZone: string): Bangwo8Date {
	let parts: Intl.DateTimeFormatPart[];
	try {
		parts = new Intl.DateTimeFormat('en-US', {
			timeZone,
			year: 'numeric',
			month: '2-digit',
			day: '2-digit',
			hour: '2-digit',
			minute: '2-digit',
			second: '2-digit',
			hourCycle: 'h23',
		}).formatToParts(instant);
	} catch {
		return inTimeZone(instant, 'UTC');
	}
	const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
	const date = `${get('year')}-${get('month')}-${get('day')}`;
	const time = `${get('hour')}:${get('minute')}:${get('second')}`;
	return { value: `${date} ${time}`, date, time };
}

/**
 * Reads a date from a date picker ('2024-05-20T00:00:00'), a plain string ('2024-05-20',
 * '2024-05-20 18:30', '2024-05-20 18:30:00'), an ISO instant with an offset, a JS Date or a
 * Luxon DateTime. Instants are shown in `timeZone` (the workflow's). A picker value at
 * midnight means the whole day and is sent as the bare date. Undefined when not a date.
 */
export function toBangwo8Date(input: unknown, timeZone: string): Bangwo8Date | undefined {
	if (input instanceof Date) {
		return Number.isNaN(input.getTime()) ? undefined : inTimeZone(input, timeZone);
	}
	let value = input;
	if (
		value &&
		typeof value === 'object' &&
		typeof (value as { toISO?: unknown }).toISO === 'function'
	) {
		value = (value as { toISO: () => unknown }).toISO();
	}
	if (typeof value !== 'string') return undefined;
	const trimmed = value.trim();
	const local = LOCAL.exec(trimmed);
	if (local) {
		const [, y, m, d, separator, h, mi, s = '00'] = local;
		if (!isRealDate(y, m, d, h, mi, s)) return undefined;
		const date = `${y}-${m}-${d}`;
		if (h === undefined) return { value: date, date };
		const time = `${h}:${mi}:${s}`;
		if (separator === 'T' && time === '00:00:00') return { value: date, date };
		return { value: `${date} ${time}`, date, time };
	}
	if (WITH_OFFSET.test(trimmed)) {
		const instant = new Date(trimmed.replace(' ', 'T').replace(/\s+/g, ''));
		if (Number.isNaN(instant.getTime())) return undefined;
		return inTimeZone(instant, timeZone);
	}
	return undefined;
}

/** True when `end` lies before `start` (a bare date starts at 00:00:00 and ends at 23:59:59). */
export function endsBeforeStart(start: Bangwo8Date, end: Bangwo8Date): boolean {
	return `${end.date} ${end.time ?? '23:59:59'}` < `${start.date} ${start.time ?? '00:00:00'}`;
}

/** Whether a parameter value counts as not given. */
export function isEmpty(value: unknown): boolean {
	return (
		value === undefined ||
		value === null ||
		(typeof value === 'string' && value.trim() === '') ||
		(Array.isArray(value) && value.length === 0)
	);
}

/**
 * Reads a list of ids: an array (from a multi-select or an expression), a number, or a text
 * of ids separated by commas, semicolons or spaces. Each id is kept the way it was given
 * (a number stays a number, text stays text). Returns the ids and those that are not ids.
 */
export function toIdList(input: unknown): { ids: Array<string | number>; invalid: string[] } {
	const raw: unknown[] = Array.isArray(input)
		? input.flatMap((v) => (typeof v === 'string' ? v.split(/[\s,;，；]+/) : [v]))
		: typeof input === 'string'
			? input.split(/[\s,;，；]+/)
			: input === undefined || input === null
				? []
				: [input];
	const ids: Array<string | number> = [];
	const invalid: string[] = [];
	for (const value of raw) {
		if (typeof value === 'string') {
			if (value === '') continue;
			if (/^\d+$/.test(value)) ids.push(value);
			else invalid.push(value);
		} else if (typeof value === 'number' && Number.isSafeInteger(value) && value > 0) {
			ids.push(value);
		} else {
			invalid.push(JSON.stringify(value) ?? String(value));
		}
	}
	return { ids, invalid };
}

/** A single id (call task id) as text: digits, given as text or number; undefined otherwise. */
export function parseId(input: unknown): string | undefined {
	if (typeof input === 'number' && Number.isSafeInteger(input) && input > 0) return String(input);
	if (typeof input === 'string' && /^\d+$/.test(input.trim())) return input.trim();
	return undefined;
}
