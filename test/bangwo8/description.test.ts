// What the Bangwo8 node shows for each operation, in order. The fields several operations share
// (Call Task, Return All / Limit, Filters) are one field for all of them, not a copy per
// operation, since n8n works through every field of a declarative node for every input item;
// their display rules must still show each of them exactly where it belongs.
import type { INodeParameters, INodePropertyOptions } from 'n8n-workflow';

import { Bangwo8 } from '../../nodes/Bangwo8/Bangwo8.node';
import { shownFields } from '../harness/display';

const description = new Bangwo8().description;
const shownFor = (values: INodeParameters) => shownFields(description, values);

// Taken from the node before the "one operation, one file" shape (one copy of the Call Task
// picker, Return All / Limit and Filters per operation, 26 fields): the fields each operation
// shows, and their order, did not change. After Authentication, Resource and Operation.
const EXPECTED: Record<string, string> = {
	'agent.getAll': 'returnAll,limit,filters',
	'callTask.create': 'taskName,taskStart,taskEnd,agentIds,dataSource,contactIds',
	'callTask.delete': 'callTaskId',
	'callTask.get': 'callTaskId',
	'callTask.getAll': 'returnAll,limit,filters',
	'callTask.getCustomers': 'callTaskId,returnAll,limit',
	'contact.getAll': 'returnAll,limit,filters',
};

// The same, with Return All on (Limit hidden) and, for Create, the Company data source.
const EXPECTED_WITH: Array<[string, INodeParameters, string]> = [
	['agent.getAll', { returnAll: true }, 'returnAll,filters'],
	['callTask.getAll', { returnAll: true }, 'returnAll,filters'],
	['callTask.getCustomers', { returnAll: true }, 'callTaskId,returnAll'],
	['contact.getAll', { returnAll: true }, 'returnAll,filters'],
	[
		'callTask.create',
		{ dataSource: '0' },
		'taskName,taskStart,taskEnd,agentIds,dataSource,companyIds',
	],
];

const operations = description.properties
	.filter((property) => property.name === 'operation')
	.flatMap((property) =>
		(property.options as INodePropertyOptions[]).map((option) => [
			String(property.displayOptions!.show!.resource![0]),
			String(option.value),
		]),
	);

/** Every string in the description that n8n would evaluate as an expression, with its path. */
function expressions(value: unknown, path: string): string[] {
	if (typeof value === 'string') return value.startsWith('=') ? [`${path}: ${value}`] : [];
	if (Array.isArray(value))
		return value.flatMap((entry, index) => expressions(entry, `${path}[${index}]`));
	if (value && typeof value === 'object') {
		return Object.entries(value).flatMap(([key, entry]) => expressions(entry, `${path}.${key}`));
	}
	return [];
}

describe('Bangwo8 fields per operation', () => {
	it('covers every operation of every resource', () => {
		expect(operations.map(([resource, operation]) => `${resource}.${operation}`).sort()).toEqual(
			Object.keys(EXPECTED).sort(),
		);
	});

	describe.each(['basicAuth', 'oAuth2'])('with %s', (authentication) => {
		it.each(operations)('%s → %s shows its fields once each, in order', (resource, operation) => {
			const shown = shownFor({ authentication, resource, operation });
			expect(shown.slice(0, 3)).toEqual(['authentication', 'resource', 'operation']);
			expect(shown.slice(3).join(',')).toBe(EXPECTED[`${resource}.${operation}`]);
		});

		it.each(EXPECTED_WITH)('%s with %j', (key, values, expected) => {
			const [resource, operation] = key.split('.');
			const shown = shownFor({ authentication, resource, operation, ...values });
			expect(shown.slice(3).join(',')).toBe(expected);
		});
	});

	// 17 with Request Options, which n8n adds to every declarative node anyway (26 + 1 before).
	it('has one field per shared field, 17 in all (27 before)', () => {
		const count = (name: string) =>
			description.properties.filter((property) => property.name === name).length;
		expect(count('callTaskId')).toBe(1);
		expect(count('returnAll')).toBe(1);
		expect(count('limit')).toBe(1);
		expect(count('filters')).toBe(1);
		expect(count('operation')).toBe(3);
		expect(count('requestOptions')).toBe(1);
		expect(description.properties).toHaveLength(17);
	});

	it('evaluates no expression per item: none in routing, request defaults or fields', () => {
		const { subtitle, ...rest } = description;
		// The subtitle is the editor's (the canvas label), never evaluated when the node runs.
		expect(subtitle).toBe('={{$parameter["operation"] + ": " + $parameter["resource"]}}');
		expect(expressions(rest, 'description')).toEqual([]);
		expect(description.requestDefaults?.baseURL).toBe('https://www.bangwo8.com');
	});

	it('names each endpoint by its full literal path, as the README does', () => {
		const routes = description.properties
			.filter((property) => property.name === 'operation')
			.flatMap((property) =>
				(property.options as INodePropertyOptions[]).map((option) => {
					const request = option.routing!.request!;
					return `${String(property.displayOptions!.show!.resource![0])}.${String(option.value)} ${String(request.method)} ${String(request.url)}`;
				}),
			)
			.sort();
		expect(routes).toEqual([
			'agent.getAll GET /api/v1/supports.json',
			'callTask.create POST /api/v1/callTask.json',
			'callTask.delete DELETE /api/v1/callTask/{callTaskId}.json',
			'callTask.get GET /api/v1/callTask/{callTaskId}.json',
			'callTask.getAll GET /api/v1/callTask.json',
			'callTask.getCustomers GET /api/v1/callTask/userList/{callTaskId}.json',
			'contact.getAll GET /api/v1/users.json',
		]);
	});
});
