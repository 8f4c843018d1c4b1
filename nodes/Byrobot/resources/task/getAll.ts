import type { Operation } from '../../../shared/operations';
import type { INodeProperties } from 'n8n-workflow';

import { TASK_STATUS_LABELS } from '../../shared/labels';
import { outputItems, sendCompanyId } from '../../shared/hooks';
import { requireDate } from '../../shared/inputs';
import { formatOpenPlatformTask, formatTask } from '../../shared/output';
import { OPEN_PLATFORM, openPlatformRouting, SIGNED_API } from '../../shared/transport';
import { paginateByPageNumber } from '../../shared/pagination';

/** getTasks pages hold at most 100 tasks. */
export const TASK_PAGE_SIZE = 100;

/** calljob.list pages: the docking client asks for 200; larger pages are not documented. */
export const OPEN_PLATFORM_TASK_PAGE_SIZE = 100;

const fields: INodeProperties[] = [
	{
		displayName: 'Filters',
		name: 'filters',
		displayOptions: { show: { authentication: [SIGNED_API] } },
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
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

export const taskGetAll: Operation = {
	resource: 'task',
	shared: ['company', 'paging'],
	pageSize: { size: TASK_PAGE_SIZE, of: 'tasks' },
	option: {
		name: 'Get Many',
		value: 'getAll',
		action: 'Get many tasks',
		description: 'List the tasks of a company',
		routing: {
			request: { method: 'GET', url: '/openapi/v1/task/getTasks' },
			send: {
				paginate: true,
				preSend: [sendCompanyId('qs'), requireDate('qs', 'createDate', 'Created On')],
			},
			operations: { pagination: paginateByPageNumber(TASK_PAGE_SIZE, 'qs') },
			output: { postReceive: [outputItems({ entries: true, format: formatTask })] },
		},
	},
	apis: {
		[OPEN_PLATFORM]: {
			// calljob.list: companyId, jobName (a name filter), pageNum from 1.
			routing: openPlatformRouting('/byai.openapi.calljob/1.0.0/list', {
				send: { paginate: true, preSend: [sendCompanyId('body')] },
				operations: { pagination: paginateByPageNumber(OPEN_PLATFORM_TASK_PAGE_SIZE, 'body') },
				output: { postReceive: [outputItems({ entries: true, format: formatOpenPlatformTask })] },
			}),
			fields: [
				{
					displayName: 'Filters',
					name: 'openPlatformFilters',
					type: 'collection',
					placeholder: 'Add Filter',
					default: {},
					options: [
						{
							displayName: 'Task Name Contains',
							name: 'jobName',
							type: 'string',
							default: '',
							routing: { send: { type: 'body', property: 'jobName' } },
						},
					],
				},
			],
		},
	},
	fields,
};
