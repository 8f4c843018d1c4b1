// What the Bangwo8 node shows for each operation, in order. The fields several operations share
// (the pickers, Return All / Limit, Filters, the ticket and contact fields) are one field for all
// of them, not a copy per operation, since n8n works through every field of a declarative node for every input item;
// their display rules must still show each of them exactly where it belongs.
import type { INodeParameters, INodePropertyOptions } from 'n8n-workflow';

import { Bangwo8 } from '../../nodes/Bangwo8/Bangwo8.node';
import { shownFields } from '../harness/display';

const description = new Bangwo8().description;
const shownFor = (values: INodeParameters) => shownFields(description, values);

// Taken from the node before the "one operation, one file" shape (one copy of the Call Task
// picker, Return All / Limit and Filters per operation, 26 fields): the fields each operation
// shows, and their order, did not change, except Create's Mode (one call task from all items).
// The help-desk operations (tickets, companies, contacts, agents) came later with their shared
// pickers and field groups. After Authentication, Resource and Operation.
const EXPECTED: Record<string, string> = {
	'agent.get': 'agentId',
	'agent.getAll': 'returnAll,limit,filters',
	'callTask.create': 'taskName,taskStart,taskEnd,agentIds,dataSource,mode,contactIds',
	'callTask.delete': 'callTaskId',
	'callTask.get': 'callTaskId',
	'callTask.getAll': 'returnAll,limit,filters',
	'callTask.getCustomers': 'callTaskId,returnAll,limit',
	'company.get': 'companyId',
	'company.getAll': 'returnAll,limit,filters',
	'contact.create': 'contactName,mobile,fixnumber,companyId,contactFields',
	'contact.get': 'contactId,detailVersion',
	'contact.getAll': 'returnAll,limit,filters',
	'contact.update': 'contactId,contactName,mobile,fixnumber,contactFields',
	'ticket.addReply': 'ticketId,replyMsg',
	'ticket.create': 'subject,description,contactId,agentId,ticketFields',
	'ticket.get': 'ticketId,detailVersion',
	'ticket.getAll': 'contactId,companyId,returnAll,limit,filters',
	'ticket.search': 'searchQuery,searchSort,returnAll,limit',
	'ticket.update': 'ticketId,agentId,ticketFields',
};

// The same, with Return All on (Limit hidden) and, for Create, the Company data source and the
// all-items mode.
const EXPECTED_WITH: Array<[string, INodeParameters, string]> = [
	['agent.getAll', { returnAll: true }, 'returnAll,filters'],
	['callTask.getAll', { returnAll: true }, 'returnAll,filters'],
	['callTask.getCustomers', { returnAll: true }, 'callTaskId,returnAll'],
	['company.getAll', { returnAll: true }, 'returnAll,filters'],
	['contact.getAll', { returnAll: true }, 'returnAll,filters'],
	['ticket.getAll', { returnAll: true }, 'contactId,companyId,returnAll,filters'],
	['ticket.search', { returnAll: true }, 'searchQuery,searchSort,returnAll'],
	[
		'callTask.create',
		{ dataSource: '0' },
		'taskName,taskStart,taskEnd,agentIds,dataSource,mode,companyIds',
	],
	[
		'callTask.create',
		{ mode: 'allItems' },
		'taskName,taskStart,taskEnd,agentIds,dataSource,mode,customerIdField,onInvalidItem',
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

	// 41 with Request Options, which n8n adds to every declarative node anyway (17 before the
	// help-desk operations). A picker is one field per group of operations one display rule can
	// select (nodes/shared/operations.ts): the Contact picker serves Ticket → Get Many / Create
	// (optional) and Contact → Get / Update (required); the Company picker Ticket → Get Many,
	// Contact → Create (both optional) and Company → Get; the Agent picker Ticket → Create /
	// Update (optional) and Agent → Get.
	it('has one field per shared field and group, 41 in all', () => {
		const count = (name: string) =>
			description.properties.filter((property) => property.name === name).length;
		const once = [
			'callTaskId',
			'ticketId',
			'detailVersion',
			'ticketFields',
			'contactFields',
			'contactName',
			'returnAll',
			'limit',
			'filters',
			'requestOptions',
		];
		for (const name of once) expect([name, count(name)]).toEqual([name, 1]);
		expect(count('contactId')).toBe(2);
		expect(count('companyId')).toBe(3);
		expect(count('agentId')).toBe(2);
		expect(count('operation')).toBe(5);
		expect(description.properties).toHaveLength(41);
		const required = (name: string) =>
			description.properties
				.filter((property) => property.name === name)
				.map((property) => [property.displayOptions?.show?.resource, property.required]);
		expect(required('contactId')).toEqual([
			[['contact'], true],
			[['ticket'], false],
		]);
		expect(required('companyId')).toEqual([
			[['company'], true],
			[['contact'], false],
			[['ticket'], false],
		]);
		expect(required('agentId')).toEqual([
			[['agent'], true],
			[['ticket'], false],
		]);
	});

	it('evaluates no expression per item: none in routing, request defaults or fields', () => {
		const { subtitle, ...rest } = description;
		// The subtitle is the editor's (the canvas label), never evaluated when the node runs.
		expect(subtitle).toMatch(
			/^=\{\{.*\$parameter\["operation"\].*\$parameter\["resource"\].*\}\}$/s,
		);
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
			'agent.get GET /api/v1/supports/{agentId}.json',
			'agent.getAll GET /api/v1/supports.json',
			'callTask.create POST /api/v1/callTask.json',
			'callTask.delete DELETE /api/v1/callTask/{callTaskId}.json',
			'callTask.get GET /api/v1/callTask/{callTaskId}.json',
			'callTask.getAll GET /api/v1/callTask.json',
			'callTask.getCustomers GET /api/v1/callTask/userList/{callTaskId}.json',
			'company.get GET /api/v1/companies/{companyId}.json',
			'company.getAll GET /api/v1/companies.json',
			'contact.create POST /api/v1/users.json',
			'contact.get GET /api/v1/users/{contactId}.json',
			'contact.getAll GET /api/v1/users.json',
			'contact.update PUT /api/v1/users/{contactId}.json',
			'ticket.addReply PUT /api/v1/tickets/{ticketId}.json',
			'ticket.create POST /api/v1/tickets.json',
			'ticket.get GET /api/v1/tickets/{ticketId}.json',
			'ticket.getAll GET /api/v1/tickets.json',
			'ticket.search GET /api/v1/tickets/search.json',
			'ticket.update PUT /api/v1/tickets/{ticketId}.json',
		]);
	});
});
