// State shapes of the Bangwo8 sandbox (bangwo8.js); the public entry re-exports them.

/** An agent (客服) as GET /api/v1/supports.json lists it. */
export interface Bangwo8Agent {
	sId: string;
	name: string;
	sPassportName: string;
	sNum: string;
	email: string;
	mobile: string;
	groupId: string;
	/** "1" for the admin agent (SEED.agent.admin), else "0". */
	isAdmin: '0' | '1';
	/** "1" active, "0" recycle bin, "2" deleted. */
	isStat: '0' | '1' | '2';
	created_at: string;
	updated_at: string;
}

/** A contact (联系人, "user") as GET /api/v1/users.json lists it (created ones may carry the optional fields). */
export interface Bangwo8Contact {
	cId: string;
	name: string;
	mobile: string;
	email: string;
	companyId: string;
	supportId: string;
	/** "1" active, "2" left, "3" deleted. */
	state: '1' | '2' | '3';
	created_at: string;
	updated_at: string;
	fixnumber?: string;
	position?: string;
	QQ?: string;
	note?: string;
	tableName?: string;
}

/** A company as GET /api/v1/companies.json lists it (createDT / updateDT from created_at / updated_at); also the ids task_user holds when data_source is "0". */
export interface Bangwo8Company {
	uId: string;
	companyName: string;
	supportId: string;
	address: string;
	province: string;
	city: string;
	/** "1" live, "2" deleted. */
	status: string;
	tableName: string;
	custom_fields: Array<{ key: string; value: string }>;
	created_at: string;
	updated_at: string;
	/** The contact whose name and mobile a company's userList row shows (the sandbox's own). */
	primaryContactId: string;
}

/** A reply added with PUT tickets/{id}.json {"ticket": {"ticketReply": {"replyMsg"}}}. */
export interface Bangwo8Reply {
	replyMsg: string;
	servicerUserId: string;
	createDT: string;
}

/** A stored ticket (工单): the v1 field names, every value a string; createDT / updateDT from created_at / updated_at. */
export interface StoredTicket {
	ticketId: string;
	subject: string;
	descript: string;
	custUserId: string;
	servicerUserId: string;
	servicerGroupId: string;
	ccUserIdList: string;
	ccGroupIdList: string;
	ticketType: string;
	priorityLevel: string;
	ticketStatus: string;
	tagList: string;
	ticketTemplateId: string;
	createrId: string;
	createrType: string;
	ticketSource: string;
	isDeleted: string;
	/** The v1 form: a dropdown's value is its option text. */
	custom_fields: Array<{ key: string; value: string }>;
	created_at: string;
	updated_at: string;
	replies: Bangwo8Reply[];
}

/** A ticket custom field definition (GET tickets/ticket_fields.json). */
export interface Bangwo8TicketField {
	key: string;
	name: string;
	type: 'select' | 'text';
	custom_field_options: Array<{ key: string; value: string }>;
}

/** A ticket template (GET tickettemplates.json). */
export interface Bangwo8TicketTemplate {
	tId: string;
	ticketTemplateName: string;
	ticketTemplateDescription: string;
	visibleRange: string;
	servicerGroupId: string;
	servicerId: string;
	isReleased: '0' | '1';
	creatorId: string;
	createDT: string;
}

/** userList progress as the vendor sends it: documented -1/0/1, seen as Chinese text. */
export type Bangwo8Progress = string | number;

/** One customer row of a call task (what userList shows, plus bookkeeping). */
export interface Bangwo8Customer {
	/** The task_user id it was added with (company uId or contact cId), as a string. */
	userId: string;
	/** The agent it was assigned to (round-robin over task_service). */
	agentId: string;
	cId: string;
	uId: string;
	userName: string;
	companyName: string;
	phone: string;
	progress: Bangwo8Progress;
}

/** A stored call task (the sandbox's state, not an API shape). */
export interface StoredCallTask {
	callTaskId: string;
	task_name: string;
	/** As given: 'YYYY-MM-DD' or 'YYYY-MM-DD HH:mm:ss'. */
	task_start: string;
	task_end: string;
	data_source: '0' | '1';
	/** Agent ids, deduplicated, in the order given. */
	task_service: string[];
	created_at: string;
	updated_at: string;
	customers: Bangwo8Customer[];
}
