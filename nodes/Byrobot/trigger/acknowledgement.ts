// What BYRobot reads back. It stops retrying only when the body is exactly `success`
// (docs/api/byrobot.md#callback-acknowledgement). Refusals and repeats the trigger answers itself.
// An accepted callback n8n answers: on receipt once it has stored the execution (response mode
// "onReceived"; n8n 2.x defers that answer until the execution is stored and, in queue mode,
// queued, while 1.x answers first), at-least-once once the workflow has ended ("lastNode", no
// data). The trigger turns n8n's 2xx answer into a plain `success` and learns whether it was one:
// a failure keeps n8n's HTTP 500, which BYRobot retries.

/** BYRobot stops retrying only when the body is exactly this. */
export const ACKNOWLEDGEMENT = 'success';

/** The parts of n8n's (express) response the trigger writes. */
export interface CallbackResponse {
	statusCode: number;
	readonly headersSent: boolean;
	writeHead(status: number, headers: Record<string, string>): unknown;
	setHeader(name: string, value: string): unknown;
	removeHeader(name: string): unknown;
	end(...args: unknown[]): unknown;
}

/** Answers the request now, in plain text. */
export function answer(
	res: CallbackResponse,
	status: number,
	body: string,
	headers: Record<string, string> = {},
): void {
	res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', ...headers });
	res.end(body);
}

/**
 * When n8n answers this request, a 2xx answer goes out as exactly `success` (plain text, HTTP
 * 200), anything else unchanged. `ended(succeeded)` is called once, when n8n answers; n8n answers
 * even when the client has gone (BYRobot timed out), so the outcome is known either way.
 */
export function acknowledgeWhenAnswered(
	res: CallbackResponse,
	ended: (succeeded: boolean) => void,
): void {
	const end = res.end;
	res.end = function (this: unknown, ...args: unknown[]) {
		res.end = end;
		const succeeded = res.statusCode >= 200 && res.statusCode < 300 && !res.headersSent;
		ended(succeeded);
		if (!succeeded) return end.apply(res, args);
		res.statusCode = 200;
		res.removeHeader('ETag');
		res.setHeader('Content-Type', 'text/plain; charset=utf-8');
		res.setHeader('Content-Length', String(ACKNOWLEDGEMENT.length));
		const callback = args.find((arg) => typeof arg === 'function');
		return callback ? end.call(res, ACKNOWLEDGEMENT, callback) : end.call(res, ACKNOWLEDGEMENT);
	};
}
