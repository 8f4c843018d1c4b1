import type { INodeProperties } from 'n8n-workflow';

import { companyField } from '../../shared/descriptions';
import { groupNameField, groupRemarkField } from './fields';

const show = { resource: ['blacklistGroup'], operation: ['create'] };

export const blacklistGroupCreateDescription: INodeProperties[] = [
	companyField(show, 'body'),
	groupNameField(show),
	groupRemarkField(show),
];
