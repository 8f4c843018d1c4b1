// The pickers many operations share (Company, Task, Blacklist Group), one field each for all
// their operations instead of one copy per operation: n8n works through every field of a
// declarative node, shown or not, for every input item (about 0.13 s per field for 50,000
// items in n8n 2.41.1), and Company alone had 25 copies.
//
// The pickers have no routing: each operation's preSend sends the IDs its request takes, where
// it takes them (sendCompanyId / sendTaskId / sendBlacklistGroupId). Operations whose Company
// only feeds the task list send no companyId; Import Customers reads both pickers in its hook.
import type { INodeProperties } from 'n8n-workflow';

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

/**
 * Return All + Limit; the operation's pagination function reads both. `pages` says how many
 * results one request fetches, for the Limit's hint.
 */
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
