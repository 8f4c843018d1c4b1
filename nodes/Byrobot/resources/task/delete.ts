import type { Operation } from '../../../shared/operations';
import { actionResult, outputItems, sendTaskId, taskIdOf } from '../../shared/hooks';

// Only the shared Company and Task: task/delete takes {taskId} alone, the
// Company just feeds the task list.
export const taskDelete: Operation = {
	resource: 'task',
	shared: ['company', 'task'],
	option: {
		name: 'Delete',
		value: 'delete',
		action: 'Delete a task',
		description: 'Delete a task (not while it is running); frees its lines and seats',
		routing: {
			request: { method: 'POST', url: '/openapi/v1/task/delete' },
			send: { preSend: [sendTaskId('body')] },
			output: { postReceive: [outputItems({ wrap: actionResult(taskIdOf) })] },
		},
	},
};
