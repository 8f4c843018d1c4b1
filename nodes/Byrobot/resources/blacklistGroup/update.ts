import type { INodeProperties } from 'n8n-workflow';

import { companyField } from '../../shared/descriptions';
import { blacklistGroupField } from '../blacklist/groupField';
import { groupNameField, groupRemarkField } from './fields';

const show = { resource: ['blacklistGroup'], operation: ['update'] };

// group/edit needs the name every time; the default group (-1) cannot be edited.
export const blacklistGroupUpdateDescription: INodeProperties[] = [
	companyField(show, 'body'),
	blacklistGroupField(show, 'body'),
	groupNameField(show),
	groupRemarkField(show),
];
