// Field parts several operations share (the shared pickers are in pickers.ts).
import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

export function simplifyField(show: IDisplayOptions['show']): INodeProperties {
	return {
		displayName: 'Simplify',
		name: 'simplify',
		type: 'boolean',
		displayOptions: { show },
		default: true,
		description: 'Whether to return a simplified version of the response instead of the raw data',
	};
}

export const repeatCallPhoneStatusOptions = [
	{ name: 'Caller in Arrears (9)', value: 9 },
	{ name: 'Call Failed (3)', value: 3 },
	{ name: 'Call Loss (10)', value: 10 },
	{ name: 'Busy (6)', value: 6 },
	{ name: 'Powered Off (5)', value: 5 },
	{ name: 'Suspended (7)', value: 7 },
	{ name: 'Unreachable (2)', value: 2 },
];

export const callTypeOptions = [
	{ name: 'From the Caller Line', value: 'auto', description: 'Use the phone type of the chosen caller line(s)' },
	{ name: 'Mobile (SIM)', value: 0 },
	{ name: 'Landline', value: 1 },
	{ name: 'No Caller', value: 2 },
];
