import type { Operation } from '../../../shared/operations';
import type { INodeProperties } from 'n8n-workflow';
import { outputItems, sendCompanyId } from '../../shared/hooks';
import { OPEN_PLATFORM, openPlatformRouting } from '../../shared/transport';

const fields: INodeProperties[] = [
	{
		displayName: 'Robot Status',
		name: 'robotStatus',
		type: 'options',
		default: 0,
		options: [
			{ name: 'All', value: 0 },
			{ name: 'Online', value: 1 },
			{ name: 'Ever Published', value: 2, description: 'Robots that can be used in a task' },
		],
		routing: { send: { type: 'query', property: 'robotStatus' } },
	},
];

export const companyGetRobots: Operation = {
	resource: 'company',
	shared: ['company'],
	option: {
		name: 'Get Robots',
		value: 'getRobots',
		action: 'Get the robots of a company',
		description: 'List the robots (scripts) of a company',
		routing: {
			request: { method: 'GET', url: '/openapi/v1/company/getRobots' },
			send: { preSend: [sendCompanyId('qs')] },
			output: { postReceive: [outputItems({ entries: true })] },
		},
	},
	// robot.list takes the same robotStatus (in the form).
	apis: {
		[OPEN_PLATFORM]: {
			routing: openPlatformRouting('/byai.openapi.robot/1.0.0/list', {
				send: { preSend: [sendCompanyId('body')] },
				output: { postReceive: [outputItems({ entries: true })] },
			}),
		},
	},
	fields,
};
