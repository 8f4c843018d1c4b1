// A parameter's value for the current item, read without n8n's expression engine where that
// gives the same value: a plain value, or an expression that only reads one field of the item
// (`{{ $json.id }}`, what n8n writes when a field is dragged in). Before any hook runs, n8n has
// already evaluated every expression of the node once for the item; asking again through
// getNodeParameter evaluates it a second time, which is most of an item's cost in n8n 2.x's
// isolated expression engine (docs/design.md#no-expressions-in-requestdefaults-and-routing).
import type { IDataObject, IExecuteSingleFunctions } from 'n8n-workflow';

const SIMPLE_JSON_FIELD =
	/^=\s*\{\{\s*\$json(?:\.([A-Za-z_$][\w$]*)|\[\s*(['"])([^'"\\]*)\2\s*\])\s*\}\}\s*$/;

/** The input field a raw parameter reads as a whole (`={{ $json.phone }}`), if that is all it does. */
export function simpleJsonField(raw: unknown): string | undefined {
	if (typeof raw !== 'string') return undefined;
	const match = SIMPLE_JSON_FIELD.exec(raw);
	return match ? (match[1] ?? match[3]) : undefined;
}

/** Resource locator modes whose value is the ID itself (no extraction from a URL). */
const PLAIN_LOCATOR_MODES = new Set(['list', 'id']);

/**
 * The value of a parameter for this item (a dotted path reaches into a collection:
 * `additionalFields.name`), as `getNodeParameter(name, fallback, { extractValue: true })` gives it.
 * Falls back to n8n's own resolution for anything that is not plain or a single `$json` field.
 */
export function parameterValue(
	context: IExecuteSingleFunctions,
	name: string,
	fallback?: unknown,
): unknown {
	let raw: unknown = context.getNode().parameters;
	for (const key of name.split('.')) {
		raw = raw !== null && typeof raw === 'object' ? (raw as IDataObject)[key] : undefined;
	}
	if (raw !== null && typeof raw === 'object' && (raw as IDataObject).__rl === true) {
		const locator = raw as IDataObject;
		if (!PLAIN_LOCATOR_MODES.has(String(locator.mode))) {
			return context.getNodeParameter(name, fallback, { extractValue: true });
		}
		raw = locator.value;
	}
	// Not set: n8n's resolution gives the field's default (an unset collection option is absent).
	if (raw === undefined) {
		return fallback === undefined
			? undefined
			: context.getNodeParameter(name, fallback, { extractValue: true });
	}
	if (typeof raw !== 'string' || !raw.startsWith('=')) return raw;
	const field = simpleJsonField(raw);
	if (field === undefined) return context.getNodeParameter(name, fallback, { extractValue: true });
	const json = (context.getInputData()?.json ?? {}) as IDataObject;
	return json[field];
}
