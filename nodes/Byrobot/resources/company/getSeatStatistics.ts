import type { Operation } from '../../../shared/operations';
import { outputItems, sendCompanyId } from '../../shared/hooks';
import { OPEN_PLATFORM, openPlatformRouting } from '../../shared/transport';

// Only the shared Company, sent as companyId; both APIs answer {companyAllCallSeat, companyUsingCallSeat}.
export const companyGetSeatStatistics: Operation = {
	resource: 'company',
	shared: ['company'],
	option: {
		name: 'Get Seat Statistics',
		value: 'getSeatStatistics',
		action: 'Get the AI seat statistics of a company',
		description: 'How many AI seats the company has and uses',
		routing: {
			request: { method: 'GET', url: '/openapi/v1/company/seat/statistics' },
			send: { preSend: [sendCompanyId('qs')] },
			output: { postReceive: [outputItems()] },
		},
	},
	apis: {
		[OPEN_PLATFORM]: {
			routing: openPlatformRouting('/byai.openapi.seatinfo/1.0.0/get', {
				send: { preSend: [sendCompanyId('body')] },
				output: { postReceive: [outputItems()] },
			}),
		},
	},
};
