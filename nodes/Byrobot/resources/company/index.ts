import type { Resource } from '../../../shared/operations';
import { companyGetAiBalance } from './getAiBalance';
import { companyGetAll } from './getAll';
import { companyGetCallerLines } from './getCallerLines';
import { companyGetLineBalance } from './getLineBalance';
import { companyGetRobots } from './getRobots';
import { companyGetScriptVariables } from './getScriptVariables';
import { companyGetSeatStatistics } from './getSeatStatistics';
import { companyGetSmsTemplates } from './getSmsTemplates';

export const company: Resource = {
	name: 'Company',
	value: 'company',
	defaultOperation: companyGetAll,
	operations: [
		companyGetAiBalance,
		companyGetCallerLines,
		companyGetAll,
		companyGetLineBalance,
		companyGetRobots,
		companyGetScriptVariables,
		companyGetSeatStatistics,
		companyGetSmsTemplates,
	],
};
