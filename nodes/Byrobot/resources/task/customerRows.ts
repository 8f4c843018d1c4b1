// Import Customers' rows: every input item, or the customer list one item holds, read through
// Phone Field, Name Field and Variables into customerInfoList entries
// (docs/api/byrobot.md#task-import-customers). Both modes compile their mapping once and share
// one row reader; only where the mapping comes from differs.
import type { IDataObject, IExecuteSingleFunctions, INodeExecutionData } from 'n8n-workflow';

import { type BatchRow, rejectRow } from '../../shared/batches';
import {
	type MappedField,
	type RowReader,
	compileFieldMapping,
	compileName,
	listPath,
	requireMappedFields,
	resolvedFieldName,
	valueAtPath,
} from '../../shared/fieldMapping';
import { inputError } from '../../shared/inputs';
import { normalizePhone } from '../../shared/values';

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

type Variable = { name: string; value: unknown };

/** How every row of one mode gives its customer, compiled before the first row. */
interface CustomerMapping {
	phone: RowReader;
	name: RowReader;
	/** A Name Field is set, so an empty name makes the row invalid. */
	nameRequired: boolean;
	variables: Array<{ name: RowReader; value: RowReader }>;
	/** The fields the mapping reads: Send Other Fields leaves them out. */
	mapped: Set<string>;
	/** Variables a row brings itself (a list entry's `properties`), before all others. */
	given?: (json: IDataObject) => Variable[];
}

function asVariableValue(value: unknown): unknown {
	return value !== null && typeof value === 'object' ? JSON.stringify(value) : value;
}

/**
 * The one row reader of both modes. Variables in order: the row's own, then (Send Other Fields)
 * every field neither mapped nor already named, then the listed Variables, which take precedence.
 */
function readCustomers(
	jsons: IDataObject[],
	mapping: CustomerMapping,
	otherFields: boolean,
): Array<BatchRow<CustomerInfo>> {
	const rows: Array<BatchRow<CustomerInfo>> = new Array(jsons.length);
	for (let index = 0; index < jsons.length; index++) {
		const json = jsons[index];
		const listed: Variable[] = mapping.variables.map((variable) => ({
			name: String(variable.name(index, json) ?? '').trim(),
			value: asVariableValue(variable.value(index, json)),
		}));
		const values = mapping.given ? mapping.given(json) : [];
		if (otherFields) {
			const taken = new Set<string>();
			for (const variable of values) taken.add(variable.name);
			for (const variable of listed) taken.add(variable.name);
			for (const key of Object.keys(json)) {
				if (key.trim() && !mapping.mapped.has(key) && !taken.has(key))
					values.push({ name: key, value: asVariableValue(json[key]) });
			}
		}
		values.push(...listed);
		const name = mapping.name(index, json);
		const phone = mapping.phone(index, json);
		if (mapping.nameRequired && String(name ?? '').trim() === '') {
			rows[index] = rejectRow(index, phone, 'Name', 'is empty');
			continue;
		}
		const { customer, problem } = buildCustomer(name, phone, values);
		rows[index] = problem
			? rejectRow(index, phone, problem[0], problem[1])
			: { index, entry: customer };
	}
	return rows;
}

const PHONE_ADVICE =
	'Drag the phone column from the input panel into "Phone Field", or type its name.';
const NAME_ADVICE = 'Drag the name column into "Name Field", or clear it to send no names.';
const VARIABLE_ADVICE = 'Drag the column into the variable\'s "Field", or remove the variable.';

/** The fields both modes check exist in some row, before any request. */
function mappedFields(
	phone: string | undefined,
	name: string | undefined,
	variables: Array<string | undefined>,
): MappedField[] {
	return [
		{ field: phone, parameter: 'Phone Field', advice: PHONE_ADVICE },
		{ field: name, parameter: 'Name Field', advice: NAME_ADVICE },
		...variables.map((field) => ({
			field,
			parameter: 'Variables → Field',
			advice: VARIABLE_ADVICE,
		})),
	];
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

/**
 * All-items mode, on the first item: one customer per input item. The mapping comes from the
 * raw parameters, as n8n would otherwise resolve them once per item
 * (docs/design.md#import-customers-batches).
 */
export function customersFromItems(
	context: IExecuteSingleFunctions,
	items: INodeExecutionData[],
	otherFields: boolean,
): Array<BatchRow<CustomerInfo>> {
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
	const phone = compileFieldMapping(context, rawPhone);
	const name = compileFieldMapping(context, rawName);
	const rawVariables = ((parameters.variables as IDataObject | undefined)?.variable ??
		[]) as Array<{ name?: unknown; field?: unknown }>;
	checkVariables(context, rawVariables);
	const variables = rawVariables.map((variable) => ({
		name: compileName(context, variable.name),
		value: compileFieldMapping(context, variable.field),
	}));
	const fields = mappedFields(
		phone.field,
		name.field,
		variables.map((variable) => variable.value.field),
	);
	const mapping: CustomerMapping = {
		phone: phone.read,
		name: name.read,
		nameRequired: rawName !== '',
		variables: variables.map((variable) => ({ name: variable.name, value: variable.value.read })),
		mapped: requireMappedFields(context, jsons, fields),
	};
	return readCustomers(jsons, mapping, otherFields);
}

/** The Customers parameter as a list of entries, or an error saying what it gave instead. */
function customerList(context: IExecuteSingleFunctions): IDataObject[] {
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
	return (list as unknown[]).map(
		(entry) => (entry && typeof entry === 'object' ? entry : {}) as IDataObject,
	);
}

/** A list entry's `properties` object, sent as variables too. */
function entryProperties(entry: IDataObject): Variable[] {
	const properties = (
		entry.properties && typeof entry.properties === 'object' ? entry.properties : {}
	) as IDataObject;
	return Object.entries(properties).map(([name, value]) => ({
		name,
		value: asVariableValue(value),
	}));
}

/**
 * Per-item mode: the list of customers this item holds. Phone Field, Name Field and Variables
 * name fields of each entry (here an expression gives the field name, as usual in n8n).
 */
export function customersFromList(
	context: IExecuteSingleFunctions,
	otherFields: boolean,
): Array<BatchRow<CustomerInfo>> {
	const entries = customerList(context);
	const phoneField = listPath(entries, resolvedFieldName(context, 'phoneField', 'phone'));
	if (phoneField === undefined) {
		throw inputError(
			context,
			'Phone Field',
			'is empty: enter the name of the field that holds the phone number, e.g. phone',
		);
	}
	const nameField = listPath(entries, resolvedFieldName(context, 'nameField', 'name'));
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
	const fields = mappedFields(
		phoneField,
		nameField,
		variables.map((variable) => variable.field || undefined),
	);
	const mapped = requireMappedFields(context, entries, fields, [
		'customer in the list',
		'customers in the list',
	]);
	mapped.add('properties');
	const mapping: CustomerMapping = {
		phone: (_index, entry) => valueAtPath(entry, phoneField),
		name: nameField === undefined ? () => '' : (_index, entry) => valueAtPath(entry, nameField),
		nameRequired: nameField !== undefined,
		variables: variables.map(({ name, field }) => ({
			name: () => name,
			value: field ? (_index, entry) => valueAtPath(entry, field) : () => undefined,
		})),
		mapped,
		given: entryProperties,
	};
	return readCustomers(entries, mapping, otherFields);
}
