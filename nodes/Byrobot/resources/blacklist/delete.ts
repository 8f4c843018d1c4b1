import type { INodeProperties } from 'n8n-workflow';

const show = { resource: ['blacklist'], operation: ['delete'] };

export const blacklistDeleteDescription: INodeProperties[] = [
	{
		displayName: 'Mobile',
		name: 'mobile',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 13800138000',
		description: 'The number to remove from the group',
		displayOptions: { show },
		routing: { send: { type: 'body', property: 'mobile' } },
	},
];
