import type { ILoadOptionsFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/**
 * The chosen company in a dropdown / list search. The editor passes the form's current values
 * (getCurrentNodeParameter); a saved node has them as its parameters.
 */
export function currentValue(context: ILoadOptionsFunctions, name: string): unknown {
	let value: unknown;
	try {
		value = context.getCurrentNodeParameter(name, { extractValue: true });
	} catch {
		value = undefined;
	}
	if (value === undefined || value === null || value === '') {
		try {
			value = context.getNodeParameter(name, '', { extractValue: true });
		} catch {
			// an expression over input data cannot be resolved while the editor loads a list
			value = undefined;
		}
	}
	return value;
}

/** The chosen company, or an error asking for one. */
export function companyIdFor(context: ILoadOptionsFunctions): number {
	const value = currentValue(context, 'company');
	const companyId = Number(value);
	if (!value || !Number.isInteger(companyId)) {
		throw new NodeOperationError(context.getNode(), 'Choose a company first', {
			description: 'The list depends on the company: pick one in the Company field above.',
		});
	}
	return companyId;
}
