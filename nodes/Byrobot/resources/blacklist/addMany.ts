// Blacklist → Add Many (POST addBlackList/batch; docs/api/byrobot.md#blacklist-add-many). Default
// mode, as Import Customers': the first item's pagination hook gathers every input item (one
// number each, mapped by field name) and sends them in batches; the other items send nothing.
// "Per item" mode: each item sends its own Entries. BYRobot documents no batch limit, so the
// default batch is a cautious 1,000 (docs/design.md#import-customers-batches).
import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecutePaginationFunctions,
	IExecuteSingleFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import type { Operation } from '../../../shared/operations';
import {
	type BatchRow,
	gatherInput,
	planBatches,
	rejectRow,
	sendBatches,
	stopOnFirstInvalid,
} from '../../shared/batches';
import { compileFieldMapping, requireMappedFields } from '../../shared/fieldMapping';
import { outputItems } from '../../shared/hooks';
import { inputError, notPlausible } from '../../shared/inputs';
import { normalizePhone } from '../../shared/values';

/** Most numbers one request may carry here (the vendor states none; docs/api/byrobot.md). */
export const MAX_BLACKLIST_BATCH = 10000;
/** Numbers per request unless Batch Size says otherwise. */
export const DEFAULT_BLACKLIST_BATCH = 1000;

const RERUN_HINT =
	'Running it again is safe: BYRobot does not add a number the group already has (successNum counts only new ones).';

interface BlacklistEntry {
	mobile: string;
	name: string;
	remark?: string;
}

function entryOf(
	index: number,
	mobile: unknown,
	name: unknown,
	remark: unknown,
	mobileField: string,
): BatchRow<BlacklistEntry> {
	const normalized = normalizePhone(mobile);
	if (!normalized) return rejectRow(index, mobile, mobileField, notPlausible(mobile));
	const entry: BlacklistEntry = { mobile: normalized, name: String(name ?? '') };
	if (remark !== undefined && remark !== null && remark !== '') entry.remark = String(remark);
	return { index, entry };
}

const fieldAdvice = (parameter: string) =>
	`Drag the column into "${parameter}" from the input panel, or type its name.`;

/** Default mode: one number per input item, read through Phone / Name / Remark Field. */
function entriesFromItems(
	context: IExecuteSingleFunctions,
	items: INodeExecutionData[],
): Array<BatchRow<BlacklistEntry>> {
	const parameters = context.getNode().parameters;
	const rawPhone = parameters.phoneField ?? 'phone';
	if (typeof rawPhone === 'string' && rawPhone.trim() === '') {
		throw inputError(
			context,
			'Phone Field',
			'is empty: enter the name of the input field that holds the number, e.g. phone',
		);
	}
	const phone = compileFieldMapping(context, rawPhone);
	const name = compileFieldMapping(context, parameters.nameField ?? 'name');
	const remark = compileFieldMapping(context, parameters.remarkField ?? '');
	const jsons = items.map((item) => item.json ?? {});
	requireMappedFields(context, jsons, [
		{ field: phone.field, parameter: 'Phone Field', advice: fieldAdvice('Phone Field') },
		// Name and Remark are optional per row, but a column that no row has is a mapping mistake.
		{
			field: name.field,
			parameter: 'Name Field',
			advice: `${fieldAdvice('Name Field')} Or clear it to send no names.`,
		},
		{
			field: remark.field,
			parameter: 'Remark Field',
			advice: `${fieldAdvice('Remark Field')} Or clear it.`,
		},
	]);
	const rows: Array<BatchRow<BlacklistEntry>> = new Array(jsons.length);
	for (let index = 0; index < jsons.length; index++) {
		const json = jsons[index];
		rows[index] = entryOf(
			index,
			phone.read(index, json),
			name.read(index, json),
			remark.read(index, json),
			'Phone',
		);
	}
	return rows;
}

/** Per-item mode: this item's Entries. */
function entriesFromList(context: IExecuteSingleFunctions): Array<BatchRow<BlacklistEntry>> {
	const entries = context.getNodeParameter('entries.entry', []) as IDataObject[];
	if (!entries.length) throw inputError(context, 'Entries', 'add at least one entry');
	return entries.map((entry, index) =>
		entryOf(index, entry.mobile, entry.name, entry.remark, 'Mobile'),
	);
}

/**
 * Pagination hook (routing.send.paginate): reads the numbers of this item (or, by default, of
 * every item) and sends them through makeRoutingRequest in batches, one output item per request.
 */
