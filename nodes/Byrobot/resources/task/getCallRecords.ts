import type { INodeProperties } from 'n8n-workflow';

import { simplifyField } from '../../shared/descriptions';
import { FINISH_STATUS_LABELS } from '../../shared/format';

const show = { resource: ['task'], operation: ['getCallRecords'] };

/** queryDoneTaskPhones pages hold at most 50 calls. */
export const CALL_RECORD_PAGE_SIZE = 50;

export const taskGetCallRecordsDescription: INodeProperties[] = [
	simplifyField(show),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: { show },
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
		typeOptions: { multipleValues: true },
		placeholder: 'Add Result Filter',
		default: {},
		description: 'Only calls whose analysis results match, e.g. 意向标签 = A',
		displayOptions: { show },
		options: [
			{
				displayName: 'Condition',
				name: 'conditions',
				values: [
					{ displayName: 'Name', name: 'name', type: 'string', default: '', placeholder: 'e.g. 意向标签' },
					{ displayName: 'Value', name: 'value', type: 'string', default: '', placeholder: 'e.g. A' },
				],
			},
		],
		routing: { send: { type: 'body', property: 'resultQueryList', value: '={{ $value.conditions }}' } },
	},
];
