import type { Operation } from '../../../shared/operations';
import type { INodeProperties } from 'n8n-workflow';
import { actionResult, outputItems, sendBlacklistGroupId, sendCompanyId } from '../../shared/hooks';
import { sendMobile } from '../../shared/inputs';

const fields: INodeProperties[] = [
	{
		displayName: 'Mobile',
		name: 'mobile',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 13800138000',
		description:
			'The number to remove from the group: a mainland China phone: an 11-digit mobile such as 13800138000, or a landline with area code such as 010-12345678; spaces, dashes and +86 are removed',
	},
];

export const blacklistDelete: Operation = {
	resource: 'blacklist',
	shared: ['company', 'blacklistGroup'],
	option: {
		name: 'Delete',
		value: 'delete',
		action: 'Remove a number from a blacklist group',
		routing: {
			request: { method: 'POST', url: '/openapi/v1/company/blacklist/info/delete' },
			send: { preSend: [sendCompanyId('body'), sendBlacklistGroupId('body'), sendMobile] },
			output: { postReceive: [outputItems({ wrap: actionResult() })] },
		},
	},
	fields,
};
