import type { INodeProperties } from 'n8n-workflow';

import { returnAllAndLimit } from '../../shared/pickers';

const show = { resource: ['company'], operation: ['getSmsTemplates'] };

/** Page size used for sms/template/list (the vendor's default is 20; 100 is accepted). */
export const SMS_TEMPLATE_PAGE_SIZE = 100;

// sms/template/list answers the other envelope {code, msg, success, data}: the shared check reads both.
export const companyGetSmsTemplatesDescription: INodeProperties[] = [
	...returnAllAndLimit({ show }, `up to ${SMS_TEMPLATE_PAGE_SIZE}`),
	{
		displayName: 'Review Status',
		name: 'status',
		type: 'options',
		default: 0,
		displayOptions: { show },
		options: [
			{ name: 'Any', value: 0 },
			{ name: 'In Review', value: 1 },
			{ name: 'Approved', value: 2 },
			{ name: 'Rejected', value: 3 },
		],
		routing: {
			send: { type: 'query', property: 'status', value: '={{ $value === 0 ? undefined : $value }}' },
		},
	},
];
