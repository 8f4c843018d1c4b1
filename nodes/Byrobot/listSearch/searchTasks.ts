import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { TASK_STATUS_LABELS } from '../shared/labels';
import { chosenCompanyId } from '../shared/inputs';
import {
	byrobotApiRequest,
	byrobotOpenRequest,
	entriesOf,
	isOpenPlatform,
} from '../shared/transport';

const PAGE_SIZE = 100;

/**
 * Tasks of the chosen company (getTasks, newest first; open platform: calljob.list), searched by
 * name, 100 per page.
 */
export async function searchTasks(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	// No company chosen yet: nothing to list (n8n shows "No results"), rather than an error.
	const companyId = chosenCompanyId(this);
	if (companyId === undefined) return { results: [] };
	const pageNum = paginationToken ? Number(paginationToken) : 1;
	const qs: IDataObject = { companyId, pageNum, pageSize: PAGE_SIZE };
	const open = isOpenPlatform(this);
	if (filter?.trim()) qs[open ? 'jobName' : 'taskName'] = filter.trim();
	const envelope = open
		? await byrobotOpenRequest.call(this, '/byai.openapi.calljob/1.0.0/list', qs)
		: await byrobotApiRequest.call(this, 'GET', '/openapi/v1/task/getTasks', qs);
	const page = (envelope.data ?? {}) as IDataObject;
	const results = entriesOf(page).map((task) => ({
		name: `${String(task.jobName ?? task.callJobName)} (${String(task.callJobId)}, ${
			TASK_STATUS_LABELS[Number(task.status ?? task.callJobStatus)] ??
			String(task.status ?? task.callJobStatus)
		})`,
		value: String(task.callJobId),
	}));
	const pages = Number(page.pages ?? 0);
	return { results, paginationToken: pageNum < pages ? String(pageNum + 1) : undefined };
}
