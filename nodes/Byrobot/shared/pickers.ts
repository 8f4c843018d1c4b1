// The pickers many operations share (Company, Task, Blacklist Group) and the Return All /
// Limit pair: one field each for all their operations, not one copy per operation. n8n works
// through every field of a declarative node, shown or not, for every input item, so the 25
// copies of Company there were cost an import of 50,000 rows seconds.
//
// The pickers have no routing: each operation's routing says where its API wants the ID
// (sendCompanyId / sendTaskId / sendBlacklistGroupId in its preSend), and operations that only
// use the Company to list tasks, or read the pickers in their own hook, send nothing.
import type { INodeProperties } from 'n8n-workflow';

import { BLACKLIST_PAGE_SIZE } from '../resources/blacklist/getAll';
import { TASK_PAGE_SIZE } from '../resources/task/getAll';
import { CALL_RECORD_PAGE_SIZE } from '../resources/task/getCallRecords';
import { UNCALLED_PAGE_SIZE } from '../resources/task/getUncalledCustomers';

function companyPicker(displayOptions: INodeProperties['displayOptions']): INodeProperties {
	return {
		displayName: 'Company',
		name: 'company',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description: 'The company to act for (one AppKey may be bound to several)',
		displayOptions,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: 'Select a company...',
				typeOptions: { searchListMethod: 'searchCompanies', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 3811',
				validation: [
					{
						type: 'regex',
						properties: { regex: '^\\d+$', errorMessage: 'A company ID is a number' },
					},
				],
			},
		],
	};
}

/**
 * Every operation but Task → Get Call Detail and Company → Get Many has a Company. Two fields,
 * as display rules cannot tell Company → Get Many from the other resources' Get Many.
 */
export const companyPickers: INodeProperties[] = [
	companyPicker({
		show: { resource: ['task', 'blacklist', 'blacklistGroup', 'callback'] },
		hide: { operation: ['getCallDetail'] },
	}),
	companyPicker({
		show: {
			resource: ['company'],
			operation: ['getCallerLines', 'getRobots', 'getScriptVariables', 'getSeatStatistics', 'getSmsTemplates'],
		},
	}),
];

export const taskPicker: INodeProperties = {
	displayName: 'Task',
	name: 'task',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description: 'The call task (listed for the chosen company)',
	displayOptions: {
		show: {
			resource: ['task'],
			operation: [
				'delete',
				'get',
				'getCallRecords',
				'getUncalledCustomers',
				'importCustomers',
				'pause',
				'start',
				'stop',
				'update',
			],
		},
	},
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			placeholder: 'Select a task...',
			typeOptions: { searchListMethod: 'searchTasks', searchable: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 13487',
			validation: [
				{
					type: 'regex',
					properties: { regex: '^\\d+$', errorMessage: 'A task ID is a number' },
				},
			],
		},
	],
};

function blacklistGroupPicker(displayOptions: INodeProperties['displayOptions']): INodeProperties {
	return {
		displayName: 'Blacklist Group Name or ID',
		name: 'blacklistGroup',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getBlacklistGroups', loadOptionsDependsOn: ['company.value'] },
		required: true,
		default: '',
		description:
			'The group (-1 is the default group). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		displayOptions,
	};
}

/** The group an entry operation works on, and the group a group operation changes. */
export const blacklistGroupPickers: INodeProperties[] = [
	blacklistGroupPicker({ show: { resource: ['blacklist'], operation: ['addMany', 'delete', 'getAll'] } }),
	blacklistGroupPicker({ show: { resource: ['blacklistGroup'], operation: ['delete', 'update'] } }),
];

/** Return All + Limit; the operation's pagination function reads both. `pages` says how many
 * results one request fetches (for the Limit's hint). */
export function returnAllAndLimit(displayOptions: INodeProperties['displayOptions'], pages: string): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			displayOptions,
			default: false,
			description: 'Whether to return all results or only up to a given limit',
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			displayOptions: { ...displayOptions, show: { ...displayOptions?.show, returnAll: [false] } },
			typeOptions: { minValue: 1 },
			default: 50,
			description: 'Max number of results to return',
			hint: `Fetched in pages of ${pages}`,
		},
	];
}

/**
 * The paged lists of Task and Blacklist share one pair (display rules pair each listed resource
 * with each listed operation; none of these pairings is another operation). Company → Get SMS
 * Templates and Callback → Get Undelivered have their own, placed after their other fields.
 */
export const sharedReturnAllAndLimit: INodeProperties[] = returnAllAndLimit(
	{
		show: {
			resource: ['task', 'blacklist'],
			operation: ['getAll', 'getCallRecords', 'getUncalledCustomers'],
		},
	},
	`${TASK_PAGE_SIZE} (tasks), ${CALL_RECORD_PAGE_SIZE} (call records), ${UNCALLED_PAGE_SIZE} (uncalled customers) or ${BLACKLIST_PAGE_SIZE} (blacklist entries)`,
);
