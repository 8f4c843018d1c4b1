'use strict';
// The Bangwo8 sandbox server: routing with access levels, the error bodies of injected failures,
// and the state reset() restores. The endpoints live in one file per resource; each exports its
// routes and the methods they call, mixed into Bangwo8Sandbox so tests can call helpers directly.
const http = require('http');
const { SandboxServer, send } = require('../common');
const { authenticate, fault } = require('./protocol');
const {
	SEED,
	seedAgents,
	seedCompanies,
	seedContacts,
	seedTickets,
	seedTicketFields,
	seedTicketTemplates,
} = require('./seed');

const RESOURCES = [
	require('./oauth'),
	require('./agents'),
	require('./contacts'),
	require('./companies'),
	require('./callTasks'),
	require('./tickets'),
];
// [path pattern, { METHOD: [handler name, access] }]; access 'public' (no credentials), 'any'
// (admin or agent account) or 'admin' (the callTask, ticket and template endpoints).
const ROUTES = RESOURCES.flatMap((r) => r.routes);

const HTTP_ERROR_TEXT = { 429: 'Too many requests', 503: 'Service under maintenance' };

class Bangwo8Sandbox extends SandboxServer {
	/**
	 * @param {{ tokenTtlSeconds?: number, wrapDetailInArray?: boolean, deleteMissingStatus?: number, ticketCreateAnswer?: 'generic' | 'ticket' | 'id' | 'location', contactCreateAnswer?: 'generic' | 'user', contactMode?: '2B' | '2C' }} [options]
	 */
	constructor(options = {}) {
		super('bangwo8');
		this.options = {
			tokenTtlSeconds: 3600,
			wrapDetailInArray: false,
			deleteMissingStatus: 200,
			ticketCreateAnswer: 'generic',
			contactCreateAnswer: 'generic',
			contactMode: '2B',
			...options,
		};
		/** Seconds a 429 from fail({kind:'http', status: 429}) asks the client to wait. */
		this.retryAfterSeconds = 1;
		this.reset();
	}

	/** Restores the seed data, forgets tokens, requests, scripted answers and Requestid replays; options back to the constructor's. */
	reset() {
		this.tokenTtlSeconds = this.options.tokenTtlSeconds;
		this.wrapDetailInArray = this.options.wrapDetailInArray;
		this.deleteMissingStatus = this.options.deleteMissingStatus;
		this.ticketCreateAnswer = this.options.ticketCreateAnswer;
		this.contactCreateAnswer = this.options.contactCreateAnswer;
		this.contactMode = this.options.contactMode;
		/** Clock used for token expiry, `complete` and created_at; tests may move it. */
		this.clock = () => Date.now();
		this.agents = seedAgents();
		this.contacts = seedContacts();
		this.companies = seedCompanies();
		this.nextContactId = Number(SEED.contactFirstId);
		/** @type {Map<string, any>} ticketId → stored ticket (see StoredTicket in bangwo8/types.d.ts). */
		this.tickets = new Map(seedTickets().map((t) => [t.ticketId, t]));
		this.nextTicketId = Number(SEED.ticketFirstId);
		this.ticketFields = seedTicketFields();
		this.ticketTemplates = seedTicketTemplates();
		/** @type {Map<string, any>} callTaskId → stored task (see StoredCallTask in bangwo8/types.d.ts). */
		this.callTasks = new Map();
		this.nextCallTaskId = Number(SEED.callTask.firstId);
		this.seededCount = 0;
		/** @type {Map<string, number>} access token → expiry (epoch ms). */
		this.tokens = new Map();
		this.issuedTokens = 0;
		/** @type {Map<string, any>} Requestid header → the answer given, replayed for duplicate POSTs. */
		this.requestIds = new Map();
		this.clearRequests();
		this.clearFailures();
	}

	async handle(record) {
		const route = ROUTES.find(([pattern]) => pattern.test(record.path));
		if (route?.[1].POST?.[1] === 'public') return this.dispatch(route, record);

		const caller = authenticate(record.headers.authorization, this.tokens, this.clock());
		if (caller.error) return caller.error;
		if (!route) return fault(404, '100047', 'Invalid resource URI');
		return this.dispatch(route, record, caller.role);
	}

	dispatch([pattern, methods], record, role) {
		const entry = methods[record.method];
		if (!entry) {
			return fault(405, '100048', `Method ${record.method} not allowed on ${record.path}`, {
				Allow: Object.keys(methods).join(', '),
			});
		}
		const [handler, access] = entry;
		if (access === 'admin' && role !== 'admin') {
			const area = record.path.split('/')[3].replace(/\.json$/, '');
			return fault(403, '100003', `Permission denied: the ${area} API needs the admin account`);
		}
		if (access !== 'public' && (record.method === 'POST' || record.method === 'PUT')) {
			const contentType = String(record.headers['content-type'] || '').toLowerCase();
			if (!contentType.includes('application/json')) {
				return fault(400, '100011', 'Content-Type must be application/json');
			}
			if (record.body === null || typeof record.body !== 'object') {
				return fault(400, '100012', 'Request body must be a JSON object');
			}
		}
		return this[handler](record, ...pattern.exec(record.path).slice(1));
	}

	/** One resource: {"<key>": {…}}, or {"<key>": [{…}]} when wrapDetailInArray (v1 GETs do both). */
	detailAnswer(key, object) {
		return { status: 200, json: { [key]: this.wrapDetailInArray ? [object] : object } };
	}

	/** Bangwo8 error bodies for injected HTTP failures that bring no body of their own. */
	sendFailure(res, failure) {
		if (failure.kind === 'http' && failure.body === undefined) {
			const status = failure.status;
			const headers =
				status === 429 ? { 'Retry-After': String(this.retryAfterSeconds) } : undefined;
			const text = HTTP_ERROR_TEXT[status] || http.STATUS_CODES[status] || `HTTP ${status}`;
			return send(res, fault(status, `100${status}`, text, headers));
		}
		return super.sendFailure(res, failure);
	}

	/** The error-in-body shape of the seed's delete example: HTTP 200, `{Status, message}`. */
	envelopeFailure(failure) {
		return {
			status: 200,
			json: {
				Status: String(failure.code),
				message: failure.resultMsg || `Request failed with status ${failure.code}`,
			},
		};
	}
}

for (const { methods } of RESOURCES) {
	for (const name of Object.keys(methods)) {
		if (name in Bangwo8Sandbox.prototype)
			throw new Error(`bangwo8 sandbox: method ${name} defined twice`);
	}
	Object.assign(Bangwo8Sandbox.prototype, methods);
}

module.exports = { Bangwo8Sandbox };
