// Bulk operations that send many rows per request from one pagination hook: by default the
// first item gathers every input item of the run (one row each), or each item sends its own
// list. Rows are split into requests of at most the batch size, and when request k of n fails
// the error says which rows made it. Why: docs/design.md#import-customers-batches.
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecutePaginationFunctions,
	IExecuteSingleFunctions,
	INodeExecutionData,
	JsonObject,
} from 'n8n-workflow';

import { attemptsOf } from '../../shared/requests';
import { pickedId } from './inputs';

export interface RejectedRow {
	index: number;
	phone: string;
	reason: string;
}

/** One row as read from the input: an entry to send, or the reason it was rejected. */
export interface BatchRow<T> {
	index: number;
	entry?: T;
	rejected?: RejectedRow;
}

/** One request: the contiguous input rows it covers, the entries it carries. */
export interface Batch<T> {
	firstRow: number;
	lastRow: number;
	entries: T[];
	rejectedRows: RejectedRow[];
}

/** A rejected row; `field` is the parameter to fix (stopOnFirstInvalid names it). */
export function rejectRow<T>(
	index: number,
	phone: unknown,
	field: string,
	message: string,
): BatchRow<T> {
	return { index, rejected: { index, phone: String(phone ?? ''), reason: `${field}: ${message}` } };
}

/** Batch Size (clamped to 1…max) and On Invalid Row, from the operation's options collection. */
export function batchOptions(
	options: IDataObject,
	max: number,
): { batchSize: number; stopOnInvalid: boolean } {
	const size = Number(options.batchSize ?? max);
	return {
		batchSize: Math.min(max, Math.max(1, Number.isFinite(size) ? size : max)),
		stopOnInvalid: options.onInvalidRow === 'stop',
	};
}

/**
 * Groups rows in input order into batches of at most `batchSize` entries. Rejected rows stay
 * with the batch whose range they fall into (trailing ones join the last batch), so every input
 * row is covered by exactly one batch. With no valid row at all there is one empty batch.
 */
export function planBatches<T>(rows: Array<BatchRow<T>>, batchSize: number): Array<Batch<T>> {
	const size = Math.max(1, Math.floor(batchSize));
	const batches: Array<Batch<T>> = [];
	let current: Batch<T> | undefined;
	for (const row of rows) {
		if (!current || (row.entry !== undefined && current.entries.length >= size)) {
			current = { firstRow: row.index, lastRow: row.index, entries: [], rejectedRows: [] };
			batches.push(current);
		}
		current.lastRow = row.index;
		if (row.entry !== undefined) current.entries.push(row.entry);
		else if (row.rejected) current.rejectedRows.push(row.rejected);
	}
	return batches;
}

const number = (n: number) => n.toLocaleString('en-US');

/** "rows 0–9,999", "row 7". */
export function rowRange(first: number, last: number): string {
	return first === last ? `row ${number(first)}` : `rows ${number(first)}–${number(last)}`;
}

/**
 * What to tell the user when request `failedIndex` (0-based) of `batches` failed: a short
 * clause for the message, and a full sentence (ending in `rerunHint`) for the description.
 */
export function describeBatchFailure<T>(
	batches: Array<Batch<T>>,
	failedIndex: number,
	rerunHint: string,
): { statement: string; description: string } {
	const k = failedIndex + 1;
	const n = batches.length;
	const lastRow = batches[n - 1].lastRow;
	const firstRow = batches[0].firstRow;
	const failedFirst = batches[failedIndex].firstRow;
	const notSent = `${rowRange(failedFirst, lastRow)} were not`;
	const statement =
		failedIndex > 0
			? `${rowRange(firstRow, batches[failedIndex - 1].lastRow)} were imported; ${notSent}`
			: `nothing was imported; ${notSent}`;
	const skipped = batches
		.slice(0, failedIndex)
		.reduce((sum, batch) => sum + batch.rejectedRows.length, 0);
	const except = skipped ? ` (except ${number(skipped)} invalid rows, which were skipped)` : '';
	const description =
		failedIndex > 0
			? `Request ${k} of ${n} failed: ${rowRange(firstRow, batches[failedIndex - 1].lastRow)} were imported${except}; ${notSent}. ${rerunHint}`
			: `Request ${k} of ${n} failed: nothing was imported; ${notSent}. ${rerunHint}`;
	return { statement, description };
}

