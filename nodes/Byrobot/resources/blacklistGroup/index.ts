import type { IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';

import {
	actionResult,
	byrobotOutput,
	pickedId,
	sendBlacklistGroupId,
	sendCompanyId,
} from '../../shared/hooks';
import { blacklistGroupCreateDescription } from './create';
import { blacklistGroupDeleteDescription } from './delete';
import { groupNameAndRemarkFields } from './fields';
import { blacklistGroupGetAllDescription } from './getAll';
import { blacklistGroupUpdateDescription } from './update';

const V1 = '/openapi/v1/company/blacklist/group';

const groupIdOf = (context: IExecuteSingleFunctions) => ({
	blacklistInfoGroupId: pickedId(context, 'blacklistGroup', 'Blacklist Group'),
});

// Company and Blacklist Group are shared fields (shared/pickers.ts): each operation's preSend
// sends the IDs its request takes.
export const blacklistGroupOperations: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['blacklistGroup'] } },
	default: 'getAll',
	options: [
		{
			name: 'Create',
			value: 'create',
			action: 'Create a blacklist group',
			routing: {
				request: { method: 'POST', url: `${V1}/add` },
				send: { preSend: [sendCompanyId('body')] },
				output: {
					postReceive: [
						byrobotOutput({ wrap: (data) => ({ blacklistInfoGroupId: data as number }) }),
					],
				},
			},
		},
		{
			name: 'Delete',
			value: 'delete',
			action: 'Delete a blacklist group',
			description: 'Delete an empty blacklist group',
			routing: {
				request: { method: 'POST', url: `${V1}/delete` },
				send: { preSend: [sendCompanyId('body'), sendBlacklistGroupId('body')] },
				output: { postReceive: [byrobotOutput({ wrap: actionResult(groupIdOf) })] },
			},
		},
		{
			name: 'Get Many',
			value: 'getAll',
			action: 'Get many blacklist groups',
			routing: {
				request: { method: 'GET', url: `${V1}/list` },
				send: { preSend: [sendCompanyId('qs')] },
				output: { postReceive: [byrobotOutput({ entries: true })] },
			},
		},
		{
			name: 'Update',
			value: 'update',
			action: 'Update a blacklist group',
			description: 'Rename a blacklist group or change its remark',
			routing: {
				request: { method: 'POST', url: `${V1}/edit` },
				send: { preSend: [sendCompanyId('body'), sendBlacklistGroupId('body')] },
				output: { postReceive: [byrobotOutput({ wrap: actionResult(groupIdOf) })] },
			},
		},
	],
};

/** Each operation's own fields, after the shared ones. */
export const blacklistGroupFields: INodeProperties[] = [
	...blacklistGroupGetAllDescription,
	...blacklistGroupCreateDescription,
	...blacklistGroupUpdateDescription,
	...blacklistGroupDeleteDescription,
	...groupNameAndRemarkFields,
];
