'use strict';
// Companies (公司 / 客户): the list and one company (docs/api/bangwo8-helpdesk.md: Companies).
// Our reading where the doc leaves it open: the agent account may read them (as contacts); the
// list takes the common created_* / updated_* filters (presumed by the doc); one company answers
// {"company": {…}}, or {"company": [{…}]} with wrapDetailInArray (the doc has seen both).
const { fault, listAnswer } = require('./protocol');

const routes = [
	[/^\/api\/v1\/companies\.json$/, { GET: ['listCompanies', 'any'] }],
	[/^\/api\/v1\/companies\/(\d+)\.json$/, { GET: ['getCompany', 'any'] }],
];

const methods = {
	/** A company as the API shows it (the sandbox's primaryContactId left out). */
	companyView(company) {
		const { primaryContactId, created_at, updated_at, ...view } = company;
		return { ...view, createDT: created_at, updateDT: updated_at };
	},

	listCompanies(record) {
		return listAnswer(
			record,
			'companies',
			this.companies,
			(c) => c.uId,
			(c) => this.companyView(c),
		);
	},

	getCompany(record, id) {
		const company = this.companies.find((c) => c.uId === id);
		if (!company) return fault(404, '100044', `company ${id} does not exist`);
		return this.detailAnswer('company', this.companyView(company));
	},
};

module.exports = { routes, methods };
