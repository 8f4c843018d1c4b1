import type { INodeProperties } from 'n8n-workflow';

const show = { resource: ['company'], operation: ['getScriptVariables'] };

export const companyGetScriptVariablesDescription: INodeProperties[] = [
	{
		displayName: 'Robot Script Name or ID',
		name: 'sceneDefId',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getRobotScripts', loadOptionsDependsOn: ['company.value'] },
		required: true,
		default: '',
		description:
			'The robot whose script variables to list (its sceneDefId). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		displayOptions: { show },
		routing: { send: { type: 'query', property: 'sceneDefId' } },
	},
];
