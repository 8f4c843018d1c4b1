import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { listPage } from '../shared/transport';

/** "From List" of the Company field: companies.json a page per scroll, deleted ones (status "2") left out. */
export async function searchCompanies(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const page = Number(paginationToken) > 0 ? Number(paginationToken) : 1;
	const { rows, nextPage } = await listPage.call(this, '/api/v1/companies.json', 'companies', page);
	const needle = (filter ?? '').trim().toLowerCase();
	const results = rows
		.filter((row) => String(row.status ?? '1') !== '2')
		.map((row) => ({ name: String(row.companyName || row.uId), value: String(row.uId ?? '') }))
		.filter(
			(result) =>
				result.value !== '' &&
				(!needle || result.name.toLowerCase().includes(needle) || result.value.includes(needle)),
		);
	return { results, paginationToken: nextPage === undefined ? undefined : String(nextPage) };
}
