import type { Resource } from '../../../shared/operations';
import { companyGet } from './get';
import { companyGetAll } from './getAll';

export const company: Resource = {
	name: 'Company',
	value: 'company',
	defaultOperation: companyGetAll,
	operations: [companyGet, companyGetAll],
};
