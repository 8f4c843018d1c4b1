import type { INodeProperties } from 'n8n-workflow';

// Only the shared Company (shared/pickers.ts): group/list answers all groups at once (no paging).
export const blacklistGroupGetAllDescription: INodeProperties[] = [];
