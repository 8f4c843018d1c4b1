// Import Customers (POST v2 importTaskCustomer, ≤ 10,000 customers per call).
// Default "batch" mode: the first item's pagination hook reads every input item's mapped fields
// and sends them in as few requests as allowed; the other items send nothing. "Per item" mode:
// each item holds a list of customers and is sent on its own (split when over the batch size).
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecutePaginationFunctions,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeExecutionData,
	INodeProperties,
	JsonObject,
} from 'n8n-workflow';

import { companyField, taskField } from '../../shared/descriptions';
import { invalidInput } from '../../shared/hooks';
import {
	type ImportBatch,
	type ImportRow,
	describeImportFailure,
	planBatches,
} from '../../shared/importBatches';
import { normalizePhone } from '../../shared/validation';

const show = { resource: ['task'], operation: ['importCustomers'] };

export const IMPORT_CUSTOMERS_PATH = '/openapi/v2/task/importTaskCustomer';

/** Most customers the vendor takes in one call. */
export const MAX_CUSTOMERS_PER_IMPORT = 10000;

export interface CustomerInfo {
	name: string;
	phone: string;
	properties?: Record<string, string>;
}

/** Builds a customerInfoList row; `problem` names the field when the input is unusable. */
export function buildCustomer(
	name: unknown,
	phone: unknown,
	variables: Array<{ name?: unknown; value?: unknown }>,
): { customer?: CustomerInfo; problem?: [field: string, message: string] } {
	const normalized = normalizePhone(phone);
	if (!normalized) {
		return {
			problem: [
				'Phone',
				`"${String(phone ?? '')}" is not a plausible phone number (an 11-digit mainland mobile like 13800138000, or a landline with area code like 021-88886666)`,
			],
		};
	}
	const customer: CustomerInfo = { name: String(name ?? ''), phone: normalized };
	const properties: Record<string, string> = {};
	for (const variable of variables) {
		const key = String(variable.name ?? '').trim();
		if (!key) return { problem: ['Variables', 'every variable needs a name'] };
		properties[key] = variable.value === undefined || variable.value === null ? '' : String(variable.value);
	}
	if (Object.keys(properties).length) customer.properties = properties;
	return { customer };
}

/** Reads this item's customer from the node parameters (throws naming item and field). */
export function customerFromParameters(context: IExecuteSingleFunctions): CustomerInfo {
	const { customer, problem } = buildCustomer(
		context.getNodeParameter('customerName', ''),
		context.getNodeParameter('phone', ''),
		context.getNodeParameter('variables.variable', []) as Array<{ name?: unknown; value?: unknown }>,
	);
	if (problem) throw invalidInput(context, problem[0], problem[1]);
	return customer as CustomerInfo;
}

/** preSend: puts this item's customer into the body as a one-row customerInfoList. */
export async function addCustomerToBody(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const customer = customerFromParameters(this);
	requestOptions.body = {
		...((requestOptions.body as IDataObject) ?? {}),
		customerInfoList: [customer as unknown as IDataObject],
	};
	return requestOptions;
}

type RawVariable = { name?: unknown; value?: unknown };
type Reader = (index: number, json: IDataObject) => unknown;

