'use strict';
// The Bangwo8 sandbox's seed data: what reset() restores. Tests refer to it by name
// (SEED.agent.admin.id, SEED.contact.zhao.id, …). Ids are strings, as the vendor sends them.
// Agents: isStat "1" active, "0" recycle bin, "2" deleted. Contacts: state "1" active, "2" left,
// "3" deleted. Only active agents may serve a call task and only active contacts be called.

const SANDBOX_ADMIN = Object.freeze({
	account: 'admin@sandbox.bangwo8.com',
	password: 'sandbox-admin-pass',
});
const SANDBOX_AGENT = Object.freeze({
	account: 'agent@sandbox.bangwo8.com',
	password: 'sandbox-agent-pass',
});
const SANDBOX_OAUTH = Object.freeze({
	clientId: 'sandbox-secret-id',
	clientSecret: 'sandbox-secret',
});

function agent(sId, name, email, sNum, mobile, groupId, isAdmin, isStat, created_at, updated_at) {
	return { id: sId, name, email, sNum, mobile, groupId, isAdmin, isStat, created_at, updated_at };
}
function contact(cId, name, mobile, email, companyId, supportId, state, created_at) {
	return { id: cId, name, mobile, email, companyId, supportId, state, created_at };
}

const SEED = deepFreeze({
	/** GET /api/v1/supports.json */
	agent: {
		/** 王客服, the agent of the admin account (SANDBOX_ADMIN). */
		admin: agent(
			'567332',
			'王客服',
			SANDBOX_ADMIN.account,
			'8001',
			'13800138001',
			'101',
			'1',
			'1',
			'2023-01-05 09:00:00',
			'2024-03-01 10:00:00',
		),
		/** 李客服, the agent of the agent account (SANDBOX_AGENT). */
		agent: agent(
			'345294',
			'李客服',
			SANDBOX_AGENT.account,
			'8002',
			'13800138002',
			'101',
			'0',
			'1',
			'2023-02-10 09:30:00',
			'2024-03-02 11:00:00',
		),
		zhang: agent(
			'655758',
			'张客服',
			'zhang@sandbox.bangwo8.com',
			'8003',
			'13800138003',
			'102',
			'0',
			'1',
			'2023-03-15 14:00:00',
			'2024-02-20 15:30:00',
		),
		/** 离职客服: isStat "2". */
		deleted: agent(
			'700001',
			'离职客服',
			'left@sandbox.bangwo8.com',
			'8004',
			'13800138004',
			'102',
			'0',
			'2',
			'2023-04-01 09:00:00',
			'2024-01-15 09:00:00',
		),
		/** 回收站客服: isStat "0". */
		recycled: agent(
			'700002',
			'回收站客服',
			'recycled@sandbox.bangwo8.com',
			'8005',
			'13800138005',
			'103',
			'0',
			'0',
			'2023-05-20 16:45:00',
			'2024-01-20 17:00:00',
		),
	},
	/** GET /api/v1/users.json; companyId is a SEED.company id, supportId a SEED.agent id. */
	contact: {
		zhao: contact(
			'321456',
			'赵先生',
			'13911110001',
			'zhao@example.com',
			'5061778',
			'567332',
			'1',
			'2023-06-01 10:00:00',
		),
		qian: contact(
			'378594',
			'钱女士',
			'13911110002',
			'qian@example.com',
			'5061778',
			'345294',
			'1',
			'2023-06-02 10:00:00',
		),
		sun: contact(
			'264758',
			'孙先生',
			'13911110003',
			'sun@example.com',
			'476207',
			'655758',
			'1',
			'2023-06-03 10:00:00',
		),
		/** Primary contact of company testCo. */
		testCo1: contact(
			'9516936',
			'测试公司联系人1',
			'13011112228',
			'c1@example.com',
			'5061778',
			'567332',
			'1',
			'2023-06-04 10:00:00',
		),
		/** Primary contact of company co2233. */
		testCo2: contact(
			'9516345',
			'测试公司联系人2',
			'13011112229',
			'c2@example.com',
			'476207',
			'345294',
			'1',
			'2023-06-05 10:00:00',
		),
		/** Primary contact of company sandboxTech. */
		zhou: contact(
			'400001',
			'周先生',
			'13911110006',
			'zhou@example.com',
			'500001',
			'655758',
			'1',
			'2023-06-06 10:00:00',
		),
		/** state "2". */
		left: contact(
			'400002',
			'吴女士',
			'13911110007',
			'wu@example.com',
			'500001',
			'567332',
			'2',
			'2023-06-07 10:00:00',
		),
		/** state "3". */
		deleted: contact(
			'400003',
			'郑先生',
			'13911110008',
			'zheng@example.com',
			'476207',
			'345294',
			'3',
			'2023-06-08 10:00:00',
		),
	},
	/** The ids task_user holds when data_source is "0" (no list endpoint is documented). */
	company: {
		testCo: { id: '5061778', name: '测试公司2', primaryContactId: '9516936' },
		co2233: { id: '476207', name: '2233', primaryContactId: '9516345' },
		sandboxTech: { id: '500001', name: '沙盒科技有限公司', primaryContactId: '400001' },
	},
	callTask: {
		/** No call task exists after reset(); created and seeded ones count up from this id. */
		firstId: '49242970',
		/**
		 * What seedCallTasks(n) gives task k (k counting every seeded task from 0): created_at
		 * 2024-01-01 09:00:00 + k days, updated_at +30 min, task_start that date, task_end +7 days,
		 * name "沙盒外呼任务<k+1>", these users (data_source "1") and agents.
		 */
		seeded: {
			task_user: ['321456', '378594', '264758'],
			task_service: ['567332'],
			data_source: '1',
		},
	},
});

/** The stored agent rows (GET supports.json shape). */
const seedAgents = () =>
	Object.values(SEED.agent).map(
		({ id, name, email, sNum, mobile, groupId, isAdmin, isStat, created_at, updated_at }) => ({
			sId: id,
			name,
			sPassportName: email,
			sNum,
			email,
			mobile,
			groupId,
			isAdmin,
			isStat,
			created_at,
			updated_at,
		}),
	);

/** The stored contact rows (GET users.json shape). */
const seedContacts = () =>
	Object.values(SEED.contact).map(
		({ id, name, mobile, email, companyId, supportId, state, created_at }) => ({
			cId: id,
			name,
			mobile,
			email,
			companyId,
			supportId,
			state,
			created_at,
			updated_at: created_at,
		}),
	);

const seedCompanies = () =>
	Object.values(SEED.company).map(({ id, name, primaryContactId }) => ({
		uId: id,
		name,
		primaryContactId,
	}));

function deepFreeze(value) {
	for (const v of Object.values(value)) if (v && typeof v === 'object') deepFreeze(v);
	return Object.freeze(value);
}

module.exports = {
	SEED,
	SANDBOX_ADMIN,
	SANDBOX_AGENT,
	SANDBOX_OAUTH,
	seedAgents,
	seedContacts,
	seedCompanies,
};
