import type { INodeProperties } from 'n8n-workflow';

const show = { resource: ['blacklist'], operation: ['add'] };

// addBlackList always adds to the company's default group.
export const blacklistAddDescription: INodeProperties[] = [
	{
		displayName: 'Mobile',
		name: 'mobile',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 13800138000',
		description: 'The number never to call; spaces, dashes and +86 are removed',
		displayOptions: { show },
		routing: { send: { type: 'body', property: 'mobile' } },
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show },
		options: [
			{
				displayName: 'Name',
				name: 'name',
				type: 'string',
				default: '',
				routing: { send: { type: 'body', property: 'name' } },
			},
			{
				displayName: 'Remark',
				name: 'remark',
				type: 'string',
				default: '',
				routing: { send: { type: 'body', property: 'remark' } },
			},
		],
	},
];
