// Create Call Task, mode "One Call Task from All Items": every input item is one customer (500
// contacts from Contact → Get Many, a spreadsheet's rows), and all of them go into one call task,
// as Byrobot's Import Customers gathers rows (docs/design.md#import-customers-batches). The first
// item's pagination hook gathers every item, reads each one's customer ID by field name, checks
// them, and sends one POST; the other items send nothing. The output item accounts for every
// input item (sent, rejected, repeated) and is paired with all of them.
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecutePaginationFunctions,
	IExecuteSingleFunctions,
	INodeExecutionData,
	JsonObject,
} from 'n8n-workflow';

import { isEmpty, toIdList } from '../../shared/values';

/** Whether Create runs in this mode (Mode takes no expressions: its raw value is read). */
export function fromAllItems(context: IExecuteSingleFunctions): boolean {
	return context.getNode().parameters.mode === 'allItems';
}

/** Every input item of the run, for the first item's hook to gather. */
function allInputItems(context: IExecuteSingleFunctions): INodeExecutionData[] {
	return context.getWorkflowDataProxy(0).$input.all() as INodeExecutionData[];
}

export interface RejectedRow {
	index: number;
	value: string;
	reason: string;
}

interface CustomerRows {
	ids: Array<string | number>;
	rejectedRows: RejectedRow[];
	duplicateRows: Array<{ index: number; id: string; sameAs: number }>;
}

