import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { STATUS_LABELS } from '../shared/labels';
import { listPage } from '../shared/transport';

/** "From List" of the Ticket field: newest first, one page of 100 per scroll, filtered by subject or id. */
export async function searchTickets(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const page = Number(paginationToken) > 0 ? Number(paginationToken) : 1;
	const { rows, nextPage } = await listPage.call(this, '/api/v1/tickets.json', 'tickets', page, {
		created_order: 'desc',
	});
	const needle = (filter ?? '').trim().toLowerCase();
	const results = rows
		.map((row) => {
			const id = String(row.ticketId ?? '');
			const status = STATUS_LABELS[String(row.ticketStatus ?? '')];
			const name = `#${id} ${String(row.subject ?? '')}${status ? ` (${status})` : ''}`;
			return { name, value: id };
		})
		.filter(
			(result) => result.value !== '' && (!needle || result.name.toLowerCase().includes(needle)),
		);
	return { results, paginationToken: nextPage === undefined ? undefined : String(nextPage) };
}
