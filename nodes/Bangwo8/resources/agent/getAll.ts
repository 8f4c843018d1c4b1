import type { Operation } from '../../../shared/operations';
import { outputItems } from '../../shared/hooks';
import { followNextPage } from '../../shared/pagination';

// The shared Return All / Limit and Filters (sent as query parameters by the Filters field).
export const agentGetAll: Operation = {
	resource: 'agent',
	shared: ['paging', 'filters'],
	option: {
		name: 'Get Many',
		value: 'getAll',
		action: 'Get many agents',
		description: 'List agents (客服), the IDs a call task is assigned to',
		routing: {
			request: { method: 'GET', url: '/api/v1/supports.json' },
			send: { paginate: true },
			operations: { pagination: followNextPage },
			output: { postReceive: [outputItems({ entries: 'supports' })] },
		},
	},
};
