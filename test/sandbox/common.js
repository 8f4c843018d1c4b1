'use strict';
// Shared plumbing of the API sandboxes: an HTTP server that records every request,
// parses JSON / form / text bodies, and can be told to fail in the ways real vendors do.
// Written from ../shared/api/*.md, independent of the nodes' code.
const http = require('http');
const { URL } = require('url');

/**
 * @typedef {{ kind: 'http', status: number, body?: string, contentType?: string }
 *   | { kind: 'envelope', code: number, resultMsg?: string }
 *   | { kind: 'html', status?: number }
 *   | { kind: 'malformed' }
 *   | { kind: 'slow', ms: number }
 *   | { kind: 'reset' }} Failure
 * @typedef {{ method?: string, path?: string | RegExp, times?: number, skip?: number, failure: Failure }} FailRule
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
	 * Makes matching requests fail. `skip` lets that many matching requests pass first
	 * (skip: 1 fails the 2nd), `times` how many then fail (default 1, Infinity for all).
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

/** Slices a list the 1-based page / pageSize way. */
function pageOf(list, page, size) {
	const start = (page - 1) * size;
	return list.slice(start, start + size);
}

module.exports = { SandboxServer, send, delay, pageOf };
