// preSend for Create Task and Update Task: checks dates and times, normalises the caller line
// ids, fills callType from the chosen lines' phoneType (unless set), and adds redial rules; and
// its open-platform form (calljob.create).
import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { inputError } from './inputs';
import { byrobotApiRequest } from './transport';
import { checkCallingHours, checkStartDate, toIdList } from './values';

const FIELD_NAMES: Record<string, string> = {
	workingStartTime: 'Working Start Time',
	workingEndTime: 'Working End Time',
	breakStartTime: 'Break Start Time',
	breakEndTime: 'Break End Time',
};

interface RedialRule {
	phoneStatus?: number;
	times?: number;
	interval?: number;
}

/** The chosen caller lines as positive integer IDs: at least one, or an error naming the field. */
function requireLineIds(context: IExecuteSingleFunctions, value: unknown): number[] {
	const lineIds = toIdList(value);
	if (lineIds.length === 0 || lineIds.some((id) => !Number.isInteger(id) || id <= 0)) {
		throw inputError(context, 'Caller Lines', 'choose at least one caller line (numeric IDs)');
	}
	return lineIds;
}

/** Looks the chosen lines up in getPhones and returns their common phoneType. */
async function callTypeFromLines(
	context: IExecuteSingleFunctions,
	companyId: unknown,
	lineIds: number[],
): Promise<number> {
	const envelope = await byrobotApiRequest.call(context, 'GET', '/openapi/v1/company/getPhones', {
		companyId: companyId as number,
	});
	const lines = (Array.isArray(envelope.data) ? envelope.data : []) as IDataObject[];
	const types = new Set<number>();
	for (const id of lineIds) {
		const line = lines.find((candidate) => Number(candidate.userPhoneId) === id);
		if (!line) {
			throw inputError(context, 'Caller Lines', `caller line ${id} is not a line of this company`);
		}
		types.add(Number(line.phoneType));
	}
	if (types.size !== 1) {
		throw inputError(
			context,
			'Call Type',
			'the chosen caller lines have different phone types; choose lines of one type or set Call Type',
		);
	}
	return [...types][0];
}

/**
 * Create Task sends the lines as an int array and needs a start date for scheduled tasks;
 * Update Task sends "11,12" (the vendor's documented form) and may keep the stored start date.
 */
export function prepareTaskSettings(mode: 'create' | 'update') {
	return async function (
		this: IExecuteSingleFunctions,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const body = { ...((requestOptions.body as IDataObject) ?? {}) };

		const dateProblem = checkStartDate(
			mode === 'create' ? body.taskType : undefined,
			body.startDate,
		);
		if (dateProblem) throw inputError(this, 'Start Date', dateProblem);

		const hoursProblem = checkCallingHours({
			workingStartTime: body.workingStartTime as string | undefined,
			workingEndTime: body.workingEndTime as string | undefined,
			breakStartTime: body.breakStartTime as string | undefined,
			breakEndTime: body.breakEndTime as string | undefined,
		});
		if (hoursProblem) throw inputError(this, FIELD_NAMES[hoursProblem[0]], hoursProblem[1]);

		if ('userPhoneIds' in body) {
			const lineIds = requireLineIds(this, body.userPhoneIds);
			if (body.callType === 'auto' || body.callType === undefined || body.callType === '') {
				body.callType = await callTypeFromLines(this, body.companyId, lineIds);
			}
			body.userPhoneIds =
				mode === 'create' ? lineIds : lineIds.length === 1 ? lineIds[0] : lineIds.join(',');
		} else if (body.callType === 'auto') {
			delete body.callType;
		}

		const rules = redialRules(this);
		if (rules.length) {
			body.repeatCall = true;
			body.repeatCallRule = rules;
		}

		requestOptions.body = body;
		return requestOptions;
	};
}

function redialRules(context: IExecuteSingleFunctions): RedialRule[] {
	const rules = context.getNodeParameter('redial.rules', []) as RedialRule[];
	return rules.map((rule) => ({
		phoneStatus: Number(rule.phoneStatus),
		times: Number(rule.times),
		interval: Number(rule.interval),
	}));
}

/** The open platform's longest task name (its code 10000401 otherwise). */
export const OPEN_PLATFORM_TASK_NAME_LENGTH = 50;

/**
 * preSend of Create Task on the open platform (calljob.create): the fields the signed API's
 * routing put in the body, under the open platform's names, lists as JSON text. A manual task
 * (callJobType 2) is the only type the sources show.
 */
export async function prepareOpenPlatformTask(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const body = (requestOptions.body as IDataObject | undefined) ?? {};
	const name = String(body.taskName ?? '').trim();
	if (!name) throw inputError(this, 'Task Name', 'enter a name for the task');
	if ([...name].length > OPEN_PLATFORM_TASK_NAME_LENGTH) {
		throw inputError(
			this,
			'Task Name',
			`the open platform takes at most ${OPEN_PLATFORM_TASK_NAME_LENGTH} characters (this one has ${[...name].length})`,
		);
	}
	const lineIds = requireLineIds(this, body.userPhoneIds);
	const rules = redialRules(this);
	requestOptions.body = {
		companyId: body.companyId,
		callJobName: name,
		callJobType: 2,
		robotDefId: body.robotDefId,
		userPhoneIds: JSON.stringify(lineIds),
		concurrencyQuota: body.concurrencyQuota,
		...(rules.length ? { repeatCall: 'true', repeatCallRule: JSON.stringify(rules) } : {}),
	};
	return requestOptions;
}
