// The fields several Bangwo8 operations share (Call Task, Return All / Limit, Filters), one
// field for all their users: n8n works through every field of a declarative node for every
// input item. Operations name the shared fields they show in `shared`; nodeProperties()
// (nodes/shared/operations.ts) derives each field's display rule.
import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

import { returnAllAndLimit } from '../../shared/descriptions';
import type { SharedField } from '../../shared/operations';
import { prepareListFilters } from './inputs';

type Show = NonNullable<IDisplayOptions['show']>;

function sortOption(name: string, query: string, direction: 'asc' | 'desc') {
	return {
		name,
		value: `${query}:${direction}`,
		routing: { send: { type: 'query' as const, property: query, value: direction } },
	};
}

/** The filters every Bangwo8 list takes (created_* / updated_* and their order). */
function listFilters(show: Show): INodeProperties {
	const dateFilter = (
		displayName: string,
		name: string,
		query: string,
		description: string,
	): INodeProperties => ({
		displayName,
		name,
		type: 'dateTime',
		default: '',
		description,
		routing: { send: { type: 'query', property: query } },
	});
	return {
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		displayOptions: { show },
		default: {},
		routing: { send: { preSend: [prepareListFilters] } },
		options: [
			dateFilter(
				'Created After',
				'createdStart',
				'created_start',
				'Only those created on or after this date (inclusive)',
			),
			dateFilter(
				'Created Before',
				'createdEnd',
				'created_end',
				'Only those created on or before this date (inclusive; a bare date includes the whole day)',
			),
			{
				displayName: 'Sort',
				name: 'order',
				type: 'options',
				default: 'created_order:desc',
				description: 'The order Bangwo8 returns them in',
				// Each choice carries its own static query: an expression on $value here is not
				// evaluated by n8n 1.x (it sent "undefined=asc").
				options: [
					sortOption('Created, Newest First', 'created_order', 'desc'),
					sortOption('Created, Oldest First', 'created_order', 'asc'),
					sortOption('Updated, Newest First', 'updated_order', 'desc'),
					sortOption('Updated, Oldest First', 'updated_order', 'asc'),
				],
			},
			dateFilter(
				'Updated After',
				'updatedStart',
				'updated_start',
				'Only those updated on or after this date (inclusive)',
			),
			dateFilter(
				'Updated Before',
				'updatedEnd',
				'updated_end',
				'Only those updated on or before this date (inclusive; a bare date includes the whole day)',
			),
		],
	};
}

/**
 * The call task picker of Get, Delete and Get Customers. No routing: each operation's path has
 * `{callTaskId}`, which its preSend (sendCallTaskId) replaces with the checked id.
 */
function callTaskPicker(show: Show): INodeProperties {
	return {
		displayName: 'Call Task',
		name: 'callTaskId',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		displayOptions: { show },
		description: 'The call task (外呼任务)',
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: 'Select a call task...',
				typeOptions: { searchListMethod: 'searchCallTasks', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 49242970',
				validation: [
					{
						type: 'regex',
						properties: { regex: '^\\s*\\d+\\s*$', errorMessage: 'A call task ID is a number' },
					},
				],
			},
		],
	};
}

/**
 * In this order, each operation shows its shared fields first: Get Customers the Call Task, then
 * Return All / Limit; Get Many Return All / Limit, then Filters. Every list pages the same way
 * (pages of up to 100, shared/pagination.ts), so one Return All / Limit pair serves them all.
 */
export const sharedFields: SharedField[] = [
	{ key: 'callTask', build: (show) => [callTaskPicker(show)] },
	{ key: 'paging', build: (show) => returnAllAndLimit(show) },
	{ key: 'filters', build: (show) => [listFilters(show)] },
];
