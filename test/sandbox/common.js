'use strict';
// Shared plumbing of the API sandboxes (byrobot.js, bangwo8.js): an HTTP server that records
// every request, parses JSON / form / text bodies, and lets a test script the vendor's answer
// (answerNext) or make requests fail the ways real vendors do (fail). Vendor behaviour is in
// docs/api/byrobot.md and docs/api/bangwo8.md; this file knows no vendor.
const http = require('http');
const { URL } = require('url');

/**
 * @typedef {{ kind: 'http', status: number, body?: string, contentType?: string }
 *   | { kind: 'envelope', code: number, resultMsg?: string }
 *   | { kind: 'html', status?: number }
 *   | { kind: 'malformed' }
 *   | { kind: 'slow', ms: number }
 *   | { kind: 'reset' }
 *   | { kind: 'answer', answer: ScriptedAnswer }} Failure
 * @typedef {{ method?: string, path?: string | RegExp, times?: number, skip?: number, failure: Failure, route?: string | RegExp }} FailRule
 * @typedef {{ status?: number, body?: unknown, contentType?: string, headers?: Record<string, string>, delayMs?: number, drop?: boolean }} ScriptedAnswer
 */

class SandboxServer {
	constructor(name) {
		this.name = name;
		/** @type {Array<{method: string, path: string, url: string, query: Record<string, string | string[]>, headers: import('http').IncomingHttpHeaders, body: unknown, rawBody: string, time: number}>} */
		this.requests = [];
		/** @type {FailRule[]} */
		this.failRules = [];
		/** Added to every answer, to imitate network latency (benchmarks). */
		this.latencyMs = 0;
		this.server = null;
		this.url = '';
	}

	/** Starts listening; port 0 picks a free port. Resolves to the base URL. */
	start(port = 0, host = '127.0.0.1') {
		return new Promise((resolve, reject) => {
			this.server = http.createServer((req, res) => {
				this.handleRaw(req, res).catch((error) => {
					if (!res.headersSent) {
						res.writeHead(500, { 'Content-Type': 'text/plain' });
					}
					res.end(`sandbox crashed: ${error && error.stack}`);
				});
			});
			this.server.keepAliveTimeout = 1000;
			this.server.once('error', reject);
			this.server.listen(port, host, () => {
				const address = this.server.address();
				this.url = `http://${host}:${address.port}`;
				resolve(this.url);
			});
		});
	}

	stop() {
		return new Promise((resolve) => {
			if (!this.server) return resolve();
			this.server.closeAllConnections?.();
			this.server.close(() => resolve());
			this.server = null;
		});
	}

	clearRequests() {
		this.requests = [];
	}

	/** Requests whose path ends with the given suffix (or matches the RegExp). */
	requestsTo(path, method) {
		return this.requests.filter(
			(r) =>
				(path instanceof RegExp ? path.test(r.path) : r.path.endsWith(path)) &&
				(!method || r.method === method),
		);
	}

	/**
	 * Scripts the vendor's answer to the next request matching `route`, so a test reads
	 * "request → vendor's answer → expected result":
	 *   sandbox.answerNext('POST /openapi/v1/task/start', { body: { code: 500, resultMsg: '系统繁忙' } });
	 * route: "METHOD /path", "/path" (any method), "METHOD *", "*" (any request), or a RegExp on
	 *   the path; a path matches by suffix, like requestsTo().
	 * answer: status (default 200), body (sent as JSON; a string is sent verbatim), contentType
	 *   (default application/json; charset=utf-8), headers, delayMs (wait first); { drop: true }
	 *   resets the connection instead.
	 * options: times (default 1; Infinity answers every matching request), skip (let that many
	 *   matching requests reach the sandbox first). Calls queue in order, and share the queue with fail().
	 * The request is recorded as usual; the sandbox's own state does not change.
	 */
	answerNext(route, answer, options = {}) {
		const { method, path } = parseRoute(route);
		this.failRules.push({
			method,
			path,
			route,
			times: options.times ?? 1,
			skip: options.skip ?? 0,
			failure: { kind: 'answer', answer },
		});
		return this;
	}

	/** Scripted answers no request has used up yet (times Infinity never counts): [] when all were. */
	pendingAnswers() {
		return this.failRules
			.filter((r) => r.failure.kind === 'answer' && r.times > 0 && r.times !== Infinity)
			.map((r) => ({ route: r.route, answer: r.failure.answer, times: r.times }));
	}

	/**
	 * Makes matching requests fail the ways vendors do (see Failure). `skip` lets that many
	 * matching requests pass first (skip: 1 fails the 2nd), `times` how many then fail (default 1,
	 * Infinity for all). To state an exact vendor answer, answerNext() reads better.
	 */
	fail(rule) {
		this.failRules.push({ times: 1, skip: 0, ...rule });
		return this;
	}

	clearFailures() {
		this.failRules = [];
	}

