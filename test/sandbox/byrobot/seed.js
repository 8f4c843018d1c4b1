'use strict';
// The BYRobot sandbox's seed data: what reset() restores. Tests refer to it by name
// (SEED.company.demo.id, SEED.robot.loan.sceneDefId, …) so a number in a test says what it is.
// Phones deliberately make `available` disagree with `useAvailable`: docs/api/byrobot.md
// (Company: caller lines) says to ignore `available`, and the sandbox catches a client that reads it.

const SANDBOX_APP_KEY = 'sandboxAppKey';
const SANDBOX_APP_SECRET = 'sandboxAppSecret';

const company = (id, name, seats) => ({ id, name, seats });
const phone = (id, companyId, number, name, phoneType, useAvailable) => ({
	id,
	companyId,
	phone: number,
	name,
	phoneType,
	useAvailable,
});
const robot = (id, companyId, name, sceneDefId, sceneRecordId, state, variables) => ({
	id,
	companyId,
	name,
	sceneDefId,
	sceneRecordId,
	state,
	variables,
});

// seats: before any task runs; a running task adds its concurrencyQuota to `using`.
const COMPANY = {
	demo: company(1001, '百应演示公司', { all: 10, using: 2 }),
	second: company(1002, '百应测试二部', { all: 2, using: 0 }),
	/** Exists, but the sandbox AppKey is not bound to it: every use answers 403. */
	unbound: company(1003, '别家公司', { all: 0, using: 0 }),
};

const SEED = deepFreeze({
	app: {
		appKey: SANDBOX_APP_KEY,
		appSecret: SANDBOX_APP_SECRET,
		companyIds: [COMPANY.demo.id, COMPANY.second.id],
	},
	company: COMPANY,
	/** Caller lines (getPhones). phoneType 0 mobile, 1 landline, 2 no caller number. */
	phone: {
		mobile: phone(11, 1001, '13800000001', '销售手机1', 0, true),
		landline: phone(12, 1001, '02188886666', '总机固话', 1, true),
		/** useAvailable false: a task may not use it. */
		unavailable: phone(13, 1001, '', '无主叫线路', 2, false),
		/** The only line of company second. */
		secondMobile: phone(14, 1002, '13800000014', '二部手机', 0, true),
	},
	/**
	 * Robots (getRobots): state online (and published), published (but offline) or draft (never
	 * published); one scene with one recording each; variables = getSceneVariables of the scene.
	 */
	robot: {
		loan: robot(21, 1001, '贷款回访机器人', 31, 41, 'online', ['客户姓名', '贷款金额', '还款日期']),
		survey: robot(22, 1001, '满意度调查', 32, 42, 'published', ['客户姓名']),
		draft: robot(23, 1001, '草稿机器人', 33, 43, 'draft', []),
		/** The only robot of company second. */
		second: robot(24, 1002, '二部通知机器人', 34, 44, 'online', ['客户姓名']),
	},
	/** SMS templates, all of company demo. status 1 in review, 2 approved, 3 rejected. */
	smsTemplate: {
		approved: { id: 51, name: '还款提醒', status: 2 },
		inReview: { id: 52, name: '活动通知', status: 1 },
		rejected: { id: 53, name: '催收短信', status: 3 },
	},
	/** Every company starts with this group and no entries. */
	blacklistGroup: { default: { id: -1, name: '默认分组' } },
	/** The ids the sandbox hands out first (then counting up); reset() starts over. */
	firstId: { task: 5001, callInstance: 800001, blacklistGroup: 301, blacklistEntry: 7001 },
	/** callJobId of seedUndeliveredCallbacks() unless told otherwise (no such task exists). */
	undeliveredCallJobId: 4999,
	/**
	 * The demo task `npm run dev` starts with (test/sandbox/serve.js): last week's follow-up in
	 * company demo, finished, its customers all called.
	 */
	demoTask: { companyId: 1001, jobName: '示例：上周的回访任务', calls: 12 },
});

