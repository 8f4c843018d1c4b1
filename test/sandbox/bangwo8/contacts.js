'use strict';
// Contacts (联系人, "users"): the people a call task calls (docs/api/bangwo8.md: Contact: list).
// The agent account may list them, unlike the callTask endpoints.
const { listAnswer } = require('./protocol');

const routes = [[/^\/api\/v1\/users\.json$/, { GET: ['listContacts', 'any'] }]];

const methods = {
	listContacts(record) {
		return listAnswer(record, 'users', this.contacts, (c) => c.cId);
	},
};

module.exports = { routes, methods };
