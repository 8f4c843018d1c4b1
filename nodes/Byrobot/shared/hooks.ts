// The postReceive every operation ends with (answer check, unwrap, item linking) and the preSend
// hooks that send the shared pickers' IDs where each request takes them.
import { NodeApiError } from 'n8n-workflow';
import type {
	IDataObject,
	JsonObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	PostReceiveAction,
} from 'n8n-workflow';

import { checkResponse } from './errors';
import { pickedId } from './inputs';
import { entriesOf } from './transport';

export interface OutputOptions {
	/** Where in the answer's `data` the result is, when it is not `data` itself. */
	pick?: (data: unknown) => unknown;
	/** The answer's `data` is a list or a page: one item per entry. */
	entries?: boolean;
	/** Shapes one entry (labels, parsed fields, Simplify). */
	format?: (this: IExecuteSingleFunctions, entry: IDataObject) => IDataObject;
	/** Turns a scalar or null `data` (an id, true, null) into the item's JSON. */
	wrap?: (this: IExecuteSingleFunctions, data: unknown, envelope: IDataObject) => IDataObject;
	/**
	 * The field whose ID the answer is about (open platform Get): an answer without `data` means
	 * an ID the open platform does not know, an error naming that field.
	 */
	notFound?: string;
}

/**
 * The postReceive every operation ends with: checks the answer (throws a NodeApiError with a
 * hint for any failure), unwraps `data`, and links each output item to its input item.
 */
export function outputItems(options: OutputOptions = {}): PostReceiveAction {
	return async function (
		this: IExecuteSingleFunctions,
		_items: INodeExecutionData[],
		response: IN8nHttpFullResponse,
	): Promise<INodeExecutionData[]> {
		const itemIndex = this.getItemIndex();
		const envelope = checkResponse(this.getNode(), response, itemIndex);
		if (options.notFound && (envelope.data === null || envelope.data === undefined)) {
			const field = options.notFound;
			throw new NodeApiError(this.getNode(), envelope as JsonObject, {
				message: `BYRobot knows no such ${field.toLowerCase()}`,
				description: `The open platform answered without data: check the ${field} ID, and that it belongs to the company of the Byrobot Open Platform API credential.`,
				itemIndex,
			});
		}
		const data = options.pick ? options.pick(envelope.data) : envelope.data;
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
export function actionResult(
	extra: (context: IExecuteSingleFunctions) => IDataObject = () => ({}),
) {
	return function (
		this: IExecuteSingleFunctions,
		data: unknown,
		envelope: IDataObject,
	): IDataObject {
		return {
			...extra(this),
			success: true,
			message: (envelope.resultMsg ?? envelope.msg ?? null) as string | null,
			...(data !== null && data !== undefined && data !== true
				? { data: data as IDataObject }
				: {}),
		};
	};
}

/** preSend: sends a shared picker's ID where this operation's API wants it. */
function sendPickedId(parameter: string, field: string, where: 'qs' | 'body', property: string) {
	return async function (
		this: IExecuteSingleFunctions,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const id = pickedId(this, parameter, field);
		requestOptions[where] = {
			...((requestOptions[where] as IDataObject | undefined) ?? {}),
			[property]: id,
		};
		return requestOptions;
	};
}

export const sendCompanyId = (where: 'qs' | 'body') =>
	sendPickedId('company', 'Company', where, 'companyId');

/** The task's ID is taskId in most requests, callJobId where the API calls it that. */
export const sendTaskId = (where: 'qs' | 'body', property: 'taskId' | 'callJobId' = 'taskId') =>
	sendPickedId('task', 'Task', where, property);

export const sendBlacklistGroupId = (where: 'qs' | 'body') =>
	sendPickedId('blacklistGroup', 'Blacklist Group', where, 'blacklistInfoGroupId');

/** The task an action (Start, Pause, Stop, Delete, Update) worked on, for its output. */
export const taskIdOf = (context: IExecuteSingleFunctions): IDataObject => ({
	taskId: pickedId(context, 'task', 'Task'),
});

/** The blacklist group a group action (Update, Delete) worked on, for its output. */
export const blacklistGroupIdOf = (context: IExecuteSingleFunctions): IDataObject => ({
	blacklistInfoGroupId: pickedId(context, 'blacklistGroup', 'Blacklist Group'),
});

/** Whether the operation's Simplify toggle is on. */
export function simplified(this: IExecuteSingleFunctions): boolean {
	return this.getNodeParameter('simplify', true) as boolean;
}
