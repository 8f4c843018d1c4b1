import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import type { Operation } from '../../../shared/operations';
import { outputItems, sendPickedIds } from '../../shared/hooks';
import { inputError, pickedId } from '../../shared/inputs';
import { detailOf } from '../../shared/output';
import { readContactChanges } from './contactInput';

/** What this item sent, for its output. */
const sent = new WeakMap<object, IDataObject>();

/**
 * preSend: {"user": {…}} with only the fields given (nothing is known of a whole-object rule for
 * contacts, and their read-only fields are many: docs/api/bangwo8-helpdesk.md#contacts).
 */
export async function prepareContactUpdate(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const user = readContactChanges(this, 'update');
	if (Object.keys(user).length === 0) {
		throw inputError(
			this,
			'Contact Fields',
			'nothing to update',
			'Fill in Name, Mobile or Landline, or add a field under "Contact Fields".',
		);
	}
	sent.set(this, { cId: pickedId(this, 'contactId', 'Contact'), ...user });
	requestOptions.body = { user };
	return requestOptions;
}

// The shared Contact, Name / Mobile / Landline and Contact Fields.
export const contactUpdate: Operation = {
	resource: 'contact',
	shared: ['contact', 'contactDetails', 'contactFields'],
	option: {
		name: 'Update',
		value: 'update',
		action: 'Update a contact',
		description: "Change a contact's name, numbers or other fields",
		routing: {
			request: { method: 'PUT', url: '/api/v1/users/{contactId}.json' },
			send: { preSend: [prepareContactUpdate, sendPickedIds(['contactId', 'Contact'])] },
			output: {
				postReceive: [
					outputItems({
						format(body) {
							return { ...(sent.get(this) ?? {}), ...(detailOf(body, 'user') ?? {}) };
						},
					}),
				],
			},
		},
	},
};
