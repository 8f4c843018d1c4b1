// Bangwo8's ticket enums (docs/api/bangwo8-helpdesk.md#ticket-enums), written once: the
// dropdowns of Create and Update offer them, and ticket output carries the label next to the
// code. ticketType 0 and ticketStatus 6 occur without a documented meaning: they are labelled
// but not offered.
import type { INodePropertyOptions } from 'n8n-workflow';

export const TICKET_TYPE_LABELS: Record<string, string> = {
	'1': 'Question (问题)',
	'2': 'Task (事务)',
	'3': 'Incident (故障)',
	'4': 'To-Do (任务)',
};

export const PRIORITY_LABELS: Record<string, string> = {
	'1': 'Low (低)',
	'2': 'Normal (正常)',
	'3': 'High (高)',
	'4': 'Urgent (紧急)',
};

export const STATUS_LABELS: Record<string, string> = {
	'1': 'New (新建)',
	'2': 'Open (已开启)',
	'3': 'Awaiting Reply (待回应)',
	'4': 'Solved (已解决)',
	'5': 'Closed (已关闭)',
};

/** Labels of codes that occur but are not offered: status 6 is "closed" as well (why two, unknown). */
const STATUS_SEEN: Record<string, string> = { ...STATUS_LABELS, '6': 'Closed (已关闭)' };

/** The dropdown entries for a label table, in code order. */
export function labelOptions(labels: Record<string, string>): INodePropertyOptions[] {
	return Object.entries(labels).map(([value, name]) => ({ name, value }));
}

function labelOf(labels: Record<string, string>, code: unknown): string {
	if (code === undefined || code === null) return 'Unknown';
	return labels[String(code).trim()] ?? 'Unknown';
}

/** A ticket with ticketTypeLabel, priorityLevelLabel and ticketStatusLabel beside its raw codes. */
export function withTicketLabels<T extends Record<string, unknown>>(ticket: T): T {
	const labelled: Record<string, unknown> = { ...ticket };
	if ('ticketType' in ticket)
		labelled.ticketTypeLabel = labelOf(TICKET_TYPE_LABELS, ticket.ticketType);
	if ('priorityLevel' in ticket)
		labelled.priorityLevelLabel = labelOf(PRIORITY_LABELS, ticket.priorityLevel);
	if ('ticketStatus' in ticket)
		labelled.ticketStatusLabel = labelOf(STATUS_SEEN, ticket.ticketStatus);
	return labelled as T;
}