// ── the stored shapes reset() builds from SEED ───────────────────────────────────────────────────
function seedCompanies() {
	return new Map(
		Object.values(SEED.company).map((c) => [c.id, { companyId: c.id, companyName: c.name }]),
	);
}

// Fields beyond SEED.phone: quotas and validity, to have every documented field present.
const PHONE_EXTRA = {
	11: { totalConcurrencyQuota: 5 },
	12: { sceneType: 3 },
	13: { billPeriod: 6, validityEnd: '2023-12-31 23:59:59' },
	14: { available: true, totalConcurrencyQuota: 2 },
};
function seedPhones() {
	return Object.values(SEED.phone).map((p) => ({
		companyId: p.companyId,
		view: {
			userPhoneId: p.id,
			callerAccountId: null,
			phone: p.phone,
			account: null,
			phoneName: p.name,
			phoneType: p.phoneType,
			available: !p.useAvailable,
			useAvailable: p.useAvailable,
			totalConcurrencyQuota: null,
			usedConcurrencyQuota: 0,
			billPeriod: 60,
			validityBegin: '2024-01-01 00:00:00',
			validityEnd: '2099-12-31 23:59:59',
			sceneType: 2,
			...PHONE_EXTRA[p.id],
		},
	}));
}

const ROBOT_EXTRA = {
	21: {
		sceneDefName: '贷款回访场景',
		recordName: '女声版',
		industry: ['金融', '贷款'],
		gmtModify: '2024-03-01 10:00:00',
	},
	22: {
		sceneDefName: '满意度调查场景',
		recordName: '男声版',
		industry: ['服务', '满意度回访'],
		gmtModify: '2024-03-02 11:00:00',
	},
	23: {
		sceneDefName: '草稿场景',
		recordName: '默认录音',
		industry: ['其他', '其他'],
		gmtModify: '2024-03-03 12:00:00',
	},
	24: {
		sceneDefName: '通知场景',
		recordName: '标准版',
		industry: ['通用', '通知'],
		gmtModify: '2024-03-04 09:30:00',
	},
};
function seedRobots() {
	return Object.values(SEED.robot).map((r) => {
		const x = ROBOT_EXTRA[r.id];
		return {
			companyId: r.companyId,
			online: r.state === 'online',
			published: r.state !== 'draft',
			sceneDefName: x.sceneDefName,
			view: {
				robotDefId: r.id,
				robotName: r.name,
				sceneDefId: r.sceneDefId,
				sceneRecords: [{ sceneRecordId: r.sceneRecordId, sceneRecordName: x.recordName }],
				industryOneName: x.industry[0],
				industryTwoName: x.industry[1],
				gmtModify: x.gmtModify,
			},
		};
	});
}

const SMS_EXTRA = {
	51: {
		content: '【百应演示】尊敬的${客户姓名}，您的贷款将于${还款日期}到期，请按时还款。',
		failReason: '百应人工审核通过',
		day: '05',
	},
	52: { content: '【百应演示】会员日全场八折，详询客服。', failReason: null, day: '06' },
	53: {
		content: '【百应演示】您已逾期，请尽快处理。',
		failReason: '内容涉及催收，审核未通过',
		day: '07',
	},
};
function seedSmsTemplates() {
	return Object.values(SEED.smsTemplate).map((t) => {
		const x = SMS_EXTRA[t.id];
		return {
			smsTemplateId: t.id,
			companyId: SEED.company.demo.id,
			name: t.name,
			smsTemplateSignId: 61,
			smsTemplateSignName: '百应演示',
			type: 1,
			content: x.content,
			status: t.status,
			failReason: x.failReason,
			gmtCreate: `2024-03-${x.day} 09:00:00`,
			gmtModified: `2024-03-${x.day} 10:00:00`,
		};
	});
}

function deepFreeze(value) {
	for (const v of Object.values(value)) if (v && typeof v === 'object') deepFreeze(v);
	return Object.freeze(value);
}

module.exports = {
	SEED,
	SANDBOX_APP_KEY,
	SANDBOX_APP_SECRET,
	seedCompanies,
	seedPhones,
	seedRobots,
	seedSmsTemplates,
};
