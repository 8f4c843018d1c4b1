// Ticket → Update and Add Reply write the whole ticket back: PUT tickets/{id}.json takes the GET's
// field names, and whether a partial body is enough is unverified, so, as Bangwo8's own Redmine
// plugin does, the ticket is read first, its ticketId removed, the changes applied and the whole
// object sent (docs/api/bangwo8-helpdesk.md#ticket-update-and-reply).
import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { getInItem } from '../../shared/itemRequests';
import { pickedId } from '../../shared/inputs';
import { withTicketLabels } from '../../shared/labels';
import { detailOf, requireDetail } from '../../shared/output';
import { mergeCustomFields, type TicketChanges } from './ticketInput';

const TICKET_PATH = '/api/v1/tickets/{ticketId}.json';

/** The ticket this item PUT, for its output. */
const written = new WeakMap<object, IDataObject>();

/**
 * preSend of Update and Add Reply: `changes` checked by the caller (before any request), then the
 * ticket read, changed and placed in the body; the path gets the id.
 */
export async function writeWholeTicket(
	context: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
	changes: TicketChanges,
	reply?: string,
): Promise<IHttpRequestOptions> {
	const id = pickedId(context, 'ticketId', 'Ticket');
	const path = TICKET_PATH.replace('{ticketId}', id);
	const current = requireDetail(
		context,
		await getInItem.call(context, path),
		'ticket',
		'Ticket',
		'ticketId',
	);
	const ticket: IDataObject = { ...current, ...changes.fields };
	delete ticket.ticketId;
	if (changes.customFields.length) {
		ticket.custom_fields = mergeCustomFields(current.custom_fields, changes.customFields);
	}
	if (reply !== undefined) ticket.ticketReply = { replyMsg: reply };
	written.set(context, { ticketId: id, ...ticket });
	requestOptions.url = path;
	requestOptions.body = { ticket };
	return requestOptions;
}

/** The output of Update and Add Reply: the ticket as Bangwo8 answered it, or as it was sent. */
export function writtenTicket(this: IExecuteSingleFunctions, body: IDataObject): IDataObject {
	const sent = written.get(this) ?? {};
	const answered = detailOf(body, 'ticket');
	return withTicketLabels(answered ? { ...sent, ...answered } : sent);
}
