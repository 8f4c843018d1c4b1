import type { Operation } from '../../../shared/operations';
import type { INodeProperties } from 'n8n-workflow';

import { returnAllAndLimit } from '../../../shared/descriptions';
import { outputItems, sendCompanyId } from '../../shared/hooks';
import { paginateByPageNumber } from '../../shared/pagination';

/** Page size used for sms/template/list (the vendor's default is 20; 100 is accepted). */
export const SMS_TEMPLATE_PAGE_SIZE = 100;

// sms/template/list answers the other envelope {code, msg, success, data}: the shared check reads both.
const fields: INodeProperties[] = [
	...returnAllAndLimit({}, `Fetched in pages of up to ${SMS_TEMPLATE_PAGE_SIZE}`),
	{
		displayName: 'Review Status',
		name: 'status',
		type: 'options',
		default: 0,
		options: [
			{ name: 'Any', value: 0 },
			{ name: 'In Review', value: 1 },
			{ name: 'Approved', value: 2 },
			{ name: 'Rejected', value: 3 },
		],
		routing: {
			send: {
				type: 'query',
				property: 'status',
				value: '={{ $value === 0 ? undefined : $value }}',
			},
		},
	},
];

export const companyGetSmsTemplates: Operation = {
	resource: 'company',
	shared: ['company'],
	option: {
		name: 'Get SMS Templates',
		value: 'getSmsTemplates',
		action: 'Get the SMS templates of a company',
		routing: {
			request: { method: 'GET', url: '/openapi/v1/sms/template/list' },
			send: { paginate: true, preSend: [sendCompanyId('qs')] },
			operations: { pagination: paginateByPageNumber(SMS_TEMPLATE_PAGE_SIZE, 'qs') },
			output: { postReceive: [outputItems({ entries: true })] },
		},
	},
	fields,
};
