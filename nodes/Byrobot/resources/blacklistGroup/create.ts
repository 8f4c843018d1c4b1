import type { Operation } from '../../../shared/operations';
import { outputItems, sendCompanyId } from '../../shared/hooks';

// The shared Company, then Name and Remark (shared with Update).
export const blacklistGroupCreate: Operation = {
	resource: 'blacklistGroup',
	// A second group/add would create a second group.
	requests: { retry: false },
	shared: ['company', 'name', 'remark'],
	option: {
		name: 'Create',
		value: 'create',
		action: 'Create a blacklist group',
		routing: {
			request: { method: 'POST', url: '/openapi/v1/company/blacklist/group/add' },
			send: { preSend: [sendCompanyId('body')] },
			output: {
				postReceive: [outputItems({ wrap: (data) => ({ blacklistInfoGroupId: data as number }) })],
			},
		},
	},
};
