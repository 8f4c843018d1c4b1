import { NodeConnectionTypes, type INodeType, type INodeTypeDescription } from 'n8n-workflow';

import { searchCallTasks } from './listSearch/searchCallTasks';
import { getAgents } from './loadOptions/getAgents';
import { getCompanies } from './loadOptions/getCompanies';
import { getContacts } from './loadOptions/getContacts';
import { agentDescription } from './resources/agent';
import { callTaskDescription } from './resources/callTask';
import { contactDescription } from './resources/contact';
import { rememberRequest } from './shared/hooks';

/** One main input and one main output (kept out of the literal: the two lint rule sets disagree on its spelling). */
const MAIN_ONLY = [NodeConnectionTypes.Main];

export class Bangwo8 implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Bangwo8',
		name: 'bangwo8',
		icon: { light: 'file:../../icons/bangwo8.svg', dark: 'file:../../icons/bangwo8.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Manage Bangwo8 (帮我吧) help desk call tasks',
		defaults: {
			name: 'Bangwo8',
		},
		usableAsTool: true,
		inputs: MAIN_ONLY,
		outputs: MAIN_ONLY,
		credentials: [
			{
				name: 'bangwo8Api',
				required: true,
				displayOptions: { show: { authentication: ['basicAuth'] } },
			},
			{
				name: 'bangwo8OAuth2Api',
				required: true,
				displayOptions: { show: { authentication: ['oAuth2'] } },
			},
		],
		requestDefaults: {
			baseURL: '={{ String($credentials.baseUrl || "https://www.bangwo8.com").replace(/\\/+$/, "") }}',
			headers: {
				Accept: 'application/json',
				'Content-Type': 'application/json',
			},
			// Every answer goes to the shared postReceive (checkResponse), which explains errors.
			ignoreHttpStatusErrors: true,
		},
		properties: [
			{
				displayName: 'Authentication',
				name: 'authentication',
				type: 'options',
				options: [
					{
						name: 'Basic Auth',
						value: 'basicAuth',
						description: 'The main (admin) account and its password',
					},
					{
						name: 'OAuth2',
						value: 'oAuth2',
						description: 'A SecretID and Secret created under 后台 → API接口',
					},
				],
				default: 'basicAuth',
				routing: { send: { preSend: [rememberRequest] } },
			},
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Agent', value: 'agent' },
					{ name: 'Call Task', value: 'callTask' },
					{ name: 'Contact', value: 'contact' },
				],
				default: 'callTask',
			},
			...callTaskDescription,
			...agentDescription,
			...contactDescription,
		],
	};

	methods = {
		listSearch: { searchCallTasks },
		loadOptions: { getAgents, getCompanies, getContacts },
	};
}
