import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

export function groupIdField(show: IDisplayOptions['show']): INodeProperties {
	return {
		displayName: 'Blacklist Group Name or ID',
		name: 'blacklistGroup',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getBlacklistGroups', loadOptionsDependsOn: ['company.value'] },
		required: true,
		default: '',
		description:
			'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
		displayOptions: { show },
		routing: { send: { type: 'body', property: 'blacklistInfoGroupId', value: '={{ Number($value) }}' } },
	};
}

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
