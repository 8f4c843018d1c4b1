import type { Operation } from '../../../shared/operations';
import { chooseVersion, outputItems, sendPickedIds } from '../../shared/hooks';
import { requireDetail } from '../../shared/output';
import { withTicketLabels } from '../../shared/labels';

const V1 = '/api/v1/tickets/{ticketId}.json';
const V2 = '/api/v1/tickets/{ticketId}_v2.json';

// The shared Ticket (its checked id goes into the path) and Dropdown Values As (v1 or _v2).
export const ticketGet: Operation = {
	resource: 'ticket',
	shared: ['ticket', 'detailVersion'],
	option: {
		name: 'Get',
		value: 'get',
		action: 'Get a ticket',
		description: 'Get a ticket with its custom fields',
		routing: {
			request: { method: 'GET', url: V1 },
			send: { preSend: [chooseVersion(V1, V2), sendPickedIds(['ticketId', 'Ticket'])] },
			output: {
				postReceive: [
					outputItems({
						format(body) {
							return withTicketLabels(requireDetail(this, body, 'ticket', 'Ticket', 'ticketId'));
						},
					}),
				],
			},
		},
	},
};
