import type { INodeProperties } from 'n8n-workflow';

import { companyField } from '../../shared/descriptions';

const show = { resource: ['blacklistGroup'], operation: ['getAll'] };

// group/list answers all groups at once (no paging).
export const blacklistGroupGetAllDescription: INodeProperties[] = [companyField(show, 'query')];
