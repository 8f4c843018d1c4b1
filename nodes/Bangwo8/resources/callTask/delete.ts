import type { Operation } from '../../../shared/operations';
import { outputItems, sendCallTaskId } from '../../shared/hooks';
import { pickedId } from '../../shared/inputs';
import { deleteResult } from '../../shared/output';

// Only the shared Call Task, whose checked id goes into the path.
export const callTaskDelete: Operation = {
	resource: 'callTask',
	shared: ['callTask'],
	option: {
		name: 'Delete',
		value: 'delete',
		action: 'Delete a call task',
		description: 'Delete a call task',
		routing: {
			request: { method: 'DELETE', url: '/api/v1/callTask/{callTaskId}.json' },
			send: { preSend: [sendCallTaskId] },
			output: {
				postReceive: [
					outputItems({
						format(body) {
							return deleteResult(body, pickedId(this, 'callTaskId', 'Call Task'));
						},
					}),
				],
			},
		},
	},
};
