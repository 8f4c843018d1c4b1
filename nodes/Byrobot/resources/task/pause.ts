import type { Operation } from '../../../shared/operations';
import { actionResult, outputItems, sendTaskId, taskIdOf } from '../../shared/hooks';

// Only the shared Company and Task: task/pause takes {taskId} alone, the
// Company just feeds the task list.
export const taskPause: Operation = {
	resource: 'task',
	shared: ['company', 'task'],
	option: {
		name: 'Pause',
		value: 'pause',
		action: 'Pause a task',
		description: 'Pause a running task; frees its lines and seats',
		routing: {
			request: { method: 'POST', url: '/openapi/v1/task/pause' },
			send: { preSend: [sendTaskId('body')] },
			output: { postReceive: [outputItems({ wrap: actionResult(taskIdOf) })] },
		},
	},
};
