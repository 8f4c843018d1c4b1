import type { Operation } from '../../../shared/operations';
import { outputItems, sendCompanyId } from '../../shared/hooks';
import { formatCallerLine } from '../../shared/output';
import { OPEN_PLATFORM, openPlatformRouting } from '../../shared/transport';

// Only the shared Company, sent as companyId. The open platform's phone.list adds lineAmount
// (the line's balance) and lacks useAvailable.
export const companyGetCallerLines: Operation = {
	resource: 'company',
	shared: ['company'],
	option: {
		name: 'Get Caller Lines',
		value: 'getCallerLines',
		action: 'Get the caller lines of a company',
		description: 'List the lines a task can call from (useAvailable tells which work)',
		routing: {
			request: { method: 'GET', url: '/openapi/v1/company/getPhones' },
			send: { preSend: [sendCompanyId('qs')] },
			output: { postReceive: [outputItems({ entries: true, format: formatCallerLine })] },
		},
	},
	apis: {
		[OPEN_PLATFORM]: {
			routing: openPlatformRouting('/byai.openapi.phone/1.0.0/list', {
				send: { preSend: [sendCompanyId('body')] },
				output: { postReceive: [outputItems({ entries: true, format: formatCallerLine })] },
			}),
		},
	},
};
