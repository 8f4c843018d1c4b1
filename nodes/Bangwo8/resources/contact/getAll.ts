import type { Operation } from '../../../shared/operations';
import { outputItems } from '../../shared/hooks';
import { followNextPage } from '../../shared/pagination';

// The shared Return All / Limit and Filters (sent as query parameters by the Filters field).
export const contactGetAll: Operation = {
	resource: 'contact',
	shared: ['paging', 'filters'],
	option: {
		name: 'Get Many',
		value: 'getAll',
		action: 'Get many contacts',
		description: 'List contacts (联系人), the customers of a call task',
		routing: {
			request: { method: 'GET', url: '/api/v1/users.json' },
			send: { paginate: true },
			operations: { pagination: followNextPage },
			output: { postReceive: [outputItems({ entries: 'users' })] },
		},
	},
};
