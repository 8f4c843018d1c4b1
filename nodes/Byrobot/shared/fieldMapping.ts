// Bulk operations map columns of the input by field name ("Phone Field": phone). A mapping is
// compiled once, before the first row, into a reader that takes the value straight from each
// row: n8n's expression engine would cost a call per row (docs/design.md#no-expressions-in-requestdefaults-and-routing).
import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteSingleFunctions } from 'n8n-workflow';

import { simpleJsonField } from '../../shared/parameters';

/** Reads one value of row `index` (its JSON given). */
export type RowReader = (index: number, json: IDataObject) => unknown;

/** How the error names the rows a mapping reads: ['input item', 'input items'] by default. */
export type RowsAre = [one: string, many: string];

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
export interface FieldMapping {
	/** The input field read, when the parameter names one (or is `{{ $json.field }}`). */
	field?: string;
	read: RowReader;
}

/**
 * Compiles one raw mapping parameter (from `getNode().parameters`, unresolved). Plain text names
 * the input field, read directly from each item; `={{ $json.x }}` reads field x the same way;
 * any other expression is evaluated for each row and gives the value itself (slower on big sheets).
 */
export function compileFieldMapping(context: IExecuteSingleFunctions, raw: unknown): FieldMapping {
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
 * A name given in a raw parameter (a variable's): constant, or an expression evaluated per row.
 * `=crmId` (a name typed in expression mode, to go beyond the dropdown) is a constant too.
 */
export function compileName(context: IExecuteSingleFunctions, raw: unknown): RowReader {
	if (typeof raw !== 'string' || !raw.startsWith('=')) return () => raw;
	if (!raw.includes('{{')) {
		const name = raw.slice(1);
		return () => name;
	}
	const expression = raw.slice(1);
	return (index) => context.evaluateExpression(expression, index);
}

/** A field-name parameter as n8n resolved it for this item (an expression gives the name). */
export function resolvedFieldName(
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
export function listPath(entries: IDataObject[], field: string | undefined): string | undefined {
	if (field === undefined || field === '') return undefined;
	const dragged = /^(?:[^.[\]]+)?\[\d+\]\.(.+)$/.exec(field);
	if (!dragged || entries.some((entry) => valueAtPath(entry, field) !== undefined)) return field;
	return dragged[1];
}

/** One mapped field to check: the field read, the parameter that names it, what to do about it. */
export interface MappedField {
	field: string | undefined;
	parameter: string;
	advice: string;
}

/**
 * A mapping that names a field no row has is a mapping mistake, not 50,000 bad rows: stop
 * before any request and say which fields the rows do have.
 */
function requireFieldSomewhere(
	context: IExecuteSingleFunctions,
	rows: IDataObject[],
	{ field, parameter, advice }: MappedField,
	rowsAre: RowsAre,
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

/**
 * Checks that every mapped field is in some row, in the order given. Returns the fields used
 * (and their top-level names), which "send the other fields too" options leave out.
 */
export function requireMappedFields(
	context: IExecuteSingleFunctions,
	rows: IDataObject[],
	fields: MappedField[],
	rowsAre: RowsAre = ['input item', 'input items'],
): Set<string> {
	for (const mapped of fields) requireFieldSomewhere(context, rows, mapped, rowsAre);
	return new Set(
		fields
			.map((mapped) => mapped.field)
			.filter((field): field is string => Boolean(field))
			.flatMap((field) => [field, topField(field)]),
	);
}