/** What a gathering hook (Import Customers, Blacklist → Add Many) reads before it plans batches. */
export interface GatheredInput {
	/** Default mode: the first item gathers every input item (one row each). */
	allItems: boolean;
	companyId: number;
	/** The ID the rows go to (the Task, the Blacklist Group). */
	targetId: number;
	/** Every input item in the default mode, none in the per-item mode. */
	items: INodeExecutionData[];
	/** The operation's Options collection. */
	options: IDataObject;
	batchSize: number;
	stopOnInvalid: boolean;
}

/**
 * The opening steps both gathering hooks share, read once rather than per item: the mode (raw:
 * it takes no expressions), Company and the target picker (the same for every item), the input
 * items and the batch options. Undefined for every item but the first in the default mode.
 */
export function gatherInput(
	context: IExecuteSingleFunctions,
	target: { parameter: string; field: string },
	optionsParameter: string,
	batch: { defaultSize?: number; maxSize: number },
): GatheredInput | undefined {
	const allItems = context.getNode().parameters.importMode !== 'perItem';
	if (allItems && context.getItemIndex() !== 0) return undefined;
	const companyId = pickedId(context, 'company', 'Company');
	const targetId = pickedId(context, target.parameter, target.field);
	const items = allItems ? allInputItems(context) : [];
	requireSameIdForAllItems(context, 'company', 'Company', companyId, items.length);
	requireSameIdForAllItems(context, target.parameter, target.field, targetId, items.length);
	const options = context.getNodeParameter(optionsParameter, {}) as IDataObject;
	const { batchSize, stopOnInvalid } = batchOptions(
		batch.defaultSize === undefined ? options : { batchSize: batch.defaultSize, ...options },
		batch.maxSize,
	);
	return { allItems, companyId, targetId, items, options, batchSize, stopOnInvalid };
}

/** Every input item of the run, for the first item's hook to gather. */
export function allInputItems(context: IExecuteSingleFunctions): INodeExecutionData[] {
	return context.getWorkflowDataProxy(0).$input.all() as INodeExecutionData[];
}

const PER_ITEM_DATA = /\$json|\$binary|\$input\.item|\$item\b|\$itemIndex|\.item\b/;

/**
 * Gathering sends every row to the ID read from the first item (a Task, a Blacklist Group).
 * When the ID comes from an expression over each item's data, make sure every item gives the
 * same one rather than sending rows meant for another to the first item's.
 */
export function requireSameIdForAllItems(
	context: IExecuteSingleFunctions,
	parameter: string,
	field: string,
	id: number,
	itemCount: number,
) {
	const raw = context.getNode().parameters[parameter] as unknown;
	const value = raw && typeof raw === 'object' ? (raw as IDataObject).value : raw;
	if (typeof value !== 'string' || !value.startsWith('=') || !PER_ITEM_DATA.test(value)) return;
	const expression = value.slice(1);
	for (let index = 1; index < itemCount; index++) {
		const other = Number(context.evaluateExpression(expression, index));
		if (other !== id) {
			throw new NodeOperationError(
				context.getNode(),
				`Item ${index}: "${field}" gives ${String(other)}, but item 0 gives ${id}`,
				{
					itemIndex: index,
					description: `In the mode "All Items in as Few Requests as Possible" every row goes into one ${field.toLowerCase()}, the first item's. Send each ${field.toLowerCase()}'s rows in a run of their own, or group them into lists (Aggregate) and use the mode "One Request per Item". Nothing was sent to BYRobot.`,
				},
			);
		}
	}
}

/**
 * On Invalid Row → Stop the Run: fail before any request, naming the first invalid row (an
 * input item, or the `entry` of this item's list: "customer").
 */
export function stopOnFirstInvalid<T>(
	context: IExecuteSingleFunctions,
	rows: Array<BatchRow<T>>,
	allItems: boolean,
	entry: string,
) {
	const bad = rows.find((row) => row.rejected);
	if (!bad?.rejected) return;
	const [field, ...rest] = bad.rejected.reason.split(': ');
	const where = allItems
		? `Item ${bad.index}`
		: `Item ${context.getItemIndex()}, ${entry} ${bad.index}`;
	throw new NodeOperationError(context.getNode(), `${where}: "${field}" — ${rest.join(': ')}`, {
		itemIndex: allItems ? bad.index : context.getItemIndex(),
		description: `Fix "${field}" for ${allItems ? `input item ${bad.index}` : `${entry} ${bad.index} of input item ${context.getItemIndex()}`}, or set "On Invalid Row" to skip and list such rows. Nothing was sent to BYRobot.`,
	});
}

