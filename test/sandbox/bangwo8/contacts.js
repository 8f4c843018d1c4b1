'use strict';
/*
 * Contacts (联系人, "users"): the list, one contact (v1 and _v2), create and update
 * (docs/api/bangwo8.md: Contact: list; docs/api/bangwo8-helpdesk.md: Contacts). The agent account
 * may use them, unlike the callTask endpoints.
 * Our reading where the doc leaves it open (its create / update sections are not stored):
 *   POST users.json / PUT users/{cId}.json take {"user": {…}} with the GET's field names.
 *   Create needs mobile or fixnumber (the contacts page: either is enough); a mobile is 11 digits
 *     starting with 1, a landline digits and dashes; a mobile another live contact has is a 400;
 *     in 2B mode (contactMode '2B', the default) companyId is required and must be a company,
 *     in 2C mode it is optional. Create answers the generic {"status": "0", "message": "Insert ok",
 *     "data": false} (contactCreateAnswer 'generic'), or {"user": {…}} ('user').
 *   Update changes name, mobile, fixnumber, email, position, QQ, note, state (1/2/3), tableName;
 *     read-only fields (cId, companyId, createDT …) are ignored; nothing to change is a 400.
 *   One contact answers {"user": {…}} ({"user": [{…}]} with wrapDetailInArray); _v2 always a bare
 *     object whose url names users_v2 (the sandbox's contacts have no dropdown custom fields).
 */
const { badParam, fault, formatUtc8, listAnswer } = require('./protocol');

const routes = [
	[/^\/api\/v1\/users\.json$/, { GET: ['listContacts', 'any'], POST: ['createContact', 'any'] }],
	[
		/^\/api\/v1\/users\/(\d+)\.json$/,
		{ GET: ['getContact', 'any'], PUT: ['updateContact', 'any'] },
	],
	[/^\/api\/v1\/users_v2\/(\d+)\.json$/, { GET: ['getContactV2', 'any'] }],
];

const TEXT_FIELDS = ['name', 'email', 'position', 'QQ', 'note', 'tableName'];
const MOBILE = /^1\d{10}$/;
const LANDLINE = /^[\d-]{7,20}$/;

const methods = {
	listContacts(record) {
		return listAnswer(record, 'users', this.contacts, (c) => c.cId);
	},

	contactView(contact, version) {
		const host = 'https://www.bangwo8.com';
		const url = `${host}/api/v1/${version === 2 ? 'users_v2' : 'users'}/${contact.cId}.json`;
		return { ...contact, url, createDT: contact.created_at, updateDT: contact.updated_at };
	},

	getContact(record, id) {
		const contact = this.contacts.find((c) => c.cId === id);
		if (!contact) return fault(404, '100044', `user ${id} does not exist`);
		return this.detailAnswer('user', this.contactView(contact, 1));
	},

	getContactV2(record, id) {
		const contact = this.contacts.find((c) => c.cId === id);
		if (!contact) return fault(404, '100044', `user ${id} does not exist`);
		return { status: 200, json: { user: this.contactView(contact, 2) } };
	},

	/** The changeable fields of a body, checked: { fields } or { error }. */
	checkContactFields(input, exceptId) {
		const fields = {};
		for (const key of TEXT_FIELDS) if (key in input) fields[key] = String(input[key] ?? '');
		for (const [key, pattern, what] of [
			['mobile', MOBILE, 'an 11-digit mobile number'],
			['fixnumber', LANDLINE, 'a landline number'],
		]) {
			if (!(key in input) || input[key] === '' || input[key] === null) continue;
			const value = String(input[key]).trim();
			if (!pattern.test(value))
				return { error: badParam(`${key} ${JSON.stringify(input[key])} is not ${what}`) };
			fields[key] = value;
		}
		if (
			fields.mobile &&
			this.contacts.some((c) => c.mobile === fields.mobile && c.state !== '3' && c.cId !== exceptId)
		) {
			return { error: badParam(`mobile ${fields.mobile} already belongs to another contact`) };
		}
		if ('state' in input) {
			const state = String(input.state);
			if (!['1', '2', '3'].includes(state))
				return { error: badParam(`state ${JSON.stringify(input.state)} is not 1, 2 or 3`) };
			fields.state = state;
		}
		return { fields };
	},

	createContact(record) {
		const input = record.body.user;
		if (!input || typeof input !== 'object' || Array.isArray(input))
			return badParam('user is required: send {"user": {...}}');
		if (!input.mobile && !input.fixnumber) return badParam('mobile or fixnumber is required');
		const checked = this.checkContactFields(input);
		if (checked.error) return checked.error;
		let companyId = '';
		if (input.companyId !== undefined && input.companyId !== '' && input.companyId !== null) {
			companyId = String(input.companyId).trim();
			if (!this.companies.some((c) => c.uId === companyId))
				return badParam(`companyId ${JSON.stringify(input.companyId)} is not a company`);
		} else if (this.contactMode === '2B') {
			return badParam('companyId is required (2B mode: every contact belongs to a company)');
		}
		const now = formatUtc8(this.clock());
		const company = this.companies.find((c) => c.uId === companyId);
		const contact = {
			cId: String(this.nextContactId++),
			name: '',
			mobile: '',
			email: '',
			...checked.fields,
			companyId,
			supportId: company?.supportId ?? '',
			state: checked.fields.state ?? '1',
			created_at: now,
			updated_at: now,
		};
		this.contacts.push(contact);
		if (this.contactCreateAnswer === 'user') {
			return { status: 200, json: { user: this.contactView(contact, 1) } };
		}
		return { status: 200, json: { status: '0', message: 'Insert ok', data: false } };
	},

	updateContact(record, id) {
		const contact = this.contacts.find((c) => c.cId === id);
		if (!contact) return fault(404, '100044', `user ${id} does not exist`);
		const input = record.body.user;
		if (!input || typeof input !== 'object' || Array.isArray(input))
			return badParam('user is required: send {"user": {...}}');
		const checked = this.checkContactFields(input, id);
		if (checked.error) return checked.error;
		if (Object.keys(checked.fields).length === 0) return badParam('nothing to update');
		const next = { ...contact, ...checked.fields };
		if (!next.mobile && !next.fixnumber) return badParam('a contact keeps a mobile or a fixnumber');
		Object.assign(contact, checked.fields, { updated_at: formatUtc8(this.clock()) });
		return { status: 200, json: { status: '0', message: 'Update ok', data: false } };
	},
};

module.exports = { routes, methods };
