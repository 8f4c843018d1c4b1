import type { Resource } from '../../../shared/operations';
import { blacklistAdd } from './add';
import { blacklistAddMany } from './addMany';
import { blacklistDelete } from './delete';
import { blacklistGetAll } from './getAll';

export const blacklist: Resource = {
	name: 'Blacklist',
	value: 'blacklist',
	defaultOperation: blacklistAdd,
	operations: [blacklistAdd, blacklistAddMany, blacklistDelete, blacklistGetAll],
};
