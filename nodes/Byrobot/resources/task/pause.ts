import type { Operation } from '../../../shared/operations';
import { actionResult, outputItems, sendTaskId, taskIdOf } from '../../shared/hooks';
import { OPEN_PLATFORM } from '../../shared/transport';
import { CALL_JOB_COMMAND, callJobExecute } from './callJobExecute';

// Only the shared Company and Task: task/pause takes {taskId} alone, the
// Company just feeds the task list. On the open platform: calljob.execute (./callJobExecute.ts).
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
	apis: { [OPEN_PLATFORM]: callJobExecute(CALL_JOB_COMMAND.pause) },
};