export async function addBlacklistInBatches(
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<INodeExecutionData[]> {
	const input = gatherInput(
		this,
		{ parameter: 'blacklistGroup', field: 'Blacklist Group' },
		'addManyOptions',
		{ defaultSize: DEFAULT_BLACKLIST_BATCH, maxSize: MAX_BLACKLIST_BATCH },
	);
	if (!input) return [];
	const { allItems, companyId, targetId: groupId, items, batchSize, stopOnInvalid } = input;
	const rows = allItems ? entriesFromItems(this, items) : entriesFromList(this);
	if (stopOnInvalid) {
		if (allItems) stopOnFirstInvalid(this, rows, true, 'number');
		else {
			const bad = rows.find((row) => row.rejected);
			if (bad?.rejected)
				throw inputError(
					this,
					`Entries → Mobile (entry ${bad.index + 1})`,
					notPlausible(bad.rejected.phone),
				);
		}
	}
	return await sendBatches(this, requestData, planBatches(rows, batchSize), {
		allItems,
		body: { companyId, blacklistInfoGroupId: groupId },
		listProperty: 'blacklist',
		rerunHint: RERUN_HINT,
		summary: ({ firstRow, lastRow, count, rejectedRows }, answer) => {
			const successNum = Number(answer.successNum ?? 0);
			return {
				blacklistGroupId: groupId,
				firstRow,
				lastRow,
				count,
				// BYRobot's own count of the numbers it received, under its own (misspelt) name.
				requsetNum: Number(answer.requsetNum ?? 0),
				successNum,
				// Sent but not added: already in the group (or refused by BYRobot).
				notAddedNum: Math.max(0, count - successNum),
				rejectedRows,
			};
		},
	});
}

const fields: INodeProperties[] = [
	{
		displayName: 'Mode',
		name: 'importMode',
		type: 'options',
		noDataExpression: true,
		default: 'batch',
		options: [
			{
				name: 'All Items in as Few Requests as Possible',
				value: 'batch',
				description:
					'Each input item is one number (a row of a sheet); all items of the run are sent together, 1,000 per request unless Batch Size says otherwise',
			},
			{
				name: 'One Request per Item (Entries)',
				value: 'perItem',
				description: 'Each input item sends the numbers listed under Entries',
			},
		],
	},
	{
		displayName: 'Phone Field',
		name: 'phoneField',
		type: 'string',
		requiresDataPath: 'single',
		required: true,
		default: 'phone',
		placeholder: 'e.g. mobile',
		hint: 'Drag the field from the input panel, or type its name',
		description:
			'The field that holds the number never to call (mainland mobile, or landline with area code; spaces, dashes and +86 are removed)',
		displayOptions: { show: { importMode: ['batch'] } },
	},
	{
		displayName: 'Name Field',
		name: 'nameField',
		type: 'string',
		requiresDataPath: 'single',
		default: 'name',
		placeholder: 'e.g. name',
		description:
			"The field that holds the person's name (optional per row). Clear it to send no names.",
		displayOptions: { show: { importMode: ['batch'] } },
	},
	{
		displayName: 'Remark Field',
		name: 'remarkField',
		type: 'string',
		requiresDataPath: 'single',
		default: '',
		placeholder: 'e.g. reason',
		description: 'The field that holds a remark, such as why the number is blocked (optional)',
		displayOptions: { show: { importMode: ['batch'] } },
	},
	{
		displayName: 'Entries',
		name: 'entries',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Entry',
		required: true,
		default: {},
		displayOptions: { show: { importMode: ['perItem'] } },
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
	{
		displayName: 'Options',
		name: 'addManyOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Batch Size',
				name: 'batchSize',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: MAX_BLACKLIST_BATCH },
				default: DEFAULT_BLACKLIST_BATCH,
				description:
					'Most numbers per request. BYRobot documents no limit; 1,000 is a cautious default, up to 10,000.',
			},
			{
				displayName: 'On Invalid Row',
				name: 'onInvalidRow',
				type: 'options',
				default: 'skip',
				options: [
					{
						name: 'Skip and List',
						value: 'skip',
						description: 'Send the valid numbers; list the invalid ones under rejectedRows',
					},
					{
						name: 'Stop the Run',
						value: 'stop',
						description: 'Send nothing and fail, naming the first invalid row',
					},
				],
				description: 'What to do with a row whose number is implausible',
			},
		],
	},
];

export const blacklistAddMany: Operation = {
	resource: 'blacklist',
	// Sending a batch again is safe (numbers already in the group are not added twice).
	requests: { timeoutSeconds: 180, retryTimeouts: true },
	shared: ['company', 'blacklistGroup'],
	option: {
		name: 'Add Many',
		value: 'addMany',
		action: 'Add numbers to a blacklist group',
		description:
			"Add numbers to a blacklist group: every input item (a row of a sheet) in as few requests as possible, or each item's list",
		routing: {
			request: { method: 'POST', url: '/openapi/v1/company/addBlackList/batch' },
			send: { paginate: true },
			operations: { pagination: addBlacklistInBatches },
			output: { postReceive: [outputItems()] },
		},
	},
	fields,
};
