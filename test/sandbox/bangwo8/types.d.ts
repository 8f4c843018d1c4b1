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

/** A contact (联系人, "user") as GET /api/v1/users.json lists it. */
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
}

/** A company: the ids task_user holds when data_source is "0". */
export interface Bangwo8Company {
	uId: string;
	name: string;
	/** The contact whose name and mobile a company's userList row shows. */
	primaryContactId: string;
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
