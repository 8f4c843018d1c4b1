import type { INodeProperties } from 'n8n-workflow';

import { checkResponse, listItems } from '../../shared/hooks';
import { contactGetManyDescription } from './getAll';

const showOnlyForContacts = { resource: ['contact'] };

export const contactDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: showOnlyForContacts },
		options: [
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many contacts',
				description: 'List contacts (联系人), the customers of a call task',
				routing: {
					request: { method: 'GET', url: '/api/v1/users.json' },
					output: { postReceive: [checkResponse, listItems('users')] },
				},
			},
		],
		default: 'getAll',
	},
	...contactGetManyDescription,
];
