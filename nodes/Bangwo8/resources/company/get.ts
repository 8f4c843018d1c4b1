import type { Operation } from '../../../shared/operations';
import { outputItems, sendPickedIds } from '../../shared/hooks';
import { requireDetail } from '../../shared/output';

// Only the shared Company, whose checked id goes into the path.
export const companyGet: Operation = {
	resource: 'company',
	shared: ['company'],
	option: {
		name: 'Get',
		value: 'get',
		action: 'Get a company',
		description: 'Get a company',
		routing: {
			request: { method: 'GET', url: '/api/v1/companies/{companyId}.json' },
			send: { preSend: [sendPickedIds(['companyId', 'Company'])] },
			output: {
				postReceive: [
					outputItems({
						format(body) {
							return requireDetail(this, body, 'company', 'Company', 'companyId');
						},
					}),
				],
			},
		},
	},
};
