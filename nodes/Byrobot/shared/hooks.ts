// Hooks shared by every operation: the output postReceive (answer check + unwrap + item
// linking), page-number pagination, the preSend hooks that send the shared pickers' IDs, and
// the error preSend hooks throw for bad input.
import { NodeOperationError } from 'n8n-workflow';
import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecutePaginationFunctions,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	PostReceiveAction,
} from 'n8n-workflow';

import { checkByrobotResponse } from './errors';
import { entriesOf } from './transport';
import { isDate } from './validation';

export interface OutputOptions {
	/** The answer's `data` is a list or a page: one item per entry. */
	entries?: boolean;
	/** Shapes one entry (labels, parsed fields, Simplify). */
	format?: (this: IExecuteSingleFunctions, entry: IDataObject) => IDataObject;
	/** Turns a scalar or null `data` (an id, true, null) into the item's JSON. */
	wrap?: (this: IExecuteSingleFunctions, data: unknown, envelope: IDataObject) => IDataObject;
}

/**
 * The postReceive every operation ends with: checks the answer (throws a NodeApiError with a
 * hint for any failure), unwraps `data`, and links each output item to its input item.
 */
export function byrobotOutput(options: OutputOptions = {}): PostReceiveAction {
	return async function (
		this: IExecuteSingleFunctions,
		_items: INodeExecutionData[],
		response: IN8nHttpFullResponse,
	): Promise<INodeExecutionData[]> {
		const itemIndex = this.getItemIndex();
		const envelope = checkByrobotResponse(this.getNode(), response, itemIndex);
		const data = envelope.data;
		let entries: IDataObject[];
		if (options.entries) {
			entries = entriesOf(data);
		} else if (data && typeof data === 'object' && !Array.isArray(data)) {
			entries = [data as IDataObject];
		} else if (options.wrap) {
			entries = [options.wrap.call(this, data, envelope)];
		} else {
			entries = [{ data: data as IDataObject[string] }];
		}
		return entries.map((entry) => ({
			json: options.format ? options.format.call(this, entry) : entry,
			pairedItem: { item: itemIndex },
		}));
	};
}

/** For actions whose `data` is null or true: report success with BYRobot's message. */
export function actionResult(extra: (context: IExecuteSingleFunctions) => IDataObject = () => ({})) {
	return function (this: IExecuteSingleFunctions, data: unknown, envelope: IDataObject): IDataObject {
		return {
			...extra(this),
			success: true,
			message: (envelope.resultMsg ?? envelope.msg ?? null) as string | null,
			...(data !== null && data !== undefined && data !== true ? { data: data as IDataObject } : {}),
		};
	};
}

/**
 * Page-number pagination (pageNum from 1) for Return All / Limit. Asks for full pages of
 * `maxPageSize` (or the limit when smaller), stops on a short page or once the limit is reached.
 */
export function paginateByPageNumber(maxPageSize: number, sendIn: 'qs' | 'body') {
	return async function (
		this: IExecutePaginationFunctions,
		requestData: DeclarativeRestApiSettings.ResultOptions,
	): Promise<INodeExecutionData[]> {
		const returnAll = this.getNodeParameter('returnAll', false) as boolean;
		const limit = returnAll ? Infinity : Number(this.getNodeParameter('limit', 50));
		const pageSize = Math.max(1, Math.min(maxPageSize, limit));
		const results: INodeExecutionData[] = [];
		for (let pageNum = 1; ; pageNum++) {
			const target = { ...((requestData.options[sendIn] as IDataObject | undefined) ?? {}) };
			target.pageNum = pageNum;
			target.pageSize = pageSize;
			const page = await this.makeRoutingRequest({
				...requestData,
				options: { ...requestData.options, [sendIn]: target },
			});
			results.push(...page);
			if (page.length < pageSize || results.length >= limit) break;
		}
		return results.slice(0, limit);
	};
}

/** The error a preSend throws for bad input: names the input item and the field. */
export function invalidInput(
	context: IExecuteSingleFunctions,
	field: string,
	problem: string,
): NodeOperationError {
	const itemIndex = context.getItemIndex();
	return new NodeOperationError(context.getNode(), `Item ${itemIndex}: "${field}" — ${problem}`, {
		itemIndex,
		description: `Fix "${field}" for input item ${itemIndex}. Nothing was sent to BYRobot for this item.`,
	});
}

/** Integers from a multi-select, an array, or a comma-separated string ("1, 2"). */
export function toIdList(value: unknown): number[] {
	const raw = Array.isArray(value) ? value : String(value ?? '').split(',');
	return raw
		.map((entry) => String(entry).trim())
		.filter((entry) => entry !== '')
		.map(Number);
}

/** An ID from a resource locator or dropdown (a string in n8n) as the whole number the API wants. */
export function toId(context: IExecuteSingleFunctions, value: unknown, field: string): number {
	const text = typeof value === 'string' ? value.trim() : value;
	if (text === undefined || text === null || text === '') {
		throw invalidInput(context, field, 'is empty: choose one from the list or enter its ID');
	}
	const id = Number(text);
	if (!Number.isSafeInteger(id)) {
		throw invalidInput(context, field, `"${String(value)}" is not an ID (a whole number)`);
	}
	return id;
}

/**
 * preSend: the qs/body property (put there by a field's own routing) holds an ID; sends it as a
 * number, or stops naming the field. A hook rather than `={{ Number($value) }}`: n8n evaluates
 * routing expressions for every input item, which costs time on big inputs.
 */
export function requireId(where: 'qs' | 'body', property: string, field: string) {
	return async function (
		this: IExecuteSingleFunctions,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const target = requestOptions[where] as IDataObject | undefined;
		if (target && property in target) target[property] = toId(this, target[property], field);
		return requestOptions;
	};
}

/** The ID chosen in a shared picker (Company, Task, Blacklist Group: see pickers.ts), as a number. */
export function pickedId(context: IExecuteSingleFunctions, parameter: string, field: string): number {
	return toId(context, context.getNodeParameter(parameter, '', { extractValue: true }), field);
}

/** preSend: sends a shared picker's ID where this operation's API wants it. */
function sendPickedId(parameter: string, field: string, where: 'qs' | 'body', property: string) {
	return async function (
		this: IExecuteSingleFunctions,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const id = pickedId(this, parameter, field);
		requestOptions[where] = { ...((requestOptions[where] as IDataObject | undefined) ?? {}), [property]: id };
		return requestOptions;
	};
}

export const sendCompanyId = (where: 'qs' | 'body') => sendPickedId('company', 'Company', where, 'companyId');

/** The task's ID is taskId in most requests, callJobId where the API calls it that. */
export const sendTaskId = (where: 'qs' | 'body', property: 'taskId' | 'callJobId' = 'taskId') =>
	sendPickedId('task', 'Task', where, property);

export const sendBlacklistGroupId = (where: 'qs' | 'body') =>
	sendPickedId('blacklistGroup', 'Blacklist Group', where, 'blacklistInfoGroupId');

/** preSend: the qs/body property, when given, must be a yyyy-MM-dd date. */
export function requireDate(where: 'qs' | 'body', property: string, field: string) {
	return async function (
		this: IExecuteSingleFunctions,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const value = (requestOptions[where] as IDataObject | undefined)?.[property];
		if (value !== undefined && value !== '' && !isDate(value)) {
			throw invalidInput(this, field, `"${String(value)}" is not a date in yyyy-MM-dd, e.g. 2024-05-01`);
		}
		return requestOptions;
	};
}
