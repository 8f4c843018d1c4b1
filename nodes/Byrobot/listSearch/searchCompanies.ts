import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import {
	byrobotApiRequest,
	byrobotOpenRequest,
	entriesOf,
	isOpenPlatform,
} from '../shared/transport';

/** Companies bound to the AppKey (getCompanys; open platform: company.list), filtered by name or ID. */
export async function searchCompanies(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const envelope = isOpenPlatform(this)
		? await byrobotOpenRequest.call(this, '/byai.openapi.company/1.0.0/list')
		: await byrobotApiRequest.call(this, 'GET', '/openapi/v1/company/getCompanys');
	const needle = (filter ?? '').trim().toLowerCase();
	const results = entriesOf(envelope.data)
		.map((company: IDataObject) => ({
			name: `${String(company.companyName)} (${String(company.companyId)})`,
			value: String(company.companyId),
		}))
		.filter((company) => !needle || company.name.toLowerCase().includes(needle));
	return { results };
}
