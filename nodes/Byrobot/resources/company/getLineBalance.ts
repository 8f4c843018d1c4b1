import type { Operation } from '../../../shared/operations';
import { outputItems, sendCompanyId } from '../../shared/hooks';
import { OPEN_PLATFORM, openPlatformRouting } from '../../shared/transport';

// Open platform only (company.communication.balance, 通信余额): {amount}.
export const companyGetLineBalance: Operation = {
	resource: 'company',
	shared: ['company'],
	option: {
		name: 'Get Line Balance',
		value: 'getLineBalance',
		action: 'Get the line balance of a company',
		description:
			'The communication (caller line) balance of a company, 通信余额 (open platform). Each line’s own balance is in Get Caller Lines (lineAmount).',
	},
	apis: {
		[OPEN_PLATFORM]: {
			routing: openPlatformRouting('/byai.openapi.company.communication/1.0.0/balance', {
				send: { preSend: [sendCompanyId('body')] },
				output: { postReceive: [outputItems()] },
			}),
		},
	},
};
