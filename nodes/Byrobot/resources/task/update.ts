import type { Operation } from '../../../shared/operations';
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
import { actionResult, outputItems, sendCompanyId, sendTaskId, taskIdOf } from '../../shared/hooks';
import { prepareTaskSettings } from '../../shared/taskSettings';

// BYRobot refuses to update a running task (pause it first).
const fields: INodeProperties[] = [
	redialField,
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
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

export const taskUpdate: Operation = {
	resource: 'task',
	shared: ['company', 'task'],
	option: {
		name: 'Update',
		value: 'update',
		action: 'Update a task',
		description: 'Change a task that is not running',
		routing: {
			request: { method: 'POST', url: '/openapi/v1/task/update' },
			send: { preSend: [sendCompanyId('body'), sendTaskId('body'), prepareTaskSettings('update')] },
			output: { postReceive: [outputItems({ wrap: actionResult(taskIdOf) })] },
		},
	},
	fields,
};
