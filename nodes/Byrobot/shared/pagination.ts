// Page-number pagination of BYRobot's paged lists (pageNum from 1; the open platform's SOP
// workflows from 0), for Return All / Limit.
import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecutePaginationFunctions,
	INodeExecutionData,
} from 'n8n-workflow';

/**
 * Asks for full pages of
 * `maxPageSize` (or the limit when smaller), stops on a short page or once the limit is reached.
 */
export function paginateByPageNumber(maxPageSize: number, sendIn: 'qs' | 'body', firstPage = 1) {
	return async function (
		this: IExecutePaginationFunctions,
		requestData: DeclarativeRestApiSettings.ResultOptions,
	): Promise<INodeExecutionData[]> {
		const returnAll = this.getNodeParameter('returnAll', false) as boolean;
		const limit = returnAll ? Infinity : Number(this.getNodeParameter('limit', 50));
		const pageSize = Math.max(1, Math.min(maxPageSize, limit));
		const results: INodeExecutionData[] = [];
		for (let pageNum = firstPage; ; pageNum++) {
			const target = { ...((requestData.options[sendIn] as IDataObject | undefined) ?? {}) };
			target.pageNum = pageNum;
			target.pageSize = pageSize;
			const page = await this.makeRoutingRequest({
				...requestData,
				options: { ...requestData.options, [sendIn]: target },
			});
			results.push(...page);
			if (page.length < pageSize || results.length >= limit) break;
		}
		return results.slice(0, limit);
	};
}
