import type { IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import type { Operation } from '../../../shared/operations';
import { rememberCreate, resolveCreated } from '../../shared/created';
import { outputItems } from '../../shared/hooks';
import { readContactChanges } from './contactInput';

/** preSend: {"user": {name, mobile | fixnumber, companyId, …}}, checked (mobile or landline needed). */
export async function prepareContactCreate(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const user = readContactChanges(this, 'create');
	rememberCreate(this, user);
	requestOptions.body = { user };
	return requestOptions;
}

// Shared Name / Mobile / Landline, the optional Company and Contact Fields. The new cId is looked
// for in the answer, then by listing (shared/created.ts).
export const contactCreate: Operation = {
	resource: 'contact',
	// A second POST would create a second contact.
	requests: { retry: false },
	shared: ['contactDetails', 'company', 'contactFields'],
	option: {
		name: 'Create',
		value: 'create',
		action: 'Create a contact',
		description: 'Create a contact (联系人), e.g. a new lead before a call task takes their ID',
		routing: {
			request: { method: 'POST', url: '/api/v1/users.json' },
			send: { preSend: [prepareContactCreate] },
			output: {
				postReceive: [
					outputItems(),
					resolveCreated({
						key: 'user',
						idKey: 'cId',
						listPath: '/api/v1/users.json',
						listKey: 'users',
						matches: (row, sent) =>
							sent.mobile !== undefined
								? String(row.mobile ?? '') === sent.mobile
								: String(row.fixnumber ?? '') === sent.fixnumber,
						format: (record) => record,
					}),
				],
			},
		},
	},
};
