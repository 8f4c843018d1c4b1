import type { INodeProperties } from 'n8n-workflow';

// Only the shared Company (shared/pickers.ts), sent as companyId.
export const companyGetSeatStatisticsDescription: INodeProperties[] = [];
