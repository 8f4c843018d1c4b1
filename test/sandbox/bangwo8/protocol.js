'use strict';
/*
 * Bangwo8's wire protocol as the sandbox checks it (docs/api/bangwo8.md: Authentication,
 * Paging, List filters, Errors). Errors are {errcode, errmsg} with string codes; where the
 * doc gives no code the sandbox invents one, so tests can tell the cases apart:
 *   401 100001 bad/missing Basic credentials · 401 100004 unknown/expired Bearer token · 403 100003 not admin
 *   404 100047 Invalid resource URI · 404 100044 callTaskId does not exist (detail, userList)
 *   405 100048 method not allowed · 400 100010 invalid parameter · 400 100011 not JSON content type · 400 100012 bad JSON
 *   injected {kind:'http', status} without body → errcode "100<status>" (503 "Service under maintenance", 429 + Retry-After)
 * Credentials are checked before the path, so an unknown path without credentials is 401.
 * Lists: count is a number; default order created desc (tickets: id ascending, as their page says),
 * ties broken by id so pages never overlap. A `*_order` parameter a list does not know (status_order
 * anywhere but tickets) is a 400: the vendor may just ignore it, the sandbox makes sending it visible.
 *   404 100044 is also the sandbox's answer for any unknown id (ticket, company, contact, agent).
 */
const { SANDBOX_ADMIN, SANDBOX_AGENT } = require('./seed');

const MAX_PER_PAGE = 100;
const UTC8_MS = 8 * 3600 * 1000;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})(?: (\d{2}):(\d{2}):(\d{2}))?$/;

/** An error answer in the vendor's `{errcode, errmsg}` shape. */
function fault(status, errcode, errmsg, headers) {
	return { status, json: { errcode, errmsg }, headers };
}
const badParam = (msg) => fault(400, '100010', msg);

/** → { role: 'admin' | 'agent' } or { error } for an Authorization header. */
function authenticate(header, tokens, nowMs) {
	const basicChallenge = { 'WWW-Authenticate': 'Basic realm="bangwo8"' };
	const [scheme, value = ''] = String(header || '').split(/\s+/, 2);
	if (/^bearer$/i.test(scheme)) {
		const expiry = tokens.get(value);
		if (expiry !== undefined && expiry > nowMs) return { role: 'admin' };
		return {
			error: fault(
				401,
				'100004',
				expiry === undefined ? 'Invalid access token' : 'Access token expired',
				{
					'WWW-Authenticate': 'Bearer realm="bangwo8", error="invalid_token"',
				},
			),
		};
	}
	if (!/^basic$/i.test(scheme) || !value) {
		return { error: fault(401, '100001', 'Authentication required', basicChallenge) };
	}
	const [account, password] = splitCredentials(value);
	if (account === SANDBOX_ADMIN.account && password === SANDBOX_ADMIN.password)
		return { role: 'admin' };
	if (account === SANDBOX_AGENT.account && password === SANDBOX_AGENT.password)
		return { role: 'agent' };
	return {
		error: fault(
			401,
			'100001',
			"Couldn't authenticate you: wrong account or password",
			basicChallenge,
		),
	};
}

function splitCredentials(base64) {
	const text = Buffer.from(base64, 'base64').toString('utf8');
	const colon = text.indexOf(':');
	return colon < 0 ? [text, undefined] : [text.slice(0, colon), text.slice(colon + 1)];
}

// ── dates: stored as 'yyyy-MM-dd HH:mm:ss' (UTC+8), so string order is time order ──────────────
/** Parses 'yyyy-MM-dd' or 'yyyy-MM-dd HH:mm:ss'; undefined when malformed or not a real date. */
function parseDate(value) {
	const m = typeof value === 'string' ? DATE_RE.exec(value) : null;
	if (!m) return undefined;
	const [y, mo, d, h = '00', mi = '00', s = '00'] = m.slice(1);
	const ms = Date.UTC(+y, +mo - 1, +d, +h, +mi, +s);
	const back = new Date(ms).toISOString();
	if (back.slice(0, 19) !== `${y}-${mo}-${d}T${h}:${mi}:${s}`) return undefined;
	return { date: `${y}-${mo}-${d}`, time: m[4] ? `${h}:${mi}:${s}` : undefined };
}

/** Lower bound of an inclusive range: a bare date means its first second. */
const rangeStart = (p) => `${p.date} ${p.time ?? '00:00:00'}`;
/** Upper bound of an inclusive range: a bare date means its last second. */
const rangeEnd = (p) => `${p.date} ${p.time ?? '23:59:59'}`;

/** Formats epoch ms as the vendor's local (UTC+8) 'yyyy-MM-dd HH:mm:ss'. */
function formatUtc8(ms) {
	return new Date(ms + UTC8_MS).toISOString().slice(0, 19).replace('T', ' ');
}

