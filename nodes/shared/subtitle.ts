// Canvas subtitles in the words the node's own selectors show ("Import Customers: Task"), not
// their stored values ("importCustomers: task"). Only the editor evaluates a subtitle (once per
// node drawn), never a run, so the lookup tables it carries cost no item anything.
import type { INodeProperties } from 'n8n-workflow';

/** A JSON object literal for an expression; flat, so that no "}}" can end the expression early. */
function table(entries: Record<string, string>): string {
	return JSON.stringify(entries);
}

/**
 * "<Operation>: <Resource>" from a declarative node's Resource and Operation selectors (one
 * Operation selector per resource and API, as nodeProperties() builds them); the raw values if a node
 * holds a combination the tables do not know.
 */
export function operationSubtitle(properties: INodeProperties[]): string {
	const resources: Record<string, string> = {};
	for (const option of properties.find((p) => p.name === 'resource')?.options ?? []) {
		if ('value' in option) resources[String(option.value)] = option.name;
	}
	const operations: Record<string, string> = {};
	for (const selector of properties.filter((p) => p.name === 'operation')) {
		for (const resource of (selector.displayOptions?.show?.resource as string[] | undefined) ??
			[]) {
			for (const option of selector.options ?? []) {
				if ('value' in option) operations[`${resource}.${String(option.value)}`] = option.name;
			}
		}
	}
	const resource = '$parameter["resource"]';
	const operation = '$parameter["operation"]';
	return (
		`={{ (${table(operations)}[${resource} + "." + ${operation}] ?? ${operation}) + ": " + ` +
		`(${table(resources)}[${resource}] ?? ${resource}) }}`
	);
}

/**
 * The chosen options of a multi-options field by their labels, e.g. "Call Finished, Task Status
 * Changed". The editor does not evaluate an arrow function in a subtitle: each value is replaced
 * in the joined text instead, longer values first (INBOUND_CALL_… holds CALL_…).
 */
export function choicesSubtitle(parameter: string, labels: Record<string, string>): string {
	const replacements = Object.entries(labels)
		.sort(([a], [b]) => b.length - a.length)
		.map(([value, label]) => `.replace(${JSON.stringify(value)}, ${JSON.stringify(label)})`)
		.join('');
	return `={{ ($parameter["${parameter}"] || []).join(", ")${replacements} }}`;
}
