import type { Operation } from '../../../shared/operations';
import { outputItems } from '../../shared/hooks';
import { followNextPage } from '../../shared/pagination';

// The shared Return All / Limit and Filters (the created / updated filters are presumed to apply
// to companies too: docs/api/bangwo8-helpdesk.md#companies).
export const companyGetAll: Operation = {
	resource: 'company',
	shared: ['paging', 'filters'],
	option: {
		name: 'Get Many',
		value: 'getAll',
		action: 'Get many companies',
		description: 'List companies (公司), the customers of a call task with data source Company',
		routing: {
			request: { method: 'GET', url: '/api/v1/companies.json' },
			send: { paginate: true },
			operations: { pagination: followNextPage },
			output: { postReceive: [outputItems({ entries: 'companies' })] },
		},
	},
};
