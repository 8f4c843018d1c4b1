import type { INodeProperties } from 'n8n-workflow';

import { companyField, taskField } from '../../shared/descriptions';

const show = { resource: ['task'], operation: ['start'] };

// The company only feeds the task list: task/start takes {taskId} alone.
export const taskStartDescription: INodeProperties[] = [
	{ ...companyField(show, 'body'), routing: undefined },
	taskField(show, 'body'),
];
