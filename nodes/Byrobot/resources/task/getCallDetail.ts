import type { INodeProperties } from 'n8n-workflow';

import { simplifyField } from '../../shared/descriptions';

const show = { resource: ['task'], operation: ['getCallDetail'] };

export const taskGetCallDetailDescription: INodeProperties[] = [
	{
		displayName: 'Call ID',
		name: 'callInstanceId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 800001',
		description: 'The callInstanceId of a call record (from Get Call Records or a callback)',
		displayOptions: { show },
		routing: { send: { type: 'query', property: 'callInstanceId' } },
	},
	simplifyField(show),
];
