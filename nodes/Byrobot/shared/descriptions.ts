// The fields many Byrobot operations share (Company, Task, Blacklist Group, Return All / Limit,
// the group's Name and Remark), one field for all their users (docs/design.md#shared-fields),
// and field parts several operations use. Operations name the shared fields they show in
// `shared`; nodeProperties() (nodes/shared/operations.ts) derives each field's display rule.
// The pickers have no routing: each operation's preSend sends the IDs its request takes.
import type { INodeProperties } from 'n8n-workflow';

import { returnAllAndLimit } from '../../shared/descriptions';
import type { SharedField } from '../../shared/operations';

function companyPicker(displayOptions: INodeProperties['displayOptions']): INodeProperties {
	return {
		displayName: 'Company',
		name: 'company',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description:
			'The company to act for: its BYRobot company ID (companyId), a whole number such as 3811, as Company → Get Many lists them (one AppKey may be bound to several)',
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

function taskPicker(displayOptions: INodeProperties['displayOptions']): INodeProperties {
	return {
		displayName: 'Task',
		name: 'task',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description:
			'The call task: its ID (taskId; callJobId in call records and callbacks), a whole number such as 13487, listed for the chosen company',
		displayOptions,
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
}

function blacklistGroupPicker(displayOptions: INodeProperties['displayOptions']): INodeProperties {
	return {
		displayName: 'Blacklist Group Name or ID',
		name: 'blacklistGroup',
		type: 'options',
		typeOptions: {
			loadOptionsMethod: 'getBlacklistGroups',
			loadOptionsDependsOn: ['company.value'],
		},
		required: true,
		default: '',
		description:
			'The group (-1 is the default group). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		displayOptions,
	};
}

export const sharedFields: SharedField[] = [
	{ key: 'company', build: (show) => [companyPicker({ show })] },
	{ key: 'task', build: (show) => [taskPicker({ show })] },
	{ key: 'blacklistGroup', build: (show) => [blacklistGroupPicker({ show })] },
	{
		key: 'paging',
		build: (show, users) => {
			const pages = users.map((user) => `${user.pageSize!.size} (${user.pageSize!.of})`);
			const list =
				pages.length > 1
					? `${pages.slice(0, -1).join(', ')} or ${pages[pages.length - 1]}`
					: pages[0];
			return returnAllAndLimit(show, `Fetched in pages of up to ${list}`);
		},
	},
	// Get Call Detail and Download Recording: one field, so n8n walks one Call ID per item.
	{
		key: 'callInstance',
		build: (show) => [
			{
				displayName: 'Call ID',
				name: 'callInstanceId',
				type: 'string',
				required: true,
				default: '',
				placeholder: 'e.g. 800001',
				description:
					'The callInstanceId of the call, a whole number such as 800001 (from the Byrobot Trigger or Get Call Records); not the task ID or a phone number',
				displayOptions: { show },
			},
		],
	},
	{
		key: 'name',
		build: (show) => [
			{
				displayName: 'Name',
				name: 'name',
				type: 'string',
				required: true,
				default: '',
				displayOptions: { show },
				routing: { send: { type: 'body', property: 'name' } },
			},
		],
	},
	{
		key: 'remark',
		build: (show) => [
			{
				displayName: 'Remark',
				name: 'remark',
				type: 'string',
				default: '',
				displayOptions: { show },
				routing: {
					send: {
						type: 'body',
						property: 'remark',
						value: '={{ $value === "" ? undefined : $value }}',
					},
				},
			},
		],
	},
];

export const repeatCallPhoneStatusOptions = [
	{ name: 'Caller in Arrears (9)', value: 9 },
	{ name: 'Call Failed (3)', value: 3 },
	{ name: 'Call Loss (10)', value: 10 },
	{ name: 'Busy (6)', value: 6 },
	{ name: 'Powered Off (5)', value: 5 },
	{ name: 'Suspended (7)', value: 7 },
	{ name: 'Unreachable (2)', value: 2 },
];

export const callTypeOptions = [
	{
		name: 'From the Caller Line',
		value: 'auto',
		description: 'Use the phone type of the chosen caller line(s)',
	},
	{ name: 'Mobile (SIM)', value: 0 },
	{ name: 'Landline', value: 1 },
	{ name: 'No Caller', value: 2 },
];
