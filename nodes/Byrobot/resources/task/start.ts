import type { INodeProperties } from 'n8n-workflow';

// Only the shared Company and Task (shared/pickers.ts): task/start takes {taskId} alone, the
// Company just feeds the task list.
export const taskStartDescription: INodeProperties[] = [];
