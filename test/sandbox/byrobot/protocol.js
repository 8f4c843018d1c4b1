'use strict';
/*
 * BYRobot's wire protocol as the sandbox checks it (docs/api/byrobot.md: Signature, Clock,
 * Methods and encoding, Envelope, Error codes, Paging). Checks run in this order, all answered
 * HTTP 200 with the code in the envelope:
 *   appkey missing/unknown → 401 · datetime missing/not RFC 1123 → 408 · sign missing/wrong → 401
 *   · datetime more than 3 min off the sandbox clock → 408.
 * Routing comes before auth: unknown path → HTTP 404 / code 404, wrong method → HTTP 405 / code 405.
 * POST actions need `Content-Type: application/json` and a JSON object body, else 412.
 * Ints must be JSON numbers in bodies and digit strings in query strings: the real server coerces,
 * being strict catches a client that sends the wrong type.
 */
const crypto = require('crypto');
const { SANDBOX_APP_KEY, SANDBOX_APP_SECRET } = require('./seed');

const V1 = '/openapi/v1/';
const MAX_SKEW_MS = 3 * 60 * 1000;
const BEIJING_MS = 8 * 3600 * 1000;
const RFC1123 =
	/^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/;
const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
const DATETIME_RE = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;
const HHMM_RE = /^([01]\d|2[0-3]):[0-5]\d$/;
const PHONE_RE = /^\d{3,20}$/;
const DEFAULT_MESSAGES = {
	401: '签名校验失败',
	403: '没有权限',
	404: '资源不存在',
	405: '请求方法不支持',
	408: '请求已过期',
	412: '参数错误',
	500: '系统异常',
};

/** A business error: answered as an envelope carrying `code` (HTTP `httpStatus`, usually 200). */
class ApiError extends Error {
	constructor(code, message, httpStatus = 200, headers) {
		super(message);
		this.code = code;
		this.httpStatus = httpStatus;
		this.headers = headers;
	}
}
const bad = (message) => new ApiError(412, `参数错误: ${message}`);

/** The standard envelope; sms/template/list has its own (see ByrobotSandbox#ok). */
function envelope(code, data, resultMsg, requestId, errorStackTrace = null) {
	return { code, data, resultMsg, errorStackTrace, requestId };
}

// ── time: the vendor speaks Beijing time ─────────────────────────────────────────────────────────
function formatBeijing(ms) {
	return new Date(ms + BEIJING_MS).toISOString().slice(0, 19).replace('T', ' ');
}
function isRealDate(s) {
	if (!DATE_RE.test(s)) return false;
	const d = new Date(`${s}T00:00:00Z`);
	return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}
/** A range bound given as a date (then `timeOfDay` is added) or a date-time. */
function dateBound(value, name, timeOfDay) {
	if (DATETIME_RE.test(value) && isRealDate(value.slice(0, 10))) return value;
	if (isRealDate(value)) return `${value} ${timeOfDay}`;
	throw bad(`${name} must be yyyy-MM-dd or yyyy-MM-dd HH:mm:ss`);
}

// ── signing ────────────────────────────────────────────────────────────────────────────────────
function computeSign(appKey, appSecret, datetime) {
	return crypto
		.createHmac('sha1', appSecret)
		.update(`${appKey}\n${datetime}`, 'utf8')
		.digest('base64');
}
/** The three auth headers for a request made at `date` (default: now). */
function signHeaders(appKey = SANDBOX_APP_KEY, appSecret = SANDBOX_APP_SECRET, date = new Date()) {
	const datetime = date.toUTCString();
	return { appkey: appKey, datetime, sign: computeSign(appKey, appSecret, datetime) };
}

/** The app of a correctly signed, timely request; throws the vendor's 401 / 408 otherwise. */
function authenticate(apps, headers, nowMs) {
	const appKey = headerOf(headers, 'appkey');
	if (!appKey) throw new ApiError(401, '签名校验失败 appkey header is missing');
	const app = apps.get(appKey);
	if (!app) throw new ApiError(401, `签名校验失败 unknown appkey: ${appKey}`);
	const datetime = headerOf(headers, 'datetime');
	if (!datetime) throw new ApiError(408, '请求时间无效 datetime header is missing');
	const time = RFC1123.test(datetime) ? Date.parse(datetime) : NaN;
	if (Number.isNaN(time)) {
		throw new ApiError(
			408,
			`请求时间无效 datetime is not RFC 1123 GMT (like "Thu, 13 Dec 2018 01:27:17 GMT"): ${datetime}`,
		);
	}
	const sign = headerOf(headers, 'sign');
	if (!sign) throw new ApiError(401, '签名校验失败 sign header is missing');
	if (!safeEqual(sign, computeSign(app.appKey, app.appSecret, datetime)))
		throw new ApiError(401, '签名校验失败 sign verify failed');
	const skew = time - nowMs;
	if (Math.abs(skew) > MAX_SKEW_MS) {
		throw new ApiError(
			408,
			`请求已过期 datetime is ${Math.round(Math.abs(skew) / 1000)}s ${skew < 0 ? 'behind' : 'ahead of'} the server clock (max 180s)`,
		);
	}
	return app;
}

function headerOf(headers, name) {
	const v = headers[name];
	return Array.isArray(v) ? v[0] : v;
}

function safeEqual(a, b) {
	const x = Buffer.from(String(a));
	const y = Buffer.from(String(b));
	return x.length === y.length && crypto.timingSafeEqual(x, y);
}

