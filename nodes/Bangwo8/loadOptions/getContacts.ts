import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { listAll } from '../shared/transport';

/** Active contacts (state "1") for Create's Contacts: "name (mobile)", value cId. */
export async function getContacts(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const contacts = await listAll.call(this, '/api/v1/users.json', 'users');
	return contacts
		.filter((contact) => contact.state === undefined || String(contact.state) === '1')
		.map((contact) => ({
			name: `${String(contact.name ?? contact.cId)}${contact.mobile ? ` (${String(contact.mobile)})` : ''}`,
			value: String(contact.cId),
			description: contact.companyId ? `Company ${String(contact.companyId)}` : undefined,
		}))
		.sort((a, b) => a.name.localeCompare(b.name));
}
