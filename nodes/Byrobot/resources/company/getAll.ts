import type { Operation } from '../../../shared/operations';
import { outputItems } from '../../shared/hooks';
import { OPEN_PLATFORM, openPlatformRouting } from '../../shared/transport';

// getCompanys (open platform: company.list) takes no input: every company bound to the AppKey.
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
	apis: {
		[OPEN_PLATFORM]: {
			routing: openPlatformRouting('/byai.openapi.company/1.0.0/list', {
				output: { postReceive: [outputItems({ entries: true })] },
			}),
		},
	},
};
