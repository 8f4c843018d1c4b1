import type { Operation } from '../../../shared/operations';
import type { INodeProperties } from 'n8n-workflow';
import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';
import { outputItems, sendBlacklistGroupId, sendCompanyId } from '../../shared/hooks';
import { inputError, notPlausible } from '../../shared/inputs';
import { normalizePhone } from '../../shared/values';

// One request per input item with all its entries; numbers already in the group are not counted.
/** preSend: builds `blacklist` from the Entries, checking every number. */
async function buildBlacklistEntries(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const entries = this.getNodeParameter('entries.entry', []) as IDataObject[];
	if (!entries.length) throw inputError(this, 'Entries', 'add at least one entry');
	const blacklist = entries.map((entry, index) => {
		const mobile = normalizePhone(entry.mobile);
		if (!mobile)
			throw inputError(this, `Entries → Mobile (entry ${index + 1})`, notPlausible(entry.mobile));
		const row: IDataObject = { mobile, name: String(entry.name ?? '') };
		if (entry.remark) row.remark = String(entry.remark);
		return row;
	});
	requestOptions.body = { ...(requestOptions.body as IDataObject), blacklist };
	return requestOptions;
}

const fields: INodeProperties[] = [
	{
		displayName: 'Entries',
		name: 'entries',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Entry',
		required: true,
		default: {},
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

export const blacklistAddMany: Operation = {
	resource: 'blacklist',
	shared: ['company', 'blacklistGroup'],
	option: {
		name: 'Add Many',
		value: 'addMany',
		action: 'Add numbers to a blacklist group',
		description: 'Add several numbers to a blacklist group in one request',
		routing: {
			request: { method: 'POST', url: '/openapi/v1/company/addBlackList/batch' },
			send: {
				preSend: [sendCompanyId('body'), sendBlacklistGroupId('body'), buildBlacklistEntries],
			},
			output: { postReceive: [outputItems()] },
		},
	},
	fields,
};
