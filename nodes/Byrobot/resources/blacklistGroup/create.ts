import type { INodeProperties } from 'n8n-workflow';

// The shared Company (shared/pickers.ts), then Name and Remark (fields.ts, shared with Update).
export const blacklistGroupCreateDescription: INodeProperties[] = [];
