// Return All / Limit of every Bangwo8 list: pages of up to 100 that follow the answer's next_page.
import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecutePaginationFunctions,
	INodeExecutionData,
} from 'n8n-workflow';

/** The guide asks not to go above 100 per page. */
export const MAX_PER_PAGE = 100;

/** Stops a server that keeps answering a next_page from looping forever. */
const MAX_PAGES = 10_000;

/** Where a list's `next_page` travels from outputItems to the pagination (an array property). */
export const NEXT_PAGE = Symbol('bangwo8.nextPage');

/** Where a list's `count` (the total) travels from outputItems to the pagination. */
export const TOTAL = Symbol('bangwo8.total');

export type PagedItems = INodeExecutionData[] & { [NEXT_PAGE]?: string; [TOTAL]?: number };

/**
 * The page a `next_page` link points to. Only the page number is taken from it: the request
 * keeps our base URL, path and filters, so credentials never go to a host named in a response.
 */
export function pageNumberOf(nextPage: string, currentPage: number): number | undefined {
	if (!nextPage) return undefined;
	const match = /[?&]page=(\d+)/.exec(nextPage);
	if (match) return Number(match[1]);
	return currentPage + 1;
}

/**
 * routing.operations.pagination of every list: page 1, then the page `next_page` names, until
 * `next_page` is null or empty, a page comes back empty, or Limit items are there. Reads Return
 * All and Limit itself, so neither field needs routing.
 */
export async function followNextPage(
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<INodeExecutionData[]> {
	const returnAll = this.getNodeParameter('returnAll', false) as boolean;
	const wanted = returnAll ? Infinity : Number(this.getNodeParameter('limit', 50));
	const limit = wanted > 0 ? wanted : Infinity;
	// Changed in place: the remembered request (OAuth2 retry) then shows the page being sent.
	const qs = (requestData.options.qs ??= {}) as IDataObject;
	qs.per_page = Number.isFinite(limit) ? Math.min(limit, MAX_PER_PAGE) : MAX_PER_PAGE;
	let page = Number(qs.page) > 0 ? Number(qs.page) : 1;
	qs.page = page;
	const results: INodeExecutionData[] = [];
	for (let requests = 0; requests < MAX_PAGES; requests++) {
		const items = (await this.makeRoutingRequest(requestData)) as PagedItems;
		results.push(...items);
		if (items.length === 0 || results.length >= limit) break;
		const next = pageNumberOf(items[NEXT_PAGE] ?? '', page);
		if (next === undefined || next <= page) break;
		page = next;
		qs.page = page;
	}
	return Number.isFinite(limit) ? results.slice(0, limit) : results;
}

/**
 * routing.operations.pagination of Ticket → Search, whose answer has no next_page: page 1, 2, …
 * until the answer's count is reached, a page comes back short or empty, or Limit items are
 * there. A server that ignores per_page (and sends more) is still paged until the count.
 */
export async function followPageNumbers(
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<INodeExecutionData[]> {
	const returnAll = this.getNodeParameter('returnAll', false) as boolean;
	const wanted = returnAll ? Infinity : Number(this.getNodeParameter('limit', 50));
	const limit = wanted > 0 ? wanted : Infinity;
	const qs = (requestData.options.qs ??= {}) as IDataObject;
	const perPage = Number.isFinite(limit) ? Math.min(limit, MAX_PER_PAGE) : MAX_PER_PAGE;
	qs.per_page = perPage;
	qs.page = 1;
	const results: INodeExecutionData[] = [];
	for (let page = 1; page <= MAX_PAGES; page++) {
		qs.page = page;
		const items = (await this.makeRoutingRequest(requestData)) as PagedItems;
		results.push(...items);
		const total = items[TOTAL];
		if (items.length === 0 || results.length >= limit) break;
		if (total !== undefined ? results.length >= total : items.length < perPage) break;
	}
	return Number.isFinite(limit) ? results.slice(0, limit) : results;
}
