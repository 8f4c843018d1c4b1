import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { listAll } from '../shared/transport';

/**
 * Companies for Create's Companies. Bangwo8 documents no company list, so the companies are
 * those the contacts (users.json) belong to, named by their active contacts.
 */
export async function getCompanies(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const contacts = await listAll.call(this, '/api/v1/users.json', 'users');
	const byCompany = new Map<string, string[]>();
	for (const contact of contacts) {
		if (contact.companyId === undefined || contact.companyId === null || contact.companyId === '')
			continue;
		const id = String(contact.companyId);
		const names = byCompany.get(id) ?? [];
		const active = contact.state === undefined || String(contact.state) === '1';
		if (contact.name && active) names.push(String(contact.name));
		byCompany.set(id, names);
	}
	return [...byCompany.entries()]
		.map(([id, names]) => ({
			name: `Company ${id}${names.length ? ` (${names.slice(0, 3).join(', ')}${names.length > 3 ? ', …' : ''})` : ''}`,
			value: id,
		}))
		.sort((a, b) => a.name.localeCompare(b.name));
}
