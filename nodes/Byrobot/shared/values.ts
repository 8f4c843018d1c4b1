// Pure input checks, run by preSend hooks before any request leaves n8n. Each returns a
// problem sentence (or undefined when the value is fine) so the hook can name item and field.

const MOBILE = /^1[3-9]\d{9}$/;
// Area code 0xx or 0xxx, then a 7–8 digit subscriber number.
const LANDLINE = /^0\d{2,3}\d{7,8}$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/**
 * Strips spaces, dashes and a +86 / 0086 country prefix; returns the bare number when it is an
 * 11-digit mainland mobile or a landline with area code, otherwise undefined.
 */
export function normalizePhone(raw: unknown): string | undefined {
	if (typeof raw !== 'string' && typeof raw !== 'number') return undefined;
	let phone = String(raw).replace(/[\s-]/g, '');
	if (phone.startsWith('+86')) phone = phone.slice(3);
	else if (phone.startsWith('0086')) phone = phone.slice(4);
	if (MOBILE.test(phone) || LANDLINE.test(phone)) return phone;
	return undefined;
}

/** yyyy-MM-dd and a real calendar day. */
export function isDate(value: unknown): boolean {
	if (typeof value !== 'string') return false;
	const match = DATE.exec(value);
	if (!match) return false;
	const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
	const date = new Date(Date.UTC(year, month - 1, day));
	return (
		date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
	);
}

/** HH:mm on a 24-hour clock. */
export function isTime(value: unknown): boolean {
	return typeof value === 'string' && TIME.test(value);
}

function minutes(time: string): number {
	const [hours, mins] = time.split(':').map(Number);
	return hours * 60 + mins;
}

export interface CallingHours {
	workingStartTime?: string;
	workingEndTime?: string;
	breakStartTime?: string;
	breakEndTime?: string;
}

/** BYRobot only places calls in this window; it bounds a break when no working hours are given. */
export const PLATFORM_CALLING_WINDOW = { start: '09:00', end: '20:00' };

/**
 * Checks every given time is HH:mm, working start before end, and the break (both ends needed)
 * inside the working hours. Returns [field, problem] for the first problem found.
 */
export function checkCallingHours(hours: CallingHours): [keyof CallingHours, string] | undefined {
	for (const field of [
		'workingStartTime',
		'workingEndTime',
		'breakStartTime',
		'breakEndTime',
	] as const) {
		const value = hours[field];
		if (value !== undefined && value !== '' && !isTime(value)) {
			return [field, `"${String(value)}" is not a time in HH:mm (24-hour), e.g. 09:00`];
		}
	}
	const workStart = hours.workingStartTime || PLATFORM_CALLING_WINDOW.start;
	const workEnd = hours.workingEndTime || PLATFORM_CALLING_WINDOW.end;
	if (minutes(workStart) >= minutes(workEnd)) {
		return [
			'workingEndTime',
			`the working hours must end after they start (${workStart}–${workEnd})`,
		];
	}
	const { breakStartTime, breakEndTime } = hours;
	if (!breakStartTime && !breakEndTime) return undefined;
	if (!breakStartTime) return ['breakStartTime', 'a break needs both a start and an end time'];
	if (!breakEndTime) return ['breakEndTime', 'a break needs both a start and an end time'];
	if (minutes(breakStartTime) >= minutes(breakEndTime)) {
		return [
			'breakEndTime',
			`the break must end after it starts (${breakStartTime}–${breakEndTime})`,
		];
	}
	if (minutes(breakStartTime) < minutes(workStart) || minutes(breakEndTime) > minutes(workEnd)) {
		return [
			minutes(breakStartTime) < minutes(workStart) ? 'breakStartTime' : 'breakEndTime',
			`the break ${breakStartTime}–${breakEndTime} is outside the working hours ${workStart}–${workEnd}`,
		];
	}
	return undefined;
}

/** taskType 1 (scheduled) needs a start date in yyyy-MM-dd; manual tasks may leave it out. */
export function checkStartDate(taskType: unknown, startDate: unknown): string | undefined {
	const empty = startDate === undefined || startDate === null || startDate === '';
	if (Number(taskType) === 1 && empty) return 'a scheduled task needs a start date (yyyy-MM-dd)';
	if (!empty && !isDate(startDate)) {
		return `"${String(startDate)}" is not a date in yyyy-MM-dd, e.g. 2024-05-01`;
	}
	return undefined;
}

/** Integers from a multi-select, an array, or a comma-separated string ("1, 2"). */
export function toIdList(value: unknown): number[] {
	const raw = Array.isArray(value) ? value : String(value ?? '').split(',');
	return raw
		.map((entry) => String(entry).trim())
		.filter((entry) => entry !== '')
		.map(Number);
}

/** One script variable's name: a string, a one-element array (open platform), or an object naming it. */
function variableName(entry: unknown): string {
	if (Array.isArray(entry)) return variableName(entry[0]);
	if (entry && typeof entry === 'object') {
		const named = entry as Record<string, unknown>;
		return String(named.name ?? named.variableName ?? named.key ?? '').trim();
	}
	return String(entry ?? '').trim();
}

/**
 * The variable names of a script as either API lists them: `["客户姓名"]`, `[["婚期"]]`
 * (docs/api/byrobot-open-platform.md#resources: flatten both), or objects naming them.
 */
export function scriptVariableNames(list: unknown): string[] {
	return (Array.isArray(list) ? list : []).map(variableName).filter(Boolean);
}
