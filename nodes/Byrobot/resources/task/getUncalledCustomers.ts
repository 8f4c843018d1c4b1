import type { Operation } from '../../../shared/operations';
import { outputItems, sendTaskId } from '../../shared/hooks';
import { paginateByPageNumber } from '../../shared/pagination';

/** notDialedCustomerList pages hold at most 50 customers. */
export const UNCALLED_PAGE_SIZE = 50;

// Only the shared Company, Task and Return All / Limit: the request takes
// {taskId, pageNum, pageSize}, the Company just feeds the task list.
export const taskGetUncalledCustomers: Operation = {
	resource: 'task',
	shared: ['company', 'task', 'paging'],
	pageSize: { size: UNCALLED_PAGE_SIZE, of: 'uncalled customers' },
	option: {
		name: 'Get Uncalled Customers',
		value: 'getUncalledCustomers',
		action: 'Get uncalled customers of a task',
		description: 'Get the customers of a task that have not been called yet',
		routing: {
			request: { method: 'POST', url: '/openapi/v1/task/notDialedCustomerList' },
			send: { paginate: true, preSend: [sendTaskId('body')] },
			operations: { pagination: paginateByPageNumber(UNCALLED_PAGE_SIZE, 'body') },
			output: { postReceive: [outputItems({ entries: true })] },
		},
	},
};
