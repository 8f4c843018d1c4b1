import type { INodeProperties } from 'n8n-workflow';

// One Name and one Remark field for Create and Update (one field per name keeps n8n's
// per-item work small, see shared/pickers.ts).
const show = { resource: ['blacklistGroup'], operation: ['create', 'update'] };

export const groupNameAndRemarkFields: INodeProperties[] = [
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		required: true,
		default: '',
		displayOptions: { show },
		routing: { send: { type: 'body', property: 'name' } },
	},
	{
		displayName: 'Remark',
		name: 'remark',
		type: 'string',
		default: '',
		displayOptions: { show },
		routing: { send: { type: 'body', property: 'remark', value: '={{ $value === "" ? undefined : $value }}' } },
	},
];
