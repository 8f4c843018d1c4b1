import type { Operation } from '../../../shared/operations';
import { outputItems } from '../../shared/hooks';
import { followNextPage } from '../../shared/pagination';

// The shared Return All / Limit and Filters (sent as query parameters by the Filters field).
export const callTaskGetAll: Operation = {
	resource: 'callTask',
	shared: ['paging', 'filters'],
	option: {
		name: 'Get Many',
		value: 'getAll',
		action: 'Get many call tasks',
		description: 'List call tasks',
		routing: {
			request: { method: 'GET', url: '/api/v1/callTask.json' },
			send: { paginate: true },
			operations: { pagination: followNextPage },
			output: { postReceive: [outputItems({ entries: 'callTask' })] },
		},
	},
};
