import type { INodeProperties } from 'n8n-workflow';

import type { Operation } from '../../../shared/operations';
import { outputItems } from '../../shared/hooks';
import { paginateByPageNumber } from '../../shared/pagination';
import { OPEN_PLATFORM, openPlatformRouting } from '../../shared/transport';

/** Pages of SOP workflows: the notes show 20 by default; larger pages are not documented. */
export const SOP_WORKFLOW_PAGE_SIZE = 20;

const STATUSES = ['ALL', 'DRAFT', 'UNSTART', 'START', 'FINISH', 'PAUSE'];
const STATUS_NAMES: Record<string, string> = {
	ALL: 'All',
	DRAFT: 'Draft',
	UNSTART: 'Not Started',
	START: 'Running',
	FINISH: 'Finished',
	PAUSE: 'Paused',
};

const fields: INodeProperties[] = [
	{
		displayName: 'Filters',
		name: 'sopFilters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Group ID',
				name: 'groupId',
				type: 'string',
				default: '',
				routing: { send: { type: 'body', property: 'groupId' } },
			},
			{
				displayName: 'Group Name',
				name: 'groupName',
				type: 'string',
				default: '',
				routing: { send: { type: 'body', property: 'groupName' } },
			},

			{
				displayName: 'Name Contains',
				name: 'name',
				type: 'string',
				default: '',
				routing: { send: { type: 'body', property: 'name' } },
			},
			{
				displayName: 'Status',
				name: 'workflowExecuteStatus',
				type: 'options',
				default: 'ALL',
				options: STATUSES.map((value) => ({ name: STATUS_NAMES[value], value })),
				routing: { send: { type: 'body', property: 'workflowExecuteStatus' } },
			},
			{
				displayName: 'Workflow ID',
				name: 'workflowId',
				type: 'string',
				default: '',
				routing: { send: { type: 'body', property: 'workflowId' } },
			},
		],
	},
];

// Open platform only (byai.sop.workflow.list.page.search): the company is the token's.
export const sopWorkflowGetAll: Operation = {
	resource: 'sopWorkflow',
	shared: ['paging'],
	pageSize: { size: SOP_WORKFLOW_PAGE_SIZE, of: 'SOP workflows' },
	option: {
		name: 'Get Many',
		value: 'getAll',
		action: 'Get many SOP workflows',
		description: 'List the SOP workflows (multi-step outreach) of the credential’s company',
	},
	apis: {
		[OPEN_PLATFORM]: {
			routing: openPlatformRouting('/byai.sop.workflow.list.page/1.0.0/search', {
				send: { paginate: true },
				operations: { pagination: paginateByPageNumber(SOP_WORKFLOW_PAGE_SIZE, 'body', 0) },
				output: { postReceive: [outputItems({ entries: true })] },
			}),
		},
	},
	fields,
};