const SIMPLE_JSON_FIELD = /^=\s*\{\{\s*\$json(?:\.([A-Za-z_$][\w$]*)|\[\s*(['"])([^'"\\]*)\2\s*\])\s*\}\}\s*$/;

/** The input field a raw parameter reads as a whole (`={{ $json.phone }}`), if that is all it does. */
function simpleJsonField(raw: unknown): string | undefined {
	if (typeof raw !== 'string') return undefined;
	const match = SIMPLE_JSON_FIELD.exec(raw);
	return match ? (match[1] ?? match[3]) : undefined;
}

/**
 * Compiles one raw parameter into a cheap per-row reader: a constant for plain values, a direct
 * property read for `={{ $json.x }}`, and n8n's expression engine (for that row) otherwise.
 */
function compileReader(context: IExecuteSingleFunctions, raw: unknown): Reader {
	if (typeof raw !== 'string' || !raw.startsWith('=')) return () => raw;
	const field = simpleJsonField(raw);
	if (field !== undefined) return (_index, json) => json[field];
	const expression = raw.slice(1);
	return (index) => context.evaluateExpression(expression, index);
}

function asVariableValue(value: unknown): unknown {
	return value !== null && typeof value === 'object' ? JSON.stringify(value) : value;
}

interface ImportSettings {
	batchSize: number;
	stopOnInvalid: boolean;
	otherFields: boolean;
}

function importSettings(context: IExecuteSingleFunctions): ImportSettings {
	const options = context.getNodeParameter('importOptions', {}) as IDataObject;
	const size = Number(options.batchSize ?? MAX_CUSTOMERS_PER_IMPORT);
	return {
		batchSize: Math.min(MAX_CUSTOMERS_PER_IMPORT, Math.max(1, Number.isFinite(size) ? size : MAX_CUSTOMERS_PER_IMPORT)),
		stopOnInvalid: options.onInvalidRow === 'stop',
		otherFields: options.includeOtherFields === true,
	};
}

function rejectedRow(index: number, phone: unknown, field: string, message: string) {
	return { index, phone: String(phone ?? ''), reason: `${field}: ${message}` };
}

/** Batch mode, on the first item: every input item's row, read through cheap readers. */
function rowsFromAllItems(
	context: IExecuteSingleFunctions,
	settings: ImportSettings,
): Array<ImportRow<CustomerInfo>> {
	const parameters = context.getNode().parameters;
	const items = context.getWorkflowDataProxy(0).$input.all() as INodeExecutionData[];
	const rawName = parameters.customerName ?? '';
	const rawPhone = parameters.phone ?? '';
	const nameRequired = rawName !== '';
	const readName = compileReader(context, rawName);
	const readPhone = compileReader(context, rawPhone);
	const rawVariables = ((parameters.variables as IDataObject | undefined)?.variable ?? []) as RawVariable[];
	const variableReaders = rawVariables.map((variable) => ({
		name: compileReader(context, variable.name),
		value: compileReader(context, variable.value),
	}));
	const mapped = new Set(
		[simpleJsonField(rawName), simpleJsonField(rawPhone)].filter((field) => field !== undefined),
	);
	const rows: Array<ImportRow<CustomerInfo>> = new Array(items.length);
	for (let index = 0; index < items.length; index++) {
		const json = items[index].json ?? {};
		const name = readName(index, json);
		const phone = readPhone(index, json);
		const variables: RawVariable[] = [];
		if (settings.otherFields) {
			const explicit = new Set<string>();
			const values = variableReaders.map((reader) => {
				const key = String(reader.name(index, json) ?? '').trim();
				explicit.add(key);
				return { name: key, value: reader.value(index, json) };
			});
			for (const key of Object.keys(json)) {
				if (!mapped.has(key) && !explicit.has(key)) variables.push({ name: key, value: asVariableValue(json[key]) });
			}
			variables.push(...values);
		} else {
			for (const reader of variableReaders) {
				variables.push({ name: reader.name(index, json), value: reader.value(index, json) });
			}
		}
		rows[index] = rowFrom(index, name, phone, variables, nameRequired);
	}
	return rows;
}

function rowFrom(
	index: number,
	name: unknown,
	phone: unknown,
	variables: RawVariable[],
	nameRequired: boolean,
): ImportRow<CustomerInfo> {
	if (nameRequired && String(name ?? '').trim() === '') {
		return { index, rejected: rejectedRow(index, phone, 'Name', 'is empty') };
	}
	const { customer, problem } = buildCustomer(name, phone, variables);
	if (problem) return { index, rejected: rejectedRow(index, phone, problem[0], problem[1]) };
	return { index, customer };
}

/** Per-item mode: the list of customers this item holds ({name, phone, properties?} each). */
function rowsFromItemList(
	context: IExecuteSingleFunctions,
	settings: ImportSettings,
): Array<ImportRow<CustomerInfo>> {
	let list = context.getNodeParameter('customers', []) as unknown;
	if (typeof list === 'string') {
		try {
			list = JSON.parse(list);
		} catch {
			throw invalidInput(context, 'Customers', 'is not a list of customers (JSON array of {name, phone, properties})');
		}
	}
	if (list && typeof list === 'object' && !Array.isArray(list)) list = [list];
	if (!Array.isArray(list)) {
		throw invalidInput(context, 'Customers', 'is not a list of customers (array of {name, phone, properties})');
	}
	return (list as unknown[]).map((entry, index) => {
		const row = (entry && typeof entry === 'object' ? entry : {}) as IDataObject;
		const properties = (row.properties && typeof row.properties === 'object' ? row.properties : {}) as IDataObject;
		const variables: RawVariable[] = Object.entries(properties).map(([name, value]) => ({ name, value: asVariableValue(value) }));
		if (settings.otherFields) {
			for (const key of Object.keys(row)) {
				if (key !== 'name' && key !== 'phone' && key !== 'properties' && !(key in properties)) {
					variables.push({ name: key, value: asVariableValue(row[key]) });
				}
			}
		}
		return rowFrom(index, row.name, row.phone, variables, false);
	});
}

function stopOnFirstInvalid(context: IExecuteSingleFunctions, rows: Array<ImportRow<CustomerInfo>>, batchMode: boolean) {
	const bad = rows.find((row) => row.rejected);
	if (!bad?.rejected) return;
	const [field, ...rest] = bad.rejected.reason.split(': ');
	const where = batchMode ? `Item ${bad.index}` : `Item ${context.getItemIndex()}, customer ${bad.index}`;
	throw new NodeOperationError(context.getNode(), `${where}: "${field}" — ${rest.join(': ')}`, {
		itemIndex: batchMode ? bad.index : context.getItemIndex(),
		description: `Fix "${field}" for ${batchMode ? `input item ${bad.index}` : `customer ${bad.index} of input item ${context.getItemIndex()}`}, or set "On Invalid Row" to skip and list such rows. Nothing was sent to BYRobot.`,
	});
}

function withImportFailure(
	context: IExecuteSingleFunctions,
	error: unknown,
	batches: Array<ImportBatch<CustomerInfo>>,
	failedIndex: number,
): NodeApiError {
	const { statement, description } = describeImportFailure(batches, failedIndex);
	const original = error as { message?: string; description?: string | null };
	const apiError =
		error instanceof NodeApiError
			? error
			: new NodeApiError(context.getNode(), (error ?? {}) as JsonObject, {
					message: original?.message,
					itemIndex: context.getItemIndex(),
				});
	if (failedIndex > 0) apiError.message = `${apiError.message} — ${statement}`;
	apiError.description = original?.description ? `${description} ${original.description}` : description;
	return apiError;
}

/**
 * Pagination hook of Import Customers (routing.send.paginate): sends this item's batches one
 * after another through makeRoutingRequest and returns one output item per request.
 */
export async function importCustomersInBatches(
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<INodeExecutionData[]> {
	const batchMode = this.getNodeParameter('importMode', 'batch') !== 'perItem';
	const itemIndex = this.getItemIndex();
	if (batchMode && itemIndex !== 0) return [];
	const settings = importSettings(this);
	const rows = batchMode ? rowsFromAllItems(this, settings) : rowsFromItemList(this, settings);
	if (settings.stopOnInvalid) stopOnFirstInvalid(this, rows, batchMode);
	const batches = planBatches(rows, settings.batchSize);
	const body = (requestData.options.body as IDataObject | undefined) ?? {};
	const taskId = body.taskId as number;
	const paired = (batch: ImportBatch<CustomerInfo>) => {
		if (!batchMode) return [{ item: itemIndex }];
		const list = [];
		for (let row = batch.firstRow; row <= batch.lastRow; row++) list.push({ item: row });
		return list;
	};
	const results: INodeExecutionData[] = [];
	for (let b = 0; b < batches.length; b++) {
		const batch = batches[b];
		const summary: IDataObject = {
			taskId,
			firstRow: batch.firstRow,
			lastRow: batch.lastRow,
			count: batch.customers.length,
			successNum: 0,
			repeatNum: 0,
			placeFailNum: 0,
			rejectedRows: batch.rejectedRows as unknown as IDataObject[],
		};
		if (batch.customers.length) {
			try {
				const answer = await this.makeRoutingRequest({
					...requestData,
					options: {
						...requestData.options,
						body: { ...body, customerInfoList: batch.customers as unknown as IDataObject[] },
					},
				});
				const data = (answer[0]?.json ?? {}) as IDataObject;
				summary.successNum = Number(data.successNum ?? 0);
				summary.repeatNum = Number(data.repeatNum ?? 0);
				summary.placeFailNum = Number(data.placeFailNum ?? 0);
			} catch (error) {
				const apiError = withImportFailure(this, error, batches, b);
				if (!this.continueOnFail()) throw apiError;
				const notImported = batches.slice(b).flatMap(paired);
				results.push({ json: {}, error: apiError, pairedItem: notImported });
				return results;
			}
		}
		results.push({ json: summary, pairedItem: paired(batch) });
	}
	return results;
}

export const taskImportCustomersDescription: INodeProperties[] = [
	companyField(show, 'body'),
	taskField(show, 'body'),
	{
		displayName: 'Mode',
		name: 'importMode',
		type: 'options',
		noDataExpression: true,
		default: 'batch',
		displayOptions: { show },
		options: [
			{
				name: 'All Items in as Few Requests as Possible',
				value: 'batch',
				description:
					'Each input item is one customer; all items of the run are sent together, up to 10,000 per request',
			},
			{
				name: 'One Request per Item (Customer List)',
				value: 'perItem',
				description: 'Each input item already holds a list of customers, which is sent on its own',
			},
		],
	},
	{
		displayName: 'Customer Name',
		name: 'customerName',
		type: 'string',
		default: '',
		placeholder: 'e.g. {{ $json.name }}',
		description: 'When set, a row whose name comes out empty is invalid',
		displayOptions: { show: { ...show, importMode: ['batch'] } },
	},
	{
		displayName: 'Phone',
		name: 'phone',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. {{ $json.phone }}',
		description:
			'Mainland mobile or landline with area code; spaces, dashes and +86 are removed before sending',
		displayOptions: { show: { ...show, importMode: ['batch'] } },
	},
	{
		displayName: 'Variables',
		name: 'variables',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Variable',
		default: {},
		description:
			"Values for the script's variables (see Company → Get Script Variables); extra keys such as your CRM ID come back in call records",
		displayOptions: { show: { ...show, importMode: ['batch'] } },
		options: [
			{
				displayName: 'Variable',
				name: 'variable',
				values: [
					{ displayName: 'Name', name: 'name', type: 'string', default: '', placeholder: 'e.g. 还款金额' },
					{ displayName: 'Value', name: 'value', type: 'string', default: '' },
				],
			},
		],
	},
	{
		displayName: 'Customers',
		name: 'customers',
		type: 'json',
		default: '={{ $json.customers }}',
		description:
			'The list of customers in this item: objects with name, phone and optionally properties (the script variables)',
		displayOptions: { show: { ...show, importMode: ['perItem'] } },
	},
	{
		displayName: 'Options',
		name: 'importOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show },
		options: [
			{
				displayName: 'Batch Size',
				name: 'batchSize',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: MAX_CUSTOMERS_PER_IMPORT },
				default: MAX_CUSTOMERS_PER_IMPORT,
				description: 'Most customers per request (BYRobot takes at most 10,000)',
			},
			{
				displayName: 'On Invalid Row',
				name: 'onInvalidRow',
				type: 'options',
				default: 'skip',
				options: [
					{
						name: 'Skip and List',
						value: 'skip',
						description: 'Send the valid rows; list the invalid ones under rejectedRows',
					},
					{
						name: 'Stop the Run',
						value: 'stop',
						description: 'Send nothing and fail, naming the first invalid row',
					},
				],
				description: 'What to do with a row whose phone is implausible or whose name is empty',
			},
			{
				displayName: 'Send Other Fields as Variables',
				name: 'includeOtherFields',
				type: 'boolean',
				default: false,
				description:
					'Whether every field of the item not used for Name or Phone is sent as a variable too (Variables above take precedence)',
			},
		],
	},
];
