// Input checks run before any request: the error that names item and field, IDs from pickers,
// dates, and the form values dropdowns depend on.
import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
} from 'n8n-workflow';

import { inputErrorFor } from '../../shared/inputs';
import { parameterValue } from '../../shared/parameters';
import { isDate, normalizePhone } from './values';

/** The error a preSend throws for bad input: names the input item and the field. */
export const inputError = inputErrorFor('BYRobot');

/** An ID from a resource locator or dropdown (a string in n8n) as the whole number the API wants. */
export function toId(context: IExecuteSingleFunctions, value: unknown, field: string): number {
	const text = typeof value === 'string' ? value.trim() : value;
	if (text === undefined || text === null || text === '') {
		throw inputError(context, field, 'is empty: choose one from the list or enter its ID');
	}
	const id = Number(text);
	if (!Number.isSafeInteger(id)) {
		throw inputError(context, field, `"${String(value)}" is not an ID (a whole number)`);
	}
	return id;
}

/**
 * preSend: the qs/body property (put there by a field's own routing) holds an ID; sends it as a
 * number, or stops naming the field (a hook, not an expression: docs/design.md).
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

/** The ID chosen in a shared picker (Company, Task, Blacklist Group: see descriptions.ts), as a number. */
export function pickedId(
	context: IExecuteSingleFunctions,
	parameter: string,
	field: string,
): number {
	return toId(context, parameterValue(context, parameter, ''), field);
}

/** preSend: the qs/body property, when given, must be a yyyy-MM-dd date. */
export function requireDate(where: 'qs' | 'body', property: string, field: string) {
	return async function (
		this: IExecuteSingleFunctions,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const value = (requestOptions[where] as IDataObject | undefined)?.[property];
		if (value !== undefined && value !== '' && !isDate(value)) {
			throw inputError(
				this,
				field,
				`"${String(value)}" is not a date in yyyy-MM-dd, e.g. 2024-05-01`,
			);
		}
		return requestOptions;
	};
}

/**
 * The chosen company in a dropdown / list search. The editor passes the form's current values
 * (getCurrentNodeParameter); a saved node has them as its parameters.
 */
export function currentValue(context: ILoadOptionsFunctions, name: string): unknown {
	let value: unknown;
	try {
		value = context.getCurrentNodeParameter(name, { extractValue: true });
	} catch {
		value = undefined;
	}
	if (value === undefined || value === null || value === '') {
		try {
			value = context.getNodeParameter(name, '', { extractValue: true });
		} catch {
			// an expression over input data cannot be resolved while the editor loads a list
			value = undefined;
		}
	}
	return value;
}

/**
 * The company chosen in the form, or undefined while none is (a new node): the lists that depend
 * on it then show a hint or nothing instead of an error (nodes/Byrobot/loadOptions).
 */
export function chosenCompanyId(context: ILoadOptionsFunctions): number | undefined {
	const value = currentValue(context, 'company');
	const companyId = Number(value);
	return value && Number.isSafeInteger(companyId) && companyId > 0 ? companyId : undefined;
}

export function notPlausible(value: unknown): string {
	return `"${String(value ?? '')}" is not a plausible phone number (11-digit mainland mobile or landline with area code)`;
}

/**
 * preSend: the Mobile field, which must be a plausible number, goes into body.mobile normalised
 * (read here rather than by field routing, which would evaluate a mapped value once more).
 */
export async function sendMobile(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const raw = parameterValue(this, 'mobile', '');
	const mobile = normalizePhone(raw);
	if (!mobile) throw inputError(this, 'Mobile', notPlausible(raw));
	requestOptions.body = { ...(requestOptions.body as IDataObject), mobile };
	return requestOptions;
}

/** preSend: the Call ID field, a whole number, goes into qs.callInstanceId. */
export async function sendCallInstanceId(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const id = toId(this, parameterValue(this, 'callInstanceId', ''), 'Call ID');
	requestOptions.qs = { ...requestOptions.qs, callInstanceId: id };
	return requestOptions;
}
