import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { byrobotApiRequest, entriesOf } from '../shared/transport';

/** Companies bound to the AppKey (getCompanys), filtered by name or ID. */
export async function searchCompanies(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const envelope = await byrobotApiRequest.call(this, 'GET', '/openapi/v1/company/getCompanys');
	const needle = (filter ?? '').trim().toLowerCase();
	const results = entriesOf(envelope.data)
		.map((company: IDataObject) => ({
			name: `${String(company.companyName)} (${String(company.companyId)})`,
			value: String(company.companyId),
		}))
		.filter((company) => !needle || company.name.toLowerCase().includes(needle));
	return { results };
}
