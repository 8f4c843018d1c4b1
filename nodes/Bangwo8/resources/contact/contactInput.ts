// What Contact → Create and Update send, read from Name / Mobile / Landline, the Company picker and
// Contact Fields and checked before any request. Field names are the API's
// (docs/api/bangwo8-helpdesk.md#contact-fields).
import type { IDataObject, IExecuteSingleFunctions } from 'n8n-workflow';

import { inputError, optionalPickedId } from '../../shared/inputs';

function text(value: unknown): string {
	return value === undefined || value === null ? '' : String(value).trim();
}

/** A mainland mobile as 11 digits (spaces, dashes, +86 / 0086 removed); undefined when it is not one. */
export function normalizeMobile(value: unknown): string | undefined {
	const digits = text(value)
		.replace(/[\s\-()（）]/g, '')
		.replace(/^(?:\+86|0086)/, '');
	return /^1[3-9]\d{9}$/.test(digits) ? digits : undefined;
}

/** A landline as digits and dashes (area code, number, extension); undefined when it is not one. */
export function normalizeLandline(value: unknown): string | undefined {
	const number = text(value)
		.replace(/[\s()（）]/g, '')
		.replace(/^(?:\+86|0086)-?/, '0')
		.replace(/^00/, '0');
	return /^\d[\d-]{5,18}\d$/.test(number) && number.replace(/\D/g, '').length >= 7
		? number
		: undefined;
}

/** The user object to send: only what the item gives. */
export function readContactChanges(
	context: IExecuteSingleFunctions,
	operation: 'create' | 'update',
): IDataObject {
	const user: IDataObject = {};
	const name = text(context.getNodeParameter('contactName', ''));
	if (name) user.name = name;
	const mobileRaw = text(context.getNodeParameter('mobile', ''));
	if (mobileRaw) {
		const mobile = normalizeMobile(mobileRaw);
		if (!mobile) {
			throw inputError(
				context,
				'Mobile',
				`${JSON.stringify(mobileRaw)} is not a mainland mobile number`,
				'Give 11 digits starting with 1, such as 13800138000 (spaces, dashes and +86 are removed), or use Landline.',
			);
		}
		user.mobile = mobile;
	}
	const landlineRaw = text(context.getNodeParameter('fixnumber', ''));
	if (landlineRaw) {
		const landline = normalizeLandline(landlineRaw);
		if (!landline) {
			throw inputError(
				context,
				'Landline',
				`${JSON.stringify(landlineRaw)} is not a landline number`,
				'Give the area code and number, such as 010-63701717.',
			);
		}
		user.fixnumber = landline;
	}
	if (operation === 'create') {
		if (!user.mobile && !user.fixnumber) {
			throw inputError(
				context,
				'Mobile',
				'the contact needs a mobile or a landline number',
				'Fill in Mobile or Landline (Bangwo8 takes either).',
			);
		}
		const company = optionalPickedId(context, 'companyId', 'Company');
		if (company) user.companyId = company;
	}
	const options = context.getNodeParameter('contactFields', {}) as IDataObject;
	for (const key of ['email', 'position', 'QQ', 'note', 'tableName']) {
		if (key in options && text(options[key])) user[key] = text(options[key]);
	}
	if (user.email !== undefined && !/^[^\s@]+@[^\s@]+$/.test(String(user.email))) {
		throw inputError(context, 'Email', `${JSON.stringify(user.email)} is not an email address`);
	}
	if (user.QQ !== undefined && !/^\d{5,12}$/.test(String(user.QQ))) {
		throw inputError(context, 'QQ', `${JSON.stringify(user.QQ)} is not a QQ number`);
	}
	if (operation === 'update' && 'state' in options) {
		const state = text(options.state);
		if (!['1', '2', '3'].includes(state))
			throw inputError(context, 'State', `${JSON.stringify(state)} is not 1, 2 or 3`);
		user.state = state;
	}
	return user;
}
