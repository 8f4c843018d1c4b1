'use strict';
/*
 * The open platform's wire protocol as the sandbox checks it (docs/api/byrobot-open-platform.md:
 * URL scheme, Common parameters, HTTP method and encoding, Envelope, Error codes).
 *
 *   POST /api/oauth/<API name before its last dot>/1.0.0/<last segment>, a form body
 *   (application/x-www-form-urlencoded) carrying accessToken and the parameters; GET with the same
 *   fields in the query string is accepted too (the notes: three callers use it).
 *
 * Checks, in this order:
 *   unknown path or API → HTTP 404, code 404 (the sandbox's guess: the notes never saw one)
 *   · a method other than GET / POST → HTTP 405, code 405 (guess)
 *   · POST whose body is not a form (JSON, text) → code 41000000 参数非法 (the sandbox is strict
 *     here so that a client sending JSON is caught; what the gateway answers is unknown)
 *   · accessToken missing (a POST reads it from the body only), unknown, expired or revoked
 *     → code 40000010 "token无效", HTTP 200 by default (the HTTP status is unverified: the option
 *     tokenInvalidStatus makes it 401)
 *   · a parameter missing, given twice, or not of its type → code 41000000 "参数非法: …"
 *     (the notes' text is "参数非法"; the sandbox adds what is wrong after a colon)
 *   · a business rule → code 10000401 with the vendor's words where known
 *     ("任务名称不能超过50个字符"), the sandbox's own otherwise.
 * Every answer carries `requestId`. Form values are text: ids are decimal strings, booleans
 * "true" / "false", nested values JSON text (userPhoneIds=[1788320]).
 */
const crypto = require('crypto');

const API_PREFIX = '/api/oauth/';
const VERSION = '1.0.0';
const API_PATH_RE =
	/^\/api\/oauth\/([a-z][a-z0-9]*(?:\.[a-z][a-z0-9]*)*)\/(\d+\.\d+\.\d+)\/([a-z][a-z0-9]*)$/i;

const CODE = Object.freeze({
	OK: 200,
	TOKEN_INVALID: 40000010,
	INVALID_PARAM: 41000000,
	BUSINESS: 10000401,
	NOT_FOUND: 404,
	METHOD: 405,
	SYSTEM: 500,
});

const DEFAULT_MESSAGES = {
	200: 'successful',
	40000010: 'token无效',
	41000000: '参数非法',
	10000401: '业务校验失败',
	404: 'API不存在',
	405: '请求方法不支持',
	500: '系统异常',
};

/** An answer other than success: the envelope's code and resultMsg, and the HTTP status. */
class ApiError extends Error {
	constructor(code, message, httpStatus = 200, headers) {
		super(message);
		this.code = code;
		this.httpStatus = httpStatus;
		this.headers = headers;
	}
}
/** 41000000: a parameter is missing or malformed. */
const bad = (message) => new ApiError(CODE.INVALID_PARAM, `参数非法: ${message}`);
/** 10000401: a business rule refused the request. */
const refuse = (message) => new ApiError(CODE.BUSINESS, message);

function envelope(code, data, resultMsg, requestId) {
	return { code, data, resultMsg, requestId };
}

function newRequestId() {
	return crypto.randomBytes(8).toString('hex');
}

/** 'byai.openapi.calljob.customer.import' → '/api/oauth/byai.openapi.calljob.customer/1.0.0/import'. */
function apiPath(name, version = VERSION) {
	const dot = name.lastIndexOf('.');
	if (dot <= 0) throw new Error(`not an API name: ${name}`);
	return `${API_PREFIX}${name.slice(0, dot)}/${version}/${name.slice(dot + 1)}`;
}

/** The API name and version of a gateway path, or undefined. */
function apiOf(path) {
	const m = API_PATH_RE.exec(path);
	return m ? { name: `${m[1]}.${m[3]}`, version: m[2] } : undefined;
}

/** Form text → { name → [values] } (keeps repeated fields, which the common parser would merge). */
function formFields(text) {
	const fields = {};
	for (const [k, v] of new URLSearchParams(text)) (fields[k] ??= []).push(v);
	return fields;
}

