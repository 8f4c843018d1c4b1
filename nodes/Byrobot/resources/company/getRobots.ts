import type { INodeProperties } from 'n8n-workflow';

const show = { resource: ['company'], operation: ['getRobots'] };

export const companyGetRobotsDescription: INodeProperties[] = [
	{
		displayName: 'Robot Status',
		name: 'robotStatus',
		type: 'options',
		default: 0,
		displayOptions: { show },
		options: [
			{ name: 'All', value: 0 },
			{ name: 'Online', value: 1 },
			{ name: 'Ever Published', value: 2, description: 'Robots that can be used in a task' },
		],
		routing: { send: { type: 'query', property: 'robotStatus' } },
	},
];
