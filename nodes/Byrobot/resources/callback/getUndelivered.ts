import type { INodeProperties } from 'n8n-workflow';

import { returnAllAndLimit } from '../../shared/pickers';

const show = { resource: ['callback'], operation: ['getUndelivered'] };

/** queryUnCallBack takes pageSize 1–500. */
export const UNDELIVERED_PAGE_SIZE = 500;

export const callbackGetUndeliveredDescription: INodeProperties[] = [
	{
		displayName: 'Callback Type',
		name: 'dataType',
		type: 'options',
		default: 0,
		displayOptions: { show },
		options: [
			{ name: 'Outbound Call Results', value: 0 },
			{ name: 'Inbound Call Results', value: 1 },
		],
		routing: { send: { type: 'query', property: 'dataType' } },
	},
	{
		displayName: 'Start Date',
		name: 'startDate',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 2024-05-01',
		description: 'First day to search (yyyy-MM-dd)',
		displayOptions: { show },
		routing: { send: { type: 'query', property: 'startDate' } },
	},
	{
		displayName: 'End Date',
		name: 'endDate',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 2024-05-31',
		description: 'Last day to search (yyyy-MM-dd)',
		displayOptions: { show },
		routing: { send: { type: 'query', property: 'endDate' } },
	},
	...returnAllAndLimit({ show }, `up to ${UNDELIVERED_PAGE_SIZE}`),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: { show },
		options: [
			{
				displayName: 'Task ID',
				name: 'callJobId',
				type: 'number',
				default: 0,
				description: 'Only callbacks of this task',
				routing: { send: { type: 'query', property: 'callJobId' } },
			},
		],
	},
];
