import type { Resource } from '../../../shared/operations';
import { contactCreate } from './create';
import { contactGet } from './get';
import { contactGetAll } from './getAll';
import { contactUpdate } from './update';

export const contact: Resource = {
	name: 'Contact',
	value: 'contact',
	defaultOperation: contactGetAll,
	operations: [contactCreate, contactGet, contactGetAll, contactUpdate],
};
