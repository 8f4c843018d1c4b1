import type { Operation } from '../../../shared/operations';
import type { INodeProperties } from 'n8n-workflow';
import { outputItems, sendCompanyId } from '../../shared/hooks';
import { checkMobile } from '../../shared/inputs';

// addBlackList always adds to the company's default group.
const fields: INodeProperties[] = [
	{
		displayName: 'Mobile',
		name: 'mobile',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 13800138000',
		description: 'The number never to call; spaces, dashes and +86 are removed',
		routing: { send: { type: 'body', property: 'mobile' } },
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
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

export const blacklistAdd: Operation = {
	resource: 'blacklist',
	shared: ['company'],
	option: {
		name: 'Add',
		value: 'add',
		action: 'Add a number to the blacklist',
		description: "Add one number to the company's default blacklist group",
		routing: {
			request: { method: 'POST', url: '/openapi/v1/company/addBlackList' },
			send: { preSend: [sendCompanyId('body'), checkMobile] },
			output: {
				postReceive: [outputItems({ wrap: (data) => ({ blacklistInfoId: data as number }) })],
			},
		},
	},
	fields,
};
