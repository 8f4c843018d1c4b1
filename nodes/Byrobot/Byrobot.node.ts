import {
	NodeConnectionTypes,
	type INodeProperties,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { DEFAULT_BASE_URL } from '../../credentials/ByrobotApi.credentials';

import { nodeProperties } from '../shared/operations';
import { operationSubtitle } from '../shared/subtitle';
import { searchCompanies } from './listSearch/searchCompanies';
import { searchTasks } from './listSearch/searchTasks';
import {
	getBlacklistGroups,
	getCallerLines,
	getRobotScripts,
	getRobots,
	getSmsTemplates,
	getTaskScriptVariables,
} from './loadOptions';
import { blacklist } from './resources/blacklist';
import { blacklistGroup } from './resources/blacklistGroup';
import { callback } from './resources/callback';
import { company } from './resources/company';
import { sopWorkflow } from './resources/sopWorkflow';
import { task } from './resources/task';
import { sharedFields } from './shared/descriptions';
import {
	OPEN_PLATFORM,
	OPEN_PLATFORM_CREDENTIAL,
	OPEN_PLATFORM_VENDOR,
	SIGNED_API,
	VENDOR,
} from './shared/transport';

/** Which BYRobot API generation the node speaks (docs/api/byrobot-open-platform.md). */
const authenticationField: INodeProperties = {
	displayName: 'Authentication',
	name: 'authentication',
	type: 'options',
	noDataExpression: true,
	options: [
		{
			name: 'Signed API (AppKey + AppSecret)',
			value: SIGNED_API,
			description:
				'The signed API at api.byrobot.cn/openapi/v1: AppKey and AppSecret from 系统管理 → 系统设置 → API配置',
		},
		{
			name: 'Open Platform (百应开放平台)',
			value: OPEN_PLATFORM,
			description:
				'The open platform at open.byai.com: an access token for an AppKey, AppSecret and company',
		},
	],
	default: SIGNED_API,
};

// Operations and shared fields: nodes/shared/operations.ts, ./shared/descriptions.ts. Each
// operation declares its request on each API generation that has it.
const properties = nodeProperties({
	apis: {
		parameter: 'authentication',
		apis: [
			{ value: SIGNED_API, name: 'Signed API', vendor: VENDOR },
			{ value: OPEN_PLATFORM, name: 'Open Platform', vendor: OPEN_PLATFORM_VENDOR },
		],
	},
	leading: [authenticationField],
	resources: [blacklist, blacklistGroup, callback, company, sopWorkflow, task],
	defaultResource: 'task',
	shared: sharedFields,
});

export class Byrobot implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Byrobot',
		name: 'byrobot',
		icon: { light: 'file:../../icons/byrobot.svg', dark: 'file:../../icons/byrobot.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: operationSubtitle(properties),
		description:
			'Run BYRobot (百应) AI outbound-call tasks: create, import customers, start, read results',
		defaults: { name: 'Byrobot' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'byrobotApi',
				required: true,
				displayOptions: { show: { authentication: [SIGNED_API] } },
			},
			{
				name: OPEN_PLATFORM_CREDENTIAL,
				required: true,
				displayOptions: { show: { authentication: [OPEN_PLATFORM] } },
			},
		],
		// Every status reaches the one answer check (outputItems); the base URL is a plain string
		// the credential replaces (docs/design.md#answer-check, #base-url).
		requestDefaults: {
			baseURL: DEFAULT_BASE_URL,
			headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
			json: true,
			ignoreHttpStatusErrors: true,
		},
		properties,
	};

	methods = {
		listSearch: { searchCompanies, searchTasks },
		loadOptions: {
			getBlacklistGroups,
			getCallerLines,
			getRobotScripts,
			getRobots,
			getSmsTemplates,
			getTaskScriptVariables,
		},
	};
}
