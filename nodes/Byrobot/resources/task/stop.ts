import type { INodeProperties } from 'n8n-workflow';

import { companyField, taskField } from '../../shared/descriptions';

const show = { resource: ['task'], operation: ['stop'] };

// The company only feeds the task list: task/stop takes {taskId} alone.
export const taskStopDescription: INodeProperties[] = [
	{ ...companyField(show, 'body'), routing: undefined },
	taskField(show, 'body'),
];
