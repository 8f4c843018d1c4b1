import type { Operation } from '../../../shared/operations';
import { outputItems, sendCompanyId } from '../../shared/hooks';

// Only the shared Company: group/list answers all groups at once (no paging).
export const blacklistGroupGetAll: Operation = {
	resource: 'blacklistGroup',
	shared: ['company'],
	option: {
		name: 'Get Many',
		value: 'getAll',
		action: 'Get many blacklist groups',
		routing: {
			request: { method: 'GET', url: '/openapi/v1/company/blacklist/group/list' },
			send: { preSend: [sendCompanyId('qs')] },
			output: { postReceive: [outputItems({ entries: true })] },
		},
	},
};
