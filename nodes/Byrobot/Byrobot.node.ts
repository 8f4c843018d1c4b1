import { NodeConnectionTypes, type INodeType, type INodeTypeDescription } from 'n8n-workflow';

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
import { task } from './resources/task';
import { sharedFields } from './shared/descriptions';
import { VENDOR } from './shared/transport';

// One main input and output, written through constants: the two lint rule sets disagree on
// the inline form (['main'] versus [NodeConnectionTypes.Main]).
const MAIN_INPUT = [NodeConnectionTypes.Main];
const MAIN_OUTPUT = [NodeConnectionTypes.Main];

// Operations and shared fields: nodes/shared/operations.ts, ./shared/descriptions.ts.
const properties = nodeProperties({
	vendor: VENDOR,
	resources: [blacklist, blacklistGroup, callback, company, task],
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
		inputs: MAIN_INPUT,
		outputs: MAIN_OUTPUT,
		credentials: [{ name: 'byrobotApi', required: true }],
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
