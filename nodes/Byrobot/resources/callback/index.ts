import type { IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import { byrobotOutput, invalidInput, paginateByPageNumber, sendCompanyId } from '../../shared/hooks';
import { isDate } from '../../shared/validation';
import {
	UNDELIVERED_PAGE_SIZE,
	callbackGetUndeliveredDescription,
} from './getUndelivered';

/** Both dates are required here, and must be yyyy-MM-dd. */
async function requireBothDates(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	for (const [property, field] of [
		['startDate', 'Start Date'],
		['endDate', 'End Date'],
	]) {
		const value = requestOptions.qs?.[property];
		if (!isDate(value)) {
			throw invalidInput(
				this,
				field,
				value ? `"${String(value)}" is not a date in yyyy-MM-dd, e.g. 2024-05-01` : 'is required (yyyy-MM-dd)',
			);
		}
	}
	return requestOptions;
}

export const callbackOperations: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['callback'] } },
	default: 'getUndelivered',
	options: [
		{
			name: 'Get Undelivered',
			value: 'getUndelivered',
			action: 'Get undelivered callbacks',
			description: 'List call-result callbacks BYRobot could not deliver to your URL',
			routing: {
				request: { method: 'GET', url: '/openapi/v1/callBack/queryUnCallBack' },
				send: { paginate: true, preSend: [sendCompanyId('qs'), requireBothDates] },
				operations: { pagination: paginateByPageNumber(UNDELIVERED_PAGE_SIZE, 'qs') },
				output: { postReceive: [byrobotOutput({ entries: true })] },
			},
		},
	],
};

/** Each operation's own fields, after the shared ones. */
export const callbackFields: INodeProperties[] = [
	...callbackGetUndeliveredDescription,
];
