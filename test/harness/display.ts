// What the editor shows: the fields of a node description displayed for given parameter values,
// in order, worked out with n8n's own NodeHelpers (as the editor does).
import {
	NodeHelpers,
	type INode,
	type INodeParameters,
	type INodeTypeDescription,
} from 'n8n-workflow';

/** Names of the fields shown for `values`, Request Options left out (shown for every operation). */
export function shownFields(description: INodeTypeDescription, values: INodeParameters): string[] {
	const node = {
		name: description.displayName,
		type: description.name,
		typeVersion: 1,
		parameters: {},
	} as unknown as INode;
	const parameters = NodeHelpers.getNodeParameters(
		description.properties,
		values,
		true,
		false,
		node,
		description,
	);
	return description.properties
		.filter((property) => property.name !== 'requestOptions')
		.filter((property) => NodeHelpers.displayParameter(parameters!, property, node, description))
		.map((property) => property.name);
}
