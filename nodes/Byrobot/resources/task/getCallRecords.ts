import type { Operation } from '../../../shared/operations';
import type { INodeProperties } from 'n8n-workflow';

import { simplifyField } from '../../../shared/descriptions';
import { FINISH_STATUS_LABELS } from '../../shared/labels';
import { outputItems, sendCompanyId, sendTaskId, simplified } from '../../shared/hooks';
import { formatCallRecord, openPlatformCallRecord, simplifyCallRecord } from '../../shared/output';
import { OPEN_PLATFORM, openPlatformRouting, SIGNED_API } from '../../shared/transport';
import { paginateByPageNumber } from '../../shared/pagination';

/** queryDoneTaskPhones pages hold at most 50 calls. */
export const CALL_RECORD_PAGE_SIZE = 50;

/** calljob.calldone.list pages hold 1–500 calls. */
export const OPEN_PLATFORM_CALL_RECORD_PAGE_SIZE = 500;

const fields: INodeProperties[] = [
	simplifyField(),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		// calljob.calldone.list takes no filters.
		displayOptions: { show: { authentication: [SIGNED_API] } },
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Call Result',
				name: 'finishStatus',
				type: 'options',
				default: 0,
				options: Object.entries(FINISH_STATUS_LABELS).map(([value, name]) => ({
					name,
					value: Number(value),
				})),
				routing: { send: { type: 'body', property: 'finishStatus' } },
			},
			{
				displayName: 'Max Chat Rounds',
				name: 'chatRoundRight',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 10,
				routing: { send: { type: 'body', property: 'chatRoundRight' } },
			},
			{
				displayName: 'Max Duration (Seconds)',
				name: 'durationRight',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 60,
				routing: { send: { type: 'body', property: 'durationRight' } },
			},
			{
				displayName: 'Min Chat Rounds',
				name: 'chatRoundLeft',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 0,
				routing: { send: { type: 'body', property: 'chatRoundLeft' } },
			},
			{
				displayName: 'Min Duration (Seconds)',
				name: 'durationLeft',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 0,
				routing: { send: { type: 'body', property: 'durationLeft' } },
			},
		],
	},
	{
		displayName: 'Analysis Result Filters',
		name: 'resultFilters',
		type: 'fixedCollection',
		displayOptions: { show: { authentication: [SIGNED_API] } },
		typeOptions: { multipleValues: true },
		placeholder: 'Add Result Filter',
		default: {},
		description: 'Only calls whose analysis results match, e.g. 意向标签 = A',
		options: [
			{
				displayName: 'Condition',
				name: 'conditions',
				values: [
					{
						displayName: 'Name',
						name: 'name',
						type: 'string',
						default: '',
						placeholder: 'e.g. 意向标签',
					},
					{
						displayName: 'Value',
						name: 'value',
						type: 'string',
						default: '',
						placeholder: 'e.g. A',
					},
				],
			},
		],
		routing: {
			send: { type: 'body', property: 'resultQueryList', value: '={{ $value.conditions }}' },
		},
	},
];

export const taskGetCallRecords: Operation = {
	resource: 'task',
	shared: ['company', 'task', 'paging'],
	pageSize: { size: CALL_RECORD_PAGE_SIZE, of: 'call records' },
	option: {
		name: 'Get Call Records',
		value: 'getCallRecords',
		action: 'Get call records of a task',
		description: 'Get the finished calls of a task',
		routing: {
			request: { method: 'POST', url: '/openapi/v1/task/queryDoneTaskPhones' },
			// queryDoneTaskPhones names the task callJobId.
			send: { paginate: true, preSend: [sendTaskId('body', 'callJobId')] },
			operations: { pagination: paginateByPageNumber(CALL_RECORD_PAGE_SIZE, 'body') },
			output: {
				postReceive: [
					outputItems({
						entries: true,
						format(record) {
							return simplified.call(this) ? simplifyCallRecord(record) : formatCallRecord(record);
						},
					}),
				],
			},
		},
	},
	apis: {
		[OPEN_PLATFORM]: {
			// An empty task answers {total: 0, pages: 0, pageNum: 0, list: []}: no entries, the end.
			routing: openPlatformRouting('/byai.openapi.calljob.calldone/1.0.0/list', {
				send: {
					paginate: true,
					preSend: [sendCompanyId('body'), sendTaskId('body', 'callJobId')],
				},
				operations: {
					pagination: paginateByPageNumber(OPEN_PLATFORM_CALL_RECORD_PAGE_SIZE, 'body'),
				},
				output: {
					postReceive: [
						outputItems({
							entries: true,
							format(record) {
								const signed = openPlatformCallRecord(record);
								return simplified.call(this)
									? simplifyCallRecord(signed)
									: formatCallRecord(signed);
							},
						}),
					],
				},
			}),
		},
	},
	fields,
};
