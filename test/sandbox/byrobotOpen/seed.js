'use strict';
// The BYRobot open platform sandbox's seed data: what reset() restores. Tests refer to it by name
// (SEED.company.demo.id, SEED.robot.loan.id, SEED.phone.demo.id, …) so a number in a test says
// what it is. Companies, robots and lines reuse the legacy sandbox's ids and names
// (test/sandbox/byrobot/seed.js), so examples line up across the two generations; the demo line
// and the SOP workflow are the ones quoted verbatim in docs/api/byrobot-open-platform.md.

const SANDBOX_OPEN_APP_KEY = 'sandboxOpenAppKey';
const SANDBOX_OPEN_APP_SECRET = 'sandboxOpenAppSecret';

const company = (id, name, mobile, seats, ai, communication) => ({
	id,
	name,
	mobile,
	seats,
	ai,
	communication,
});
const phone = (id, companyId, number, name, phoneType, lineAmount, extra = {}) => ({
	id,
	companyId,
	phone: number,
	name,
	phoneType,
	lineAmount,
	...extra,
});
const robot = (
	id,
	companyId,
	name,
	robotStatus,
	industry,
	deployTime,
	variables,
	variableForm,
) => ({
	id,
	companyId,
	name,
	robotStatus,
	industry,
	deployTime,
	variables,
	variableForm,
});
const workflow = (id, companyId, name, status, group, startTime, endTime) => ({
	id,
	companyId,
	name,
	workflowExecuteStatus: status,
	workflowType: 'OUT_TRIGGER',
	groupId: group.id,
	groupName: group.name,
	startTime,
	endTime,
});

const GROUP = {
	test: { id: 901, name: '测试分组' },
	loan: { id: 902, name: '贷款业务' },
};

