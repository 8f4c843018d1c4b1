import type { Operation } from '../../../shared/operations';
import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import { parameterValue } from '../../../shared/parameters';
import { outputItems, sendCompanyId } from '../../shared/hooks';
import { sendMobile } from '../../shared/inputs';

// addBlackList always adds to the company's default group. The fields are read by hooks, not
// by field routing, which would evaluate a mapped value once more for each item.

/** preSend: Additional Fields → Name and Remark, when given. */
async function sendNameAndRemark(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const body = requestOptions.body as IDataObject;
	for (const key of ['name', 'remark']) {
		const value = parameterValue(this, `additionalFields.${key}`);
		if (value !== undefined && value !== null && value !== '') body[key] = String(value);
	}
	return requestOptions;
}
const fields: INodeProperties[] = [
	{
		displayName: 'Mobile',
		name: 'mobile',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 13800138000',
		description:
			'The number never to call: a mainland China phone: an 11-digit mobile such as 13800138000, or a landline with area code such as 010-12345678; spaces, dashes and +86 are removed',
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
			},
			{
				displayName: 'Remark',
				name: 'remark',
				type: 'string',
				default: '',
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
			send: { preSend: [sendCompanyId('body'), sendMobile, sendNameAndRemark] },
			output: {
				postReceive: [outputItems({ wrap: (data) => ({ blacklistInfoId: data as number }) })],
			},
		},
	},
	fields,
};
