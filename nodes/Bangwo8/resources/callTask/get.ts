import type { Operation } from '../../../shared/operations';
import { outputItems, sendCallTaskId } from '../../shared/hooks';
import { callTaskDetail } from '../../shared/output';

// Only the shared Call Task, whose checked id goes into the path.
export const callTaskGet: Operation = {
	resource: 'callTask',
	shared: ['callTask'],
	option: {
		name: 'Get',
		value: 'get',
		action: 'Get a call task',
		description: 'Get a call task with its counts',
		routing: {
			request: { method: 'GET', url: '/api/v1/callTask/{callTaskId}.json' },
			send: { preSend: [sendCallTaskId] },
			output: { postReceive: [outputItems({ format: callTaskDetail })] },
		},
	},
};
