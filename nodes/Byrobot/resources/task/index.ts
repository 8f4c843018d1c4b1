import type { Resource } from '../../../shared/operations';
import { taskCreate } from './create';
import { taskDelete } from './delete';
import { taskDownloadRecording } from './downloadRecording';
import { taskGet } from './get';
import { taskGetAll } from './getAll';
import { taskGetCallDetail } from './getCallDetail';
import { taskGetCallRecords } from './getCallRecords';
import { taskGetUncalledCustomers } from './getUncalledCustomers';
import { taskImportCustomers } from './importCustomers';
import { taskPause } from './pause';
import { taskStart } from './start';
import { taskStop } from './stop';
import { taskUpdate } from './update';

export const task: Resource = {
	name: 'Task',
	value: 'task',
	defaultOperation: taskGetAll,
	operations: [
		taskCreate,
		taskDelete,
		taskDownloadRecording,
		taskGet,
		taskGetCallDetail,
		taskGetCallRecords,
		taskGetAll,
		taskGetUncalledCustomers,
		taskImportCustomers,
		taskPause,
		taskStart,
		taskStop,
		taskUpdate,
	],
};
