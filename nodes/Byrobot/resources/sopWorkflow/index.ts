import type { Resource } from '../../../shared/operations';
import { sopWorkflowGetAll } from './getAll';

export const sopWorkflow: Resource = {
	name: 'SOP Workflow',
	value: 'sopWorkflow',
	defaultOperation: sopWorkflowGetAll,
	operations: [sopWorkflowGetAll],
};
