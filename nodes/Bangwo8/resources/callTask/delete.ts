import type { INodeProperties } from 'n8n-workflow';

import { callTaskLocator } from '../../shared/descriptions';

const showOnlyForCallTaskDelete = { resource: ['callTask'], operation: ['delete'] };

export const callTaskDeleteDescription: INodeProperties[] = [
	callTaskLocator(showOnlyForCallTaskDelete, '/api/v1/callTask'),
];
