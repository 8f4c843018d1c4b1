import type { INodeProperties } from 'n8n-workflow';

import { callTaskLocator, returnAllAndLimit } from '../../shared/descriptions';

const showOnlyForCallTaskGetCustomers = { resource: ['callTask'], operation: ['getCustomers'] };

export const callTaskGetCustomersDescription: INodeProperties[] = [
	callTaskLocator(showOnlyForCallTaskGetCustomers, '/api/v1/callTask/userList'),
	...returnAllAndLimit(showOnlyForCallTaskGetCustomers),
];
