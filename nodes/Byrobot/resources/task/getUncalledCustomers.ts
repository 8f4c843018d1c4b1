import type { INodeProperties } from 'n8n-workflow';

/** notDialedCustomerList pages hold at most 50 customers. */
export const UNCALLED_PAGE_SIZE = 50;

// Only the shared Company, Task and Return All / Limit (shared/pickers.ts): the request takes
// {taskId, pageNum, pageSize}, the Company just feeds the task list.
export const taskGetUncalledCustomersDescription: INodeProperties[] = [];
