// The fields several Bangwo8 operations share (the Call Task, Ticket, Contact, Company and Agent
// pickers, Return All / Limit, Filters, the ticket and contact fields), one field for all their
// users: n8n works through every field of a declarative node for every input item
// (docs/design.md#shared-fields). Operations name the shared fields they show in `shared`;
// nodeProperties() (nodes/shared/operations.ts) derives each field's display rule, one copy per
// group of operations one rule can select. The pickers have no routing: each operation's preSend
// puts the checked id where its request takes it (shared/hooks.ts).
import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

import { returnAllAndLimit } from '../../shared/descriptions';
import type { Operation, SharedField } from '../../shared/operations';
import { prepareListFilters } from './inputs';
import { labelOptions, PRIORITY_LABELS, STATUS_LABELS, TICKET_TYPE_LABELS } from './labels';

type Show = NonNullable<IDisplayOptions['show']>;

function sortOption(name: string, query: string, direction: 'asc' | 'desc') {
	return {
		name,
		value: `${query}:${direction}`,
		routing: { send: { type: 'query' as const, property: query, value: direction } },
	};
}

/** The filters every Bangwo8 list takes (created_* / updated_* and their order). */
function listFilters(show: Show): INodeProperties {
	const dateFilter = (
		displayName: string,
		name: string,
		query: string,
		description: string,
	): INodeProperties => ({
		displayName,
		name,
		type: 'dateTime',
		default: '',
		description,
		routing: { send: { type: 'query', property: query } },
	});
	return {
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		displayOptions: { show },
		default: {},
		routing: { send: { preSend: [prepareListFilters] } },
		options: [
			dateFilter(
				'Created After',
				'createdStart',
				'created_start',
				'Only those created on or after this date (inclusive)',
			),
			dateFilter(
				'Created Before',
				'createdEnd',
				'created_end',
				'Only those created on or before this date (inclusive; a bare date includes the whole day)',
			),
			{
				displayName: 'Sort',
				name: 'order',
				type: 'options',
				default: 'created_order:desc',
				description: 'The order Bangwo8 returns them in',
				// Each choice carries its own static query: an expression on $value here is not
				// evaluated by n8n 1.x (it sent "undefined=asc").
				options: [
					sortOption('Created, Newest First', 'created_order', 'desc'),
					sortOption('Created, Oldest First', 'created_order', 'asc'),
					sortOption('Updated, Newest First', 'updated_order', 'desc'),
					sortOption('Updated, Oldest First', 'updated_order', 'asc'),
					// status_order is documented for tickets only; prepareListFilters refuses it elsewhere.
					sortOption('Status, Ascending (Tickets Only)', 'status_order', 'asc'),
					sortOption('Status, Descending (Tickets Only)', 'status_order', 'desc'),
				],
			},
			dateFilter(
				'Updated After',
				'updatedStart',
				'updated_start',
				'Only those updated on or after this date (inclusive)',
			),
			dateFilter(
				'Updated Before',
				'updatedEnd',
				'updated_end',
				'Only those updated on or before this date (inclusive; a bare date includes the whole day)',
			),
		],
	};
}

/**
 * The call task picker of Get, Delete and Get Customers. No routing: each operation's path has
 * `{callTaskId}`, which its preSend (sendCallTaskId) replaces with the checked id.
 */
function callTaskPicker(show: Show): INodeProperties {
	return {
		displayName: 'Call Task',
		name: 'callTaskId',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		displayOptions: { show },
		description: 'The call task (外呼任务): its Bangwo8 ID, digits only, e.g. 49242970',
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: 'Select a call task...',
				typeOptions: { searchListMethod: 'searchCallTasks', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 49242970',
				validation: [
					{
						type: 'regex',
						properties: { regex: '^\\s*\\d+\\s*$', errorMessage: 'A call task ID is a number' },
					},
				],
			},
		],
	};
}

