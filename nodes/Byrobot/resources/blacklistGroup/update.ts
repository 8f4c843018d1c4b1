import type { Operation } from '../../../shared/operations';
import {
	actionResult,
	blacklistGroupIdOf,
	outputItems,
	sendBlacklistGroupId,
	sendCompanyId,
} from '../../shared/hooks';

// The shared Company, Blacklist Group, Name and Remark: group/edit needs the name every time;
// the default group (-1) cannot be edited.
export const blacklistGroupUpdate: Operation = {
	resource: 'blacklistGroup',
	shared: ['company', 'blacklistGroup', 'name', 'remark'],
	option: {
		name: 'Update',
		value: 'update',
		action: 'Update a blacklist group',
		description: 'Rename a blacklist group or change its remark',
		routing: {
			request: { method: 'POST', url: '/openapi/v1/company/blacklist/group/edit' },
			send: { preSend: [sendCompanyId('body'), sendBlacklistGroupId('body')] },
			output: { postReceive: [outputItems({ wrap: actionResult(blacklistGroupIdOf) })] },
		},
	},
};
