import type { Operation } from '../../../shared/operations';
import type { INodeProperties } from 'n8n-workflow';

import { simplifyField } from '../../../shared/descriptions';
import { outputItems, simplified } from '../../shared/hooks';
import { sendCallInstanceId } from '../../shared/inputs';
import { formatCallDetail, simplifyCallDetail } from '../../shared/output';

const fields: INodeProperties[] = [simplifyField()];

export const taskGetCallDetail: Operation = {
	resource: 'task',
	option: {
		name: 'Get Call Detail',
		value: 'getCallDetail',
		action: 'Get the detail of a call',
		description: 'Get the dialogue, recording URL and variables of one call',
		routing: {
			request: { method: 'GET', url: '/openapi/v1/task/phoneLogInfo' },
			send: { preSend: [sendCallInstanceId] },
			output: {
				postReceive: [
					outputItems({
						format(detail) {
							return simplified.call(this) ? simplifyCallDetail(detail) : formatCallDetail(detail);
						},
					}),
				],
			},
		},
	},
	shared: ['callInstance'],
	fields,
};
