import type { INodeProperties } from 'n8n-workflow';

// Only the shared Company and Task (shared/pickers.ts), sent as companyId and taskId.
export const taskGetDescription: INodeProperties[] = [];
