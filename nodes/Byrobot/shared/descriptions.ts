// Fields several operations share. Each factory takes where the operation sends the value
// (query string for GET queries, JSON body for POST actions) and when the field shows.
import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

import { requireId } from './hooks';

type SendIn = 'query' | 'body';

/** Where a preSend hook finds what routing.send put in the query string or the body. */
export const where = (sendIn: SendIn): 'qs' | 'body' => (sendIn === 'query' ? 'qs' : 'body');

/**
 * 'hook': no routing; the operation's own hook reads the field (see toId). n8n reads a routed
 * field once per input item, which Import Customers, gathering all items, does not need.
 */
type SendVia = SendIn | 'hook';

export function companyField(show: IDisplayOptions['show'], sendIn: SendVia): INodeProperties {
	const field: INodeProperties = {
		displayName: 'Company',
		name: 'company',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description: 'The company to act for (one AppKey may be bound to several)',
		displayOptions: { show },
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: 'Select a company...',
				typeOptions: { searchListMethod: 'searchCompanies', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 3811',
				validation: [
					{
						type: 'regex',
						properties: { regex: '^\\d+$', errorMessage: 'A company ID is a number' },
					},
				],
			},
		],
	};
	if (sendIn !== 'hook') {
		field.routing = {
			send: { type: sendIn, property: 'companyId', preSend: [requireId(where(sendIn), 'companyId', 'Company')] },
		};
	}
	return field;
}

/** A task; `property` is taskId in requests, but callJobId where the API calls it that. */
export function taskField(
	show: IDisplayOptions['show'],
	sendIn: SendVia,
	property: 'taskId' | 'callJobId' = 'taskId',
): INodeProperties {
	const field: INodeProperties = {
		displayName: 'Task',
		name: 'task',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description: 'The call task (listed for the chosen company)',
		displayOptions: { show },
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: 'Select a task...',
				typeOptions: { searchListMethod: 'searchTasks', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 13487',
				validation: [
					{
						type: 'regex',
						properties: { regex: '^\\d+$', errorMessage: 'A task ID is a number' },
					},
				],
			},
		],
	};
	if (sendIn !== 'hook') {
		field.routing = { send: { type: sendIn, property, preSend: [requireId(where(sendIn), property, 'Task')] } };
	}
	return field;
}

/** Return All + Limit; the operation's pagination function reads both. */
export function returnAllAndLimit(show: IDisplayOptions['show'], maxPageSize: number): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			displayOptions: { show },
			default: false,
			description: 'Whether to return all results or only up to a given limit',
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			displayOptions: { show: { ...show, returnAll: [false] } },
			typeOptions: { minValue: 1 },
			default: 50,
			description: 'Max number of results to return',
			hint: `Fetched in pages of up to ${maxPageSize}`,
		},
	];
}

export function simplifyField(show: IDisplayOptions['show']): INodeProperties {
	return {
		displayName: 'Simplify',
		name: 'simplify',
		type: 'boolean',
		displayOptions: { show },
		default: true,
		description: 'Whether to return a simplified version of the response instead of the raw data',
	};
}

export const repeatCallPhoneStatusOptions = [
	{ name: 'Caller in Arrears (9)', value: 9 },
	{ name: 'Call Failed (3)', value: 3 },
	{ name: 'Call Loss (10)', value: 10 },
	{ name: 'Busy (6)', value: 6 },
	{ name: 'Powered Off (5)', value: 5 },
	{ name: 'Suspended (7)', value: 7 },
	{ name: 'Unreachable (2)', value: 2 },
];

export const callTypeOptions = [
	{ name: 'From the Caller Line', value: 'auto', description: 'Use the phone type of the chosen caller line(s)' },
	{ name: 'Mobile (SIM)', value: 0 },
	{ name: 'Landline', value: 1 },
	{ name: 'No Caller', value: 2 },
];
