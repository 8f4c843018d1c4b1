import type { ApiRequest } from '../../../shared/operations';
import { actionResult, outputItems, sendCompanyId, sendTaskId, taskIdOf } from '../../shared/hooks';
import { openPlatformRouting } from '../../shared/transport';

/** calljob.execute's commands: Start (or resume), Pause, Stop. */
export const CALL_JOB_COMMAND = { start: 1, pause: 2, stop: 3 } as const;

/**
 * Start, Pause and Stop on the open platform: one method, calljob.execute, that takes
 * {callJobId, companyId, command} and answers with the envelope alone.
 */
export function callJobExecute(
	command: (typeof CALL_JOB_COMMAND)[keyof typeof CALL_JOB_COMMAND],
): ApiRequest {
	return {
		routing: openPlatformRouting(
			'/byai.openapi.calljob/1.0.0/execute',
			{
				send: { preSend: [sendCompanyId('body'), sendTaskId('body', 'callJobId')] },
				output: { postReceive: [outputItems({ wrap: actionResult(taskIdOf) })] },
			},
			{ command },
		),
	};
}
