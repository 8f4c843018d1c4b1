import { NodeOperationError, type INode } from 'n8n-workflow';

/** What an input check needs of n8n's per-item context. */
export interface ItemContext {
	getNode(): INode;
	getItemIndex(): number;
}

/**
 * The error for bad input, thrown before any request: names the input item and the field, says
 * what to fix and that nothing was sent. `vendor` is how the node names its API ("BYRobot").
 */
export function inputErrorFor(vendor: string) {
	return function inputError(
		context: ItemContext,
		field: string,
		problem: string,
		fix?: string,
	): NodeOperationError {
		const itemIndex = context.getItemIndex();
		return new NodeOperationError(context.getNode(), `Item ${itemIndex}: "${field}" — ${problem}`, {
			itemIndex,
			description: `${fix ?? `Fix "${field}" for input item ${itemIndex}.`} Nothing was sent to ${vendor} for this item.`,
		});
	};
}
