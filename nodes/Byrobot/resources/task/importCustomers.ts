import type { Operation } from '../../../shared/operations';
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
	INodeExecutionData,
	INodeProperties,
	JsonObject,
} from 'n8n-workflow';

import { inputError, pickedId } from '../../shared/inputs';
import {
	type ImportBatch,
	type ImportRow,
	describeImportFailure,
	planBatches,
} from '../../shared/importBatches';
import { outputItems } from '../../shared/hooks';
import { normalizePhone } from '../../shared/values';

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
		properties[key] =
			variable.value === undefined || variable.value === null ? '' : String(variable.value);
	}
	if (Object.keys(properties).length) customer.properties = properties;
	return { customer };
}

type RawVariable = { name?: unknown; value?: unknown };
type Reader = (index: number, json: IDataObject) => unknown;

const SIMPLE_JSON_FIELD =
	/^=\s*\{\{\s*\$json(?:\.([A-Za-z_$][\w$]*)|\[\s*(['"])([^'"\\]*)\2\s*\])\s*\}\}\s*$/;

/** The input field a raw parameter reads as a whole (`={{ $json.phone }}`), if that is all it does. */
function simpleJsonField(raw: unknown): string | undefined {
	if (typeof raw !== 'string') return undefined;
	const match = SIMPLE_JSON_FIELD.exec(raw);
	return match ? (match[1] ?? match[3]) : undefined;
}

/**
 * The keys of a field path as n8n writes it when a field is dragged in: `a.b`, `a[0]`,
 * `['联系']['手机']` (how it quotes non-ASCII or spaced keys).
 */
export function pathKeys(path: string): string[] {
	const keys: string[] = [];
	const pattern = /\[\s*(['"])((?:\\.|(?!\1).)*)\1\s*\]|\[\s*(\d+)\s*\]|([^.[\]]+)/g;
	for (let match = pattern.exec(path); match; match = pattern.exec(path)) {
		keys.push(match[2] !== undefined ? match[2].replace(/\\(.)/g, '$1') : (match[3] ?? match[4]));
	}
	return keys;
}

/** A field of an item by name; a path reaches into nested values when no field has that exact name. */
export function valueAtPath(json: IDataObject, path: string): unknown {
	if (Object.prototype.hasOwnProperty.call(json, path)) return json[path];
	let current: unknown = json;
	for (const key of pathKeys(path)) {
		if (current === null || typeof current !== 'object') return undefined;
		current = (current as IDataObject)[key];
	}
	return current;
}

/** The top-level field a path starts from (the exact name when an item has a field so named). */
function topField(path: string): string {
	return pathKeys(path)[0] ?? path;
}

/** How one mapping parameter reads a row: the field it names (fast), or an expression per row. */
interface FieldMapping {
	/** The input field read, when the parameter names one (or is `{{ $json.field }}`). */
	field?: string;
	read: Reader;
}

/**
 * Compiles one raw mapping parameter. Plain text names the input field, which is read directly
 * from each item; `={{ $json.x }}` reads field x the same way; any other expression is evaluated
 * for each row by n8n's expression engine and gives the value itself (slower on big sheets).
 */
function fieldMapping(context: IExecuteSingleFunctions, raw: unknown): FieldMapping {
	if (raw === undefined || raw === null) return { read: () => undefined };
	if (typeof raw !== 'string') return { read: () => raw };
	if (!raw.startsWith('=')) {
		const field = raw.trim();
		return field
			? { field, read: (_index, json) => valueAtPath(json, field) }
			: { read: () => undefined };
	}
	const field = simpleJsonField(raw);
	if (field !== undefined) return { field, read: (_index, json) => json[field] };
	const expression = raw.slice(1);
	return { read: (index) => context.evaluateExpression(expression, index) };
}

/**
 * A variable name: constant, or an expression evaluated per row. `=crmId` (a name typed in
 * expression mode, to go beyond the dropdown) is a constant too.
 */
function nameReader(context: IExecuteSingleFunctions, raw: unknown): Reader {
	if (typeof raw !== 'string' || !raw.startsWith('=')) return () => raw;
	if (!raw.includes('{{')) {
		const name = raw.slice(1);
		return () => name;
	}
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
		batchSize: Math.min(
			MAX_CUSTOMERS_PER_IMPORT,
			Math.max(1, Number.isFinite(size) ? size : MAX_CUSTOMERS_PER_IMPORT),
		),
		stopOnInvalid: options.onInvalidRow === 'stop',
		otherFields: options.includeOtherFields === true,
	};
}

function rejectedRow(index: number, phone: unknown, field: string, message: string) {
	return { index, phone: String(phone ?? ''), reason: `${field}: ${message}` };
}

/**
 * A mapping that names a field no row has is a mapping mistake, not 50,000 bad rows: stop
 * before any request and say which fields the rows do have.
 */
function requireFieldSomewhere(
	context: IExecuteSingleFunctions,
	rows: IDataObject[],
	field: string | undefined,
	parameter: string,
	advice: string,
	rowsAre: [one: string, many: string] = ['input item', 'input items'],
) {
	if (field === undefined || rows.length === 0) return;
	if (rows.some((row) => valueAtPath(row, field) !== undefined)) return;
	const available = [...new Set(rows.slice(0, 20).flatMap((row) => Object.keys(row)))];
	const shown = available
		.slice(0, 12)
		.map((key) => `"${key}"`)
		.join(', ');
	throw new NodeOperationError(
		context.getNode(),
		`"${parameter}": no ${rowsAre[0]} has a field "${field}"`,
		{
			itemIndex: context.getItemIndex(),
			description: `The ${rowsAre[1]} have ${available.length ? `${shown}${available.length > 12 ? ', …' : ''}` : 'no fields'}. ${advice} Nothing was sent to BYRobot.`,
		},
	);
}

const PHONE_ADVICE =
	'Drag the phone column from the input panel into "Phone Field", or type its name.';
const NAME_ADVICE = 'Drag the name column into "Name Field", or clear it to send no names.';
const VARIABLE_ADVICE = 'Drag the column into the variable\'s "Field", or remove the variable.';

/**
 * The same checks for both modes: every mapped field is in some row. Returns the fields the
 * mapping uses (and their top-level names), which Send Other Fields leaves out.
 */
function checkMappedFields(
	context: IExecuteSingleFunctions,
	rows: IDataObject[],
	mapping: { phone?: string; name?: string; variables: Array<string | undefined> },
	rowsAre?: [one: string, many: string],
): Set<string> {
	requireFieldSomewhere(context, rows, mapping.phone, 'Phone Field', PHONE_ADVICE, rowsAre);
	requireFieldSomewhere(context, rows, mapping.name, 'Name Field', NAME_ADVICE, rowsAre);
	for (const field of mapping.variables) {
		requireFieldSomewhere(context, rows, field, 'Variables → Field', VARIABLE_ADVICE, rowsAre);
	}
	return new Set(
		[mapping.phone, mapping.name, ...mapping.variables]
			.filter((field): field is string => Boolean(field))
			.flatMap((field) => [field, topField(field)]),
	);
}

/** Each variable needs a name and a field: check once, before any row is read. */
function checkVariables(
	context: IExecuteSingleFunctions,
	variables: Array<{ name?: unknown; field?: unknown }>,
) {
	variables.forEach((variable, index) => {
		const name =
			typeof variable.name === 'string' ? variable.name.replace(/^=/, '').trim() : variable.name;
		if (name === undefined || name === null || name === '') {
			throw inputError(
				context,
				'Variables',
				`variable ${index + 1} has no name: choose a script variable, or remove it`,
			);
		}
		const field =
			typeof variable.field === 'string' ? variable.field.replace(/^=/, '').trim() : variable.field;
		if (field === undefined || field === null || field === '') {
			throw inputError(
				context,
				'Variables',
				`"${String(name)}" has no Field: name the input field that fills it, or remove it`,
			);
		}
	});
}

/** Batch mode, on the first item: every input item's row, read through the compiled mappings. */
function rowsFromAllItems(
	context: IExecuteSingleFunctions,
	settings: ImportSettings,
	items: INodeExecutionData[],
): Array<ImportRow<CustomerInfo>> {
	const parameters = context.getNode().parameters;
	const jsons = items.map((item) => item.json ?? {});
	const rawPhone = parameters.phoneField ?? 'phone';
	if (typeof rawPhone === 'string' && rawPhone.trim() === '') {
		throw inputError(
			context,
			'Phone Field',
			'is empty: enter the name of the input field that holds the phone number, e.g. phone',
		);
	}
	const rawName = parameters.nameField ?? 'name';
	const nameRequired = rawName !== '';
	const phone = fieldMapping(context, rawPhone);
	const name = fieldMapping(context, rawName);
	const rawVariables = ((parameters.variables as IDataObject | undefined)?.variable ??
		[]) as Array<{
		name?: unknown;
		field?: unknown;
	}>;
	checkVariables(context, rawVariables);
	const variables = rawVariables.map((variable) => ({
		name: nameReader(context, variable.name),
		value: fieldMapping(context, variable.field),
	}));
	const mapped = checkMappedFields(context, jsons, {
		phone: phone.field,
		name: name.field,
		variables: variables.map((variable) => variable.value.field),
	});
	const rows: Array<ImportRow<CustomerInfo>> = new Array(jsons.length);
	for (let index = 0; index < jsons.length; index++) {
		const json = jsons[index];
		const values: RawVariable[] = [];
		if (settings.otherFields) {
			const explicit = new Set<string>();
			const listed = variables.map((variable) => {
				const key = String(variable.name(index, json) ?? '').trim();
				explicit.add(key);
				return { name: key, value: asVariableValue(variable.value.read(index, json)) };
			});
			for (const key of Object.keys(json)) {
				if (key.trim() && !mapped.has(key) && !explicit.has(key))
					values.push({ name: key, value: asVariableValue(json[key]) });
			}
			values.push(...listed);
		} else {
			for (const variable of variables) {
				values.push({
					name: variable.name(index, json),
					value: asVariableValue(variable.value.read(index, json)),
				});
			}
		}
		rows[index] = rowFrom(
			index,
			name.read(index, json),
			phone.read(index, json),
			values,
			nameRequired,
		);
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

/** A field-name parameter as n8n resolved it for this item (an expression gives the name). */
function fieldName(
	context: IExecuteSingleFunctions,
	parameter: string,
	fallback: string,
): string | undefined {
	const value = context.getNodeParameter(parameter, fallback) as unknown;
	const field = String(value ?? '').trim();
	return field === '' ? undefined : field;
}

/**
 * A field path for list entries. Dragging a field of the list from the input panel gives
 * `customers[0].phone`; when no entry has that path, the part after `[n].` is meant.
 */
function listPath(entries: IDataObject[], field: string | undefined): string | undefined {
	if (field === undefined || field === '') return undefined;
	const dragged = /^(?:[^.[\]]+)?\[\d+\]\.(.+)$/.exec(field);
	if (!dragged || entries.some((entry) => valueAtPath(entry, field) !== undefined)) return field;
	return dragged[1];
}

/**
 * Per-item mode: the list of customers this item holds. Phone Field, Name Field and Variables
 * name fields of each entry (here an expression gives the field name, as usual in n8n); an
 * entry's `properties` object is sent as variables too.
 */
function rowsFromItemList(
	context: IExecuteSingleFunctions,
	settings: ImportSettings,
): Array<ImportRow<CustomerInfo>> {
	let list = context.getNodeParameter('customers', []) as unknown;
	if (typeof list === 'string') {
		try {
			list = JSON.parse(list);
		} catch {
			throw inputError(
				context,
				'Customers',
				'is not a list of customers (JSON array of objects, one per customer)',
			);
		}
	}
	if (list && typeof list === 'object' && !Array.isArray(list)) list = [list];
	if (!Array.isArray(list)) {
		const got = list === undefined || list === null || list === '' ? 'nothing' : typeof list;
		throw inputError(
			context,
			'Customers',
			`gives ${got}, not a list of customers (an array of objects, one per customer; after the Aggregate node use {{ $json.data }})`,
		);
	}
	const entries = (list as unknown[]).map(
		(entry) => (entry && typeof entry === 'object' ? entry : {}) as IDataObject,
	);
	const phoneField = listPath(entries, fieldName(context, 'phoneField', 'phone'));
	if (phoneField === undefined) {
		throw inputError(
			context,
			'Phone Field',
			'is empty: enter the name of the field that holds the phone number, e.g. phone',
		);
	}
	const nameField = listPath(entries, fieldName(context, 'nameField', 'name'));
	const rawName = context.getNode().parameters.nameField;
	if (nameField === undefined && typeof rawName === 'string' && rawName.startsWith('=')) {
		throw inputError(
			context,
			'Name Field',
			'the expression gives an empty field name. In this mode Name Field names the field of each customer in the list, e.g. name',
		);
	}
	const rawVariables = context.getNodeParameter('variables.variable', []) as Array<{
		name?: unknown;
		field?: unknown;
	}>;
	checkVariables(context, rawVariables);
	const variables = rawVariables.map((variable) => ({
		name: String(variable.name ?? '').trim(),
		field: listPath(entries, String(variable.field ?? '').trim()) ?? '',
	}));
	const rowsAre: [string, string] = ['customer in the list', 'customers in the list'];
	const mapped = checkMappedFields(
		context,
		entries,
		{
			phone: phoneField,
			name: nameField,
			variables: variables.map((variable) => variable.field || undefined),
		},
		rowsAre,
	);
	mapped.add('properties');
	return entries.map((row, index) => {
		const properties = (
			row.properties && typeof row.properties === 'object' ? row.properties : {}
		) as IDataObject;
		const values: RawVariable[] = Object.entries(properties).map(([name, value]) => ({
			name,
			value: asVariableValue(value),
		}));
		const listed = variables.map((variable) => ({
			name: variable.name,
			value: asVariableValue(variable.field ? valueAtPath(row, variable.field) : undefined),
		}));
		if (settings.otherFields) {
			const taken = new Set([
				...Object.keys(properties),
				...listed.map((variable) => variable.name),
			]);
			for (const key of Object.keys(row)) {
				if (key.trim() && !mapped.has(key) && !taken.has(key))
					values.push({ name: key, value: asVariableValue(row[key]) });
			}
		}
		values.push(...listed);
		const name = nameField === undefined ? '' : valueAtPath(row, nameField);
		return rowFrom(index, name, valueAtPath(row, phoneField), values, nameField !== undefined);
	});
}

function stopOnFirstInvalid(
	context: IExecuteSingleFunctions,
	rows: Array<ImportRow<CustomerInfo>>,
	batchMode: boolean,
) {
	const bad = rows.find((row) => row.rejected);
	if (!bad?.rejected) return;
	const [field, ...rest] = bad.rejected.reason.split(': ');
	const where = batchMode
		? `Item ${bad.index}`
		: `Item ${context.getItemIndex()}, customer ${bad.index}`;
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
	apiError.description = original?.description
		? `${description} ${original.description}`
		: description;
	return apiError;
}

const PER_ITEM_DATA = /\$json|\$binary|\$input\.item|\$item\b|\$itemIndex|\.item\b/;

/**
 * Batch mode sends every row to one company and task, read from the first item. When the ID
 * comes from an expression over each item's data, make sure every item gives the same one
 * rather than sending rows meant for another task to the first item's.
 */
function requireSameIdForAllItems(
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
 * Pagination hook of Import Customers (routing.send.paginate): sends this item's batches one
 * after another through makeRoutingRequest and returns one output item per request.
 */
export async function importCustomersInBatches(
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<INodeExecutionData[]> {
	// Mode takes no expressions, so the raw parameter is its value: read it without n8n's
	// parameter machinery, which this hook would otherwise run for each of 50,000 items.
	const batchMode = this.getNode().parameters.importMode !== 'perItem';
	const itemIndex = this.getItemIndex();
	if (batchMode && itemIndex !== 0) return [];
	// Company and Task have no routing of their own (n8n would read them for every item): read once.
	const companyId = pickedId(this, 'company', 'Company');
	const taskId = pickedId(this, 'task', 'Task');
	// Batch mode: this first item reads every input item of the run.
	const items = batchMode
		? (this.getWorkflowDataProxy(0).$input.all() as INodeExecutionData[])
		: [];
	requireSameIdForAllItems(this, 'company', 'Company', companyId, items.length);
	requireSameIdForAllItems(this, 'task', 'Task', taskId, items.length);
	const settings = importSettings(this);
	const rows = batchMode
		? rowsFromAllItems(this, settings, items)
		: rowsFromItemList(this, settings);
	if (settings.stopOnInvalid) stopOnFirstInvalid(this, rows, batchMode);
	const batches = planBatches(rows, settings.batchSize);
	if (batches.length === 0) {
		// An empty customer list: nothing to send, but the item still gets its answer.
		const empty = {
			taskId,
			firstRow: null,
			lastRow: null,
			count: 0,
			successNum: 0,
			repeatNum: 0,
			placeFailNum: 0,
			rejectedRows: [],
		};
		return [{ json: empty, pairedItem: { item: itemIndex } }];
	}
	const body: IDataObject = {
		...((requestData.options.body as IDataObject | undefined) ?? {}),
		companyId,
		taskId,
	};
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

const fields: INodeProperties[] = [
	{
		displayName: 'Mode',
		name: 'importMode',
		type: 'options',
		noDataExpression: true,
		default: 'batch',
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
				description:
					'Each input item already holds a list of customers (e.g. from the Aggregate node), sent on its own',
			},
		],
	},
	{
		displayName: 'Customers',
		name: 'customers',
		type: 'json',
		default: '={{ $json.customers }}',
		description:
			"The list of customers in this item, one object per customer, read through Phone Field, Name Field and Variables below (an entry's properties object is sent as variables too). After the Aggregate node the list is in its data field.",
		displayOptions: { show: { importMode: ['perItem'] } },
	},
	{
		displayName: 'Phone Field',
		name: 'phoneField',
		type: 'string',
		requiresDataPath: 'single',
		required: true,
		default: 'phone',
		placeholder: 'e.g. phone',
		hint: 'Drag the field from the input panel, or type its name',
		description:
			'The field that holds the phone number (mainland mobile, or landline with area code; spaces, dashes and +86 are removed). In the default mode an expression here gives the phone number itself, row by row, which is slower on big sheets.',
	},
	{
		displayName: 'Name Field',
		name: 'nameField',
		type: 'string',
		requiresDataPath: 'single',
		default: 'name',
		placeholder: 'e.g. name',
		description:
			"The field that holds the customer's name; a customer whose name is empty is invalid. Clear it to send no names.",
	},
	{
		displayName: 'Variables',
		name: 'variables',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Variable',
		default: {},
		description:
			"The script's variables, each filled from a field. Extra names (your CRM ID) are allowed and come back in call records and callbacks.",
		options: [
			{
				displayName: 'Variable',
				name: 'variable',
				values: [
					{
						displayName: 'Variable Name or ID',
						name: 'name',
						type: 'options',
						typeOptions: {
							loadOptionsMethod: 'getTaskScriptVariables',
							loadOptionsDependsOn: ['company.value', 'task.value'],
						},
						default: '',
						description:
							'A variable of the task\'s robot script. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
					},
					{
						displayName: 'Field',
						name: 'field',
						type: 'string',
						requiresDataPath: 'single',
						default: '',
						placeholder: 'e.g. amount',
						description: 'The field whose value fills the variable',
					},
				],
			},
		],
	},
	{
		displayName: 'Options',
		name: 'importOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
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
					"Whether every input field not used as Phone, Name or a variable's Field is sent as a variable too, under its own name (Variables above take precedence)",
			},
		],
	},
];

export const taskImportCustomers: Operation = {
	resource: 'task',
	shared: ['company', 'task'],
	option: {
		name: 'Import Customers',
		value: 'importCustomers',
		action: 'Import customers into a task',
		description:
			'Add customers to a task, all input items in as few requests as allowed (duplicates are skipped)',
		routing: {
			request: { method: 'POST', url: '/openapi/v2/task/importTaskCustomer' },
			send: { paginate: true },
			operations: { pagination: importCustomersInBatches },
			output: { postReceive: [outputItems()] },
		},
	},
	fields,
};