const SIMPLE_JSON_FIELD =
	/^=\s*\{\{\s*\$json(?:\.([A-Za-z_$][\w$]*)|\[\s*(['"])([^'"\\]*)\2\s*\])\s*\}\}\s*$/;

/** A field of an item by name, or by a dotted path (`customer.cId`) when no field has that name. */
function valueAtPath(json: IDataObject, path: string): unknown {
	if (Object.prototype.hasOwnProperty.call(json, path)) return json[path];
	let current: unknown = json;
	for (const key of path.split('.')) {
		if (current === null || typeof current !== 'object') return undefined;
		current = (current as IDataObject)[key];
	}
	return current;
}

/**
 * How each item gives its customer ID: the field the raw Customer ID Field names (read straight
 * from the item, also for `{{ $json.cId }}`), or any other expression evaluated per item (slower).
 */
function customerIdReader(context: IExecuteSingleFunctions): {
	field?: string;
	read: (index: number, json: IDataObject) => unknown;
} {
	const raw = context.getNode().parameters.customerIdField as unknown;
	if (typeof raw !== 'string' || raw.trim() === '' || raw.trim() === '=') {
		throw new NodeOperationError(context.getNode(), '"Customer ID Field" is empty', {
			itemIndex: 0,
			description:
				"Name the input field that holds each customer's ID, e.g. cId (Contact → Get Many) or uId (Company → Get Many). Nothing was sent to Bangwo8.",
		});
	}
	if (!raw.startsWith('=')) {
		const field = raw.trim();
		return { field, read: (_index, json) => valueAtPath(json, field) };
	}
	const simple = SIMPLE_JSON_FIELD.exec(raw);
	if (simple) {
		const field = simple[1] ?? simple[3];
		return { field, read: (_index, json) => json[field] };
	}
	const expression = raw.slice(1);
	return { read: (index) => context.evaluateExpression(expression, index) };
}

/** Each item's ID(s): one ID, or a list (an array or text separated by commas) per item. */
function readCustomers(
	context: IExecuteSingleFunctions,
	items: INodeExecutionData[],
): CustomerRows {
	const reader = customerIdReader(context);
	if (
		reader.field !== undefined &&
		items.length > 0 &&
		!items.some((item) => valueAtPath(item.json ?? {}, reader.field!) !== undefined)
	) {
		const available = [
			...new Set(items.slice(0, 20).flatMap((item) => Object.keys(item.json ?? {}))),
		];
		throw new NodeOperationError(
			context.getNode(),
			`"Customer ID Field": no input item has a field "${reader.field}"`,
			{
				itemIndex: 0,
				description: `The input items have ${
					available.length
						? available
								.slice(0, 12)
								.map((k) => `"${k}"`)
								.join(', ')
						: 'no fields'
				}. Name the field that holds the customer ID (cId for contacts, uId for companies). Nothing was sent to Bangwo8.`,
			},
		);
	}
	const ids: Array<string | number> = [];
	const firstRowOf = new Map<string, number>();
	const rejectedRows: RejectedRow[] = [];
	const duplicateRows: CustomerRows['duplicateRows'] = [];
	items.forEach((item, index) => {
		const value = reader.read(index, item.json ?? {});
		const shown =
			value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value);
		if (isEmpty(value)) {
			rejectedRows.push({ index, value: shown, reason: 'no customer ID' });
			return;
		}
		const { ids: given, invalid } = toIdList(value);
		if (invalid.length > 0) {
			rejectedRows.push({ index, value: shown, reason: `not an ID: ${invalid.join(', ')}` });
			return;
		}
		for (const id of given) {
			const key = String(id);
			const first = firstRowOf.get(key);
			if (first !== undefined) {
				duplicateRows.push({ index, id: key, sameAs: first });
				continue;
			}
			firstRowOf.set(key, index);
			ids.push(id);
		}
	});
	return { ids, rejectedRows, duplicateRows };
}

const PER_ITEM_DATA = /\$json|\$binary|\$input\.item|\$item\b|\$itemIndex|\.item\b/;

/** The call task's own fields, read once from the first item; by display name for the error. */
const TASK_FIELDS: Array<[parameter: string, field: string]> = [
	['taskName', 'Task Name'],
	['taskStart', 'Task Start'],
	['taskEnd', 'Task End'],
	['agentIds', 'Agents'],
	['dataSource', 'Data Source'],
];

/**
 * All items make one call task, whose name, dates, agents and data source are the first item's.
 * When one of them is an expression over each item's data, every item must give the same value,
 * rather than the first item's being used for rows meant for another task.
 */
function requireSameTaskForAllItems(context: IExecuteSingleFunctions, count: number) {
	for (const [parameter, field] of TASK_FIELDS) {
		const raw = context.getNode().parameters[parameter] as unknown;
		if (typeof raw !== 'string' || !raw.startsWith('=') || !PER_ITEM_DATA.test(raw)) continue;
		const expression = raw.slice(1);
		const first = JSON.stringify(context.evaluateExpression(expression, 0));
		for (let index = 1; index < count; index++) {
			const other = JSON.stringify(context.evaluateExpression(expression, index));
			if (other !== first) {
				throw new NodeOperationError(
					context.getNode(),
					`Item ${index}: "${field}" gives ${other}, but item 0 gives ${first}`,
					{
						itemIndex: index,
						description: `In the mode "One Call Task from All Items" every item goes into one call task, made with the first item's ${field}. Send each task's items in a run of their own, or use the mode "One Call Task per Item". Nothing was sent to Bangwo8.`,
					},
				);
			}
		}
	}
}

/**
 * routing.operations.pagination of Create Call Task. "One Call Task per Item": the item's own
 * request. "One Call Task from All Items": on the first item, every item's ID into one request;
 * nothing on the others.
 */
export async function createCallTasks(
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<INodeExecutionData[]> {
	if (!fromAllItems(this)) return await this.makeRoutingRequest(requestData);
	if (this.getItemIndex() !== 0) return [];
	const items = allInputItems(this);
	requireSameTaskForAllItems(this, items.length);
	const { ids, rejectedRows, duplicateRows } = readCustomers(this, items);
	const onInvalid = this.getNodeParameter('onInvalidItem', 'skip') as string;
	const paired = items.map((_, index) => ({ item: index }));
	if (onInvalid === 'stop' && rejectedRows.length > 0) {
		const [bad] = rejectedRows;
		throw new NodeOperationError(
			this.getNode(),
			`Item ${bad.index}: "Customer ID Field" — ${bad.reason}${bad.value ? ` (${JSON.stringify(bad.value)})` : ''}`,
			{
				itemIndex: bad.index,
				description: `Fix the customer ID of input item ${bad.index}, or set "On Invalid Item" to skip and list such items. Nothing was sent to Bangwo8.`,
			},
		);
	}
	if (ids.length === 0) {
		throw new NodeOperationError(
			this.getNode(),
			`None of the ${items.length} input items gives a customer ID`,
			{
				itemIndex: 0,
				description: `${rejectedRows
					.slice(0, 3)
					.map((row) => `Item ${row.index}: ${row.reason}`)
					.join('; ')}. A call task needs at least one customer. Nothing was sent to Bangwo8.`,
			},
		);
	}
	const body = { ...((requestData.options.body as IDataObject | undefined) ?? {}) };
	body.callTask = { ...((body.callTask as IDataObject | undefined) ?? {}), task_user: ids };
	let answer: INodeExecutionData[];
	try {
		answer = await this.makeRoutingRequest({
			...requestData,
			options: { ...requestData.options, body },
		});
	} catch (error) {
		const failure =
			error instanceof NodeApiError || error instanceof NodeOperationError
				? error
				: new NodeApiError(this.getNode(), (error ?? {}) as JsonObject);
		if (!this.continueOnFail()) throw failure;
		return [{ json: {}, error: failure, pairedItem: paired }];
	}
	const result = (answer[0]?.json ?? {}) as IDataObject;
	return [
		{
			json: {
				...result,
				inputItems: items.length,
				sentIds: ids.length,
				rejectedRows: rejectedRows as unknown as IDataObject[],
				duplicateRows: duplicateRows as unknown as IDataObject[],
			},
			pairedItem: paired,
		},
	];
}
