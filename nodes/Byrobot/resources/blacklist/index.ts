import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import {
	actionResult,
	byrobotOutput,
	invalidInput,
	paginateByPageNumber,
	sendBlacklistGroupId,
	sendCompanyId,
} from '../../shared/hooks';
import { normalizePhone } from '../../shared/validation';
import { blacklistAddDescription } from './add';
import { blacklistAddManyDescription } from './addMany';
import { blacklistDeleteDescription } from './delete';
import { BLACKLIST_PAGE_SIZE, blacklistGetAllDescription } from './getAll';

const V1 = '/openapi/v1';

function notPlausible(value: unknown): string {
	return `"${String(value ?? '')}" is not a plausible phone number (11-digit mainland mobile or landline with area code)`;
}

/** preSend: body.mobile must be a plausible number; it is sent normalised. */
async function checkMobile(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const body = requestOptions.body as IDataObject;
	const mobile = normalizePhone(body.mobile);
	if (!mobile) throw invalidInput(this, 'Mobile', notPlausible(body.mobile));
	body.mobile = mobile;
	return requestOptions;
}

/** preSend: builds `blacklist` from the Entries, checking every number. */
async function buildBlacklistEntries(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const entries = this.getNodeParameter('entries.entry', []) as IDataObject[];
	if (!entries.length) throw invalidInput(this, 'Entries', 'add at least one entry');
	const blacklist = entries.map((entry, index) => {
		const mobile = normalizePhone(entry.mobile);
		if (!mobile) throw invalidInput(this, `Entries → Mobile (entry ${index + 1})`, notPlausible(entry.mobile));
		const row: IDataObject = { mobile, name: String(entry.name ?? '') };
		if (entry.remark) row.remark = String(entry.remark);
		return row;
	});
	requestOptions.body = { ...(requestOptions.body as IDataObject), blacklist };
	return requestOptions;
}

// Company, Blacklist Group and Return All / Limit are shared fields (shared/pickers.ts): each
// operation's preSend sends the IDs its request takes.
export const blacklistOperations: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['blacklist'] } },
	default: 'add',
	options: [
		{
			name: 'Add',
			value: 'add',
			action: 'Add a number to the blacklist',
			description: "Add one number to the company's default blacklist group",
			routing: {
				request: { method: 'POST', url: `${V1}/company/addBlackList` },
				send: { preSend: [sendCompanyId('body'), checkMobile] },
				output: {
					postReceive: [byrobotOutput({ wrap: (data) => ({ blacklistInfoId: data as number }) })],
				},
			},
		},
		{
			name: 'Add Many',
			value: 'addMany',
			action: 'Add numbers to a blacklist group',
			description: 'Add several numbers to a blacklist group in one request',
			routing: {
				request: { method: 'POST', url: `${V1}/company/addBlackList/batch` },
				send: { preSend: [sendCompanyId('body'), sendBlacklistGroupId('body'), buildBlacklistEntries] },
				output: { postReceive: [byrobotOutput()] },
			},
		},
		{
			name: 'Delete',
			value: 'delete',
			action: 'Remove a number from a blacklist group',
			routing: {
				request: { method: 'POST', url: `${V1}/company/blacklist/info/delete` },
				send: { preSend: [sendCompanyId('body'), sendBlacklistGroupId('body'), checkMobile] },
				output: { postReceive: [byrobotOutput({ wrap: actionResult() })] },
			},
		},
		{
			name: 'Get Many',
			value: 'getAll',
			action: 'Get many blacklist entries',
			description: 'List the numbers of a blacklist group',
			routing: {
				request: { method: 'GET', url: `${V1}/company/blacklist/info/page` },
				send: { paginate: true, preSend: [sendCompanyId('qs'), sendBlacklistGroupId('qs')] },
				operations: { pagination: paginateByPageNumber(BLACKLIST_PAGE_SIZE, 'qs') },
				output: { postReceive: [byrobotOutput({ entries: true })] },
			},
		},
	],
};

/** Each operation's own fields, after the shared ones. */
export const blacklistFields: INodeProperties[] = [
	...blacklistAddDescription,
	...blacklistAddManyDescription,
	...blacklistDeleteDescription,
	...blacklistGetAllDescription,
];
