import type { INodeProperties } from 'n8n-workflow';

import { companyField, taskField } from '../../shared/descriptions';

const show = { resource: ['task'], operation: ['pause'] };

// The company only feeds the task list: task/pause takes {taskId} alone.
export const taskPauseDescription: INodeProperties[] = [
	{ ...companyField(show, 'body'), routing: undefined },
	taskField(show, 'body'),
];
