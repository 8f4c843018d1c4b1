import type { Resource } from '../../../shared/operations';
import { ticketAddReply } from './addReply';
import { ticketCreate } from './create';
import { ticketGet } from './get';
import { ticketGetAll } from './getAll';
import { ticketSearch } from './search';
import { ticketUpdate } from './update';

export const ticket: Resource = {
	name: 'Ticket',
	value: 'ticket',
	defaultOperation: ticketGetAll,
	operations: [ticketAddReply, ticketCreate, ticketGet, ticketGetAll, ticketSearch, ticketUpdate],
};
