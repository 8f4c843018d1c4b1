import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import type { Operation } from '../../../shared/operations';
import { outputItems } from '../../shared/hooks';
import { inputError } from '../../shared/inputs';
import { withTicketLabels } from '../../shared/labels';
import { followPageNumbers } from '../../shared/pagination';

const SORTS = new Set(['ticketId', 'createDT', 'updateDT']);

/** preSend: query (field:value terms), sort_by and sort_order (docs/api/bangwo8-helpdesk.md#ticket-search). */
export async function prepareSearch(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const query = String(this.getNodeParameter('searchQuery', '') ?? '')
		.trim()
		.replace(/\s+/g, ' ');
	if (!query) {
		throw inputError(
			this,
			'Query',
			'no search terms given',
			'Give field:value terms such as createDT:2025-01 or ticketStatus:2.',
		);
	}
	const [sortBy, sortOrder] = String(this.getNodeParameter('searchSort', 'ticketId:asc')).split(
		':',
	);
	if (!SORTS.has(sortBy) || (sortOrder !== 'asc' && sortOrder !== 'desc')) {
		throw inputError(
			this,
			'Sort',
			`${JSON.stringify(`${sortBy}:${sortOrder}`)} is not a sort order`,
		);
	}
	const qs = (requestOptions.qs ??= {}) as IDataObject;
	qs.query = query;
	qs.sort_by = sortBy;
	qs.sort_order = sortOrder;
	return requestOptions;
}

// The shared Query / Sort and Return All / Limit. The answer has no next_page: pages are counted.
export const ticketSearch: Operation = {
	resource: 'ticket',
	shared: ['search', 'paging'],
	option: {
		name: 'Search',
		value: 'search',
		action: 'Search tickets',
		description: 'Find tickets by field:value terms (the generic search API)',
		routing: {
			request: { method: 'GET', url: '/api/v1/tickets/search.json' },
			send: { paginate: true, preSend: [prepareSearch] },
			operations: { pagination: followPageNumbers },
			output: {
				postReceive: [
					outputItems({ entries: 'tickets', nested: 'results', format: withTicketLabels }),
				],
			},
		},
	},
};
