// Answer and state shapes of the BYRobot open platform sandbox (byrobotOpen.js); the public entry
// re-exports them. Fields beyond docs/api/byrobot-open-platform.md are the sandbox's, and say so.

/** The API envelope. */
export interface OpenEnvelope<T = unknown> {
	code: number;
	data: T;
	resultMsg: string;
	requestId: string;
}

/** The token endpoint's answer; refusals (success false, data null) are the sandbox's guess. */
export interface OpenTokenAnswer {
	success: boolean;
	code: number;
	message: string;
	data: {
		access_token: string;
		refresh_token: string;
		/** Seconds (tokenLifetimeSeconds). */
		expires_in: number;
		/** Epoch ms. */
		expires_at: number;
	} | null;
}

/** A token as the sandbox keeps it. */
export interface OpenToken {
	appKey: string;
	companyId: number;
	/** Epoch ms (sandbox clock); 0 once expireTokens() ran. */
	expiresAt: number;
	revoked: boolean;
	refreshToken: string;
}

export interface OpenCompany {
	companyId: number;
	companyName: string;
	/** Masked, as the docking test has it. */
	mobile: string;
}

/** Sandbox state of a company. */
export interface OpenCompanyState extends OpenCompany {
	seats: { all: number; using: number };
	ai: OpenAiBalance | null;
	communication: { amount: number } | null;
}

export interface OpenAiBalance {
	amount: number;
	/** Text, e.g. "0.20". */
	price: string;
	num: number;
}

export interface OpenRobot {
	robotDefId: number;
	robotName: string;
	/** Sandbox: 5 online, 2 published but offline, 0 never published (meanings unverified). */
	robotStatus: number;
	industryOneName: string;
	industryTwoName: string;
	/** "yyyy-MM-dd HH:mm:ss"; null when never published. */
	deployTime: string | null;
}

export interface OpenPhone {
	userPhoneId: number;
	/** The caller number, '' for none, or a description on a demo line (phoneType 9). */
	phone: string;
	phoneName: string;
	/** 0 mobile, 1 landline, 2 no caller number, 9 demo line. */
	phoneType: number;
	sceneType: number;
	rateType: number;
	localSellingRate: number;
	nonlocalSellingRate: number;
	/** The line's balance; 0 (except on a demo line) means a job on it cannot start. */
	lineAmount: number;
	billPeriod: number;
}

/** scenevariables.get: strings or one-element string arrays (flatten both). */
export interface OpenSceneVariables {
	variables: Array<string | [string]>;
}

export interface OpenSeatInfo {
	companyUsingCallSeat: number;
	companyAllCallSeat: number;
}

export interface OpenWorkflow {
	id: number;
	name: string;
	workflowExecuteStatus: 'DRAFT' | 'UNSTART' | 'START' | 'FINISH' | 'PAUSE';
	workflowType: string;
	startTime: string | null;
	endTime: string | null;
}

/** Sandbox state of a workflow. */
export interface OpenWorkflowState extends OpenWorkflow {
	companyId: number;
	groupId: number;
	groupName: string;
}

export interface OpenPage<T> {
	total: number;
	pages: number;
	pageNum: number;
	pageSize: number;
	list: T[];
}

/** calldone.list's page (no pageSize; the empty sentinel is {total 0, pages 0, pageNum 0, list []}). */
export interface OpenCallPage {
	total: number;
	pages: number;
	pageNum: number;
	list: OpenCall[];
}

/** A call job as the sandbox stores it. */
export interface OpenCallJob {
	callJobId: number;
	companyId: number;
	jobName: string;
	callJobType: number;
	/** 0 not started, 1 running, 2 finished, 3 runnable, 4 paused by user, 5 paused by system, 6 stopped, 7 queued. */
	callJobStatus: number;
	robotDefId: number | null;
	userPhoneIds: number[];
	concurrencyQuota: number;
	repeatCall: boolean;
	repeatCallRule: Array<{ phoneStatus: number; times: number; interval: number }>;
	totalCount: number;
	doneCount: number;
	createTime: string;
	updateTime: string;
}

/** calljob.list items and calljob.detail.get: the notes' four fields, then the sandbox's. */
export interface OpenCallJobView {
	callJobId: number;
	jobName: string;
	callJobStatus: number;
	totalCount: number;
	companyId: number;
	robotDefId: number | null;
	callJobType: number;
	concurrencyQuota: number;
	doneCount: number;
	createTime: string;
}

export interface OpenImportResult {
	total: number;
	successNum: number;
	placeFailNum: number;
	repeatNum: number;
}

export interface OpenCustomerRow {
	name?: string | null;
	phone: string;
	properties?: Record<string, string | number> | null;
}

/** A customer imported into a job (sandbox state). */
export interface OpenCustomer {
	/** Given at import; the call keeps it. */
	callInstanceId: number;
	callJobId: number;
	name: string;
	phone: string;
	properties: Record<string, string>;
	dialed: boolean;
}

/** A completed call as calldone.list answers it. */
export interface OpenCall {
	/** 13 digits. */
	callInstanceId: number;
	callJobId: number;
	customerTelephone: string;
	customerName: string;
	callInstanceStatus: 2;
	/** 0 answered, 1 rejected, 2 unreachable, 8 no answer, … */
	finishStatus: number;
	calledTimes: number;
	/** Whole seconds. */
	duration: number;
	/** Epoch ms. */
	startTime: number;
	endTime: number;
	luyinOssUrl: string | null;
	userLuyinOssUrl: string | null;
	resultList: Array<{ name: string; value: string }>;
	properties: Record<string, string>;
	userProperties: Record<string, string>;
}

/** A call as the sandbox stores it: what calldone.list answers plus what the detail adds. */
export interface OpenCallRecord extends OpenCall {
	companyId: number;
	robotDefId: number | null;
	userPhoneId: number | null;
	callerPhone: string;
	chatRound: number;
	/** The bare grade, A–D or F. */
	intention: string;
}

/** callinstance.detail.get: THE SANDBOX'S INVENTION, modelled on the CALL_INSTANCE_RESULT callback. */
export interface OpenCallInstanceDetail {
	callInstance: OpenCall & {
		companyId: number;
		robotDefId: number | null;
		robotDefName: string | null;
		jobName: string;
		chatRound: number;
		/** 0 the AI hung up, 1 the customer. */
		hangUp: number;
		callerPhone: string;
		userPhoneId: number | null;
	};
	phoneLogs: Array<{
		speaker: 'AI' | 'ME';
		content: string;
		/** Epoch ms. */
		startTime: number;
		endTime: number;
		decisionName: string | null;
	}>;
	taskResult: Array<{
		resultName: string;
		resultValue: string;
		resultDesc: string;
		resultLabels: unknown[];
	}>;
}
