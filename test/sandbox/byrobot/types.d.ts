// Answer and state shapes of the BYRobot sandbox (byrobot.js); the public entry re-exports them.
// Field names beyond docs/api/byrobot.md are taken from the vendor's public docs or inferred.

/** The deterministic outcome the sandbox gives a call to `phone` (see byrobot.js header). */
export interface ByrobotOutcome {
	/** 0 answered (last digit 0–6), 1 rejected (7), 2 unreachable (8), 8 no answer (9). */
	finishStatus: number;
	durationSec: number;
	/** The quirky wire form: "27秒", "27" or 27. */
	duration: string | number;
	chatRound: number;
	/** 意向标签: A–D when answered, F otherwise. */
	intention: string;
}

/** The standard envelope. */
export interface ByrobotEnvelope<T = unknown> {
	code: number;
	data: T;
	resultMsg: string;
	errorStackTrace: string | null;
	requestId: string;
}

/** The envelope of GET /openapi/v1/sms/template/list. */
export interface ByrobotSmsEnvelope<T = unknown> {
	code: number;
	msg: string;
	success: boolean;
	data: T;
}

export interface ByrobotPage<T> {
	pageNum: number;
	pageSize: number;
	/** Items on this page. */
	size: number;
	total: number;
	pages: number;
	list: T[];
}

export interface ByrobotCompany {
	companyId: number;
	companyName: string;
}

export interface ByrobotPhone {
	userPhoneId: number;
	callerAccountId: null;
	phone: string;
	account: null;
	phoneName: string;
	/** 0 mobile, 1 landline, 2 no caller. */
	phoneType: number;
	/** Meaningless (the doc says ignore it); the sandbox makes it disagree with useAvailable. */
	available: boolean;
	useAvailable: boolean;
	totalConcurrencyQuota: number | null;
	usedConcurrencyQuota: number;
	billPeriod: number;
	validityBegin: string;
	validityEnd: string;
	/** 1 inbound, 2 outbound, 3 both. */
	sceneType: number;
}

export interface ByrobotRobot {
	robotDefId: number;
	robotName: string;
	sceneDefId: number;
	sceneRecords: Array<{ sceneRecordId: number; sceneRecordName: string }>;
	industryOneName: string;
	industryTwoName: string;
	gmtModify: string;
}

export interface ByrobotSmsTemplate {
	smsTemplateId: number;
	companyId: number;
	name: string;
	smsTemplateSignId: number;
	smsTemplateSignName: string;
	type: number;
	content: string;
	/** 1 in review, 2 approved, 3 rejected. */
	status: number;
	failReason: string | null;
	gmtCreate: string;
	gmtModified: string;
}

export interface ByrobotRepeatCallRule {
	phoneStatus: number;
	times: number;
	interval: number;
}

/** A task as getTasks lists it (and as the sandbox stores it). */
export interface ByrobotTask {
	callJobId: number;
	companyId: number;
	jobName: string;
	/** 1 scheduled, 2 manual. */
	jobType: number;
	startDate: string;
	/** "HH:mm:ss". */
	workingStartTime: string;
	workingEndTime: string;
	breakStartTime: string | null;
	breakEndTime: string | null;
	/** 0 not started, 1 running, 2 finished, 3 runnable, 4 paused by user, 5 paused by system, 6 stopped, … */
	status: number;
	robotDefId: number | null;
	sceneDefId: number | null;
	sceneRecordId: number | null;
	userPhoneIds: number[];
	callType: number;
	concurrencyQuota: number;
	phoneNum: number | null;
	smsType: number;
	smsSendLevel: number | null;
	smsTemplateId: number | null;
	repeatCall: boolean;
	repeatCallRule: ByrobotRepeatCallRule[];
	defaultIntentionRule: boolean;
	openElasticity: boolean;
	remark: string;
	totalCount: number;
	doneCount: number;
	calledCount: number;
	rejectedCount: number;
	unavailableCount: number;
	fromUnavailableCount: number;
	gmtCreate: string;
	gmtModified: string;
}

export interface ByrobotNameValue {
	name: string;
	value: number;
}

