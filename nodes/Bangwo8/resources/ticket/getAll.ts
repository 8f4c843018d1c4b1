import type { IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import type { Operation } from '../../../shared/operations';
import { outputItems } from '../../shared/hooks';
import { inputError, optionalPickedId } from '../../shared/inputs';
import { withTicketLabels } from '../../shared/labels';
import { followNextPage } from '../../shared/pagination';

/** The three ticket lists (docs/api/bangwo8-helpdesk.md#ticket-list), all with the same filters. */
const OF_COMPANY = '/api/v1/companies/{companyId}/tickets.json';
const OF_CONTACT = '/api/v1/users/{contactId}/tickets.json';

/**
 * preSend: all tickets, or only those of the picked Contact or Company (both optional, not both).
 * The request starts on tickets.json; the path is switched here, not by an expression.
 */
export async function sendTicketScope(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const contactId = optionalPickedId(this, 'contactId', 'Contact');
	const companyId = optionalPickedId(this, 'companyId', 'Company');
	if (contactId && companyId) {
		throw inputError(
			this,
			'Company',
			'a Contact and a Company are both given',
			'Pick a Contact (their tickets) or a Company (its tickets), or neither (all tickets).',
		);
	}
	if (contactId) requestOptions.url = OF_CONTACT.replace('{contactId}', contactId);
	else if (companyId) requestOptions.url = OF_COMPANY.replace('{companyId}', companyId);
	return requestOptions;
}

// The shared optional Contact and Company, Return All / Limit and Filters (status order included).
export const ticketGetAll: Operation = {
	resource: 'ticket',
	shared: ['contact', 'company', 'paging', 'filters'],
	option: {
		name: 'Get Many',
		value: 'getAll',
		action: 'Get many tickets',
		description: "List tickets (工单): all, a contact's or a company's",
		routing: {
			request: { method: 'GET', url: '/api/v1/tickets.json' },
			send: { paginate: true, preSend: [sendTicketScope] },
			operations: { pagination: followNextPage },
			output: { postReceive: [outputItems({ entries: 'tickets', format: withTicketLabels })] },
		},
	},
};
