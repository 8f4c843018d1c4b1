import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

export function groupNameField(show: IDisplayOptions['show']): INodeProperties {
	return {
		displayName: 'Name',
		name: 'name',
		type: 'string',
		required: true,
		default: '',
		displayOptions: { show },
		routing: { send: { type: 'body', property: 'name' } },
	};
}

export function groupRemarkField(show: IDisplayOptions['show']): INodeProperties {
	return {
		displayName: 'Remark',
		name: 'remark',
		type: 'string',
		default: '',
		displayOptions: { show },
		routing: { send: { type: 'body', property: 'remark', value: '={{ $value === "" ? undefined : $value }}' } },
	};
}
