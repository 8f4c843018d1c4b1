import type { Operation } from '../../../shared/operations';
import {
	actionResult,
	blacklistGroupIdOf,
	outputItems,
	sendBlacklistGroupId,
	sendCompanyId,
} from '../../shared/hooks';

// Only the shared Company and Blacklist Group. BYRobot refuses to delete a
// group that still holds numbers, and the default group.
export const blacklistGroupDelete: Operation = {
	resource: 'blacklistGroup',
	shared: ['company', 'blacklistGroup'],
	option: {
		name: 'Delete',
		value: 'delete',
		action: 'Delete a blacklist group',
		description: 'Delete an empty blacklist group',
		routing: {
			request: { method: 'POST', url: '/openapi/v1/company/blacklist/group/delete' },
			send: { preSend: [sendCompanyId('body'), sendBlacklistGroupId('body')] },
			output: { postReceive: [outputItems({ wrap: actionResult(blacklistGroupIdOf) })] },
		},
	},
};
