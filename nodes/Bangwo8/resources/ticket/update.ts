import type { IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import type { Operation } from '../../../shared/operations';
import { outputItems } from '../../shared/hooks';
import { inputError } from '../../shared/inputs';
import { readTicketChanges } from './ticketInput';
import { writeWholeTicket, writtenTicket } from './write';

/** preSend: the changes checked (something must change), then the whole ticket written back. */
export async function prepareTicketUpdate(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const changes = readTicketChanges(this, 'update');
	if (Object.keys(changes.fields).length === 0 && changes.customFields.length === 0) {
		throw inputError(
			this,
			'Ticket Fields',
			'nothing to update',
			'Pick an Agent, or add a field (Status, Priority, Custom Fields, …) under "Ticket Fields".',
		);
	}
	return await writeWholeTicket(this, requestOptions, changes);
}

// The shared Ticket, the optional Agent (reassign) and Ticket Fields (status, priority, custom fields…).
export const ticketUpdate: Operation = {
	resource: 'ticket',
	shared: ['ticket', 'agent', 'ticketFields'],
	option: {
		name: 'Update',
		value: 'update',
		action: 'Update a ticket',
		description: 'Change the status, priority, agent or custom fields of a ticket',
		routing: {
			request: { method: 'PUT', url: '/api/v1/tickets/{ticketId}.json' },
			send: { preSend: [prepareTicketUpdate] },
			output: { postReceive: [outputItems({ format: writtenTicket })] },
		},
	},
};
