import type { INodeProperties } from 'n8n-workflow';

import type { Operation } from '../../../shared/operations';
import { outputItems } from '../../shared/hooks';
import { prepareCreateBody } from '../../shared/inputs';
import { createResult } from '../../shared/output';
import { createCallTasks } from './allItems';

const PER_ITEM = { show: { mode: ['perItem'] } };

/**
 * Each field puts its value in the body; prepareCreateBody then checks them all and sends
 * {"callTask": {task_name, task_start, task_end, task_user, task_service, data_source}}. In the
 * mode "One Call Task from All Items" task_user comes from every input item (./allItems.ts).
 */
const fields: INodeProperties[] = [
	{
		displayName: 'Task Name',
		name: 'taskName',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 五月回访',
		description: 'Name of the call task (task_name)',
		routing: { send: { type: 'body', property: 'callTask.task_name' } },
	},
	{
		displayName: 'Task Start',
		name: 'taskStart',
		type: 'dateTime',
		required: true,
		default: '',
		description:
			'First day of the task (task_start). A date picked without a time is sent as YYYY-MM-DD; text such as 2024-05-20 or 2024-05-20 09:00:00 is accepted.',
		routing: { send: { type: 'body', property: 'callTask.task_start' } },
	},
	{
		displayName: 'Task End',
		name: 'taskEnd',
		type: 'dateTime',
		required: true,
		default: '',
		description: 'Last day of the task (task_end); must not be before Task Start',
		routing: { send: { type: 'body', property: 'callTask.task_end' } },
	},
	{
		displayName: 'Agent Names or IDs',
		name: 'agentIds',
		type: 'multiOptions',
		required: true,
		default: [],
		typeOptions: { loadOptionsMethod: 'getAgents' },
		description:
			'Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
		hint: 'Agents (客服) who make the calls (task_service)',
		routing: { send: { type: 'body', property: 'callTask.task_service' } },
	},
	{
		displayName: 'Data Source',
		name: 'dataSource',
		type: 'options',
		required: true,
		default: '1',
		description: 'Whether the customers are companies or contacts (data_source)',
		options: [
			{ name: 'Company', value: '0', description: 'Customers are company IDs (data_source "0")' },
			{ name: 'Contact', value: '1', description: 'Customers are contact IDs (data_source "1")' },
		],
		routing: { send: { type: 'body', property: 'callTask.data_source' } },
	},
	{
		displayName: 'Mode',
		name: 'mode',
		type: 'options',
		noDataExpression: true,
		default: 'perItem',
		options: [
			{
				name: 'One Call Task per Item',
				value: 'perItem',
				description: 'Each input item makes a call task for the customers picked or mapped below',
			},
			{
				name: 'One Call Task From All Items',
				value: 'allItems',
				description:
					'Each input item is one customer (e.g. Contact → Get Many, a spreadsheet row); all items of the run go into one call task',
			},
		],
	},
	{
		displayName: 'Contact Names or IDs',
		name: 'contactIds',
		type: 'multiOptions',
		required: true,
		default: [],
		typeOptions: { loadOptionsMethod: 'getContacts' },
		displayOptions: { show: { dataSource: ['1'], ...PER_ITEM.show } },
		description:
			'Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
		hint: 'Contacts (联系人) to call (task_user)',
		routing: { send: { type: 'body', property: 'callTask.task_user' } },
	},
	{
		displayName: 'Company Names or IDs',
		name: 'companyIds',
		type: 'multiOptions',
		required: true,
		default: [],
		typeOptions: { loadOptionsMethod: 'getCompanies' },
		displayOptions: { show: { dataSource: ['0'], ...PER_ITEM.show } },
		description:
			'Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
		hint: 'Companies to call (task_user)',
		routing: { send: { type: 'body', property: 'callTask.task_user' } },
	},
	{
		displayName: 'Customer ID Field',
		name: 'customerIdField',
		type: 'string',
		requiresDataPath: 'single',
		required: true,
		default: 'cId',
		placeholder: 'e.g. cId',
		displayOptions: { show: { mode: ['allItems'] } },
		hint: 'Drag the field from the input panel, or type its name',
		description:
			"The input field that holds each customer's ID (task_user): cId for contacts, uId (Company → Get Many) or companyId (contacts) for companies. A field may hold one ID or a list.",
	},
	{
		displayName: 'On Invalid Item',
		name: 'onInvalidItem',
		type: 'options',
		default: 'skip',
		displayOptions: { show: { mode: ['allItems'] } },
		description: 'What to do with an input item whose customer ID is missing or not a number',
		options: [
			{
				name: 'Skip and List',
				value: 'skip',
				description: 'Send the valid IDs; list the invalid items under rejectedRows',
			},
			{
				name: 'Stop the Run',
				value: 'stop',
				description: 'Send nothing and fail, naming the first invalid item',
			},
		],
	},
];

export const callTaskCreate: Operation = {
	resource: 'callTask',
	// A second POST would create a second call task.
	requests: { retry: false },
	option: {
		name: 'Create',
		value: 'create',
		action: 'Create a call task',
		description: 'Create a call task for customers and agents, per item or from all items',
		routing: {
			request: { method: 'POST', url: '/api/v1/callTask.json' },
			send: { paginate: true, preSend: [prepareCreateBody] },
			operations: { pagination: createCallTasks },
			output: { postReceive: [outputItems({ format: createResult })] },
		},
	},
	fields,
};
