import type { Operation } from '../../../shared/operations';
import { chooseVersion, outputItems, sendPickedIds } from '../../shared/hooks';
import { requireDetail } from '../../shared/output';

const V1 = '/api/v1/users/{contactId}.json';
const V2 = '/api/v1/users_v2/{contactId}.json';

// The shared Contact (its checked id goes into the path) and Dropdown Values As (v1 or _v2).
export const contactGet: Operation = {
	resource: 'contact',
	shared: ['contact', 'detailVersion'],
	option: {
		name: 'Get',
		value: 'get',
		action: 'Get a contact',
		description: 'Get a contact (联系人), e.g. before calling them',
		routing: {
			request: { method: 'GET', url: V1 },
			send: { preSend: [chooseVersion(V1, V2), sendPickedIds(['contactId', 'Contact'])] },
			output: {
				postReceive: [
					outputItems({
						format(body) {
							return requireDetail(this, body, 'user', 'Contact', 'contactId');
						},
					}),
				],
			},
		},
	},
};
