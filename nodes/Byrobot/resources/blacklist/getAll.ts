import type { INodeProperties } from 'n8n-workflow';

import { companyField, returnAllAndLimit } from '../../shared/descriptions';
import { blacklistGroupField } from './groupField';

const show = { resource: ['blacklist'], operation: ['getAll'] };

/** blacklist/info/page: the vendor's default page is 20; 100 per page is accepted. */
export const BLACKLIST_PAGE_SIZE = 100;

export const blacklistGetAllDescription: INodeProperties[] = [
	companyField(show, 'query'),
	blacklistGroupField(show, 'query'),
	...returnAllAndLimit(show, BLACKLIST_PAGE_SIZE),
];
