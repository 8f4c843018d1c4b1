import type { Operation } from '../../../shared/operations';
import { actionResult, outputItems, sendTaskId, taskIdOf } from '../../shared/hooks';

// Only the shared Company and Task: task/start takes {taskId} alone, the
// Company just feeds the task list.
export const taskStart: Operation = {
	resource: 'task',
	shared: ['company', 'task'],
	option: {
		name: 'Start',
		value: 'start',
		action: 'Start a task',
		description: 'Start (or resume) a task',
		routing: {
			request: { method: 'POST', url: '/openapi/v1/task/start' },
			send: { preSend: [sendTaskId('body')] },
			output: { postReceive: [outputItems({ wrap: actionResult(taskIdOf) })] },
		},
	},
};