	matchFailure(method, path) {
		for (const rule of this.failRules) {
			if (rule.times <= 0) continue;
			if (rule.method && rule.method.toUpperCase() !== method) continue;
			if (rule.path) {
				const ok = rule.path instanceof RegExp ? rule.path.test(path) : path.endsWith(rule.path);
				if (!ok) continue;
			}
			if (rule.skip > 0) {
				rule.skip--;
				continue;
			}
			rule.times--;
			return rule.failure;
		}
		return undefined;
	}

	async handleRaw(req, res) {
		const url = new URL(req.url, 'http://sandbox.local');
		const rawBody = await readBody(req);
		const query = {};
		for (const [k, v] of url.searchParams) {
			if (k in query) query[k] = [].concat(query[k], v);
			else query[k] = v;
		}
		let body;
		const contentType = String(req.headers['content-type'] || '');
		if (rawBody.length) {
			if (contentType.includes('application/x-www-form-urlencoded')) {
				body = Object.fromEntries(new URLSearchParams(rawBody));
			} else {
				try {
					body = JSON.parse(rawBody);
				} catch {
					body = rawBody;
				}
			}
		}
		const record = {
			method: req.method,
			path: url.pathname,
			url: req.url,
			query,
			headers: req.headers,
			body,
			rawBody,
			time: Date.now(),
		};
		this.requests.push(record);

		if (this.latencyMs > 0) await delay(this.latencyMs);

		const failure = this.matchFailure(req.method, url.pathname);
		if (failure) {
			if (failure.kind === 'slow') {
				await delay(failure.ms);
			} else if (failure.kind === 'answer') {
				if (failure.answer.delayMs) await delay(failure.answer.delayMs);
				record.status = failure.answer.drop ? undefined : (failure.answer.status ?? 200);
				record.code = failure.answer.body?.code;
				return this.sendFailure(res, failure);
			} else {
				return this.sendFailure(res, failure);
			}
		}
		const answer = await this.handle(record, req);
		// What was answered, for benchmarks and failure reports (HTTP status, envelope code).
		record.status = answer.status ?? 200;
		record.code = answer.json?.code;
		return send(res, answer);
	}

	sendFailure(res, failure) {
		switch (failure.kind) {
			case 'http':
				res.writeHead(failure.status, {
					'Content-Type': failure.contentType || 'application/json; charset=utf-8',
				});
				return res.end(failure.body ?? JSON.stringify({ error: `HTTP ${failure.status}` }));
			case 'html':
				res.writeHead(failure.status ?? 502, { 'Content-Type': 'text/html; charset=utf-8' });
				return res.end(
					'<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>',
				);
			case 'malformed':
				res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8' });
				return res.end('{"code": 200, "data": [{"companyId": 1');
			case 'reset':
				return res.socket.destroy();
			case 'envelope':
				return send(res, this.envelopeFailure(failure));
			case 'answer': {
				const { status = 200, body, contentType, headers, drop } = failure.answer;
				if (drop) return res.socket.destroy();
				res.writeHead(status, {
					'Content-Type': contentType || 'application/json; charset=utf-8',
					...headers,
				});
				return res.end(
					body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body),
				);
			}
			default:
				throw new Error(`unknown failure kind ${failure.kind}`);
		}
	}

	/** Overridden per vendor: the body of an application-level error. */
	envelopeFailure(failure) {
		return { status: 200, json: { code: failure.code, message: failure.resultMsg } };
	}

	/** Overridden per vendor: returns { status, json } or { status, text, contentType }. */
	async handle() {
		return { status: 404, json: { error: 'not implemented' } };
	}
}

function send(res, answer) {
	const headers = { ...(answer.headers || {}) };
	if (answer.json !== undefined) {
		headers['Content-Type'] = headers['Content-Type'] || 'application/json; charset=utf-8';
		res.writeHead(answer.status ?? 200, headers);
		return res.end(JSON.stringify(answer.json));
	}
	headers['Content-Type'] = answer.contentType || 'text/plain; charset=utf-8';
	res.writeHead(answer.status ?? 200, headers);
	return res.end(answer.text ?? '');
}

function readBody(req) {
	return new Promise((resolve, reject) => {
		const chunks = [];
		req.on('data', (c) => chunks.push(c));
		req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
		req.on('error', reject);
	});
}

function delay(ms) {
	return new Promise((resolve) => setTimeout(resolve, ms));
}

/** answerNext's route → { method?, path? } (undefined matches any). */
function parseRoute(route) {
	if (route instanceof RegExp) return { path: route };
	const m = /^(?:([A-Z]+)(?:\s+|$))?(.*)$/.exec(String(route).trim());
	if (!m[1] && !m[2])
		throw new Error(
			`answerNext: route ${JSON.stringify(route)} names no method or path (use "*" for any request)`,
		);
	return { method: m[1], path: m[2] === '' || m[2] === '*' ? undefined : m[2] };
}

/** Slices a list the 1-based page / pageSize way. */
function pageOf(list, page, size) {
	const start = (page - 1) * size;
	return list.slice(start, start + size);
}

module.exports = { SandboxServer, send, delay, pageOf };
