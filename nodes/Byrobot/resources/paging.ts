// One Return All / Limit pair for the paged lists of Task and Blacklist (one field for many
// operations, as the pickers in shared/pickers.ts). Display rules pair each listed resource with
// each listed operation; none of these pairings is another operation. Company → Get SMS Templates
// and Callback → Get Undelivered have their own pair, after their other fields.
import type { INodeProperties } from 'n8n-workflow';

import { returnAllAndLimit } from '../shared/pickers';
import { BLACKLIST_PAGE_SIZE } from './blacklist/getAll';
import { TASK_PAGE_SIZE } from './task/getAll';
import { CALL_RECORD_PAGE_SIZE } from './task/getCallRecords';
import { UNCALLED_PAGE_SIZE } from './task/getUncalledCustomers';

export const taskAndBlacklistPaging: INodeProperties[] = returnAllAndLimit(
	{
		show: {
			resource: ['task', 'blacklist'],
			operation: ['getAll', 'getCallRecords', 'getUncalledCustomers'],
		},
	},
	`up to ${TASK_PAGE_SIZE} (tasks), ${BLACKLIST_PAGE_SIZE} (blacklist entries), ${CALL_RECORD_PAGE_SIZE} (call records) or ${UNCALLED_PAGE_SIZE} (uncalled customers)`,
);
