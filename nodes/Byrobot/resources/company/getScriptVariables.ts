import type { Operation } from '../../../shared/operations';
import type { INodeProperties } from 'n8n-workflow';
import type { IDataObject } from 'n8n-workflow';
import { outputItems, sendCompanyId } from '../../shared/hooks';

const fields: INodeProperties[] = [
	{
		displayName: 'Robot Script Name or ID',
		name: 'sceneDefId',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getRobotScripts', loadOptionsDependsOn: ['company.value'] },
		required: true,
		default: '',
		description:
			'The robot whose script variables to list (its sceneDefId). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		routing: { send: { type: 'query', property: 'sceneDefId' } },
	},
];

export const companyGetScriptVariables: Operation = {
	resource: 'company',
	shared: ['company'],
	option: {
		name: 'Get Script Variables',
		value: 'getScriptVariables',
		action: 'Get the variables of a robot script',
		description: 'List the variable names a script expects in a customer’s properties',
		routing: {
			request: { method: 'GET', url: '/openapi/v1/task/getSceneVariables' },
			send: { preSend: [sendCompanyId('qs')] },
			output: {
				postReceive: [
					outputItems({
						entries: true,
						format: (name) => ({ name: name as unknown as IDataObject[string] }),
					}),
				],
			},
		},
	},
	fields,
};
