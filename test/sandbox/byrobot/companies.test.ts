// BYRobot sandbox, companies and what they own: lines, robots, script variables, seats, SMS templates.
import { SEED } from '../byrobot';
import { useSandbox } from './client';

const { sandbox, get, post, ok, fails } = useSandbox();
const { demo, second, unbound } = SEED.company;
const { mobile, landline, unavailable, secondMobile } = SEED.phone;
const { loan, survey, draft } = SEED.robot;
const { approved, inReview, rejected } = SEED.smsTemplate;

describe('company resources', () => {
	it('getPhones lists the seeded lines with a contradicting `available`', async () => {
		const data = await ok(get('company/getPhones', { companyId: demo.id }));
		expect(
			data.map((p: any) => [p.userPhoneId, p.phone, p.phoneName, p.phoneType, p.useAvailable]),
		).toEqual([
			[mobile.id, '13800000001', '销售手机1', 0, true],
			[landline.id, '02188886666', '总机固话', 1, true],
			[unavailable.id, '', '无主叫线路', 2, false],
		]);
		for (const p of data) {
			expect(p.available).toBe(!p.useAvailable);
			expect(p).toHaveProperty('totalConcurrencyQuota');
			expect(p).toHaveProperty('usedConcurrencyQuota');
			expect(p).toHaveProperty('billPeriod');
			expect(p).toHaveProperty('validityBegin');
			expect(p).toHaveProperty('validityEnd');
			expect(p).toHaveProperty('sceneType');
		}
		const other = await ok(get('company/getPhones', { companyId: second.id }));
		expect(other.map((p: any) => [p.userPhoneId, p.phoneType])).toEqual([[secondMobile.id, 0]]);
	});

	it('getRobots filters by robotStatus', async () => {
		const ids = async (robotStatus?: number) =>
			(await ok(get('company/getRobots', { companyId: demo.id, robotStatus }))).map(
				(r: any) => r.robotDefId,
			);
		expect(await ids()).toEqual([loan.id, survey.id, draft.id]);
		expect(await ids(0)).toEqual([loan.id, survey.id, draft.id]);
		expect(await ids(1)).toEqual([loan.id]);
		expect(await ids(2)).toEqual([loan.id, survey.id]);
		await fails(get('company/getRobots', { companyId: demo.id, robotStatus: 3 }), 412);
		const [first] = await ok(get('company/getRobots', { companyId: demo.id }));
		expect(first).toEqual({
			robotDefId: loan.id,
			robotName: '贷款回访机器人',
			sceneDefId: loan.sceneDefId,
			sceneRecords: [{ sceneRecordId: loan.sceneRecordId, sceneRecordName: '女声版' }],
			industryOneName: '金融',
			industryTwoName: '贷款',
			gmtModify: '2024-03-01 10:00:00',
		});
	});

	it('getSceneVariables', async () => {
		expect(
			await ok(get('task/getSceneVariables', { companyId: demo.id, sceneDefId: loan.sceneDefId })),
		).toEqual(['客户姓名', '贷款金额', '还款日期']);
		expect(
			await ok(
				get('task/getSceneVariables', { companyId: demo.id, sceneDefId: survey.sceneDefId }),
			),
		).toEqual(['客户姓名']);
		expect(
			await ok(get('task/getSceneVariables', { companyId: demo.id, sceneDefId: draft.sceneDefId })),
		).toEqual([]);
		await fails(get('task/getSceneVariables', { companyId: demo.id, sceneDefId: 99 }), 404);
		await fails(get('task/getSceneVariables', { companyId: demo.id }), 412);
	});

	it('seat statistics count running tasks', async () => {
		const { all, using } = demo.seats;
		expect(await ok(get('company/seat/statistics', { companyId: demo.id }))).toEqual({
			companyAllCallSeat: all,
			companyUsingCallSeat: using,
		});
		const [id] = sandbox.seedTasks(demo.id, 1, { concurrencyQuota: 3 });
		await ok(post('task/start', { taskId: id }));
		expect(await ok(get('company/seat/statistics', { companyId: demo.id }))).toEqual({
			companyAllCallSeat: all,
			companyUsingCallSeat: using + 3,
		});
		await ok(post('task/pause', { taskId: id }));
		expect(
			(await ok(get('company/seat/statistics', { companyId: demo.id }))).companyUsingCallSeat,
		).toBe(using);
	});

	it('sms/template/list answers its own envelope, paged and filtered', async () => {
		const a = await get('sms/template/list', { companyId: demo.id });
		expect(a.status).toBe(200);
		expect(a.json).toMatchObject({ code: 200, msg: '查询成功', success: true });
		expect(a.json).not.toHaveProperty('resultMsg');
		expect(a.json.data).toMatchObject({ pageNum: 1, pageSize: 20, total: 3, pages: 1 });
		expect(a.json.data.list.map((t: any) => [t.smsTemplateId, t.name, t.status])).toEqual([
			[approved.id, '还款提醒', 2],
			[inReview.id, '活动通知', 1],
			[rejected.id, '催收短信', 3],
		]);
		const paged = await get('sms/template/list', { companyId: demo.id, pageNum: 2, pageSize: 2 });
		expect(paged.json.data).toMatchObject({ pageNum: 2, pageSize: 2, size: 1, total: 3, pages: 2 });
		expect(paged.json.data.list[0].smsTemplateId).toBe(rejected.id);
		const onlyApproved = await get('sms/template/list', { companyId: demo.id, status: 2 });
		expect(onlyApproved.json.data.list.map((t: any) => t.smsTemplateId)).toEqual([approved.id]);
		const denied = await get('sms/template/list', { companyId: unbound.id });
		expect(denied.json).toMatchObject({ code: 403, success: false, data: null });
	});
});
