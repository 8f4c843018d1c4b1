import type { INodeProperties } from 'n8n-workflow';

import { checkResponse, listItems, singleItem } from '../../shared/hooks';
import { callTaskDetail, createResult, customerRow } from '../../shared/normalize';
import { callTaskCreateDescription } from './create';
import { callTaskDeleteDescription } from './delete';
import { callTaskGetDescription } from './get';
import { callTaskGetCustomersDescription } from './getCustomers';
import { callTaskGetManyDescription } from './getAll';

const showOnlyForCallTasks = { resource: ['callTask'] };

export const callTaskDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: showOnlyForCallTasks },
		options: [
			{
				name: 'Create',
				value: 'create',
				action: 'Create a call task',
				description: 'Create a call task for customers and agents',
				routing: {
					request: { method: 'POST', url: '/api/v1/callTask.json' },
					output: { postReceive: [checkResponse, singleItem(createResult)] },
				},
			},
			{
				name: 'Delete',
				value: 'delete',
				action: 'Delete a call task',
				description: 'Delete a call task',
				routing: {
					request: { method: 'DELETE' },
					output: {
						postReceive: [
							checkResponse,
							singleItem(function (body) {
								const requested = this.getNodeParameter('callTaskId', undefined, {
									extractValue: true,
								});
								return {
									deleted: true,
									callTaskId: String(body.callTaskId ?? requested).trim(),
								};
							}),
						],
					},
				},
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get a call task',
				description: 'Get a call task with its counts',
				routing: {
					request: { method: 'GET' },
					output: { postReceive: [checkResponse, singleItem(callTaskDetail)] },
				},
			},
			{
				name: 'Get Customers',
				value: 'getCustomers',
				action: 'Get the customers of a call task',
				description:
					'Get the customers of a call task and their progress',
				routing: {
					request: { method: 'GET' },
					output: { postReceive: [checkResponse, listItems('callTask', customerRow)] },
				},
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many call tasks',
				description: 'List call tasks',
				routing: {
					request: { method: 'GET', url: '/api/v1/callTask.json' },
					output: { postReceive: [checkResponse, listItems('callTask')] },
				},
			},
		],
		default: 'getAll',
	},
	...callTaskGetManyDescription,
	...callTaskGetDescription,
	...callTaskCreateDescription,
	...callTaskDeleteDescription,
	...callTaskGetCustomersDescription,
];
