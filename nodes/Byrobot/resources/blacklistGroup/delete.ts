import type { INodeProperties } from 'n8n-workflow';

import { companyField } from '../../shared/descriptions';
import { blacklistGroupField } from '../blacklist/groupField';

const show = { resource: ['blacklistGroup'], operation: ['delete'] };

// BYRobot refuses to delete a group that still holds numbers, and the default group.
export const blacklistGroupDeleteDescription: INodeProperties[] = [
	companyField(show, 'body'),
	blacklistGroupField(show, 'body'),
];
