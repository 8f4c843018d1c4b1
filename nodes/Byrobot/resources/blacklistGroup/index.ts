import type { Resource } from '../../../shared/operations';
import { blacklistGroupCreate } from './create';
import { blacklistGroupDelete } from './delete';
import { blacklistGroupGetAll } from './getAll';
import { blacklistGroupUpdate } from './update';

export const blacklistGroup: Resource = {
	name: 'Blacklist Group',
	value: 'blacklistGroup',
	defaultOperation: blacklistGroupGetAll,
	operations: [
		blacklistGroupCreate,
		blacklistGroupDelete,
		blacklistGroupGetAll,
		blacklistGroupUpdate,
	],
};