/** getTaskDetail: the task plus its statistics. */
export interface ByrobotTaskDetail extends ByrobotTask {
	robotDefName: string | null;
	sceneDefName: string | null;
	sceneRecordName: string | null;
	durationStat: ByrobotNameValue[];
	chatRoundStat: ByrobotNameValue[];
	resultDefs: Array<{ name: string; values: string[] }>;
	callPhones: Array<{
		jobPhoneId: number;
		userPhoneId: number;
		callJobId: number;
		phone: string;
		phoneName: string;
		gmtCreate: string;
		gmtModified: string;
	}>;
	extraStat: Record<string, ByrobotNameValue[]>;
}

/** A customer imported into a task (sandbox state). */
export interface ByrobotCustomer {
	/** Given at import; the call record keeps it. */
	callInstanceId: number;
	name: string;
	phone: string;
	properties: Record<string, string>;
	dialed: boolean;
	gmtCreate: string;
}

/** notDialedCustomerList items. */
export interface ByrobotNotDialedItem {
	callInstanceId: number;
	name: string;
	phone: string;
	properties: Record<string, string>;
	customerName: string;
	customerTelephone: string;
	status: 0;
	calledTimes: 0;
}

/** A finished call as queryDoneTaskPhones lists it (and as the sandbox stores it). */
export interface ByrobotCallRecord {
	callInstanceId: number;
	callJobId: number;
	companyId: number;
	sceneDefId: number | null;
	customerTelephone: string;
	customerName: string;
	status: number;
	/** 0 answered, 1 rejected, 2 unreachable, 8 no answer, 11 blacklisted, … */
	finishStatus: number;
	/** "27秒", "27" or 27. */
	duration: string | number;
	chatRound: number;
	startTime: string;
	endTime: string;
	callerPhone: string;
	/** 1-based call order within the task. */
	callIndex: number;
	/** null when the call was not answered. */
	luyinOssUrl: string | null;
	/** The customer's side only; null when the call was not answered. */
	userLuyinOssUrl: string | null;
	secondaryCallTimes: number;
	jobName: string;
	resultList: Array<{ name: string; value: string }>;
	/** The customer's properties as a JSON string. */
	properties: string;
	gmtCreate: string;
	gmtModified: string;
}

export interface ByrobotPhoneLogInfo {
	phoneLog: {
		phoneLogs: Array<{
			sceneInstanceId: number;
			speaker: 'AI' | 'CUSTOMER';
			content: string;
			/** ms from the call start. */
			startTime: number;
			endTime: number;
		}>;
		luyinOssUrl: string | null;
	};
	sceneInstance: {
		callInstanceId: number;
		companyId: number;
		callJobId: number;
		customerTelephone: string;
		customerName: string;
		status: number;
		finishStatus: number;
		duration: string | number;
		chatRound: number;
		startTime: string;
		endTime: string;
		callerPhone: string;
		luyinOssUrl: string | null;
		userLuyinOssUrl: string | null;
		/** JSON string of the customer's properties. */
		properties: string;
		jobName: string;
		robotDefId: number | null;
		sceneDefId: number | null;
		sceneRecordId: number | null;
		hangUp: number;
		gmtCreate: string;
		gmtModified: string;
	};
	taskResult: Array<{ name: string; value: string; resultName: string; resultValue: string }>;
}

export interface ByrobotImportResult {
	successNum: number;
	repeatNum: number;
	placeFailNum: number;
}

/** v2 importTaskCustomer data. */
export interface ByrobotImportV2Data extends ByrobotImportResult {
	msg: string;
}

export interface ByrobotCustomerRow {
	name?: string | null;
	phone: string;
	properties?: Record<string, string> | null;
}

export interface ByrobotBlacklistGroup {
	/** -1 is the default group. */
	blacklistInfoGroupId: number;
	name: string;
	publicFlag: boolean;
	remark: string | null;
}

/** A blacklist entry (sandbox state; info/page answers it without companyId). */
export interface ByrobotBlacklistEntry {
	blacklistInfoId: number;
	companyId: number;
	blacklistInfoGroupId: number;
	name: string | null;
	mobile: string;
	remark: string | null;
	gmtCreate: string;
}

/** An undelivered callback (sandbox state; queryUnCallBack answers it without companyId). */
export interface ByrobotUndeliveredCallback {
	companyId: number;
	/** 0 outbound, 1 inbound. */
	dataType: number;
	callJobId: number;
	customerTelephone: string;
	callInstanceId: number;
	/** "yyyy-MM-dd HH:mm:ss" Beijing time. */
	callerTime: string;
}
