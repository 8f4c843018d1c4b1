import type { INodeProperties } from 'n8n-workflow';

import { callTaskLocator } from '../../shared/descriptions';

const showOnlyForCallTaskGet = { resource: ['callTask'], operation: ['get'] };

export const callTaskGetDescription: INodeProperties[] = [
	callTaskLocator(showOnlyForCallTaskGet, '/api/v1/callTask'),
];