/** What a picker is for in each operation that shows it, by `resource.operation`. */
const PICKER_ROLES: Record<string, Record<string, string>> = {
	ticketId: {},
	contactId: {
		'ticket.getAll': 'Get Many: only the tickets of this contact (users/{id}/tickets.json).',
		'ticket.create': 'Create: the contact the ticket is for (custUserId).',
	},
	companyId: {
		'ticket.getAll':
			"Get Many: only the tickets of this company's contacts (companies/{id}/tickets.json).",
		'contact.create':
			'The company the contact belongs to (companyId). Required when your help desk serves companies (2B mode).',
	},
	agentId: {
		'ticket.create': 'The agent the ticket is assigned to (servicerUserId).',
		'ticket.update': 'Assign the ticket to this agent (servicerUserId).',
	},
};

interface PickerSpec {
	displayName: string;
	name: string;
	/** The resource whose own operations need the id (elsewhere it is optional). */
	resource: string;
	noun: string;
	searchListMethod: string;
	example: string;
}

/**
 * A Ticket, Contact, Company or Agent picker: From List (searchable) or By ID. Required for its
 * own resource's operations (Contact → Get), optional elsewhere (Ticket → Create's Contact),
 * where an empty value sends nothing.
 */
function picker(spec: PickerSpec, show: Show, users: Operation[]): INodeProperties {
	const required = users.every((operation) => operation.resource === spec.resource);
	const roles = PICKER_ROLES[spec.name] ?? {};
	const sentences = [
		...new Set(users.map((op) => roles[`${op.resource}.${op.option.value}`]).filter(Boolean)),
	];
	// Said as a model filling the field through $fromAI() needs it: what it is and its form.
	const form = `its Bangwo8 ID, digits only, e.g. ${spec.example}`;
	const description = required
		? `The ${spec.noun}: ${form}`
		: `Optional (${form}); leave empty for none. ${sentences.join(' ')}`;
	return {
		displayName: spec.displayName,
		name: spec.name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required,
		displayOptions: { show },
		description,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: `Select a ${spec.displayName.toLowerCase()}...`,
				typeOptions: { searchListMethod: spec.searchListMethod, searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: `e.g. ${spec.example}`,
				validation: [
					{
						type: 'regex',
						properties: {
							regex: '^\\s*\\d+\\s*$',
							errorMessage: `A ${spec.displayName.toLowerCase()} ID is a number`,
						},
					},
				],
			},
		],
	};
}

const TICKET: PickerSpec = {
	displayName: 'Ticket',
	name: 'ticketId',
	resource: 'ticket',
	noun: 'ticket (工单)',
	searchListMethod: 'searchTickets',
	example: '7000101',
};
const CONTACT: PickerSpec = {
	displayName: 'Contact',
	name: 'contactId',
	resource: 'contact',
	noun: 'contact (联系人)',
	searchListMethod: 'searchContacts',
	example: '321456',
};
const COMPANY: PickerSpec = {
	displayName: 'Company',
	name: 'companyId',
	resource: 'company',
	noun: 'company (公司)',
	searchListMethod: 'searchCompanies',
	example: '5061778',
};
const AGENT: PickerSpec = {
	displayName: 'Agent',
	name: 'agentId',
	resource: 'agent',
	noun: 'agent (客服)',
	searchListMethod: 'searchAgents',
	example: '567332',
};

/** Ticket and Contact → Get: v1 (dropdown values as option text) or _v2 (as option IDs). */
function detailVersion(show: Show): INodeProperties {
	return {
		displayName: 'Dropdown Values As',
		name: 'detailVersion',
		type: 'options',
		noDataExpression: true,
		default: 'v1',
		displayOptions: { show },
		description:
			'How dropdown custom fields come back. The v1 endpoint gives the option text; the _v2 endpoint gives option IDs and also supports advanced checkbox and cascade fields.',
		options: [
			{ name: 'Option Text (V1)', value: 'v1', description: 'The v1 endpoint' },
			{
				name: 'Option IDs (_V2)',
				value: 'v2',
				description: 'The _v2 endpoint (users_v2, tickets …_v2)',
			},
		],
	};
}

