import type { INodeProperties } from 'n8n-workflow';

import { companyField } from '../../shared/descriptions';

const show = { resource: ['company'], operation: ['getSeatStatistics'] };

export const companyGetSeatStatisticsDescription: INodeProperties[] = [companyField(show, 'query')];
