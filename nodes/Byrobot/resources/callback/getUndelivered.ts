import type { Operation } from '../../../shared/operations';
import type { IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import { returnAllAndLimit } from '../../../shared/descriptions';
import { outputItems, sendCompanyId } from '../../shared/hooks';
import { inputError } from '../../shared/inputs';
import { paginateByPageNumber } from '../../shared/pagination';
import { isDate } from '../../shared/values';

/** queryUnCallBack takes pageSize 1–500. */
export const UNDELIVERED_PAGE_SIZE = 500;

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
			throw inputError(
				this,
				field,
				value
					? `"${String(value)}" is not a date in yyyy-MM-dd, e.g. 2024-05-01`
					: 'is required (yyyy-MM-dd)',
			);
		}
	}
	return requestOptions;
}

const fields: INodeProperties[] = [
	{
		displayName: 'Callback Type',
		name: 'dataType',
		type: 'options',
		default: 0,
		options: [
			{ name: 'Outbound Call Results', value: 0 },
			{ name: 'Inbound Call Results', value: 1 },
		],
		routing: { send: { type: 'query', property: 'dataType' } },
	},
	{
		displayName: 'Start Date',
		name: 'startDate',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 2024-05-01',
		description: 'First day to search (yyyy-MM-dd)',
		routing: { send: { type: 'query', property: 'startDate' } },
	},
	{
		displayName: 'End Date',
		name: 'endDate',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 2024-05-31',
		description: 'Last day to search (yyyy-MM-dd)',
		routing: { send: { type: 'query', property: 'endDate' } },
	},
	...returnAllAndLimit({}, `Fetched in pages of up to ${UNDELIVERED_PAGE_SIZE}`),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Task ID',
				name: 'callJobId',
				type: 'number',
				default: 0,
				description: 'Only callbacks of this task',
				routing: { send: { type: 'query', property: 'callJobId' } },
			},
		],
	},
];

export const callbackGetUndelivered: Operation = {
	resource: 'callback',
	shared: ['company'],
	option: {
		name: 'Get Undelivered',
		value: 'getUndelivered',
		action: 'Get undelivered callbacks',
		description: 'List call-result callbacks BYRobot could not deliver to your URL',
		routing: {
			request: { method: 'GET', url: '/openapi/v1/callBack/queryUnCallBack' },
			send: { paginate: true, preSend: [sendCompanyId('qs'), requireBothDates] },
			operations: { pagination: paginateByPageNumber(UNDELIVERED_PAGE_SIZE, 'qs') },
			output: { postReceive: [outputItems({ entries: true })] },
		},
	},
	fields,
};
