// Output shaping: Bangwo8's answers made regular, tolerating the quirks listed in bangwo8.md:
// string ids, `startime` for `task_start`, a detail wrapped in a one-element array,
// `illegalCount` holding the illegal ids, counts as text, and userList progress as -1/0/1 or
// Chinese text.
import {
	NodeApiError,
	type IDataObject,
	type IExecuteSingleFunctions,
	type JsonObject,
} from 'n8n-workflow';

/** The object under `key`, unwrapping a one-element array; the body itself when absent. */
function unwrap(body: IDataObject, key: string): IDataObject {
	let value: unknown = body[key] ?? body;
	if (Array.isArray(value)) value = value[0];
	return value && typeof value === 'object' ? { ...(value as IDataObject) } : {};
}

function count(value: unknown): number | undefined {
	if (typeof value === 'number' && Number.isFinite(value)) return value;
	if (typeof value === 'string' && /^\s*-?\d+\s*$/.test(value)) return Number(value);
	return undefined;
}

/** GET /api/v1/callTask/{id}.json: `task_start` always present (the example says `startime`). */
export function callTaskDetail(body: IDataObject): IDataObject {
	const detail = unwrap(body, 'callTask');
	if (detail.task_start === undefined && detail.startime !== undefined) {
		detail.task_start = detail.startime;
	}
	delete detail.startime;
	for (const key of ['phoneCount', 'completeCount', 'connectCount']) {
		const n = count(detail[key]);
		if (n !== undefined) detail[key] = n;
	}
	return detail;
}

/**
 * POST /api/v1/callTask.json: the counts as numbers and the rejected ids under `illegalIds`.
 * The table calls the list `illegalData`, the example puts it in `illegalCount`: accept both.
 */
export function createResult(body: IDataObject): IDataObject {
	const result = unwrap(body, 'callTask');
	const listed = [result.illegalData, result.illegalCount].find(Array.isArray) as
		unknown[] | undefined;
	const illegalIds = listed ?? [];
	const data = Array.isArray(result.data) ? (result.data as IDataObject[]) : [];
	const ids = [
		...new Set(data.map((d) => d.callTaskId).filter((id) => id !== undefined && id !== null)),
	];
	const legalCount = count(result.legalCount);
	const illegalCount = count(result.illegalCount) ?? illegalIds.length;
	const out: IDataObject = {
		callTaskId: ids.length > 0 ? String(ids[0]) : undefined,
		task_name: result.task_name,
		task_start: result.task_start ?? result.startime,
		task_end: result.task_end,
		sumCount:
			count(result.sumCount) ?? (legalCount !== undefined ? legalCount + illegalCount : undefined),
		legalCount,
		illegalCount,
		illegalIds,
		successCount: count(result.successCount),
		failureCount: count(result.failureCount),
		data,
	};
	if (ids.length > 1) out.callTaskIds = ids.map(String);
	for (const key of Object.keys(out)) if (out[key] === undefined) delete out[key];
	return out;
}

/** DELETE /api/v1/callTask/{id}.json: the id Bangwo8 names, else the one asked for. */
export function deleteResult(body: IDataObject, requestedId: string): IDataObject {
	return { deleted: true, callTaskId: String(body.callTaskId ?? requestedId).trim() };
}

const PROGRESS_BY_TEXT: Record<string, number> = {
	'-1': -1,
	'0': 0,
	'1': 1,
	待处理: -1,
	未接听: 0,
	已完成: 1,
};

const PROGRESS_LABEL: Record<string, string> = {
	'-1': 'Pending',
	'0': 'Not Answered',
	'1': 'Completed',
};

/** userList row: the customer fields flat, progress as number + label, the raw value kept. */
export function customerRow(row: IDataObject): IDataObject {
	const user =
		row.userList && typeof row.userList === 'object' && !Array.isArray(row.userList)
			? (row.userList as IDataObject)
			: row;
	const raw = user.progress;
	const progress =
		raw === undefined || raw === null ? undefined : PROGRESS_BY_TEXT[String(raw).trim()];
	const callTaskId = row.callTaskId ?? row.callTaskid;
	const rest: IDataObject = { ...row, ...user };
	delete rest.userList;
	delete rest.callTaskid;
	return {
		...rest,
		callTaskId: callTaskId === undefined ? undefined : String(callTaskId),
		progress: progress ?? null,
		progressLabel: progress === undefined ? 'Unknown' : PROGRESS_LABEL[String(progress)],
		progressRaw: raw ?? null,
	};
}

/**
 * A single-resource GET's object: v1 answers wrap it in a one-element array (`{"ticket": [{…}]}`),
 * `_v2` and some v1 answers give it bare (docs/api/bangwo8-helpdesk.md#quirks). Undefined when the
 * answer holds none (`{"tickettemplate": []}`).
 */
export function detailOf(body: IDataObject, key: string): IDataObject | undefined {
	let value: unknown = body[key];
	if (Array.isArray(value)) value = value[0];
	return value && typeof value === 'object' && !Array.isArray(value)
		? { ...(value as IDataObject) }
		: undefined;
}

/** The id of a created resource in its answer: the object, `data`, or the Location header. */
export function createdIdOf(
	body: IDataObject,
	key: string,
	idKey: string,
	location?: unknown,
): { id?: string; from?: 'answer' | 'location'; record?: IDataObject } {
	const record = detailOf(body, key);
	const asId = (value: unknown) =>
		(typeof value === 'string' && /^\d+$/.test(value.trim())) ||
		(typeof value === 'number' && Number.isSafeInteger(value) && value > 0)
			? String(value).trim()
			: undefined;
	const fromRecord = record ? asId(record[idKey]) : undefined;
	if (record && fromRecord) return { id: fromRecord, from: 'answer', record };
	const data = body.data;
	const fromData =
		asId(body[idKey]) ??
		asId(data) ??
		(data && typeof data === 'object' && !Array.isArray(data)
			? (asId((data as IDataObject)[idKey]) ?? asId((data as IDataObject).id))
			: undefined);
	if (fromData) return { id: fromData, from: 'answer' };
	const header = Array.isArray(location) ? location[0] : location;
	const match =
		typeof header === 'string' ? /\/(\d+)(?:_v2)?(?:\.json)?\/?(?:[?#].*)?$/.exec(header) : null;
	if (match) return { id: match[1], from: 'location' };
	return {};
}

/**
 * The object of a single-resource GET (detailOf), or a NodeApiError when the answer holds none:
 * `{"ticket": []}` for an id Bangwo8 does not know but answers with HTTP 200.
 */
export function requireDetail(
	context: IExecuteSingleFunctions,
	body: IDataObject,
	key: string,
	field: string,
	parameter: string,
): IDataObject {
	const detail = detailOf(body, key);
	if (detail) return detail;
	const id = String(context.getNodeParameter(parameter, '', { extractValue: true }) ?? '').trim();
	throw new NodeApiError(context.getNode(), body as JsonObject, {
		message: `Bangwo8 answered no ${field.toLowerCase()} for ID ${id}`,
		description: `The answer had no "${key}" object. Check the ${field} ID; the ${field.toLowerCase()} may have been deleted.`,
		httpCode: '404',
		itemIndex: context.getItemIndex(),
	});
}
