import type { Resource } from '../../../shared/operations';
import { contactGetAll } from './getAll';

export const contact: Resource = {
	name: 'Contact',
	value: 'contact',
	defaultOperation: contactGetAll,
	operations: [contactGetAll],
};
