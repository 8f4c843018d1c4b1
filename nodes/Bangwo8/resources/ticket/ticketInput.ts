// What Ticket → Create and Update send, read from the shared fields (Subject / Description, the
// Contact and Agent pickers, Ticket Fields) and checked before any request. Field names are the
// API's (docs/api/bangwo8-helpdesk.md#ticket-fields); values go out as text, as Bangwo8 sends them.
import type { IDataObject, IExecuteSingleFunctions } from 'n8n-workflow';

import { inputError, optionalPickedId } from '../../shared/inputs';
import { PRIORITY_LABELS, STATUS_LABELS, TICKET_TYPE_LABELS } from '../../shared/labels';
import { isEmpty, toIdList } from '../../shared/values';

export interface CustomField {
	key: string;
	value: string;
}

/** The ticket fields to send, and the custom fields apart (Update merges them into the ticket's). */
export interface TicketChanges {
	fields: IDataObject;
	customFields: CustomField[];
}

function text(value: unknown): string {
	return value === undefined || value === null ? '' : String(value).trim();
}

function requireCode(
	context: IExecuteSingleFunctions,
	field: string,
	value: unknown,
	labels: Record<string, string>,
): string {
	const code = text(value);
	if (!(code in labels)) {
		const known = Object.entries(labels)
			.map(([k, name]) => `${k} ${name}`)
			.join(', ');
		throw inputError(context, field, `${JSON.stringify(code)} is not one of ${known}`);
	}
	return code;
}

/** Custom Fields entries: a key (field_…) each, values as text; a key given twice is an error. */
function readCustomFields(context: IExecuteSingleFunctions, raw: unknown): CustomField[] {
	const entries = ((raw as IDataObject | undefined)?.field ?? []) as IDataObject[];
	const seen = new Set<string>();
	const fields: CustomField[] = [];
	for (const entry of Array.isArray(entries) ? entries : []) {
		const key = text(entry.key);
		if (!key) throw inputError(context, 'Custom Fields', 'every custom field needs a field chosen');
		if (seen.has(key)) throw inputError(context, 'Custom Fields', `${key} is given twice`);
		seen.add(key);
		const value = entry.value;
		fields.push({
			key,
			value: value !== null && typeof value === 'object' ? JSON.stringify(value) : text(value),
		});
	}
	return fields;
}

/**
 * The changes the item asks for: Create's Subject and Description (required), the Contact and
 * Agent pickers, and Ticket Fields. Throws naming the item and field for bad input.
 */
export function readTicketChanges(
	context: IExecuteSingleFunctions,
	operation: 'create' | 'update',
): TicketChanges {
	const fields: IDataObject = {};
	if (operation === 'create') {
		const subject = text(context.getNodeParameter('subject', ''));
		if (!subject) throw inputError(context, 'Subject', 'the ticket needs a subject');
		const description = text(context.getNodeParameter('description', ''));
		if (!description) throw inputError(context, 'Description', 'the ticket needs a description');
		fields.subject = subject;
		fields.descript = description;
		const contact = optionalPickedId(context, 'contactId', 'Contact');
		if (contact) fields.custUserId = contact;
	}
	const agent = optionalPickedId(context, 'agentId', 'Agent');
	if (agent) fields.servicerUserId = agent;

	const options = context.getNodeParameter('ticketFields', {}) as IDataObject;
	if (operation === 'update') {
		for (const [key, name, field] of [
			['subject', 'subject', 'Subject'],
			['description', 'descript', 'Description'],
		] as const) {
			if (!(key in options)) continue;
			const value = text(options[key]);
			if (!value)
				throw inputError(context, field, `an empty ${field.toLowerCase()} is not allowed`);
			fields[name] = value;
		}
	}
	if ('ticketType' in options)
		fields.ticketType = requireCode(context, 'Type', options.ticketType, TICKET_TYPE_LABELS);
	if ('priorityLevel' in options)
		fields.priorityLevel = requireCode(context, 'Priority', options.priorityLevel, PRIORITY_LABELS);
	if ('ticketStatus' in options)
		fields.ticketStatus = requireCode(context, 'Status', options.ticketStatus, STATUS_LABELS);
	if ('ticketTemplateId' in options && !isEmpty(options.ticketTemplateId)) {
		const template = text(options.ticketTemplateId);
		if (!/^\d+$/.test(template))
			throw inputError(context, 'Template', `${JSON.stringify(template)} is not a template ID`);
		fields.ticketTemplateId = template;
	}
	if ('ccAgentIds' in options) {
		const cc = toIdList(options.ccAgentIds);
		if (cc.invalid.length)
			throw inputError(context, 'CC Agents', `not IDs: ${cc.invalid.join(', ')}`);
		if (cc.ids.length) fields.ccUserIdList = cc.ids.map(String).join(',');
	}
	if ('tagList' in options && text(options.tagList)) fields.tagList = text(options.tagList);
	const customFields = readCustomFields(context, options.customFields);
	return { fields, customFields };
}

/** The ticket's custom_fields with `changes` applied: given keys replaced, others kept, new ones added. */
export function mergeCustomFields(current: unknown, changes: CustomField[]): IDataObject[] {
	const merged: IDataObject[] = (Array.isArray(current) ? current : [])
		.filter((entry): entry is IDataObject => typeof entry === 'object' && entry !== null)
		.map((entry) => ({ ...entry }));
	for (const change of changes) {
		const existing = merged.find((entry) => String(entry.key) === change.key);
		if (existing) existing.value = change.value;
		else merged.push({ key: change.key, value: change.value });
	}
	return merged;
}
