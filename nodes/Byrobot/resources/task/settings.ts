// Task settings shared by Create Task and Update Task (same body fields, per the vendor docs).
import type { INodeProperties } from 'n8n-workflow';

import { callTypeOptions, repeatCallPhoneStatusOptions } from '../../shared/descriptions';

function bodyField(property: string, value = '={{ $value }}') {
	return { send: { type: 'body' as const, property, value } };
}

export const taskTypeOptions = [
	{ name: 'Manual', value: 2, description: 'Starts when you run Start Task' },
	{ name: 'Scheduled', value: 1, description: 'Starts on the start date' },
];

export const callerLinesField: Omit<INodeProperties, 'displayOptions'> = {
	displayName: 'Caller Line Names or IDs',
	name: 'callerLines',
	type: 'multiOptions',
	typeOptions: { loadOptionsMethod: 'getCallerLines', loadOptionsDependsOn: ['company.value'] },
	default: [],
	description:
		'The lines that place the calls (all of one type). Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	routing: bodyField('userPhoneIds'),
};

export const callTypeField: Omit<INodeProperties, 'displayOptions'> = {
	displayName: 'Call Type',
	name: 'callType',
	type: 'options',
	options: callTypeOptions,
	default: 'auto',
	description: 'How the lines dial; by default the phone type of the chosen caller lines',
	routing: bodyField('callType'),
};

/** Options of the "Additional Fields" / "Update Fields" collections that both operations take. */
export const callingHoursOptions: INodeProperties[] = [
	{
		displayName: 'Working Start Time',
		name: 'workingStartTime',
		type: 'string',
		default: '09:00',
		placeholder: 'e.g. 09:00',
		description: 'Calls start at this time (HH:mm). BYRobot only calls between 09:00 and 20:00.',
		routing: bodyField('workingStartTime'),
	},
	{
		displayName: 'Working End Time',
		name: 'workingEndTime',
		type: 'string',
		default: '20:00',
		placeholder: 'e.g. 20:00',
		description: 'Calls stop at this time (HH:mm)',
		routing: bodyField('workingEndTime'),
	},
	{
		displayName: 'Break Start Time',
		name: 'breakStartTime',
		type: 'string',
		default: '12:00',
		placeholder: 'e.g. 12:00',
		description: 'The task pauses at this time (HH:mm, inside the working hours)',
		routing: bodyField('breakStartTime'),
	},
	{
		displayName: 'Break End Time',
		name: 'breakEndTime',
		type: 'string',
		default: '13:30',
		placeholder: 'e.g. 13:30',
		description: 'The task resumes at this time (HH:mm, inside the working hours)',
		routing: bodyField('breakEndTime'),
	},
];

export const smsOptions: INodeProperties[] = [
	{
		displayName: 'Send SMS After Call',
		name: 'smsType',
		type: 'boolean',
		default: false,
		description: 'Whether to send an SMS after the call (smsType 1)',
		routing: bodyField('smsType', '={{ $value ? 1 : 0 }}'),
	},
	{
		displayName: 'SMS Template Name or ID',
		name: 'smsTemplateId',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getSmsTemplates', loadOptionsDependsOn: ['company.value'] },
		default: '',
		description:
			'An approved template without variables. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		routing: bodyField('smsTemplateId', '={{ Number($value) }}'),
	},
	{
		displayName: 'SMS Intention Levels',
		name: 'smsSendLevel',
		type: 'multiOptions',
		default: [],
		description: 'Send the SMS only to customers of these intention levels',
		options: [
			{ name: 'A (Clear Intention)', value: 'A级(有明确意向)' },
			{ name: 'B (Possible Intention)', value: 'B级(可能有意向)' },
			{ name: 'C (Refused)', value: 'C级(明确拒绝)' },
			{ name: 'D (Busy)', value: 'D级(用户忙)' },
			{ name: 'E (Call Failed)', value: 'E级(拨打失败)' },
			{ name: 'F (Invalid Customer)', value: 'F级(无效客户)' },
		],
		routing: bodyField('smsSendLevel'),
	},
];

export const elasticityOption: INodeProperties = {
	displayName: 'Open Elasticity',
	name: 'openElasticity',
	type: 'boolean',
	default: false,
	description: 'Whether to let BYRobot add seats elastically',
	routing: bodyField('openElasticity'),
};

export const remarkOption: INodeProperties = {
	displayName: 'Remark',
	name: 'remark',
	type: 'string',
	default: '',
	routing: bodyField('remark'),
};

/** Redial rules; the task settings preSend turns them into repeatCall + repeatCallRule. */
export const redialField: INodeProperties = {
	displayName: 'Redial Rules',
	name: 'redial',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	placeholder: 'Add Redial Rule',
	default: {},
	description: 'Call customers again when a call ends in one of these ways (turns redial on)',
	options: [
		{
			displayName: 'Rule',
			name: 'rules',
			values: [
				{
					displayName: 'When the Call Ended As',
					name: 'phoneStatus',
					type: 'options',
					options: repeatCallPhoneStatusOptions,
					default: 2,
				},
				{
					displayName: 'Times',
					name: 'times',
					type: 'number',
					typeOptions: { minValue: 1, maxValue: 5 },
					default: 1,
					description: 'How many times to redial (1–5)',
				},
				{
					displayName: 'Interval (Minutes)',
					name: 'interval',
					type: 'number',
					typeOptions: { minValue: 0, maxValue: 120 },
					default: 5,
					description: 'Minutes between redials (0–120)',
				},
			],
		},
	],
};
