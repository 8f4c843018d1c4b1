import type { Operation } from '../../../shared/operations';
import { outputItems, sendCallTaskId } from '../../shared/hooks';
import { customerRow } from '../../shared/output';
import { followNextPage } from '../../shared/pagination';

// The shared Call Task (its checked id goes into the path) and Return All / Limit.
export const callTaskGetCustomers: Operation = {
	resource: 'callTask',
	shared: ['callTask', 'paging'],
	option: {
		name: 'Get Customers',
		value: 'getCustomers',
		action: 'Get the customers of a call task',
		description: 'Get the customers of a call task and their progress',
		routing: {
			request: { method: 'GET', url: '/api/v1/callTask/userList/{callTaskId}.json' },
			send: { paginate: true, preSend: [sendCallTaskId] },
			operations: { pagination: followNextPage },
			output: { postReceive: [outputItems({ entries: 'callTask', format: customerRow })] },
		},
	},
};
