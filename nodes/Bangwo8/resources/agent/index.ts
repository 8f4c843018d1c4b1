import type { Resource } from '../../../shared/operations';
import { agentGet } from './get';
import { agentGetAll } from './getAll';

export const agent: Resource = {
	name: 'Agent',
	value: 'agent',
	defaultOperation: agentGetAll,
	operations: [agentGet, agentGetAll],
};
