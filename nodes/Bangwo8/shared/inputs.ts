// Input checks, run as preSend hooks before any request: a bad value stops the item, naming
// the item and the field (nodes/shared/inputs.ts), and good values go out in Bangwo8's form.
import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { inputErrorFor } from '../../shared/inputs';
import { parameterValue } from '../../shared/parameters';
import {
	endsBeforeStart,
	isEmpty,
	parseId,
	toBangwo8Date,
	toIdList,
	type Bangwo8Date,
} from './values';

/** The error a preSend throws for bad input: names the input item and the field. */
export const inputError = inputErrorFor('Bangwo8');

const DATE_HELP =
	'Use a date picker, or text such as 2024-05-20 or 2024-05-20 18:30:00 (an ISO date with an offset is converted to the workflow time zone).';

/** What an id looks like, by field, for the error on one that is not an id. */
const ID_HELP: Record<string, string> = {
	'Call Task':
		'A call task ID is a number such as 49242970. Pick the task from the list or map its callTaskId.',
	Ticket:
		'A ticket ID is a number such as 7000101. Pick the ticket from the list or map its ticketId.',
	Contact:
		'A contact ID is a number such as 321456. Pick the contact from the list or map its cId.',
	Company:
		'A company ID is a number such as 5061778. Pick the company from the list or map its uId.',
	Agent: 'An agent ID is a number such as 567332. Pick the agent from the list or map its sId.',
};

/** An id as the digits Bangwo8 takes (trimmed); throws naming the field when empty or not an id. */
export function toId(context: IExecuteSingleFunctions, value: unknown, field: string): string {
	const name = field.toLowerCase();
	if (isEmpty(value)) throw inputError(context, field, `no ${name} given`);
	const id = parseId(value);
	if (id === undefined) {
		throw inputError(
			context,
			field,
			`${JSON.stringify(String(value))} is not ${/^[aeiou]/.test(name) ? 'an' : 'a'} ${name} ID`,
			ID_HELP[field],
		);
	}
	return id;
}

/** The id picked in a resource locator (the shared Call Task field), checked. */
export function pickedId(
	context: IExecuteSingleFunctions,
	parameter: string,
	field: string,
): string {
	return toId(context, parameterValue(context, parameter), field);
}

/** The id of an optional picker (Ticket → Create's Contact), checked; undefined when left empty. */
export function optionalPickedId(
	context: IExecuteSingleFunctions,
	parameter: string,
	field: string,
): string | undefined {
	const value = context.getNodeParameter(parameter, '', { extractValue: true });
	return isEmpty(value) ? undefined : toId(context, value, field);
}

function readDate(
	context: IExecuteSingleFunctions,
	field: string,
	value: unknown,
): Bangwo8Date | undefined {
	if (isEmpty(value)) return undefined;
	const date = toBangwo8Date(value, context.getTimezone());
	if (!date) {
		throw inputError(context, field, `${JSON.stringify(String(value))} is not a date`, DATE_HELP);
	}
	return date;
}

const FILTER_FIELDS: Array<[string, string]> = [
	['created_start', 'Created After'],
	['created_end', 'Created Before'],
	['updated_start', 'Updated After'],
	['updated_end', 'Updated Before'],
];

/** preSend of Get Many: date filters sent as Bangwo8 dates, each range checked, status order for tickets only. */
export async function prepareListFilters(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const qs = (requestOptions.qs ??= {}) as IDataObject;
	const dates: Record<string, Bangwo8Date | undefined> = {};
	for (const [key, field] of FILTER_FIELDS) {
		if (!(key in qs)) continue;
		dates[key] = readDate(this, field, qs[key]);
		if (dates[key]) qs[key] = dates[key].value;
		else delete qs[key];
	}
	if ('status_order' in qs && this.getNodeParameter('resource', '') !== 'ticket') {
		throw inputError(
			this,
			'Sort',
			'sorting by status is documented for tickets only',
			'Choose a Created or Updated order.',
		);
	}
	for (const prefix of ['created', 'updated']) {
		const start = dates[`${prefix}_start`];
		const end = dates[`${prefix}_end`];
		if (start && end && endsBeforeStart(start, end)) {
			const [, startField] = FILTER_FIELDS.find(([k]) => k === `${prefix}_start`)!;
			const [, endField] = FILTER_FIELDS.find(([k]) => k === `${prefix}_end`)!;
			throw inputError(this, endField, `${end.value} is before "${startField}" (${start.value})`);
		}
	}
	return requestOptions;
}

/**
 * preSend of Create: `{"callTask": {...}}` checked and in the documented form. In the mode "One
 * Call Task from All Items" (its raw value: it takes no expressions) only the first item's task
 * fields are checked, and its pagination hook adds task_user from every item
 * (resources/callTask/allItems.ts); the other items send nothing.
 */
export async function prepareCreateBody(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const allItems = this.getNode().parameters.mode === 'allItems';
	if (allItems && this.getItemIndex() !== 0) return requestOptions;
	const body = (requestOptions.body ?? {}) as IDataObject;
	const task = (body.callTask ?? {}) as IDataObject;

	const name = typeof task.task_name === 'string' ? task.task_name.trim() : task.task_name;
	if (isEmpty(name)) throw inputError(this, 'Task Name', 'the call task needs a name');
	task.task_name = String(name);

	const start = readDate(this, 'Task Start', task.task_start);
	if (!start) throw inputError(this, 'Task Start', 'the call task needs a start date', DATE_HELP);
	const end = readDate(this, 'Task End', task.task_end);
	if (!end) throw inputError(this, 'Task End', 'the call task needs an end date', DATE_HELP);
	if (endsBeforeStart(start, end)) {
		throw inputError(this, 'Task End', `${end.value} is before "Task Start" (${start.value})`);
	}
	task.task_start = start.value;
	task.task_end = end.value;

	const source = String(task.data_source ?? '').trim();
	if (source !== '0' && source !== '1') {
		throw inputError(
			this,
			'Data Source',
			`${JSON.stringify(source)} is neither "0" (Company) nor "1" (Contact)`,
		);
	}
	task.data_source = source;

	const customerField = source === '0' ? 'Companies' : 'Contacts';
	const customers = allItems ? { ids: ['0'], invalid: [] } : toIdList(task.task_user);
	if (customers.invalid.length > 0) {
		throw inputError(
			this,
			customerField,
			`not IDs: ${customers.invalid.join(', ')}`,
			'Pick from the list, or map numeric IDs (an array, or text separated by commas).',
		);
	}
	if (customers.ids.length === 0) {
		throw inputError(this, customerField, 'the call task needs at least one customer');
	}
	task.task_user = allItems ? [] : customers.ids;

	const agents = toIdList(task.task_service);
	if (agents.invalid.length > 0) {
		throw inputError(
			this,
			'Agents',
			`not IDs: ${agents.invalid.join(', ')}`,
			'Pick from the list, or map numeric agent IDs (sId).',
		);
	}
	if (agents.ids.length === 0)
		throw inputError(this, 'Agents', 'the call task needs at least one agent');
	task.task_service = agents.ids;

	requestOptions.body = {
		callTask: {
			task_name: task.task_name,
			task_start: task.task_start,
			task_end: task.task_end,
			task_user: task.task_user,
			task_service: task.task_service,
			data_source: task.data_source,
		},
	};
	return requestOptions;
}
