import type { IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import type { Operation } from '../../../shared/operations';
import { outputItems } from '../../shared/hooks';
import { inputError } from '../../shared/inputs';
import { writeWholeTicket, writtenTicket } from './write';

const fields: INodeProperties[] = [
	{
		displayName: 'Reply',
		name: 'replyMsg',
		type: 'string',
		typeOptions: { rows: 4 },
		required: true,
		default: '',
		description:
			'The reply (ticketReply.replyMsg). Bangwo8 documents no field for internal notes or attachments.',
	},
];

/** preSend: the reply checked, then the whole ticket written back with ticketReply.replyMsg. */
export async function prepareTicketReply(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const reply = String(this.getNodeParameter('replyMsg', '') ?? '').trim();
	if (!reply) throw inputError(this, 'Reply', 'the reply is empty');
	return await writeWholeTicket(this, requestOptions, { fields: {}, customFields: [] }, reply);
}

// The shared Ticket and its own Reply.
export const ticketAddReply: Operation = {
	resource: 'ticket',
	// Sent twice, the reply would appear twice.
	requests: { retry: false },
	shared: ['ticket'],
	option: {
		name: 'Add Reply',
		value: 'addReply',
		action: 'Add a reply to a ticket',
		description: 'Reply to a ticket (PUT with ticketReply)',
		routing: {
			request: { method: 'PUT', url: '/api/v1/tickets/{ticketId}.json' },
			send: { preSend: [prepareTicketReply] },
			output: { postReceive: [outputItems({ format: writtenTicket })] },
		},
	},
	fields,
};
