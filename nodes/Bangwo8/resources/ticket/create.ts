import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import type { Operation } from '../../../shared/operations';
import { rememberCreate, resolveCreated } from '../../shared/created';
import { outputItems } from '../../shared/hooks';
import { withTicketLabels } from '../../shared/labels';
import { readTicketChanges } from './ticketInput';

/** preSend: {"ticket": {subject, descript, custUserId, servicerUserId, …, custom_fields}}, checked. */
export async function prepareTicketCreate(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const { fields, customFields } = readTicketChanges(this, 'create');
	const ticket: IDataObject = { ...fields };
	if (customFields.length) ticket.custom_fields = customFields as unknown as IDataObject[];
	rememberCreate(this, ticket);
	requestOptions.body = { ticket };
	return requestOptions;
}

const text = (value: unknown) => (value === undefined || value === null ? '' : String(value));

// Shared Subject / Description, the optional Contact and Agent, and Ticket Fields. The new
// ticketId is looked for in the answer, then by listing (shared/created.ts).
export const ticketCreate: Operation = {
	resource: 'ticket',
	// A second POST would create a second ticket.
	requests: { retry: false },
	shared: ['ticketText', 'contact', 'agent', 'ticketFields'],
	option: {
		name: 'Create',
		value: 'create',
		action: 'Create a ticket',
		description: 'Create a ticket, e.g. for a call that needs a follow-up',
		routing: {
			request: { method: 'POST', url: '/api/v1/tickets.json' },
			send: { preSend: [prepareTicketCreate] },
			output: {
				postReceive: [
					outputItems(),
					resolveCreated({
						key: 'ticket',
						idKey: 'ticketId',
						listPath: '/api/v1/tickets.json',
						listKey: 'tickets',
						matches: (row, sent) =>
							text(row.subject) === text(sent.subject) &&
							text(row.descript) === text(sent.descript) &&
							(sent.custUserId === undefined || text(row.custUserId) === text(sent.custUserId)),
						format: withTicketLabels,
					}),
				],
			},
		},
	},
};
