import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { formatCallerLine } from '../../shared/format';
import { byrobotOutput, paginateByPageNumber, sendCompanyId } from '../../shared/hooks';
import { companyGetAllDescription } from './getAll';
import { companyGetCallerLinesDescription } from './getCallerLines';
import { companyGetRobotsDescription } from './getRobots';
import { companyGetScriptVariablesDescription } from './getScriptVariables';
import { companyGetSeatStatisticsDescription } from './getSeatStatistics';
import { SMS_TEMPLATE_PAGE_SIZE, companyGetSmsTemplatesDescription } from './getSmsTemplates';

const V1 = '/openapi/v1';

// Every operation but Get Many sends the shared Company (shared/pickers.ts) as companyId.
export const companyOperations: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['company'] } },
	default: 'getAll',
	options: [
		{
			name: 'Get Caller Lines',
			value: 'getCallerLines',
			action: 'Get the caller lines of a company',
			description: 'List the lines a task can call from (useAvailable tells which work)',
			routing: {
				request: { method: 'GET', url: `${V1}/company/getPhones` },
				send: { preSend: [sendCompanyId('qs')] },
				output: { postReceive: [byrobotOutput({ entries: true, format: formatCallerLine })] },
			},
		},
		{
			name: 'Get Many',
			value: 'getAll',
			action: 'Get many companies',
			description: 'List the companies bound to the AppKey',
			routing: {
				request: { method: 'GET', url: `${V1}/company/getCompanys` },
				output: { postReceive: [byrobotOutput({ entries: true })] },
			},
		},
		{
			name: 'Get Robots',
			value: 'getRobots',
			action: 'Get the robots of a company',
			description: 'List the robots (scripts) of a company',
			routing: {
				request: { method: 'GET', url: `${V1}/company/getRobots` },
				send: { preSend: [sendCompanyId('qs')] },
				output: { postReceive: [byrobotOutput({ entries: true })] },
			},
		},
		{
			name: 'Get Script Variables',
			value: 'getScriptVariables',
			action: 'Get the variables of a robot script',
			description: 'List the variable names a script expects in a customer’s properties',
			routing: {
				request: { method: 'GET', url: `${V1}/task/getSceneVariables` },
				send: { preSend: [sendCompanyId('qs')] },
				output: {
					postReceive: [
						byrobotOutput({
							entries: true,
							format: (name) => ({ name: name as unknown as IDataObject[string] }),
						}),
					],
				},
			},
		},
		{
			name: 'Get Seat Statistics',
			value: 'getSeatStatistics',
			action: 'Get the AI seat statistics of a company',
			description: 'How many AI seats the company has and uses',
			routing: {
				request: { method: 'GET', url: `${V1}/company/seat/statistics` },
				send: { preSend: [sendCompanyId('qs')] },
				output: { postReceive: [byrobotOutput()] },
			},
		},
		{
			name: 'Get SMS Templates',
			value: 'getSmsTemplates',
			action: 'Get the SMS templates of a company',
			routing: {
				request: { method: 'GET', url: `${V1}/sms/template/list` },
				send: { paginate: true, preSend: [sendCompanyId('qs')] },
				operations: { pagination: paginateByPageNumber(SMS_TEMPLATE_PAGE_SIZE, 'qs') },
				output: { postReceive: [byrobotOutput({ entries: true })] },
			},
		},
	],
};

/** Each operation's own fields, after the shared ones. */
export const companyFields: INodeProperties[] = [
	...companyGetAllDescription,
	...companyGetCallerLinesDescription,
	...companyGetRobotsDescription,
	...companyGetSeatStatisticsDescription,
	...companyGetSmsTemplatesDescription,
	...companyGetScriptVariablesDescription,
];
