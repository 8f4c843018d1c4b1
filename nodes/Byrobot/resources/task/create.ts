import type { Operation } from '../../../shared/operations';
import type { INodeProperties } from 'n8n-workflow';

import { requireId } from '../../shared/inputs';
import {
	callTypeField,
	callerLinesField,
	callingHoursOptions,
	elasticityOption,
	redialField,
	remarkOption,
	smsOptions,
	taskTypeOptions,
} from './settings';
import { outputItems, sendCompanyId } from '../../shared/hooks';
import { prepareOpenPlatformTask, prepareTaskSettings } from '../../shared/taskSettings';
import { OPEN_PLATFORM, openPlatformRouting, SIGNED_API } from '../../shared/transport';

/** Fields calljob.create has no parameter for (docs/api/byrobot-open-platform.md#call-jobs). */
const signedApiOnly = { show: { authentication: [SIGNED_API] } };

const fields: INodeProperties[] = [
	{
		displayName: 'Task Name',
		name: 'taskName',
		type: 'string',
		required: true,
		default: '',
		routing: { send: { type: 'body', property: 'taskName' } },
	},
	{
		displayName: 'Task Type',
		name: 'taskType',
		type: 'options',
		displayOptions: signedApiOnly,
		options: taskTypeOptions,
		default: 2,
		routing: { send: { type: 'body', property: 'taskType' } },
	},
	{
		displayName: 'Start Date',
		name: 'startDate',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 2024-05-01',
		description: 'The day a scheduled task starts (yyyy-MM-dd)',
		displayOptions: { show: { taskType: [1], authentication: [SIGNED_API] } },
		routing: { send: { type: 'body', property: 'startDate' } },
	},
	{ ...callerLinesField, required: true },
	{
		displayName: 'Robot Name or ID',
		name: 'robot',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getRobots', loadOptionsDependsOn: ['company.value'] },
		required: true,
		default: '',
		description:
			'The published robot (script) that talks to the customers. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		routing: {
			send: {
				type: 'body',
				property: 'robotDefId',
				preSend: [requireId('body', 'robotDefId', 'Robot')],
			},
		},
	},
	{ ...callTypeField, displayOptions: signedApiOnly },
	{
		displayName: 'AI Seats',
		name: 'concurrencyQuota',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 1,
		description: 'How many AI seats (concurrent calls) the task uses',
		routing: { send: { type: 'body', property: 'concurrencyQuota' } },
	},
	redialField,
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		displayOptions: signedApiOnly,
		placeholder: 'Add Field',
		default: {},
		options: [
			...callingHoursOptions,
			...smsOptions,
			{
				displayName: 'Default Intention Rule',
				name: 'defaultIntentionRule',
				type: 'boolean',
				default: false,
				description: "Whether to use the company's default customer assignment rule",
				routing: { send: { type: 'body', property: 'defaultIntentionRule' } },
			},
			elasticityOption,
			{
				displayName: 'Multi-Concurrency',
				name: 'phoneNum',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 1,
				description: 'Concurrent calls per seat (professional edition)',
				routing: { send: { type: 'body', property: 'phoneNum' } },
			},
			remarkOption,
			{
				displayName: 'Scene ID (Legacy)',
				name: 'sceneDefId',
				type: 'number',
				default: 0,
				description:
					'Only for old accounts: the robot’s scene. Newer accounts take it from the robot.',
				routing: { send: { type: 'body', property: 'sceneDefId' } },
			},
			{
				displayName: 'Scene Record ID (Legacy)',
				name: 'sceneRecordId',
				type: 'number',
				default: 0,
				description: 'Only for old accounts: the robot’s voice recording',
				routing: { send: { type: 'body', property: 'sceneRecordId' } },
			},
		],
	},
];

export const taskCreate: Operation = {
	resource: 'task',
	// A second createTask would create a second task.
	requests: { retry: false },
	shared: ['company'],
	option: {
		name: 'Create',
		value: 'create',
		action: 'Create a task',
		description: 'Create a call task',
		routing: {
			request: { method: 'POST', url: '/openapi/v1/task/createTask' },
			send: { preSend: [sendCompanyId('body'), prepareTaskSettings('create')] },
			output: {
				postReceive: [outputItems({ wrap: (data) => ({ taskId: data as number }) })],
			},
		},
	},
	// The same fields under calljob.create's names; one manual task (callJobType 2).
	apis: {
		[OPEN_PLATFORM]: {
			routing: openPlatformRouting('/byai.openapi.calljob/1.0.0/create', {
				send: { preSend: [sendCompanyId('body'), prepareOpenPlatformTask] },
				output: {
					postReceive: [
						outputItems({
							wrap: (data) => ({ taskId: data as number }),
							format: (task) => ({ taskId: task.callJobId, ...task }),
						}),
					],
				},
			}),
		},
	},
	fields,
};
