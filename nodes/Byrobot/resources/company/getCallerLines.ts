import type { INodeProperties } from 'n8n-workflow';

import { companyField } from '../../shared/descriptions';

const show = { resource: ['company'], operation: ['getCallerLines'] };

export const companyGetCallerLinesDescription: INodeProperties[] = [companyField(show, 'query')];