/** Ticket → Create: Subject and Description, both required (subject, descript). */
function ticketText(show: Show): INodeProperties[] {
	return [
		{
			displayName: 'Subject',
			name: 'subject',
			type: 'string',
			required: true,
			default: '',
			displayOptions: { show },
			placeholder: 'e.g. 客户要求回电',
			description: 'The ticket title (subject)',
		},
		{
			displayName: 'Description',
			name: 'description',
			type: 'string',
			typeOptions: { rows: 4 },
			required: true,
			default: '',
			displayOptions: { show },
			description: 'What the ticket is about (descript)',
		},
	];
}

const ON_UPDATE = { show: { '/operation': ['update'] } };

/** Ticket → Create and Update: the optional ticket fields, one collection for both. */
function ticketFields(show: Show): INodeProperties {
	return {
		displayName: 'Ticket Fields',
		name: 'ticketFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show },
		options: [
			{
				displayName: 'CC Agent Names or IDs',
				name: 'ccAgentIds',
				type: 'multiOptions',
				default: [],
				typeOptions: { loadOptionsMethod: 'getAgents' },
				description:
					'Agents on copy (ccUserIdList). Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
			{
				displayName: 'Custom Fields',
				name: 'customFields',
				type: 'fixedCollection',
				typeOptions: { multipleValues: true },
				placeholder: 'Add Custom Field',
				default: {},
				description:
					'Custom fields (custom_fields). On Update, the fields given replace those values and the others are kept.',
				options: [
					{
						displayName: 'Field',
						name: 'field',
						values: [
							{
								displayName: 'Field Name or ID',
								name: 'key',
								type: 'options',
								typeOptions: { loadOptionsMethod: 'getTicketFields' },
								default: '',
								description:
									'A custom field (field_…). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
							},
							{
								displayName: 'Value',
								name: 'value',
								type: 'string',
								default: '',
								description:
									"Text, or for a dropdown field the option's text as Bangwo8 shows it (the field's entry in the list names its options)",
							},
						],
					},
				],
			},
			{
				displayName: 'Description',
				name: 'description',
				type: 'string',
				typeOptions: { rows: 4 },
				default: '',
				displayOptions: ON_UPDATE,
				description: 'A new description (descript)',
			},
			{
				displayName: 'Priority',
				name: 'priorityLevel',
				type: 'options',
				default: '2',
				options: labelOptions(PRIORITY_LABELS),
				description: 'The priority (priorityLevel)',
			},
			{
				displayName: 'Status',
				name: 'ticketStatus',
				type: 'options',
				default: '1',
				options: labelOptions(STATUS_LABELS),
				description: 'The status (ticketStatus)',
			},
			{
				displayName: 'Subject',
				name: 'subject',
				type: 'string',
				default: '',
				displayOptions: ON_UPDATE,
				description: 'A new title (subject)',
			},
			{
				displayName: 'Tags',
				name: 'tagList',
				type: 'string',
				default: '',
				description: 'Tags, separated by commas (tagList)',
			},
			{
				displayName: 'Template Name or ID',
				name: 'ticketTemplateId',
				type: 'options',
				default: '',
				typeOptions: { loadOptionsMethod: 'getTicketTemplates' },
				description:
					'The ticket template (ticketTemplateId). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
			{
				displayName: 'Type',
				name: 'ticketType',
				type: 'options',
				default: '1',
				options: labelOptions(TICKET_TYPE_LABELS),
				description: 'The ticket type (ticketType)',
			},
		],
	};
}

/** Ticket → Search: the query and its order. */
function searchFields(show: Show): INodeProperties[] {
	const sort = (name: string, value: string) => ({ name, value });
	return [
		{
			displayName: 'Query',
			name: 'searchQuery',
			type: 'string',
			required: true,
			default: '',
			displayOptions: { show },
			placeholder: 'e.g. createDT:2025-01 ticketStatus:2',
			description:
				'Space-separated field:value terms (query), e.g. createDT:2025-01 (created in January 2025), ticketTemplateId:4, ticketStatus:2',
		},
		{
			displayName: 'Sort',
			name: 'searchSort',
			type: 'options',
			default: 'ticketId:asc',
			displayOptions: { show },
			description: 'The order of the results (sort_by, sort_order)',
			options: [
				sort('Ticket ID, Ascending', 'ticketId:asc'),
				sort('Created, Oldest First', 'createDT:asc'),
				sort('Created, Newest First', 'createDT:desc'),
				sort('Updated, Oldest First', 'updateDT:asc'),
				sort('Updated, Newest First', 'updateDT:desc'),
			],
		},
	];
}

/** Contact → Create and Update: name and the two numbers (create needs one of them). */
function contactDetails(show: Show): INodeProperties[] {
	return [
		{
			displayName: 'Name',
			name: 'contactName',
			type: 'string',
			default: '',
			displayOptions: { show },
			placeholder: 'e.g. 张三',
			description: "The contact's name (name)",
		},
		{
			displayName: 'Mobile',
			name: 'mobile',
			type: 'string',
			default: '',
			displayOptions: { show },
			placeholder: 'e.g. 13800138000',
			description:
				'Mainland mobile, 11 digits (mobile); spaces, dashes and +86 are removed. Create needs Mobile or Landline.',
		},
		{
			displayName: 'Landline',
			name: 'fixnumber',
			type: 'string',
			default: '',
			displayOptions: { show },
			placeholder: 'e.g. 010-63701717',
			description:
				'Landline with area code, e.g. 010-12345678 (fixnumber). Create needs Mobile or Landline.',
		},
	];
}

/** Contact → Create and Update: the optional contact fields, one collection for both. */
function contactFields(show: Show): INodeProperties {
	const text = (displayName: string, name: string, description: string): INodeProperties => ({
		displayName,
		name,
		type: 'string',
		default: '',
		description,
	});
	return {
		displayName: 'Contact Fields',
		name: 'contactFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show },
		options: [
			text('Email', 'email', 'Email address (email)'),
			text('Job Title', 'position', 'Job title (position)'),
			text('Note', 'note', 'A note on the contact (note)'),
			text('QQ', 'QQ', 'QQ number (QQ)'),
			{
				displayName: 'State',
				name: 'state',
				type: 'options',
				default: '1',
				displayOptions: ON_UPDATE,
				description: 'Whether the contact is still there (state)',
				options: [
					{ name: 'Active (在职)', value: '1' },
					{ name: 'Left (离职)', value: '2' },
					{ name: 'Deleted (已删除)', value: '3' },
				],
			},
			text('Tags', 'tableName', 'Tags, separated by commas (tableName)'),
		],
	};
}

/**
 * In this order, each operation shows its shared fields first (then its own), e.g. Ticket → Create
 * Subject, Description, Contact, Agent, Ticket Fields; Ticket → Get Many Contact, Company, Return
 * All / Limit, Filters; Get Customers the Call Task, then Return All / Limit. Every list pages the
 * same way (pages of up to 100, shared/pagination.ts), so one Return All / Limit pair serves them
 * all. Subject / Description and Query / Sort have one user each: they are here for that order.
 */
export const sharedFields: SharedField[] = [
	{ key: 'callTask', build: (show) => [callTaskPicker(show)] },
	{ key: 'ticket', build: (show, users) => [picker(TICKET, show, users)] },
	{ key: 'ticketText', build: (show) => ticketText(show) },
	{ key: 'search', build: (show) => searchFields(show) },
	{ key: 'contact', build: (show, users) => [picker(CONTACT, show, users)] },
	{ key: 'contactDetails', build: (show) => contactDetails(show) },
	{ key: 'company', build: (show, users) => [picker(COMPANY, show, users)] },
	{ key: 'agent', build: (show, users) => [picker(AGENT, show, users)] },
	{ key: 'detailVersion', build: (show) => [detailVersion(show)] },
	{ key: 'ticketFields', build: (show) => [ticketFields(show)] },
	{ key: 'contactFields', build: (show) => [contactFields(show)] },
	{ key: 'paging', build: (show) => returnAllAndLimit(show) },
	{ key: 'filters', build: (show) => [listFilters(show)] },
];
