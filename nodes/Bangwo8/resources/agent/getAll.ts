import type { INodeProperties } from 'n8n-workflow';

import { listFilters, returnAllAndLimit } from '../../shared/descriptions';

const showOnlyForAgentGetMany = { resource: ['agent'], operation: ['getAll'] };

export const agentGetManyDescription: INodeProperties[] = [
	...returnAllAndLimit(showOnlyForAgentGetMany),
	listFilters(showOnlyForAgentGetMany),
];
