import type { INodeProperties } from 'n8n-workflow';

import { prepareListFilters, requireCallTaskId } from './inputs';
import { followNextPage } from './pagination';

type Show = { resource: string[]; operation: string[] };

/** Return All and Limit of a list operation; every list pages through `next_page`. */
export function returnAllAndLimit(show: Show): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			displayOptions: { show },
			default: false,
			description: 'Whether to return all results or only up to a given limit',
			routing: {
				send: { paginate: true },
				operations: { pagination: followNextPage },
			},
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			displayOptions: { show: { ...show, returnAll: [false] } },
			typeOptions: { minValue: 1 },
			default: 50,
			description: 'Max number of results to return',
			routing: { output: { maxResults: '={{$value}}' } },
		},
	];
}

function sortOption(name: string, query: string, direction: 'asc' | 'desc') {
	return {
		name,
		value: `${query}:${direction}`,
		routing: { send: { type: 'query' as const, property: query, value: direction } },
	};
}

/** The filters every Bangwo8 list takes (created_* / updated_* and their order). */
export function listFilters(show: Show): INodeProperties {
	const dateFilter = (displayName: string, name: string, query: string, description: string): INodeProperties => ({
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
			dateFilter('Created After', 'createdStart', 'created_start', 'Only those created on or after this date (inclusive)'),
			dateFilter('Created Before', 'createdEnd', 'created_end', 'Only those created on or before this date (inclusive; a bare date includes the whole day)'),
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
			dateFilter('Updated After', 'updatedStart', 'updated_start', 'Only those updated on or after this date (inclusive)'),
			dateFilter('Updated Before', 'updatedEnd', 'updated_end', 'Only those updated on or before this date (inclusive; a bare date includes the whole day)'),
		],
	};
}

/** The call task picker of Get, Delete and Get Customers; `path` gets the id appended. */
export function callTaskLocator(show: Show, path: string): INodeProperties {
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
		routing: {
			request: { url: `=${path}/{{ String($value).trim() }}.json` },
			send: { preSend: [requireCallTaskId] },
		},
	};
}
