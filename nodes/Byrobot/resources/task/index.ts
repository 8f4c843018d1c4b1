import type { IDataObject, IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';

import {
	formatCallDetail,
	formatCallRecord,
	formatTask,
	simplifyCallDetail,
	simplifyCallRecord,
} from '../../shared/format';
import {
	actionResult,
	byrobotOutput,
	paginateByPageNumber,
	pickedId,
	requireDate,
	sendCompanyId,
	sendTaskId,
} from '../../shared/hooks';
import { prepareTaskSettings } from '../../shared/taskSettings';
import { taskCreateDescription } from './create';
import { taskDeleteDescription } from './delete';
import { taskGetDescription } from './get';
import { TASK_PAGE_SIZE, taskGetAllDescription } from './getAll';
import { taskGetCallDetailDescription } from './getCallDetail';
import { CALL_RECORD_PAGE_SIZE, taskGetCallRecordsDescription } from './getCallRecords';
import { UNCALLED_PAGE_SIZE, taskGetUncalledCustomersDescription } from './getUncalledCustomers';
import {
	IMPORT_CUSTOMERS_PATH,
	importCustomersInBatches,
	taskImportCustomersDescription,
} from './importCustomers';
import { taskPauseDescription } from './pause';
import { taskStartDescription } from './start';
import { taskStopDescription } from './stop';
import { taskUpdateDescription } from './update';

const V1 = '/openapi/v1';

const taskIdOf = (context: IExecuteSingleFunctions): IDataObject => ({
	taskId: pickedId(context, 'task', 'Task'),
});

function simplified(this: IExecuteSingleFunctions): boolean {
	return this.getNodeParameter('simplify', true) as boolean;
}

// Company, Task and Return All / Limit are shared fields (shared/pickers.ts): each operation's
// preSend sends the IDs its request takes, where it takes them.
export const taskOperations: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['task'] } },
	default: 'getAll',
	options: [
		{
			name: 'Create',
			value: 'create',
			action: 'Create a task',
			description: 'Create a call task',
			routing: {
				request: { method: 'POST', url: `${V1}/task/createTask` },
				send: { preSend: [sendCompanyId('body'), prepareTaskSettings('create')] },
				output: {
					postReceive: [byrobotOutput({ wrap: (data) => ({ taskId: data as number }) })],
				},
			},
		},
		{
			name: 'Delete',
			value: 'delete',
			action: 'Delete a task',
			description: 'Delete a task (not while it is running); frees its lines and seats',
			routing: {
				request: { method: 'POST', url: `${V1}/task/delete` },
				send: { preSend: [sendTaskId('body')] },
				output: { postReceive: [byrobotOutput({ wrap: actionResult(taskIdOf) })] },
			},
		},
		{
			name: 'Get',
			value: 'get',
			action: 'Get a task',
			description: 'Get a task with its statistics',
			routing: {
				request: { method: 'GET', url: `${V1}/task/getTaskDetail` },
				send: { preSend: [sendCompanyId('qs'), sendTaskId('qs')] },
				output: { postReceive: [byrobotOutput({ format: formatTask })] },
			},
		},
		{
			name: 'Get Call Detail',
			value: 'getCallDetail',
			action: 'Get the detail of a call',
			description: 'Get the dialogue, recording URL and variables of one call',
			routing: {
				request: { method: 'GET', url: `${V1}/task/phoneLogInfo` },
				output: {
					postReceive: [
						byrobotOutput({
							format(detail) {
								return simplified.call(this) ? simplifyCallDetail(detail) : formatCallDetail(detail);
							},
						}),
					],
				},
			},
		},
		{
			name: 'Get Call Records',
			value: 'getCallRecords',
			action: 'Get call records of a task',
			description: 'Get the finished calls of a task',
			routing: {
				request: { method: 'POST', url: `${V1}/task/queryDoneTaskPhones` },
				// queryDoneTaskPhones names the task callJobId.
				send: { paginate: true, preSend: [sendTaskId('body', 'callJobId')] },
				operations: { pagination: paginateByPageNumber(CALL_RECORD_PAGE_SIZE, 'body') },
				output: {
					postReceive: [
						byrobotOutput({
							entries: true,
							format(record) {
								return simplified.call(this) ? simplifyCallRecord(record) : formatCallRecord(record);
							},
						}),
					],
				},
			},
		},
		{
			name: 'Get Many',
			value: 'getAll',
			action: 'Get many tasks',
			description: 'List the tasks of a company',
			routing: {
				request: { method: 'GET', url: `${V1}/task/getTasks` },
				send: { paginate: true, preSend: [sendCompanyId('qs'), requireDate('qs', 'createDate', 'Created On')] },
				operations: { pagination: paginateByPageNumber(TASK_PAGE_SIZE, 'qs') },
				output: { postReceive: [byrobotOutput({ entries: true, format: formatTask })] },
			},
		},
		{
			name: 'Get Uncalled Customers',
			value: 'getUncalledCustomers',
			action: 'Get uncalled customers of a task',
			description: 'Get the customers of a task that have not been called yet',
			routing: {
				request: { method: 'POST', url: `${V1}/task/notDialedCustomerList` },
				send: { paginate: true, preSend: [sendTaskId('body')] },
				operations: { pagination: paginateByPageNumber(UNCALLED_PAGE_SIZE, 'body') },
				output: { postReceive: [byrobotOutput({ entries: true })] },
			},
		},
		{
			name: 'Import Customers',
			value: 'importCustomers',
			action: 'Import customers into a task',
			description:
				'Add customers to a task, all input items in as few requests as allowed (duplicates are skipped)',
			routing: {
				request: { method: 'POST', url: IMPORT_CUSTOMERS_PATH },
				send: { paginate: true },
				operations: { pagination: importCustomersInBatches },
				output: { postReceive: [byrobotOutput()] },
			},
		},
		{
			name: 'Pause',
			value: 'pause',
			action: 'Pause a task',
			description: 'Pause a running task; frees its lines and seats',
			routing: {
				request: { method: 'POST', url: `${V1}/task/pause` },
				send: { preSend: [sendTaskId('body')] },
				output: { postReceive: [byrobotOutput({ wrap: actionResult(taskIdOf) })] },
			},
		},
		{
			name: 'Start',
			value: 'start',
			action: 'Start a task',
			description: 'Start (or resume) a task',
			routing: {
				request: { method: 'POST', url: `${V1}/task/start` },
				send: { preSend: [sendTaskId('body')] },
				output: { postReceive: [byrobotOutput({ wrap: actionResult(taskIdOf) })] },
			},
		},
		{
			name: 'Stop',
			value: 'stop',
			action: 'Stop a task',
			description: 'Stop a task for good; frees its lines and seats',
			routing: {
				request: { method: 'POST', url: `${V1}/task/stop` },
				send: { preSend: [sendTaskId('body')] },
				output: { postReceive: [byrobotOutput({ wrap: actionResult(taskIdOf) })] },
			},
		},
		{
			name: 'Update',
			value: 'update',
			action: 'Update a task',
			description: 'Change a task that is not running',
			routing: {
				request: { method: 'POST', url: `${V1}/task/update` },
				send: { preSend: [sendCompanyId('body'), sendTaskId('body'), prepareTaskSettings('update')] },
				output: { postReceive: [byrobotOutput({ wrap: actionResult(taskIdOf) })] },
			},
		},
	],
};

/** Each operation's own fields, after the shared ones. */
export const taskFields: INodeProperties[] = [
	...taskCreateDescription,
	...taskUpdateDescription,
	...taskDeleteDescription,
	...taskStartDescription,
	...taskPauseDescription,
	...taskStopDescription,
	...taskGetDescription,
	...taskGetAllDescription,
	...taskImportCustomersDescription,
	...taskGetCallRecordsDescription,
	...taskGetUncalledCustomersDescription,
	...taskGetCallDetailDescription,
];
