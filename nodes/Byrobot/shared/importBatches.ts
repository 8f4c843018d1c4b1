// Splitting import rows into requests, and saying which rows made it when a request fails.
// Pure functions: no n8n context, so they are cheap to test and reuse.

export interface RejectedRow {
	index: number;
	phone: string;
	reason: string;
}

/** One row as read from the input: a customer to send, or the reason it was rejected. */
export interface ImportRow<T> {
	index: number;
	customer?: T;
	rejected?: RejectedRow;
}

/** One request: the contiguous input rows it covers, the customers it carries. */
export interface ImportBatch<T> {
	firstRow: number;
	lastRow: number;
	customers: T[];
	rejectedRows: RejectedRow[];
}

/**
 * Groups rows in input order into batches of at most `batchSize` customers. Rejected rows stay
 * with the batch whose range they fall into (trailing ones join the last batch), so every input
 * row is covered by exactly one batch. With no valid row at all there is one empty batch.
 */
export function planBatches<T>(rows: Array<ImportRow<T>>, batchSize: number): Array<ImportBatch<T>> {
	const size = Math.max(1, Math.floor(batchSize));
	const batches: Array<ImportBatch<T>> = [];
	let current: ImportBatch<T> | undefined;
	for (const row of rows) {
		if (!current || (row.customer !== undefined && current.customers.length >= size)) {
			current = { firstRow: row.index, lastRow: row.index, customers: [], rejectedRows: [] };
			batches.push(current);
		}
		current.lastRow = row.index;
		if (row.customer !== undefined) current.customers.push(row.customer);
		else if (row.rejected) current.rejectedRows.push(row.rejected);
	}
	return batches;
}

const number = (n: number) => n.toLocaleString('en-US');

/** "rows 0–9,999", "row 7". */
export function rowRange(first: number, last: number): string {
	return first === last ? `row ${number(first)}` : `rows ${number(first)}–${number(last)}`;
}

export const RERUN_HINT =
	'Running the import again is safe: BYRobot drops phones the task already has, so rows that were imported are not added twice.';

/**
 * What to tell the user when request `failedIndex` (0-based) of `batches` failed:
 * a short clause for the message, and a full sentence for the description.
 */
export function describeImportFailure<T>(
	batches: Array<ImportBatch<T>>,
	failedIndex: number,
): { statement: string; description: string } {
	const k = failedIndex + 1;
	const n = batches.length;
	const lastRow = batches[n - 1].lastRow;
	const firstRow = batches[0].firstRow;
	const failedFirst = batches[failedIndex].firstRow;
	const notImported = `${rowRange(failedFirst, lastRow)} were not`;
	const statement =
		failedIndex > 0
			? `${rowRange(firstRow, batches[failedIndex - 1].lastRow)} were imported; ${notImported}`
			: `nothing was imported; ${notImported}`;
	const skipped = batches
		.slice(0, failedIndex)
		.reduce((sum, batch) => sum + batch.rejectedRows.length, 0);
	const except = skipped ? ` (except ${number(skipped)} invalid rows, which were skipped)` : '';
	const description =
		failedIndex > 0
			? `Request ${k} of ${n} failed: ${rowRange(firstRow, batches[failedIndex - 1].lastRow)} were imported${except}; ${notImported}. ${RERUN_HINT}`
			: `Request ${k} of ${n} failed: nothing was imported; ${notImported}. ${RERUN_HINT}`;
	return { statement, description };
}
