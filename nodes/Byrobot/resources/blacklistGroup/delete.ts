import type { INodeProperties } from 'n8n-workflow';

// Only the shared Company and Blacklist Group (shared/pickers.ts). BYRobot refuses to delete a
// group that still holds numbers, and the default group.
export const blacklistGroupDeleteDescription: INodeProperties[] = [];
