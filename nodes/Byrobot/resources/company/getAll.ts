import type { Operation } from '../../../shared/operations';
import { outputItems } from '../../shared/hooks';

// getCompanys takes no input: it lists every company bound to the AppKey.
export const companyGetAll: Operation = {
	resource: 'company',
	option: {
		name: 'Get Many',
		value: 'getAll',
		action: 'Get many companies',
		description: 'List the companies bound to the AppKey',
		routing: {
			request: { method: 'GET', url: '/openapi/v1/company/getCompanys' },
			output: { postReceive: [outputItems({ entries: true })] },
		},
	},
};
