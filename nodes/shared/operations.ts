// How both declarative nodes are put together: each operation's file exports one `Operation`
// (its selector entry with routing and full literal path, its hooks, its own fields and the
// shared fields it shows); a resource's index.ts only lists them; `nodeProperties()` derives
// the Operation selectors and every display rule from that. Why shared fields are one field for
// many operations: docs/design.md.
import type {
	IDisplayOptions,
	INodeProperties,
	INodePropertyOptions,
	INodePropertyRouting,
} from 'n8n-workflow';

import { guardRequests, requestOptionsField, type RequestPolicy, type Vendor } from './requests';

type Show = NonNullable<IDisplayOptions['show']>;

/** One operation of a resource, everything it sends in one place. */
export interface Operation {
	/** The Resource selector's value this operation belongs to. */
	resource: string;
	/** Its entry in the resource's Operation selector, with the request it makes. */
	option: INodePropertyOptions & { value: string; action: string; routing: INodePropertyRouting };
	/** Keys of the node's shared fields it shows, e.g. ['company', 'task']. */
	shared?: readonly string[];
	/** Its own fields, shown for it alone (the resource / operation display rule is added). */
	fields?: INodeProperties[];
	/** How many results one request fetches, for the shared Limit's hint. */
	pageSize?: { size: number; of: string };
	/** Its timeout and whether a failed request may be sent again (default: 60 s, retried). */
	requests?: RequestPolicy;
}

/** A field (or pair, such as Return All + Limit) shown by several operations as one field. */
export interface SharedField {
	/** The key operations name in `Operation.shared`. */
	key: string;
	/** The field(s) for a group of operations that one display rule can select. */
	build(show: Show, users: Operation[]): INodeProperties[];
}

export interface Resource {
	/** The Resource selector's entry. */
	name: string;
	value: string;
	/** The operation a new node of this resource starts with (one of `operations`). */
	defaultOperation: Operation;
	operations: Operation[];
}

interface Group {
	resources: string[];
	used: Set<string>;
	unused: Set<string>;
	users: Operation[];
}

/**
 * Groups the operations that use a shared field so that each group is selected by one rule,
 * `{ resource: [...], operation: [...] }`: a resource joins a group unless one of its operation
 * names is used in the group and unused in it (or the reverse), which the rule could not tell apart.
 */
function groupUsers(resources: Resource[], key: string): Group[] {
	const groups: Group[] = [];
	for (const resource of resources) {
		const users = resource.operations.filter((operation) => operation.shared?.includes(key));
		if (users.length === 0) continue;
		const used = new Set(users.map((operation) => operation.option.value));
		const unused = new Set(
			resource.operations
				.map((operation) => operation.option.value)
				.filter((value) => !used.has(value)),
		);
		const fits = (group: Group) =>
			[...used].every((value) => !group.unused.has(value)) &&
			[...unused].every((value) => !group.used.has(value));
		const group = groups.find(fits);
		if (group) {
			group.resources.push(resource.value);
			used.forEach((value) => group.used.add(value));
			unused.forEach((value) => group.unused.add(value));
			group.users.push(...users);
		} else {
			groups.push({ resources: [resource.value], used, unused, users: [...users] });
		}
	}
	return groups;
}

/** The operation's entry with every request it makes guarded (./requests.ts). */
function guardedOption(operation: Operation, vendor: Vendor): Operation['option'] {
	const { routing } = operation.option;
	const pagination = routing.operations?.pagination;
	if (pagination !== undefined && typeof pagination !== 'function') {
		throw new Error(`${operation.option.value}: only a pagination function can be guarded`);
	}
	return {
		...operation.option,
		routing: {
			...routing,
			send: { ...routing.send, paginate: true },
			operations: {
				...routing.operations,
				pagination: guardRequests(vendor, operation.requests ?? {}, pagination),
			},
		},
	};
}

function withShow(field: INodeProperties, show: Show): INodeProperties {
	const own = field.displayOptions?.show ?? {};
	if ('resource' in own || 'operation' in own) {
		throw new Error(
			`${field.name}: an operation's own field gets its resource / operation rule from the operation`,
		);
	}
	return { ...field, displayOptions: { ...field.displayOptions, show: { ...show, ...own } } };
}

/**
 * The node's properties: `leading` fields, the Resource and Operation selectors, each shared
 * field once per group of its users (in the order of `shared`), each operation's own fields, and
 * the Request Options. An operation shows its shared fields first, in that order, then its own.
 */
export function nodeProperties(options: {
	/** How the node names its API and credential in error messages. */
	vendor: Vendor;
	leading?: INodeProperties[];
	resources: Resource[];
	defaultResource: string;
	shared: SharedField[];
}): INodeProperties[] {
	const { resources, shared } = options;
	const known = new Set(shared.map((field) => field.key));
	for (const resource of resources) {
		if (!resource.operations.includes(resource.defaultOperation)) {
			throw new Error(`${resource.value}: its default operation is not one of its operations`);
		}
		for (const operation of resource.operations) {
			if (operation.resource !== resource.value) {
				throw new Error(
					`${operation.option.value} is listed under ${resource.value} but belongs to ${operation.resource}`,
				);
			}
			for (const key of operation.shared ?? []) {
				if (!known.has(key))
					throw new Error(
						`${resource.value}.${operation.option.value} uses unknown shared field ${key}`,
					);
			}
		}
	}
	const selectors: INodeProperties[] = resources.map(({ value, operations, defaultOperation }) => {
		const initial = defaultOperation.option.value;
		return {
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			noDataExpression: true,
			displayOptions: { show: { resource: [value] } },
			options: operations.map((operation) => guardedOption(operation, options.vendor)),
			default: initial,
		};
	});
	const sharedFields = shared.flatMap((field) =>
		groupUsers(resources, field.key).flatMap((group) =>
			field.build({ resource: group.resources, operation: [...group.used] }, group.users),
		),
	);
	const ownFields = resources.flatMap((resource) =>
		resource.operations.flatMap((operation) =>
			(operation.fields ?? []).map((field) =>
				withShow(field, { resource: [resource.value], operation: [operation.option.value] }),
			),
		),
	);
	const { defaultResource } = options;
	return [
		...(options.leading ?? []),
		{
			displayName: 'Resource',
			name: 'resource',
			type: 'options',
			noDataExpression: true,
			options: resources.map((resource) => ({ name: resource.name, value: resource.value })),
			default: defaultResource,
		},
		...selectors,
		...sharedFields,
		...ownFields,
		requestOptionsField,
	];
}
