import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { listAll } from '../shared/transport';

/**
 * Companies for Create Call Task's Companies (data source Company): the company list
 * (companies.json, docs/api/bangwo8-helpdesk.md#companies), deleted ones (status "2") left out;
 * "companyName", value uId.
 */
export async function getCompanies(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const companies = await listAll.call(this, '/api/v1/companies.json', 'companies');
	return companies
		.filter((company) => String(company.status ?? '1') !== '2' && company.uId !== undefined)
		.map((company) => ({
			name: String(company.companyName || `Company ${String(company.uId)}`),
			value: String(company.uId),
			description: [company.province, company.city].filter(Boolean).join(' ') || undefined,
		}))
		.sort((a, b) => a.name.localeCompare(b.name));
}
