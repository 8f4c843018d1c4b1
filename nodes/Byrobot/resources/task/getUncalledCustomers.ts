import type { INodeProperties } from 'n8n-workflow';

import { companyField, returnAllAndLimit, taskField } from '../../shared/descriptions';

const show = { resource: ['task'], operation: ['getUncalledCustomers'] };

/** notDialedCustomerList pages hold at most 50 customers. */
export const UNCALLED_PAGE_SIZE = 50;

// The company only feeds the task list: the request takes {taskId, pageNum, pageSize}.
export const taskGetUncalledCustomersDescription: INodeProperties[] = [
	{ ...companyField(show, 'body'), routing: undefined },
	taskField(show, 'body'),
	...returnAllAndLimit(show, UNCALLED_PAGE_SIZE),
];
