import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { bangwo8ApiRequest } from '../shared/transport';

/** Ticket templates (tickettemplates.json, no paging) for Template: "name (tId)", value tId. */
export async function getTicketTemplates(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	const body = await bangwo8ApiRequest.call(this, '/api/v1/tickettemplates.json');
	const list = Array.isArray(body.tickettemplates) ? (body.tickettemplates as IDataObject[]) : [];
	return list
		.filter((template) => template && template.tId !== undefined)
		.map((template) => ({
			name: `${String(template.ticketTemplateName ?? template.tId)} (${String(template.tId)})`,
			value: String(template.tId),
			description:
				String(template.isReleased) === '1' ? 'Published' : 'Not published (no public form)',
		}));
}
