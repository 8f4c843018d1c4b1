import type { Resource } from '../../../shared/operations';
import { callbackGetUndelivered } from './getUndelivered';

export const callback: Resource = {
	name: 'Callback',
	value: 'callback',
	defaultOperation: callbackGetUndelivered,
	operations: [callbackGetUndelivered],
};
