import type { Operation } from '../../../shared/operations';
import { formatOpenPlatformTask, formatTask } from '../../shared/output';
import { OPEN_PLATFORM, openPlatformRouting } from '../../shared/transport';
import { outputItems, sendCompanyId, sendTaskId } from '../../shared/hooks';

// Only the shared Company and Task, sent as companyId and taskId (the open platform's
// calljob.detail.get: callJobId, and data null for a task it does not know).
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
	apis: {
		[OPEN_PLATFORM]: {
			routing: openPlatformRouting('/byai.openapi.calljob.detail/1.0.0/get', {
				send: { preSend: [sendCompanyId('body'), sendTaskId('body', 'callJobId')] },
				output: {
					postReceive: [outputItems({ format: formatOpenPlatformTask, notFound: 'Task' })],
				},
			}),
		},
	},
};
