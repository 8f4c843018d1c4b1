import type { Operation } from '../../../shared/operations';
import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { outputItems, sendCompanyId } from '../../shared/hooks';
import { requireId } from '../../shared/inputs';
import { OPEN_PLATFORM, openPlatformRouting, SIGNED_API } from '../../shared/transport';
import { scriptVariableNames } from '../../shared/values';

// The signed API names the script (sceneDefId), the open platform the robot (robotDefId, not
// sceneDefId) and answers {variables: [...]} whose entries may be one-element arrays.
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
		displayOptions: { show: { authentication: [SIGNED_API] } },
		routing: { send: { type: 'query', property: 'sceneDefId' } },
	},
];

const openPlatformFields: INodeProperties[] = [
	{
		displayName: 'Robot Name or ID',
		name: 'robotDefId',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getRobots', loadOptionsDependsOn: ['company.value'] },
		required: true,
		default: '',
		description:
			'The robot whose script variables to list (its robotDefId). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		routing: {
			send: {
				type: 'body',
				property: 'robotDefId',
				preSend: [requireId('body', 'robotDefId', 'Robot')],
			},
		},
	},
	{
		displayName: 'Hide Built-In Variables',
		name: 'hideDefaultVar',
		type: 'boolean',
		default: true,
		description: 'Whether to leave out the variables every script has (such as the customer name)',
		routing: { send: { type: 'body', property: 'hideDefaultVar', value: '={{ String($value) }}' } },
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
	apis: {
		[OPEN_PLATFORM]: {
			routing: openPlatformRouting('/byai.openapi.company.scenevariables/1.0.0/get', {
				send: {
					preSend: [sendCompanyId('body')],
				},
				output: {
					postReceive: [
						outputItems({
							entries: true,
							pick: (data) => scriptVariableNames((data as IDataObject | null)?.variables),
							format: (name) => ({ name: name as unknown as IDataObject[string] }),
						}),
					],
				},
			}),
			fields: openPlatformFields,
		},
	},
	fields,
};
