import type { Operation } from '../../../shared/operations';
import { outputItems, sendCompanyId, sendTaskId } from '../../shared/hooks';
import { formatTask } from '../../shared/output';

// Only the shared Company and Task, sent as companyId and taskId.
export const taskGet: Operation = {
	resource: 'task',
	shared: ['company', 'task'],
	option: {
		name: 'Get',
		value: 'get',
		action: 'Get a task',
		description: 'Get a task with its statistics',
		routing: {
			request: { method: 'GET', url: '/openapi/v1/task/getTaskDetail' },
			send: { preSend: [sendCompanyId('qs'), sendTaskId('qs')] },
			output: { postReceive: [outputItems({ format: formatTask })] },
		},
	},
};