/** The query string of a recorded request → { name → [values] }. */
function queryFields(query) {
	const fields = {};
	for (const [k, v] of Object.entries(query || {})) fields[k] = [].concat(v);
	return fields;
}

const isForm = (contentType) => /application\/x-www-form-urlencoded/i.test(contentType || '');

/**
 * The parameters of an API call: a POST's form body (only), or a GET's query string. A POST
 * whose body is not a form is refused (41000000), JSON included.
 */
function callFields(record) {
	if (record.method === 'GET') return queryFields(record.query);
	const contentType = String(record.headers['content-type'] || '');
	if (record.rawBody.trim() && !isForm(contentType)) {
		throw bad(
			`the body must be a form (Content-Type application/x-www-form-urlencoded), got ${contentType || 'no Content-Type'}`,
		);
	}
	return formFields(record.rawBody);
}

/** Reads form fields, all text, the way the gateway's typed parameters need them. */
class Params {
	constructor(fields) {
		this.fields = fields;
	}

	has(name) {
		return this.raw(name) !== undefined;
	}

	raw(name) {
		const values = this.fields[name];
		if (!values || values.length === 0) return undefined;
		if (values.length > 1) throw bad(`${name} is given ${values.length} times`);
		return values[0] === '' ? undefined : values[0];
	}

	/** A decimal integer (ids, counts): "1001", not "1001.0", "0x3e9" or "abc". */
	int(name, opts = {}) {
		const v = this.raw(name);
		if (v === undefined) {
			if (opts.required) throw bad(`${name} is required`);
			return opts.def;
		}
		if (!/^-?\d{1,16}$/.test(v)) throw bad(`${name} must be a decimal integer, got "${v}"`);
		const n = Number(v);
		if (opts.oneOf && !opts.oneOf.includes(n))
			throw bad(`${name} must be one of ${opts.oneOf.join(', ')}, got ${n}`);
		if (opts.min !== undefined && n < opts.min) throw bad(`${name} must be at least ${opts.min}`);
		if (opts.max !== undefined && n > opts.max) throw bad(`${name} must be at most ${opts.max}`);
		return n;
	}

	str(name, opts = {}) {
		const v = this.raw(name);
		if (v === undefined || (opts.required && v.trim() === '')) {
			if (opts.required) throw bad(`${name} is required`);
			return opts.def;
		}
		if (opts.oneOf && !opts.oneOf.includes(v))
			throw bad(`${name} must be one of ${opts.oneOf.join(', ')}, got "${v}"`);
		return v;
	}

	/** "true" or "false" (the notes: booleans are those strings). */
	bool(name, opts = {}) {
		const v = this.raw(name);
		if (v === undefined) return opts.def;
		if (v !== 'true' && v !== 'false') throw bad(`${name} must be "true" or "false", got "${v}"`);
		return v === 'true';
	}

	/** JSON text inside a form field (userPhoneIds=[1788320]). */
	json(name, opts = {}) {
		const v = this.raw(name);
		if (v === undefined) {
			if (opts.required) throw bad(`${name} is required`);
			return undefined;
		}
		let parsed;
		try {
			parsed = JSON.parse(v);
		} catch {
			throw bad(`${name} must be JSON text, got "${v.length > 60 ? `${v.slice(0, 60)}…` : v}"`);
		}
		if (opts.array && !Array.isArray(parsed)) throw bad(`${name} must be a JSON array`);
		return parsed;
	}
}

const isInt = (v) => typeof v === 'number' && Number.isSafeInteger(v);
const isPlainObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Beijing time (UTC+8) "yyyy-MM-dd HH:mm:ss" of an epoch-ms instant. */
function formatBeijing(ms) {
	return new Date(ms + 8 * 3600 * 1000).toISOString().slice(0, 19).replace('T', ' ');
}

module.exports = {
	API_PREFIX,
	VERSION,
	CODE,
	DEFAULT_MESSAGES,
	ApiError,
	bad,
	refuse,
	envelope,
	newRequestId,
	apiPath,
	apiOf,
	formFields,
	queryFields,
	isForm,
	callFields,
	Params,
	isInt,
	isPlainObject,
	formatBeijing,
};
