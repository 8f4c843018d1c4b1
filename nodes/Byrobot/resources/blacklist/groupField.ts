import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

import { where } from '../../shared/descriptions';
import { requireId } from '../../shared/hooks';

/** The blacklist group an entry operation works on (-1 is the company's default group). */
export function blacklistGroupField(show: IDisplayOptions['show'], sendIn: 'query' | 'body'): INodeProperties {
	return {
		displayName: 'Blacklist Group Name or ID',
		name: 'blacklistGroup',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getBlacklistGroups', loadOptionsDependsOn: ['company.value'] },
		required: true,
		default: '',
		description:
			'The group (-1 is the default group). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		displayOptions: { show },
		routing: {
			send: {
				type: sendIn,
				property: 'blacklistInfoGroupId',
				preSend: [requireId(where(sendIn), 'blacklistInfoGroupId', 'Blacklist Group')],
			},
		},
	};
}
