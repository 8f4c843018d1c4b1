import type { INodeProperties } from 'n8n-workflow';

import {
	callTypeField,
	callerLinesField,
	callingHoursOptions,
	elasticityOption,
	redialField,
	remarkOption,
	smsOptions,
	taskTypeOptions,
} from './settings';

const show = { resource: ['task'], operation: ['update'] };

// BYRobot refuses to update a running task (pause it first).
export const taskUpdateDescription: INodeProperties[] = [
	redialField(show),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show },
		options: [
			{
				displayName: 'Task Name',
				name: 'taskName',
				type: 'string',
				default: '',
				routing: { send: { type: 'body', property: 'taskName' } },
			},
			{
				displayName: 'Task Type',
				name: 'taskType',
				type: 'options',
				options: taskTypeOptions,
				default: 2,
				routing: { send: { type: 'body', property: 'taskType' } },
			},
			{
				displayName: 'Start Date',
				name: 'startDate',
				type: 'string',
				default: '',
				placeholder: 'e.g. 2024-05-01',
				description: 'The day a scheduled task starts (yyyy-MM-dd)',
				routing: { send: { type: 'body', property: 'startDate' } },
			},
			callerLinesField as INodeProperties,
			callTypeField as INodeProperties,
			{
				displayName: 'AI Seats',
				name: 'concurrencyQuota',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 1,
				routing: { send: { type: 'body', property: 'concurrencyQuota' } },
			},
			...callingHoursOptions,
			...smsOptions,
			elasticityOption,
			remarkOption,
		],
	},
];
