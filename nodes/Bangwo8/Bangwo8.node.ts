import {
	NodeConnectionTypes,
	type INodeProperties,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { DEFAULT_BASE_URL } from '../../credentials/Bangwo8Api.credentials';
import { nodeProperties } from '../shared/operations';
import { operationSubtitle } from '../shared/subtitle';
import { searchAgents } from './listSearch/searchAgents';
import { searchCallTasks } from './listSearch/searchCallTasks';
import { searchCompanies } from './listSearch/searchCompanies';
import { searchContacts } from './listSearch/searchContacts';
import { searchTickets } from './listSearch/searchTickets';
import { getAgents } from './loadOptions/getAgents';
import { getCompanies } from './loadOptions/getCompanies';
import { getContacts } from './loadOptions/getContacts';
import { getTicketFields } from './loadOptions/getTicketFields';
import { getTicketTemplates } from './loadOptions/getTicketTemplates';
import { agent } from './resources/agent';
import { callTask } from './resources/callTask';
import { company } from './resources/company';
import { contact } from './resources/contact';
import { ticket } from './resources/ticket';
import { sharedFields } from './shared/descriptions';
import { VENDOR, withCredentialHint } from './shared/transport';
import { rememberRequest } from './shared/hooks';

const authenticationField: INodeProperties = {
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
	// Every operation's first preSend: the request is remembered for the OAuth2 401 retry.
	routing: { send: { preSend: [rememberRequest] } },
};

export class Bangwo8 implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Bangwo8',
		name: 'bangwo8',
		icon: { light: 'file:../../icons/bangwo8.svg', dark: 'file:../../icons/bangwo8.dark.svg' },
		group: ['transform'],
		version: 1,
		// Set in the constructor from the Resource and Operation selectors (nodes/shared/subtitle.ts).
		subtitle: '',
		description: 'Manage Bangwo8 (帮我吧) help desk call tasks, tickets, contacts and companies',
		defaults: {
			name: 'Bangwo8',
		},
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
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
		// A plain base URL the credentials replace (docs/design.md#base-url).
		requestDefaults: {
			baseURL: DEFAULT_BASE_URL,
			headers: {
				Accept: 'application/json',
				'Content-Type': 'application/json',
			},
			// Every answer goes to the shared postReceive (outputItems), which explains errors.
			ignoreHttpStatusErrors: true,
		},
		// Operations and shared fields: nodes/shared/operations.ts, ./shared/descriptions.ts.
		properties: nodeProperties({
			vendor: VENDOR,
			leading: [authenticationField],
			resources: [agent, callTask, company, contact, ticket],
			defaultResource: 'callTask',
			shared: sharedFields,
		}),
	};

	constructor() {
		this.description.subtitle = operationSubtitle(this.description.properties);
		// A hint instead of an error while n8n has not assigned the credential yet (shared/transport.ts).
		this.methods.loadOptions = withCredentialHint(this.methods.loadOptions);
	}

	methods = {
		listSearch: { searchAgents, searchCallTasks, searchCompanies, searchContacts, searchTickets },
		loadOptions: { getAgents, getCompanies, getContacts, getTicketFields, getTicketTemplates },
	};
}
