import type { Operation } from '../../../shared/operations';
import { outputItems, sendBlacklistGroupId, sendCompanyId } from '../../shared/hooks';
import { paginateByPageNumber } from '../../shared/pagination';

/** blacklist/info/page: the vendor's default page is 20; 100 per page is accepted. */
export const BLACKLIST_PAGE_SIZE = 100;

// Only the shared Company, Blacklist Group and Return All / Limit.
export const blacklistGetAll: Operation = {
	resource: 'blacklist',
	shared: ['company', 'blacklistGroup', 'paging'],
	pageSize: { size: BLACKLIST_PAGE_SIZE, of: 'blacklist entries' },
	option: {
		name: 'Get Many',
		value: 'getAll',
		action: 'Get many blacklist entries',
		description: 'List the numbers of a blacklist group',
		routing: {
			request: { method: 'GET', url: '/openapi/v1/company/blacklist/info/page' },
			send: { paginate: true, preSend: [sendCompanyId('qs'), sendBlacklistGroupId('qs')] },
			operations: { pagination: paginateByPageNumber(BLACKLIST_PAGE_SIZE, 'qs') },
			output: { postReceive: [outputItems({ entries: true })] },
		},
	},
};
