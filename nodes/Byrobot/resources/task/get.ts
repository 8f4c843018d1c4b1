import type { INodeProperties } from 'n8n-workflow';

import { companyField, taskField } from '../../shared/descriptions';

const show = { resource: ['task'], operation: ['get'] };

export const taskGetDescription: INodeProperties[] = [
	companyField(show, 'query'),
	taskField(show, 'query'),
];
