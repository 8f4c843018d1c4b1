import type { INodeProperties } from 'n8n-workflow';

// getCompanys takes no input: it lists every company bound to the AppKey.
export const companyGetAllDescription: INodeProperties[] = [];
