import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { bangwo8ApiRequest } from '../shared/transport';

/** The list in a field-definitions answer: its key is not certain (docs/api/bangwo8-helpdesk.md#custom-fields). */
function definitions(body: unknown): IDataObject[] {
	const candidates = Array.isArray(body)
		? [body]
		: [
				(body as IDataObject)?.ticket_fields,
				(body as IDataObject)?.fields,
				(body as IDataObject)?.data,
			];
	const list = candidates.find(Array.isArray) as unknown[] | undefined;
	return (list ?? []).filter(
		(entry): entry is IDataObject => typeof entry === 'object' && entry !== null,
	);
}

/** Ticket custom fields (tickets/ticket_fields.json) for Custom Fields: "name (field_12)", with a dropdown's options. */
export async function getTicketFields(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	const body = await bangwo8ApiRequest.call(this, '/api/v1/tickets/ticket_fields.json');
	return definitions(body)
		.filter((field) => typeof field.key === 'string' && field.key !== '')
		.map((field) => {
			const options = (Array.isArray(field.custom_field_options) ? field.custom_field_options : [])
				.map((option) => String((option as IDataObject).value ?? ''))
				.filter(Boolean);
			return {
				name: `${String(field.name ?? field.key)} (${String(field.key)})`,
				value: String(field.key),
				description: options.length ? `Options: ${options.join(', ')}` : undefined,
			};
		});
}