// ── paging and lists ─────────────────────────────────────────────────────────────────────────────
/** The value of a query parameter (the last one when repeated). */
function one(value) {
	return Array.isArray(value) ? value[value.length - 1] : value;
}

/** page / per_page (at most `maxPerPage`) from the query, or an error answer. */
function readPaging(query, maxPerPage = MAX_PER_PAGE) {
	const read = (name, fallback) => {
		const raw = one(query[name]);
		if (raw === undefined || raw === '') return fallback;
		return /^\d+$/.test(raw) && Number(raw) >= 1 ? Number(raw) : NaN;
	};
	const page = read('page', 1);
	if (Number.isNaN(page)) return { error: badParam('page must be a positive integer') };
	const perPage = read('per_page', Math.min(maxPerPage, MAX_PER_PAGE));
	if (Number.isNaN(perPage)) return { error: badParam('per_page must be a positive integer') };
	if (perPage > maxPerPage) return { error: badParam(`per_page must not exceed ${maxPerPage}`) };
	return { page, perPage };
}

/** The full URL of another page: same host (so any port works), every other parameter kept. */
function pageUrl(record, page) {
	const url = new URL(record.url, `http://${record.headers.host || 'localhost'}`);
	url.searchParams.set('page', String(page));
	return url.toString();
}

function compare(a, b) {
	return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Filters (created/updated ranges), orders and pages `items` the way every Bangwo8 list does.
 * `options.orders` adds sort parameters beyond created_order / updated_order (tickets:
 * `{ status_order: 'ticketStatus' }`); `options.idAscending` makes "by id ascending" the default
 * order (the tickets and agents pages say 默认按编码升序返回) instead of the sandbox's created desc.
 */
function listAnswer(record, key, items, idOf, present = (x) => ({ ...x }), options = {}) {
	const paging = readPaging(record.query);
	if (paging.error) return paging.error;
	const q = record.query;
	const extraOrders = options.orders ?? {};
	for (const name of Object.keys(q)) {
		if (name.endsWith('_order') && !['created_order', 'updated_order'].includes(name)) {
			if (!(name in extraOrders)) return badParam(`${name} is not a sort parameter of ${key}`);
		}
	}
	const bounds = {};
	for (const name of ['created_start', 'created_end', 'updated_start', 'updated_end']) {
		const raw = one(q[name]);
		if (raw === undefined || raw === '') continue;
		const parsed = parseDate(raw);
		if (!parsed) return badParam(`${name} must be yyyy-MM-dd or yyyy-MM-dd HH:mm:ss, got "${raw}"`);
		bounds[name] = name.endsWith('_start') ? rangeStart(parsed) : rangeEnd(parsed);
	}
	for (const name of ['created_order', 'updated_order', ...Object.keys(extraOrders)]) {
		const raw = one(q[name]);
		if (raw !== undefined && !/^(asc|desc)$/i.test(raw))
			return badParam(`${name} must be asc or desc`);
	}
	const inRange = (value, start, end) => (!start || value >= start) && (!end || value <= end);
	const selected = items.filter(
		(x) =>
			inRange(x.created_at, bounds.created_start, bounds.created_end) &&
			inRange(x.updated_at, bounds.updated_start, bounds.updated_end),
	);
	// An extra order (status_order) first, then created_order over updated_order; the id breaks
	// ties so pages never overlap.
	const extra = Object.keys(extraOrders).find((name) => one(q[name]) !== undefined);
	const byCreated = one(q.created_order) !== undefined || one(q.updated_order) === undefined;
	const orderParam = extra ?? (byCreated ? 'created_order' : 'updated_order');
	const field = extra ? extraOrders[extra] : byCreated ? 'created_at' : 'updated_at';
	const byId =
		options.idAscending &&
		!extra &&
		one(q.created_order) === undefined &&
		one(q.updated_order) === undefined;
	const dir = String(one(q[orderParam]) || 'desc').toLowerCase() === 'asc' ? 1 : -1;
	const byNumber = (a, b) => compare(BigInt(idOf(a)), BigInt(idOf(b)));
	selected.sort((a, b) =>
		byId ? byNumber(a, b) : dir * (compare(a[field], b[field]) || byNumber(a, b)),
	);

	const { page, perPage } = paging;
	const slice = selected.slice((page - 1) * perPage, page * perPage);
	const more = page * perPage < selected.length;
	return {
		status: 200,
		json: {
			[key]: slice.map(present),
			count: selected.length,
			next_page: more ? pageUrl(record, page + 1) : null,
			previous_page: page > 1 ? pageUrl(record, page - 1) : null,
		},
	};
}

module.exports = {
	fault,
	badParam,
	authenticate,
	splitCredentials,
	parseDate,
	rangeStart,
	rangeEnd,
	formatUtc8,
	readPaging,
	pageUrl,
	listAnswer,
	one,
	MAX_PER_PAGE,
};
