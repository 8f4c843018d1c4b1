import type { INodeProperties } from 'n8n-workflow';

import { TASK_STATUS_LABELS } from '../../shared/format';

const show = { resource: ['task'], operation: ['getAll'] };

/** getTasks pages hold at most 100 tasks. */
export const TASK_PAGE_SIZE = 100;

export const taskGetAllDescription: INodeProperties[] = [
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: { show },
		options: [
			{
				displayName: 'Task Name Contains',
				name: 'taskName',
				type: 'string',
				default: '',
				routing: { send: { type: 'query', property: 'taskName' } },
			},
			{
				displayName: 'Created On',
				name: 'createDate',
				type: 'string',
				default: '',
				placeholder: 'e.g. 2024-05-01',
				description: 'Only tasks created on this day (yyyy-MM-dd)',
				routing: { send: { type: 'query', property: 'createDate' } },
			},
			{
				displayName: 'Status',
				name: 'status',
				type: 'options',
				default: 1,
				options: Object.entries(TASK_STATUS_LABELS).map(([value, name]) => ({
					name,
					value: Number(value),
				})),
				routing: { send: { type: 'query', property: 'status' } },
			},
		],
	},
];
