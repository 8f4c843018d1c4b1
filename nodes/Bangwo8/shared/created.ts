// What Create (Ticket, Contact) outputs when Bangwo8's answer may not name what it made: the
// documented write answer is {"status": "0", "message": "Insert ok", "data": false}, and whether
// creation returns the new id is unknown (docs/api/bangwo8-helpdesk.md#ticket-create). So the id
// is taken from the answer's object, its data or the Location header; failing those, the list is
// read for what this item just created (created_start shortly before the request, newest first)
// and the match taken. A failed lookup does not fail the item: the resource exists, and running
// again would make a second one.
import type {
	IDataObject,
	IExecuteSingleFunctions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	PostReceiveAction,
} from 'n8n-workflow';

import { getInItem } from './itemRequests';
import { createdIdOf } from './output';
import { MAX_PER_PAGE } from './pagination';
import { toBangwo8Date } from './values';

/** Bangwo8's own clock: created_* filters are its local (UTC+8) wall time. */
const VENDOR_TIME_ZONE = 'Asia/Shanghai';

/** How far before the request the lookup starts, for clocks that disagree. */
const CLOCK_MARGIN_MS = 10 * 60 * 1000;

/** What the item sent and when, by item context (preSend and postReceive share it). */
const sent = new WeakMap<object, { record: IDataObject; at: number }>();

/** Called by Create's preSend with what it sends (`record`: the object inside the body). */
export function rememberCreate(context: IExecuteSingleFunctions, record: IDataObject): void {
	sent.set(context, { record, at: Date.now() });
}

export interface CreatedSpec {
	/** The answer's key for the object (`ticket`, `user`) and its id field (`ticketId`, `cId`). */
	key: string;
	idKey: string;
	/** The list to look in, its answer key, and whether a row is the one just created. */
	listPath: string;
	listKey: string;
	matches(row: IDataObject, record: IDataObject): boolean;
	/** Shapes the output (labels). */
	format(record: IDataObject): IDataObject;
}

function newest(rows: IDataObject[], idKey: string): IDataObject | undefined {
	return [...rows].sort((a, b) => Number(b[idKey]) - Number(a[idKey]))[0];
}

/** Create's second postReceive (after outputItems, which checked the answer). */
export function resolveCreated(spec: CreatedSpec): PostReceiveAction {
	return async function (
		this: IExecuteSingleFunctions,
		items: INodeExecutionData[],
		response: IN8nHttpFullResponse,
	): Promise<INodeExecutionData[]> {
		const body = (items[0]?.json ?? {}) as IDataObject;
		const pairedItem = { item: this.getItemIndex() };
		const request = sent.get(this) ?? { record: {}, at: Date.now() };
		const found = createdIdOf(body, spec.key, spec.idKey, response.headers?.location);
		const output = (record: IDataObject, idFoundBy: string, extra: IDataObject = {}) => [
			{ json: { ...spec.format(record), idFoundBy, ...extra }, pairedItem },
		];
		if (found.record) return output(found.record, 'answer');
		if (found.id) return output({ [spec.idKey]: found.id, ...request.record }, found.from!);

		const since = toBangwo8Date(new Date(request.at - CLOCK_MARGIN_MS), VENDOR_TIME_ZONE)!;
		try {
			const list = await getInItem.call(this, spec.listPath, {
				created_start: since.value,
				created_order: 'desc',
				page: 1,
				per_page: MAX_PER_PAGE,
			});
			const rows = (Array.isArray(list[spec.listKey]) ? list[spec.listKey] : []) as IDataObject[];
			const match = newest(
				rows.filter((row) => row && typeof row === 'object' && spec.matches(row, request.record)),
				spec.idKey,
			);
			if (match) return output(match, 'lookup');
			return output({ [spec.idKey]: null, ...request.record }, 'none', {
				notice: `Bangwo8 created it but named no ${spec.idKey}, and no match was listed since ${since.value}`,
			});
		} catch (error) {
			return output({ [spec.idKey]: null, ...request.record }, 'none', {
				notice: `Bangwo8 created it but named no ${spec.idKey}; looking it up failed: ${(error as Error).message}`,
			});
		}
	};
}
