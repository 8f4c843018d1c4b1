import type { Operation } from '../../../shared/operations';
import { outputItems, sendCompanyId } from '../../shared/hooks';
import { OPEN_PLATFORM, openPlatformRouting } from '../../shared/transport';

// Open platform only (company.ai.balance): {amount, price, num}; price comes as text ("0.20").
export const companyGetAiBalance: Operation = {
	resource: 'company',
	shared: ['company'],
	option: {
		name: 'Get AI Balance',
		value: 'getAiBalance',
		action: 'Get the AI balance of a company',
		description:
			'The AI call balance of a company: amount, unit price and calls left (open platform)',
	},
	apis: {
		[OPEN_PLATFORM]: {
			routing: openPlatformRouting('/byai.openapi.company.ai/1.0.0/balance', {
				send: { preSend: [sendCompanyId('body')] },
				output: { postReceive: [outputItems()] },
			}),
		},
	},
};
