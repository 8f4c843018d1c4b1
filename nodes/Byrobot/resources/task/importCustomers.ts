// Import Customers (POST v2 importTaskCustomer, ≤ 10,000 customers per call;
// docs/api/byrobot.md#task-import-customers). Default mode: the first item's pagination hook
// gathers every input item and sends them in as few requests as allowed; the other items send
// nothing. "Per item" mode: each item holds a list of customers, sent on its own (split when
// over the batch size). Why: docs/design.md#import-customers-batches.
import type {
	DeclarativeRestApiSettings,
	IExecutePaginationFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import type { Operation } from '../../../shared/operations';
import { gatherInput, planBatches, sendBatches, stopOnFirstInvalid } from '../../shared/batches';
import { outputItems } from '../../shared/hooks';
import { OPEN_PLATFORM, openPlatformRouting, SIGNED_API } from '../../shared/transport';
import { customersFromItems, customersFromList } from './customerRows';

/** Most customers the vendor takes in one call. */
export const MAX_CUSTOMERS_PER_IMPORT = 10000;

const RERUN_HINT =
	'Running the import again is safe: BYRobot drops phones the task already has, so rows that were imported are not added twice.';

/** How each API takes a batch: the signed API's JSON, or the open platform's form (JSON text). */
const IMPORT_REQUESTS = {
	[SIGNED_API]: (companyId: number, taskId: number) => ({
		body: { companyId, taskId },
		listProperty: 'customerInfoList',
	}),
	// calljob.customer.import; permitrepeatnum false: a phone the task has is counted in repeatNum.
	[OPEN_PLATFORM]: (companyId: number, taskId: number) => ({
		body: { companyId, callJobId: taskId, permitrepeatnum: 'false' },
		listProperty: 'customerInfoVOList',
		encodeList: (entries: unknown[]) => JSON.stringify(entries),
	}),
};

/**
 * Pagination hook of Import Customers (routing.send.paginate) on either API: reads this item's
 * customers (or, in the default mode, every item's), then sends them in batches through
 * makeRoutingRequest, one output item per request.
 */
export function importCustomersInBatches(api: keyof typeof IMPORT_REQUESTS) {
	return async function (
		this: IExecutePaginationFunctions,
		requestData: DeclarativeRestApiSettings.ResultOptions,
	): Promise<INodeExecutionData[]> {
		const input = gatherInput(this, { parameter: 'task', field: 'Task' }, 'importOptions', {
			maxSize: MAX_CUSTOMERS_PER_IMPORT,
		});
		if (!input) return [];
		const {
			allItems,
			companyId,
			targetId: taskId,
			items,
			options,
			batchSize,
			stopOnInvalid,
		} = input;
		const otherFields = options.includeOtherFields === true;
		const rows = allItems
			? customersFromItems(this, items, otherFields)
			: customersFromList(this, otherFields);
		if (stopOnInvalid) stopOnFirstInvalid(this, rows, allItems, 'customer');
		return await sendBatches(this, requestData, planBatches(rows, batchSize), {
			allItems,
			...IMPORT_REQUESTS[api](companyId, taskId),
			rerunHint: RERUN_HINT,
			summary: ({ firstRow, lastRow, count, rejectedRows }, answer) => ({
				taskId,
				firstRow,
				lastRow,
				count,
				successNum: Number(answer.successNum ?? 0),
				repeatNum: Number(answer.repeatNum ?? 0),
				placeFailNum: Number(answer.placeFailNum ?? 0),
				rejectedRows,
			}),
		});
	};
}

const fields: INodeProperties[] = [
	{
		displayName: 'Mode',
		name: 'importMode',
		type: 'options',
		noDataExpression: true,
		default: 'batch',
		options: [
			{
				name: 'All Items in as Few Requests as Possible',
				value: 'batch',
				description:
					'Each input item is one customer; all items of the run are sent together, up to 10,000 per request',
			},
			{
				name: 'One Request per Item (Customer List)',
				value: 'perItem',
				description:
					'Each input item already holds a list of customers (e.g. from the Aggregate node), sent on its own',
			},
		],
	},
	{
		displayName: 'Customers',
		name: 'customers',
		type: 'json',
		default: '={{ $json.customers }}',
		description:
			"The list of customers in this item, one object per customer, read through Phone Field, Name Field and Variables below (an entry's properties object is sent as variables too). After the Aggregate node the list is in its data field.",
		displayOptions: { show: { importMode: ['perItem'] } },
	},
	{
		displayName: 'Phone Field',
		name: 'phoneField',
		type: 'string',
		requiresDataPath: 'single',
		required: true,
		default: 'phone',
		placeholder: 'e.g. phone',
		hint: 'Drag the field from the input panel, or type its name',
		description:
			'The field that holds the phone number (mainland mobile, or landline with area code; spaces, dashes and +86 are removed). In the default mode an expression here gives the phone number itself, row by row, which is slower on big sheets.',
	},
	{
		displayName: 'Name Field',
		name: 'nameField',
		type: 'string',
		requiresDataPath: 'single',
		default: 'name',
		placeholder: 'e.g. name',
		description:
			"The field that holds the customer's name; a customer whose name is empty is invalid. Clear it to send no names.",
	},
	{
		displayName: 'Variables',
		name: 'variables',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Variable',
		default: {},
		description:
			"The script's variables, each filled from a field. Extra names (your CRM ID) are allowed and come back in call records and callbacks.",
		options: [
			{
				displayName: 'Variable',
				name: 'variable',
				values: [
					{
						displayName: 'Variable Name or ID',
						name: 'name',
						type: 'options',
						typeOptions: {
							loadOptionsMethod: 'getTaskScriptVariables',
							loadOptionsDependsOn: ['company.value', 'task.value'],
						},
						default: '',
						description:
							'A variable of the task\'s robot script. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
					},
					{
						displayName: 'Field',
						name: 'field',
						type: 'string',
						requiresDataPath: 'single',
						default: '',
						placeholder: 'e.g. amount',
						description: 'The field whose value fills the variable',
					},
				],
			},
		],
	},
	{
		displayName: 'Options',
		name: 'importOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Batch Size',
				name: 'batchSize',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: MAX_CUSTOMERS_PER_IMPORT },
				default: MAX_CUSTOMERS_PER_IMPORT,
				description: 'Most customers per request (BYRobot takes at most 10,000)',
			},
			{
				displayName: 'On Invalid Row',
				name: 'onInvalidRow',
				type: 'options',
				default: 'skip',
				options: [
					{
						name: 'Skip and List',
						value: 'skip',
						description: 'Send the valid rows; list the invalid ones under rejectedRows',
					},
					{
						name: 'Stop the Run',
						value: 'stop',
						description: 'Send nothing and fail, naming the first invalid row',
					},
				],
				description: 'What to do with a row whose phone is implausible or whose name is empty',
			},
			{
				displayName: 'Send Other Fields as Variables',
				name: 'includeOtherFields',
				type: 'boolean',
				default: false,
				description:
					"Whether every input field not used as Phone, Name or a variable's Field is sent as a variable too, under its own name (Variables above take precedence)",
			},
		],
	},
];

export const taskImportCustomers: Operation = {
	resource: 'task',
	// A batch of 10,000 may take BYRobot a while; sending it again is safe (duplicates are dropped).
	requests: { timeoutSeconds: 180, retryTimeouts: true },
	shared: ['company', 'task'],
	option: {
		name: 'Import Customers',
		value: 'importCustomers',
		action: 'Import customers into a task',
		description:
			'Add customers to a task, all input items in as few requests as allowed (duplicates are skipped)',
		routing: {
			request: { method: 'POST', url: '/openapi/v2/task/importTaskCustomer' },
			send: { paginate: true },
			operations: { pagination: importCustomersInBatches(SIGNED_API) },
			output: { postReceive: [outputItems()] },
		},
	},
	apis: {
		[OPEN_PLATFORM]: {
			// The same batches, mapping and accounting; calljob.customer.import takes ≤ 10,000 too.
			routing: openPlatformRouting('/byai.openapi.calljob.customer/1.0.0/import', {
				send: { paginate: true },
				operations: { pagination: importCustomersInBatches(OPEN_PLATFORM) },
				output: { postReceive: [outputItems()] },
			}),
		},
	},
	fields,
};
