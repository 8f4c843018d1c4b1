// Import Customers: one customer per input item, one request per item (POST v2 importTaskCustomer).
// Self-contained on purpose: a batch mode (many items per request, ≤ 10,000 per call) can reuse
// `customerFromParameters` and these fields without touching the rest of the node.
import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import { companyField, taskField } from '../../shared/descriptions';
import { invalidInput } from '../../shared/hooks';
import { normalizePhone } from '../../shared/validation';

const show = { resource: ['task'], operation: ['importCustomers'] };

export const IMPORT_CUSTOMERS_PATH = '/openapi/v2/task/importTaskCustomer';

/** Most customers the vendor takes in one call. */
export const MAX_CUSTOMERS_PER_IMPORT = 10000;

export interface CustomerInfo {
	name: string;
	phone: string;
	properties?: Record<string, string>;
}

/** Builds a customerInfoList row; `problem` names the field when the input is unusable. */
export function buildCustomer(
	name: unknown,
	phone: unknown,
	variables: Array<{ name?: unknown; value?: unknown }>,
): { customer?: CustomerInfo; problem?: [field: string, message: string] } {
	const normalized = normalizePhone(phone);
	if (!normalized) {
		return {
			problem: [
				'Phone',
				`"${String(phone ?? '')}" is not a plausible phone number (an 11-digit mainland mobile like 13800138000, or a landline with area code like 021-88886666)`,
			],
		};
	}
	const customer: CustomerInfo = { name: String(name ?? ''), phone: normalized };
	const properties: Record<string, string> = {};
	for (const variable of variables) {
		const key = String(variable.name ?? '').trim();
		if (!key) return { problem: ['Variables', 'every variable needs a name'] };
		properties[key] = variable.value === undefined || variable.value === null ? '' : String(variable.value);
	}
	if (Object.keys(properties).length) customer.properties = properties;
	return { customer };
}

/** Reads this item's customer from the node parameters (throws naming item and field). */
export function customerFromParameters(context: IExecuteSingleFunctions): CustomerInfo {
	const { customer, problem } = buildCustomer(
		context.getNodeParameter('customerName', ''),
		context.getNodeParameter('phone', ''),
		context.getNodeParameter('variables.variable', []) as Array<{ name?: unknown; value?: unknown }>,
	);
	if (problem) throw invalidInput(context, problem[0], problem[1]);
	return customer as CustomerInfo;
}

/** preSend: puts this item's customer into the body as a one-row customerInfoList. */
export async function addCustomerToBody(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const customer = customerFromParameters(this);
	requestOptions.body = {
		...((requestOptions.body as IDataObject) ?? {}),
		customerInfoList: [customer as unknown as IDataObject],
	};
	return requestOptions;
}

export const taskImportCustomersDescription: INodeProperties[] = [
	companyField(show, 'body'),
	taskField(show, 'body'),
	{
		displayName: 'Customer Name',
		name: 'customerName',
		type: 'string',
		default: '',
		placeholder: 'e.g. 张三',
		displayOptions: { show },
	},
	{
		displayName: 'Phone',
		name: 'phone',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 13800138000',
		description:
			'Mainland mobile or landline with area code; spaces, dashes and +86 are removed before sending',
		displayOptions: { show },
	},
	{
		displayName: 'Variables',
		name: 'variables',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Variable',
		default: {},
		description:
			"Values for the script's variables (see Company → Get Script Variables); extra keys such as your CRM ID come back in call records",
		displayOptions: { show },
		options: [
			{
				displayName: 'Variable',
				name: 'variable',
				values: [
					{ displayName: 'Name', name: 'name', type: 'string', default: '', placeholder: 'e.g. 还款金额' },
					{ displayName: 'Value', name: 'value', type: 'string', default: '' },
				],
			},
		],
	},
];