function batchFailure<T>(
	context: IExecuteSingleFunctions,
	error: unknown,
	batches: Array<Batch<T>>,
	failedIndex: number,
	rerunHint: string,
): NodeApiError {
	const { statement, description } = describeBatchFailure(batches, failedIndex, rerunHint);
	const original = error as { message?: string; description?: string | null };
	const apiError =
		error instanceof NodeApiError
			? error
			: new NodeApiError(context.getNode(), (error ?? {}) as JsonObject, {
					message: original?.message,
					itemIndex: context.getItemIndex(),
				});
	if (failedIndex > 0) apiError.message = `${apiError.message} — ${statement}`;
	apiError.description = original?.description
		? `${description} ${original.description}`
		: description;
	return apiError;
}

/** The rows one output item reports on (nulls when there were none at all). */
export interface CoveredRows {
	firstRow: number | null;
	lastRow: number | null;
	count: number;
	rejectedRows: IDataObject[];
}

export interface BatchRequests {
	/** The first item gathered every input item (one row each), rather than sending its own list. */
	allItems: boolean;
	/** Body properties besides the list, e.g. {companyId, taskId}. */
	body: IDataObject;
	/** The body property that carries a batch's entries, e.g. customerInfoList. */
	listProperty: string;
	/** How the entries go in that property (the open platform's form: JSON text). Default: as they are. */
	encodeList?: (entries: unknown[]) => unknown;
	/** Why sending again after a failure is safe, ending the failure's description. */
	rerunHint: string;
	/** One output item's JSON: the rows covered and the request's answer (`{}` when not sent). */
	summary(covered: CoveredRows, answer: IDataObject): IDataObject;
}

/**
 * Sends the batches one after another through makeRoutingRequest (so the node's preSend,
 * signing and postReceive apply to each) and returns one output item per request, paired with
 * every input row it covered. A failure stops the rest; with Continue On Fail it becomes an
 * error item paired with the rows not sent.
 */
export async function sendBatches<T>(
	context: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
	batches: Array<Batch<T>>,
	requests: BatchRequests,
): Promise<INodeExecutionData[]> {
	const itemIndex = context.getItemIndex();
	if (batches.length === 0) {
		// An empty list: nothing to send, but the item still gets its answer.
		const covered = { firstRow: null, lastRow: null, count: 0, rejectedRows: [] };
		return [{ json: requests.summary(covered, {}), pairedItem: { item: itemIndex } }];
	}
	const body: IDataObject = {
		...((requestData.options.body as IDataObject | undefined) ?? {}),
		...requests.body,
	};
	const paired = (batch: Batch<T>) => {
		if (!requests.allItems) return [{ item: itemIndex }];
		const list = [];
		for (let row = batch.firstRow; row <= batch.lastRow; row++) list.push({ item: row });
		return list;
	};
	const results: INodeExecutionData[] = [];
	for (let b = 0; b < batches.length; b++) {
		const batch = batches[b];
		let answer: IDataObject = {};
		let attempts = 0;
		if (batch.entries.length) {
			try {
				const items = await context.makeRoutingRequest({
					...requestData,
					options: {
						...requestData.options,
						body: {
							...body,
							[requests.listProperty]: (requests.encodeList
								? requests.encodeList(batch.entries)
								: batch.entries) as IDataObject[],
						},
					},
				});
				answer = (items[0]?.json ?? {}) as IDataObject;
				attempts = attemptsOf(items);
			} catch (error) {
				const apiError = batchFailure(context, error, batches, b, requests.rerunHint);
				if (!context.continueOnFail()) throw apiError;
				const notSent = batches.slice(b).flatMap(paired);
				results.push({ json: {}, error: apiError, pairedItem: notSent });
				return results;
			}
		}
		const covered: CoveredRows = {
			firstRow: batch.firstRow,
			lastRow: batch.lastRow,
			count: batch.entries.length,
			rejectedRows: batch.rejectedRows as unknown as IDataObject[],
		};
		results.push({
			json: { ...requests.summary(covered, answer), attempts },
			pairedItem: paired(batch),
		});
	}
	return results;
}
