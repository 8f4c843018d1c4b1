import type { INodeProperties } from 'n8n-workflow';

// The shared Company and Blacklist Group (shared/pickers.ts), then Name and Remark (fields.ts,
// shared with Create): group/edit needs the name every time; the default group (-1) cannot be
// edited.
export const blacklistGroupUpdateDescription: INodeProperties[] = [];
