import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { listPage } from '../shared/transport';

/** "From List" of the Call Task field: newest first, one page of 100 per scroll, filtered by name or id. */
export async function searchCallTasks(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const page = Number(paginationToken) > 0 ? Number(paginationToken) : 1;
	const { rows, nextPage } = await listPage.call(this, '/api/v1/callTask.json', 'callTask', page, {
		created_order: 'desc',
	});
	const needle = (filter ?? '').trim().toLowerCase();
	const results = rows
		.map((row) => {
			const id = String(row.callTaskId ?? '');
			const dates = [row.task_start ?? row.startime, row.task_end].filter(Boolean).join(' – ');
			const name = `${String(row.task_name ?? id)}${dates ? ` (${dates})` : ''}`;
			return { name, value: id };
		})
		.filter(
			(result) =>
				result.value !== '' &&
				(!needle || result.name.toLowerCase().includes(needle) || result.value.includes(needle)),
		);
	return { results, paginationToken: nextPage === undefined ? undefined : String(nextPage) };
}
