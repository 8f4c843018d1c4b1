import type { Resource } from '../../../shared/operations';
import { callTaskCreate } from './create';
import { callTaskDelete } from './delete';
import { callTaskGet } from './get';
import { callTaskGetAll } from './getAll';
import { callTaskGetCustomers } from './getCustomers';

export const callTask: Resource = {
	name: 'Call Task',
	value: 'callTask',
	defaultOperation: callTaskGetAll,
	operations: [callTaskCreate, callTaskDelete, callTaskGet, callTaskGetCustomers, callTaskGetAll],
};
