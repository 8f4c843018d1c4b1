import type { Operation } from '../../../shared/operations';
import type { INodeProperties } from 'n8n-workflow';

import { simplifyField } from '../../../shared/descriptions';
import { outputItems, simplified } from '../../shared/hooks';
import { sendCallInstanceId } from '../../shared/inputs';
import { formatCallDetail, openPlatformCallDetail, simplifyCallDetail } from '../../shared/output';
import {
	OPEN_PLATFORM,
	openPlatformRouting,
	sendCredentialCompanyId,
} from '../../shared/transport';

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
	// callinstance.detail.get: callInstanceId and the credential's company (the call names no
	// task, so no Company field), in the form.
	apis: {
		[OPEN_PLATFORM]: {
			routing: openPlatformRouting('/byai.openapi.callinstance.detail/1.0.0/get', {
				send: { preSend: [sendCallInstanceId, sendCredentialCompanyId] },
				output: {
					postReceive: [
						outputItems({
							notFound: 'Call',
							format(detail) {
								const signed = openPlatformCallDetail(detail);
								return simplified.call(this)
									? simplifyCallDetail(signed)
									: formatCallDetail(signed);
							},
						}),
					],
				},
			}),
		},
	},
	shared: ['callInstance'],
	fields,
};
