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
/** Named as the Bangwo8 OAuth2 API credential names its fields (SecretID, Secret). */
const SANDBOX_OAUTH = Object.freeze({
	apiId: 'sandbox-secret-id',
	secret: 'sandbox-secret',
});

function agent(sId, name, email, sNum, mobile, groupId, isAdmin, isStat, created_at, updated_at) {
	return { id: sId, name, email, sNum, mobile, groupId, isAdmin, isStat, created_at, updated_at };
}
function contact(cId, name, mobile, email, companyId, supportId, state, created_at) {
	return { id: cId, name, mobile, email, companyId, supportId, state, created_at };
}
function ticket(ticketId, subject, descript, rest) {
	return { id: ticketId, subject, descript, ...rest };
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
	/**
	 * GET /api/v1/companies.json (uId, companyName): also the ids task_user holds when data_source
	 * is "0". primaryContactId is the sandbox's own: whose name and mobile a company's userList row shows.
	 */
	company: {
		testCo: {
			id: '5061778',
			name: '测试公司2',
			primaryContactId: '9516936',
			supportId: '567332',
			province: '北京',
			city: '北京',
			created_at: '2023-05-01 09:00:00',
			updated_at: '2024-02-01 09:00:00',
		},
		co2233: {
			id: '476207',
			name: '2233',
			primaryContactId: '9516345',
			supportId: '345294',
			province: '上海',
			city: '上海',
			created_at: '2023-05-02 09:00:00',
			updated_at: '2024-02-02 09:00:00',
		},
		sandboxTech: {
			id: '500001',
			name: '沙盒科技有限公司',
			primaryContactId: '400001',
			supportId: '655758',
			province: '浙江',
			city: '杭州',
			created_at: '2023-05-03 09:00:00',
			updated_at: '2024-02-03 09:00:00',
		},
	},
	/**
	 * GET /api/v1/tickets.json (工单). custUserId a SEED.contact id, servicerUserId a SEED.agent id,
	 * ticketTemplateId a SEED.ticketTemplate id; custom_fields in the v1 form (dropdown = option text).
	 * Created ones count up from ticketFirstId.
	 */
	ticket: {
		printer: ticket('7000101', '打印机无法连接', '办公室打印机连不上网络，已重启无效。', {
			custUserId: '321456',
			servicerUserId: '567332',
			ticketType: '1',
			priorityLevel: '2',
			ticketStatus: '2',
			ticketTemplateId: '4',
			custom_fields: [
				{ key: 'field_12', value: '上门' },
				{ key: 'field_13', value: '2024-03-05' },
			],
			created_at: '2024-03-01 09:00:00',
			updated_at: '2024-03-02 10:00:00',
		}),
		callback: ticket('7000102', '客户要求回电', '钱女士希望下午三点后回电，确认续费事宜。', {
			custUserId: '378594',
			servicerUserId: '655758',
			ticketType: '4',
			priorityLevel: '3',
			ticketStatus: '1',
			ticketTemplateId: '0',
			custom_fields: [{ key: 'field_14', value: 'A' }],
			created_at: '2024-03-03 11:00:00',
			updated_at: '2024-03-03 11:00:00',
		}),
		complaint: ticket('7000103', '投诉：送货延迟', '订单已超过承诺日期五天未送达。', {
			custUserId: '264758',
			servicerUserId: '345294',
			ticketType: '3',
			priorityLevel: '4',
			ticketStatus: '3',
			ticketTemplateId: '8',
			custom_fields: [{ key: 'field_12', value: '远程' }],
			created_at: '2024-03-05 14:30:00',
			updated_at: '2024-03-08 16:00:00',
		}),
		solved: ticket('7000104', '发票抬头修改', '请把发票抬头改为公司全称。', {
			custUserId: '321456',
			servicerUserId: '567332',
			ticketType: '2',
			priorityLevel: '1',
			ticketStatus: '4',
			ticketTemplateId: '0',
			custom_fields: [],
			created_at: '2024-03-06 09:15:00',
			updated_at: '2024-03-07 09:00:00',
		}),
		/** ticketType "0" and ticketStatus "6": both occur, neither is documented. */
		odd: ticket('7000105', '旧系统迁移工单', '从旧系统导入。', {
			custUserId: '400001',
			servicerUserId: '655758',
			ticketType: '0',
			priorityLevel: '2',
			ticketStatus: '6',
			ticketTemplateId: '0',
			custom_fields: [],
			created_at: '2024-02-20 08:00:00',
			updated_at: '2024-02-21 08:00:00',
		}),
	},
	/** Created tickets get ids from here upwards. */
	ticketFirstId: '7000200',
	/** GET /api/v1/tickets/ticket_fields.json (custom fields; ticket_fields2.json adds the system ones). */
	ticketField: {
		/** 服务方式: a dropdown. */
		service: {
			key: 'field_12',
			name: '服务方式',
			type: 'select',
			custom_field_options: [
				{ key: '4272477', value: '上门' },
				{ key: '4272478', value: '远程' },
			],
		},
		/** 回访日期: text. */
		visitDate: { key: 'field_13', name: '回访日期', type: 'text', custom_field_options: [] },
		/** 来电意向: a dropdown. */
		intention: {
			key: 'field_14',
			name: '来电意向',
			type: 'select',
			custom_field_options: [
				{ key: '4272481', value: 'A' },
				{ key: '4272482', value: 'B' },
				{ key: '4272483', value: 'C' },
				{ key: '4272484', value: 'D' },
			],
		},
	},
	/** GET /api/v1/tickettemplates.json, as the templates page's sample. */
	ticketTemplate: {
		install: { id: '4', name: '安装表', isReleased: '1' },
		repair: { id: '8', name: '维修单', isReleased: '0' },
	},
	/** Created contacts get ids from here upwards. */
	contactFirstId: '600001',
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

/** The stored company rows (GET companies.json shape, plus the sandbox's primaryContactId). */
const seedCompanies = () =>
	Object.values(SEED.company).map(
		({ id, name, primaryContactId, supportId, province, city, created_at, updated_at }) => ({
			uId: id,
			companyName: name,
			supportId,
			address: '',
			province,
			city,
			status: '1',
			tableName: '',
			custom_fields: [],
			created_at,
			updated_at,
			primaryContactId,
		}),
	);

/** The stored tickets: the v1 field names, every value a string (created_at / updated_at for the filters). */
const seedTickets = () =>
	Object.values(SEED.ticket).map(({ id, custom_fields, created_at, updated_at, ...rest }) => ({
		ticketId: id,
		...rest,
		ccUserIdList: '',
		ccGroupIdList: '',
		servicerGroupId: '0',
		tagList: '',
		createrId: rest.servicerUserId,
		createrType: '0',
		ticketSource: '1',
		isDeleted: '0',
		custom_fields: custom_fields.map((f) => ({ ...f })),
		created_at,
		updated_at,
		replies: [],
	}));

const seedTicketFields = () =>
	Object.values(SEED.ticketField).map((f) => ({
		...f,
		custom_field_options: f.custom_field_options.map((o) => ({ ...o })),
	}));

const seedTicketTemplates = () =>
	Object.values(SEED.ticketTemplate).map(({ id, name, isReleased }) => ({
		tId: id,
		ticketTemplateName: name,
		ticketTemplateDescription: '',
		visibleRange: '1',
		servicerGroupId: '0',
		servicerId: '0',
		isReleased,
		creatorId: SEED.agent.admin.id,
		createDT: '2019-08-21 15:37:01',
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
	seedTickets,
	seedTicketFields,
	seedTicketTemplates,
};
