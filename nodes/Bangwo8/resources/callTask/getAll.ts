import type { INodeProperties } from 'n8n-workflow';

import { listFilters, returnAllAndLimit } from '../../shared/descriptions';

const showOnlyForCallTaskGetMany = { resource: ['callTask'], operation: ['getAll'] };

export const callTaskGetManyDescription: INodeProperties[] = [
	...returnAllAndLimit(showOnlyForCallTaskGetMany),
	listFilters(showOnlyForCallTaskGetMany),
];
