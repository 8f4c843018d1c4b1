import type { INodeProperties } from 'n8n-workflow';

import { listFilters, returnAllAndLimit } from '../../shared/descriptions';

const showOnlyForContactGetMany = { resource: ['contact'], operation: ['getAll'] };

export const contactGetManyDescription: INodeProperties[] = [
	...returnAllAndLimit(showOnlyForContactGetMany),
	listFilters(showOnlyForContactGetMany),
];
