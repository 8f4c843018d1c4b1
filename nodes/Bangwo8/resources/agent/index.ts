import type { INodeProperties } from 'n8n-workflow';

import { checkResponse, listItems } from '../../shared/hooks';
import { agentGetManyDescription } from './getAll';

const showOnlyForAgents = { resource: ['agent'] };

export const agentDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: showOnlyForAgents },
		options: [
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many agents',
				description: 'List agents (客服), the IDs a call task is assigned to',
				routing: {
					request: { method: 'GET', url: '/api/v1/supports.json' },
					output: { postReceive: [checkResponse, listItems('supports')] },
				},
			},
		],
		default: 'getAll',
	},
	...agentGetManyDescription,
];