const SEED = deepFreeze({
	/** The sandbox app (AppKey / AppSecret) and the companies it may get tokens for. */
	app: {
		appKey: SANDBOX_OPEN_APP_KEY,
		appSecret: SANDBOX_OPEN_APP_SECRET,
		companyIds: [1001, 1002],
	},
	/**
	 * seats: seatinfo.get before any job runs (a running job adds its concurrencyQuota to `using`);
	 * ai: company.ai.balance; communication: company.communication.balance.
	 */
	company: {
		demo: company(
			1001,
			'百应演示公司',
			'138****0001',
			{ all: 10, using: 2 },
			{ amount: 1250.5, price: '0.20', num: 6252 },
			{ amount: 388.6 },
		),
		second: company(
			1002,
			'百应测试二部',
			'138****0014',
			{ all: 2, using: 0 },
			{ amount: 0, price: '0.20', num: 0 },
			{ amount: 12 },
		),
		/** Exists, but the sandbox app is not bound to it: the token endpoint refuses it. */
		unbound: company(1003, '别家公司', '139****0003', { all: 0, using: 0 }, null, null),
	},
	/**
	 * Lines (phone.list). phoneType 0 mobile, 1 landline, 2 no caller number, 9 a demo line whose
	 * `phone` is a description. lineAmount is the line's balance: a job on a line with lineAmount 0
	 * cannot start ("当前任务绑定的线路已欠费"), except on the demo line (phoneType 9).
	 */
	phone: {
		mobile: phone(11, 1001, '13800000001', '销售手机1', 0, 120.5),
		landline: phone(12, 1001, '02188886666', '总机固话', 1, 56, { sceneType: 3 }),
		/** In arrears (lineAmount 0): a job using it cannot start. */
		unavailable: phone(13, 1001, '', '无主叫线路', 2, 0, { billPeriod: 6 }),
		/** The demo line quoted in the notes: phoneType 9, `phone` is a description; calls are free. */
		demo: phone(1788320, 1001, '大屏演示专用线路-仅测试不生产', '演示线路', 9, 0, {
			sceneType: 1,
			localSellingRate: 0,
			nonlocalSellingRate: 0,
		}),
		/** The only line of company second. */
		secondMobile: phone(14, 1002, '13800000014', '二部手机', 0, 30),
	},
	/**
	 * Robots (robot.list). robotStatus as answered: 5 online, 2 published but offline, 0 never
	 * published (the notes only see 2 and 5 and do not know their meaning: the sandbox's guess).
	 * robot.list's robotStatus filter: 1 online (5), 2 ever published (2 or 5), 0 all.
	 * variables: the script variables (company.scenevariables.get); variableForm how that answer
	 * lists them: 'nested' one-element arrays ([["客户姓名"], …]) or 'flat' strings.
	 */
	robot: {
		loan: robot(
			21,
			1001,
			'贷款回访机器人',
			5,
			['金融', '贷款'],
			'2024-03-01 10:00:00',
			['客户姓名', '贷款金额', '还款日期'],
			'nested',
		),
		survey: robot(
			22,
			1001,
			'满意度调查',
			2,
			['服务', '满意度回访'],
			'2024-03-02 11:00:00',
			['客户姓名'],
			'flat',
		),
		/** Never published: no job may use it. */
		draft: robot(23, 1001, '草稿机器人', 0, ['其他', '其他'], null, [], 'flat'),
		/** The only robot of company second. */
		second: robot(
			24,
			1002,
			'二部通知机器人',
			5,
			['通用', '通知'],
			'2024-03-04 09:30:00',
			['客户姓名'],
			'flat',
		),
	},
	/** The built-in variables scenevariables.get adds unless hideDefaultVar=true (names: the sandbox's guess). */
	defaultVariables: ['手机号', '外呼时间'],
	/** SOP workflows (sop.workflow.list.page.search), by the company of the token. */
	workflow: {
		finished: workflow(
			115315720,
			1001,
			'非常六加一-百天-0528-测试',
			'FINISH',
			GROUP.test,
			'2026-05-28 09:57:32',
			'2099-01-01 00:00:01',
		),
		running: workflow(
			115315721,
			1001,
			'贷款回访-自动流程',
			'START',
			GROUP.loan,
			'2026-06-01 09:00:00',
			'2099-01-01 00:00:01',
		),
		paused: workflow(
			115315722,
			1001,
			'贷款回访-逾期提醒',
			'PAUSE',
			GROUP.loan,
			'2026-06-02 09:00:00',
			'2099-01-01 00:00:01',
		),
		draft: workflow(115315723, 1001, '满意度调查-草稿', 'DRAFT', GROUP.test, null, null),
		second: workflow(
			115315724,
			1002,
			'二部通知流程',
			'UNSTART',
			GROUP.test,
			'2026-07-01 09:00:00',
			'2099-01-01 00:00:01',
		),
	},
	/** The ids the sandbox hands out first (then counting up); reset() starts over. */
	firstId: { callJob: 241491320, callInstance: 3887178818710 },
	/**
	 * The demo job `npm run dev` starts with (test/sandbox/serve.js): last week's follow-up in
	 * company demo, finished, its customers all called.
	 */
	demoJob: { companyId: 1001, jobName: '示例：上周的回访任务', calls: 12 },
});

function deepFreeze(value) {
	for (const v of Object.values(value)) if (v && typeof v === 'object') deepFreeze(v);
	return Object.freeze(value);
}

/** phone.list items (the answer shape) with their company, for reset(). */
function seedPhones() {
	return Object.values(SEED.phone).map((p) => ({
		companyId: p.companyId,
		view: {
			userPhoneId: p.id,
			phone: p.phone,
			phoneName: p.name,
			phoneType: p.phoneType,
			sceneType: p.sceneType ?? 2,
			rateType: 0,
			localSellingRate: p.localSellingRate ?? 0.12,
			nonlocalSellingRate: p.nonlocalSellingRate ?? 0.15,
			lineAmount: p.lineAmount,
			billPeriod: p.billPeriod ?? 60,
		},
	}));
}

/** robot.list items with their company and script variables, for reset(). */
function seedRobots() {
	return Object.values(SEED.robot).map((r) => ({
		companyId: r.companyId,
		variables: [...r.variables],
		variableForm: r.variableForm,
		view: {
			robotDefId: r.id,
			robotName: r.name,
			robotStatus: r.robotStatus,
			industryOneName: r.industry[0],
			industryTwoName: r.industry[1],
			deployTime: r.deployTime,
		},
	}));
}

function seedWorkflows() {
	return Object.values(SEED.workflow).map((w) => ({ ...w }));
}

module.exports = {
	SEED,
	SANDBOX_OPEN_APP_KEY,
	SANDBOX_OPEN_APP_SECRET,
	seedPhones,
	seedRobots,
	seedWorkflows,
};
