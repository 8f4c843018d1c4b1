import type { INodeProperties } from 'n8n-workflow';

const show = { resource: ['blacklist'], operation: ['addMany'] };

// One request per input item with all its entries; numbers already in the group are not counted.
export const blacklistAddManyDescription: INodeProperties[] = [
	{
		displayName: 'Entries',
		name: 'entries',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Entry',
		required: true,
		default: {},
		displayOptions: { show },
		options: [
			{
				displayName: 'Entry',
				name: 'entry',
				values: [
					{
						displayName: 'Mobile',
						name: 'mobile',
						type: 'string',
						default: '',
						placeholder: 'e.g. 13800138000',
					},
					{ displayName: 'Name', name: 'name', type: 'string', default: '' },
					{ displayName: 'Remark', name: 'remark', type: 'string', default: '' },
				],
			},
		],
	},
];
