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

/** An operation's request on one of the node's further APIs (see NodeApis). */
export interface ApiRequest {
	routing: INodePropertyRouting;
	/** Its timeout and retries there (default: the operation's `requests`). */
	requests?: RequestPolicy;
	/** Fields shown on that API alone (after the operation's own fields). */
	fields?: INodeProperties[];
}

/** One operation of a resource, everything it sends in one place. */
export interface Operation {
	/** The Resource selector's value this operation belongs to. */
	resource: string;
	/**
	 * Its entry in the resource's Operation selector, with the request it makes on the node's
	 * first API; without `routing` the operation exists only on the APIs in `apis`.
	 */
	option: INodePropertyOptions & { value: string; action: string; routing?: INodePropertyRouting };
	/** Its request on the node's further APIs, by their value (Byrobot: `openPlatform`). */
	apis?: Record<string, ApiRequest>;
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

/**
 * The APIs a node speaks, chosen by one parameter (Byrobot's API generations, by Authentication).
 * The first is the default and the one `Operation.option.routing` is for. The Resource and
 * Operation selectors then offer, per API, what exists there (docs/design.md#api-generations).
 */
export interface NodeApis {
	parameter: string;
	/** `name`: as the parameter's option says it, for the notice on a resource an API lacks. */
	apis: Array<{ value: string; name: string; vendor: Vendor }>;
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

/** The operation's request on `api` (undefined where it does not exist). */
function requestOn(
	operation: Operation,
	api: string | undefined,
	apis: NodeApis | undefined,
): ApiRequest | undefined {
	if (!apis || api === apis.apis[0].value) {
		return operation.option.routing
			? { routing: operation.option.routing, requests: operation.requests }
			: undefined;
	}
	const request = operation.apis?.[api!];
	return request && { ...request, requests: request.requests ?? operation.requests };
}

/** The APIs an operation exists on, when it is not all of them (undefined: all, or no APIs). */
function onlyOn(operations: Operation[], apis: NodeApis | undefined): string[] | undefined {
	if (!apis) return undefined;
	const on = apis.apis
		.map(({ value }) => value)
		.filter((api) => operations.some((operation) => requestOn(operation, api, apis)));
	return on.length === apis.apis.length ? undefined : on;
}

/** The operation's entry with its request on one API, every request it makes guarded (./requests.ts). */
function guardedOption(
	operation: Operation,
	request: ApiRequest,
	vendor: Vendor,
): Operation['option'] {
	const { routing } = request;
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
				pagination: guardRequests(vendor, request.requests ?? {}, pagination),
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
 * With `apis`, one Operation selector per resource and API offers what exists there (n8n's nodes
 * panel lists a resource's first selector, so the first API's come first); a resource an API
 * lacks shows a notice there instead; a field whose users exist on some APIs only is shown on
 * those alone.
 */
export function nodeProperties(options: {
	/** How the node names its API and credential in error messages (a node with one API). */
	vendor?: Vendor;
	/** The node's APIs, when it speaks more than one. */
	apis?: NodeApis;
	leading?: INodeProperties[];
	resources: Resource[];
	defaultResource: string;
	shared: SharedField[];
}): INodeProperties[] {
	const { resources, shared, apis } = options;
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
			if (apis ? onlyOn([operation], apis)?.length === 0 : !operation.option.routing) {
				throw new Error(`${resource.value}.${operation.option.value} has no request`);
			}
		}
	}
	const variants: Array<{ api?: string; name?: string; vendor: Vendor }> = apis
		? apis.apis.map(({ value, name, vendor }) => ({ api: value, name, vendor }))
		: [{ vendor: options.vendor! }];
	const apiShow = (on: string[] | undefined): Show => (apis && on ? { [apis.parameter]: on } : {});
	const { defaultResource } = options;
	// One Resource selector for all APIs: n8n's nodes panel reads every Resource selector, and a
	// second one would list its resources twice.
	const resourceSelector: INodeProperties = {
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: resources.map((resource) => ({ name: resource.name, value: resource.value })),
		default: defaultResource,
	};
	const selectors: INodeProperties[] = [];
	const notices: INodeProperties[] = [];
	for (const { api, name, vendor } of variants) {
		const lacking: string[] = [];
		for (const { value, operations, defaultOperation } of resources) {
			const here = operations.filter((operation) => requestOn(operation, api, apis));
			if (here.length === 0) {
				lacking.push(value);
				continue;
			}
			const initial = (here.includes(defaultOperation) ? defaultOperation : here[0]).option.value;
			selectors.push({
				displayName: 'Operation',
				name: 'operation',
				type: 'options',
				noDataExpression: true,
				displayOptions: { show: { resource: [value], ...apiShow(api ? [api] : undefined) } },
				options: here.map((operation) =>
					guardedOption(operation, requestOn(operation, api, apis)!, vendor),
				),
				default: initial,
			});
		}
		if (lacking.length && api) {
			const others = variants.filter((variant) => variant.api !== api).map((v) => v.name);
			notices.push({
				displayName: `The ${name} has no methods for this resource: choose ${others.join(' or ')} under Authentication, or another resource.`,
				name: 'notOnThisApi',
				type: 'notice',
				default: '',
				displayOptions: { show: { resource: lacking, ...apiShow([api]) } },
			});
		}
	}
	const sharedFields = shared.flatMap((field) =>
		groupUsers(resources, field.key).flatMap((group) =>
			field.build(
				{
					resource: group.resources,
					operation: [...group.used],
					...apiShow(onlyOn(group.users, apis)),
				},
				group.users,
			),
		),
	);
	const ownFields = resources.flatMap((resource) =>
		resource.operations.flatMap((operation) => {
			const show = { resource: [resource.value], operation: [operation.option.value] };
			return [
				...(operation.fields ?? []).map((field) =>
					withShow(field, { ...show, ...apiShow(onlyOn([operation], apis)) }),
				),
				...Object.entries(operation.apis ?? {}).flatMap(([api, request]) =>
					(request.fields ?? []).map((field) => withShow(field, { ...show, ...apiShow([api]) })),
				),
			];
		}),
	);
	return [
		...(options.leading ?? []),
		resourceSelector,
		...notices,
		...selectors,
		...sharedFields,
		...ownFields,
		requestOptionsField,
	];
}
