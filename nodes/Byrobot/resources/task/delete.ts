import type { INodeProperties } from 'n8n-workflow';

import { companyField, taskField } from '../../shared/descriptions';

const show = { resource: ['task'], operation: ['delete'] };

// The company only feeds the task list: task/delete takes {taskId} alone.
export const taskDeleteDescription: INodeProperties[] = [
	{ ...companyField(show, 'body'), routing: undefined },
	taskField(show, 'body'),
];
