import type { Operation } from '../../../shared/operations';
import { outputItems, sendPickedIds } from '../../shared/hooks';
import { requireDetail } from '../../shared/output';

// Only the shared Agent, whose checked id goes into the path.
export const agentGet: Operation = {
	resource: 'agent',
	shared: ['agent'],
	option: {
		name: 'Get',
		value: 'get',
		action: 'Get an agent',
		description: 'Get an agent (客服)',
		routing: {
			request: { method: 'GET', url: '/api/v1/supports/{agentId}.json' },
			send: { preSend: [sendPickedIds(['agentId', 'Agent'])] },
			output: {
				postReceive: [
					outputItems({
						format(body) {
							return requireDetail(this, body, 'support', 'Agent', 'agentId');
						},
					}),
				],
			},
		},
	},
};