// ── parameters: one reader for query strings (all strings) and JSON bodies (typed) ───────────────
/** The parameters of a POST action: a JSON object body, else 412. */
function jsonBody(record) {
	const contentType = String(record.headers['content-type'] || '');
	if (!/\bjson\b/i.test(contentType))
		throw bad(`Content-Type must be application/json (got ${contentType || 'none'})`);
	if (!record.rawBody.trim()) throw bad('request body is required (a JSON object)');
	if (typeof record.body === 'string') throw bad('request body is not valid JSON');
	if (!isPlainObject(record.body)) throw bad('request body must be a JSON object');
	return new Params(record.body, false);
}

class Params {
	constructor(source, fromQuery) {
		this.src = source && typeof source === 'object' ? source : {};
		this.fromQuery = fromQuery;
	}

	has(name) {
		return this.raw(name) !== undefined;
	}

	raw(name) {
		const v = this.src[name];
		if (v === undefined || v === null) return undefined;
		if (this.fromQuery) {
			if (Array.isArray(v)) throw bad(`${name} must be given once`);
			if (v === '') return undefined;
		}
		return v;
	}

	int(name, opts = {}) {
		let v = this.raw(name);
		if (v === undefined) {
			if (opts.required) throw bad(`${name} is required`);
			return opts.def;
		}
		if (this.fromQuery) {
			if (!/^-?\d{1,15}$/.test(v)) throw bad(`${name} must be an integer`);
			v = Number(v);
		} else if (typeof v !== 'number' || !Number.isSafeInteger(v)) {
			throw bad(`${name} must be an integer`);
		}
		checkRange(name, v, opts);
		return v;
	}

	str(name, opts = {}) {
		const v = this.raw(name);
		if (v === undefined || (opts.required && typeof v === 'string' && v.trim() === '')) {
			if (opts.required) throw bad(`${name} is required`);
			return opts.def;
		}
		if (typeof v !== 'string') throw bad(`${name} must be a string`);
		if (opts.maxLen && v.length > opts.maxLen)
			throw bad(`${name} must be at most ${opts.maxLen} characters`);
		if (opts.pattern && !opts.pattern.test(v)) throw bad(`${name} must be ${opts.format}`);
		return v;
	}

	bool(name) {
		const v = this.raw(name);
		if (v === undefined) return undefined;
		if (this.fromQuery && (v === 'true' || v === 'false')) return v === 'true';
		if (typeof v !== 'boolean') throw bad(`${name} must be a boolean`);
		return v;
	}

	list(name, opts = {}) {
		const v = this.raw(name);
		if (v === undefined) {
			if (opts.required) throw bad(`${name} is required`);
			return undefined;
		}
		if (!Array.isArray(v)) throw bad(`${name} must be an array`);
		if (opts.minLen && v.length < opts.minLen) throw bad(`${name} must not be empty`);
		if (opts.maxLen && v.length > opts.maxLen) {
			throw bad(`${name} has ${v.length} items, at most ${opts.maxLen} are allowed per request`);
		}
		return v;
	}

	date(name, opts = {}) {
		const v = this.str(name, opts);
		if (v !== undefined && !isRealDate(v)) throw bad(`${name} must be a date yyyy-MM-dd`);
		return v;
	}

	time(name) {
		return this.str(name, { pattern: HHMM_RE, format: 'a time HH:mm' });
	}

	pageNum() {
		return this.int('pageNum', { min: 1, def: 1 });
	}

	pageSize(def, max) {
		return this.int('pageSize', { min: 1, max, def });
	}
}

function checkRange(name, v, opts) {
	if (opts.oneOf && !opts.oneOf.includes(v))
		throw bad(`${name} must be one of ${opts.oneOf.join(', ')}`);
	const hasMin = opts.min !== undefined;
	const hasMax = opts.max !== undefined;
	if ((hasMin && v < opts.min) || (hasMax && v > opts.max)) {
		if (hasMin && hasMax) throw bad(`${name} must be between ${opts.min} and ${opts.max}`);
		throw bad(
			hasMin ? `${name} must be at least ${opts.min}` : `${name} must be at most ${opts.max}`,
		);
	}
}

const isInt = (v) => typeof v === 'number' && Number.isSafeInteger(v);
const isPlainObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
const isStringMap = (v) => isPlainObject(v) && Object.values(v).every((x) => typeof x === 'string');

// ── paging ─────────────────────────────────────────────────────────────────────────────────────
/** A page in the shape the vendor's PageHelper answers. */
function page(list, pageNum, pageSize) {
	const start = (pageNum - 1) * pageSize;
	return pageShape(list.slice(start, start + pageSize), list.length, pageNum, pageSize);
}
function pageShape(items, total, pageNum, pageSize) {
	return {
		pageNum,
		pageSize,
		size: items.length,
		total,
		pages: Math.ceil(total / pageSize),
		list: items,
	};
}
/** Pages a Map's values without copying them all (notDialed lists may hold 50,000 customers). */
function pageOfMap(map, pageNum, pageSize, view) {
	const start = (pageNum - 1) * pageSize;
	const items = [];
	if (start < map.size) {
		let i = 0;
		for (const value of map.values()) {
			if (i >= start) {
				items.push(view(value));
				if (items.length === pageSize) break;
			}
			i++;
		}
	}
	return pageShape(items, map.size, pageNum, pageSize);
}

module.exports = {
	V1,
	PHONE_RE,
	DEFAULT_MESSAGES,
	ApiError,
	bad,
	envelope,
	authenticate,
	jsonBody,
	Params,
	computeSign,
	signHeaders,
	formatBeijing,
	isRealDate,
	dateBound,
	isInt,
	isPlainObject,
	isStringMap,
	page,
	pageOfMap,
};
