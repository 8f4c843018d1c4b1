import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { listPage } from '../shared/transport';

/**
 * "From List" of the Contact field: newest first, one page of 100 per scroll, deleted contacts
 * (state "3") left out, filtered by name, mobile or id.
 */
export async function searchContacts(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const page = Number(paginationToken) > 0 ? Number(paginationToken) : 1;
	const { rows, nextPage } = await listPage.call(this, '/api/v1/users.json', 'users', page, {
		created_order: 'desc',
	});
	const needle = (filter ?? '').trim().toLowerCase();
	const results = rows
		.filter((row) => String(row.state ?? '1') !== '3')
		.map((row) => {
			const id = String(row.cId ?? '');
			const phone = row.mobile || row.fixnumber;
			const left = String(row.state ?? '1') === '2' ? ', left' : '';
			const name = `${String(row.name || id)}${phone ? ` (${String(phone)}${left})` : left ? ' (left)' : ''}`;
			return { name, value: id };
		})
		.filter(
			(result) =>
				result.value !== '' &&
				(!needle || result.name.toLowerCase().includes(needle) || result.value.includes(needle)),
		);
	return { results, paginationToken: nextPage === undefined ? undefined : String(nextPage) };
}
