import type {
	IAuthenticateGeneric,
	ICredentialTestRequest,
	ICredentialType,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

export class Bangwo8Api implements ICredentialType {
	name = 'bangwo8Api';

	displayName = 'Bangwo8 API';

	icon: Icon = { light: 'file:../icons/bangwo8.svg', dark: 'file:../icons/bangwo8.dark.svg' };

	documentationUrl =
		'https://github.com/byrobot-bangwo8/n8n-nodes-byrobot-bangwo8#bangwo8-api-credential';

	properties: INodeProperties[] = [
		{
			displayName: 'Account',
			name: 'account',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'admin@example.com',
			description: 'The main (admin) account of your Bangwo8 help desk: the call task API needs the admin role',
		},
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://www.bangwo8.com',
			description: 'Change only for the vendor test host (https://abtest.bangwo8.com) or a private deployment',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			auth: {
				username: '={{$credentials.account}}',
				password: '={{$credentials.password}}',
			},
		},
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{ String($credentials.baseUrl || "https://www.bangwo8.com").replace(/\\/+$/, "") }}',
			url: '/api/v1/callTask.json',
			method: 'GET',
			qs: { per_page: 1 },
		},
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message:
						'Bangwo8 rejected the account or password (HTTP 401). Use the main admin account and its login password.',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 403,
					message:
						'Bangwo8 refused access (HTTP 403): the call task API needs the main admin account, not an agent account.',
				},
			},
		],
	};
}
