import type { INodeProperties } from 'n8n-workflow';

// Only the shared Company and Task (shared/pickers.ts): task/delete takes {taskId} alone, the
// Company just feeds the task list.
export const taskDeleteDescription: INodeProperties[] = [];
