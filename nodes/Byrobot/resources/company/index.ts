import type { Resource } from '../../../shared/operations';
import { companyGetAll } from './getAll';
import { companyGetCallerLines } from './getCallerLines';
import { companyGetRobots } from './getRobots';
import { companyGetScriptVariables } from './getScriptVariables';
import { companyGetSeatStatistics } from './getSeatStatistics';
import { companyGetSmsTemplates } from './getSmsTemplates';

export const company: Resource = {
	name: 'Company',
	value: 'company',
	defaultOperation: companyGetAll,
	operations: [
		companyGetCallerLines,
		companyGetAll,
		companyGetRobots,
		companyGetScriptVariables,
		companyGetSeatStatistics,
		companyGetSmsTemplates,
	],
};
