import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { listPage } from '../shared/transport';

/** "From List" of the Agent field: active agents (isStat "1"), a page per scroll, filtered by name, number or id. */
export async function searchAgents(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const page = Number(paginationToken) > 0 ? Number(paginationToken) : 1;
	const { rows, nextPage } = await listPage.call(this, '/api/v1/supports.json', 'supports', page);
	const needle = (filter ?? '').trim().toLowerCase();
	const results = rows
		.filter((row) => row.isStat === undefined || String(row.isStat) === '1')
		.map((row) => ({
			name: `${String(row.name ?? row.sId)}${row.sNum ? ` (${String(row.sNum)})` : ''}`,
			value: String(row.sId ?? ''),
		}))
		.filter(
			(result) =>
				result.value !== '' &&
				(!needle || result.name.toLowerCase().includes(needle) || result.value.includes(needle)),
		);
	return { results, paginationToken: nextPage === undefined ? undefined : String(nextPage) };
}
