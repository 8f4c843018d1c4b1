// BYRobot open platform sandbox: companies, robots, lines, variables, seats, balances, SOP workflows.
import { SEED } from '../byrobotOpen';
import { DEMO, useSandbox } from './client';

const { sandbox, api, ok, fails, createJob, token, execute } = useSandbox();

describe('company.list', () => {
	it('lists the companies bound to the app, with a masked mobile', async () => {
		expect(await ok(api('byai.openapi.company.list'))).toEqual([
			{ companyId: 1001, companyName: '百应演示公司', mobile: '138****0001' },
			{ companyId: 1002, companyName: '百应测试二部', mobile: '138****0014' },
		]);
	});
});

describe('robot.list', () => {
	it('answers the notes fields; robotStatus 1 online, 2 ever published, 0 all', async () => {
		const all = await ok(api('byai.openapi.robot.list', { companyId: DEMO }));
		expect(all[0]).toEqual({
			robotDefId: 21,
			robotName: '贷款回访机器人',
			robotStatus: 5,
			industryOneName: '金融',
			industryTwoName: '贷款',
			deployTime: '2024-03-01 10:00:00',
		});
		const ids = async (robotStatus?: number) =>
			(await ok(api('byai.openapi.robot.list', { companyId: DEMO, robotStatus }))).map(
				(r: { robotDefId: number }) => r.robotDefId,
			);
		expect(await ids()).toEqual([21, 22, 23]);
		expect(await ids(0)).toEqual([21, 22, 23]);
		expect(await ids(1)).toEqual([21]);
		expect(await ids(2)).toEqual([21, 22]);
		await fails(api('byai.openapi.robot.list', { companyId: DEMO, robotStatus: 3 }), 41000000);
	});

	it('companyId is required and must be decimal', async () => {
		expect(await fails(api('byai.openapi.robot.list'), 41000000)).toBe(
			'参数非法: companyId is required',
		);
		await fails(api('byai.openapi.robot.list', { companyId: '1001.0' }), 41000000);
	});
});

describe('phone.list', () => {
	it('lists the lines, the demo line with phoneType 9 and a description as phone', async () => {
		const lines = await ok(api('byai.openapi.phone.list', { companyId: DEMO }));
		expect(lines.map((l: { userPhoneId: number }) => l.userPhoneId)).toEqual([11, 12, 13, 1788320]);
		expect(lines[3]).toEqual({
			userPhoneId: 1788320,
			phone: '大屏演示专用线路-仅测试不生产',
			phoneName: '演示线路',
			phoneType: 9,
			sceneType: 1,
			rateType: 0,
			localSellingRate: 0,
			nonlocalSellingRate: 0,
			lineAmount: 0,
			billPeriod: 60,
		});
		const one = await ok(api('byai.openapi.phone.list', { companyId: DEMO, userPhoneId: 12 }));
		expect(one).toEqual([expect.objectContaining({ userPhoneId: 12, phone: '02188886666' })]);
	});
});

describe('company.scenevariables.get', () => {
	const vars = (robotDefId: number, extra: Record<string, string> = {}) =>
		api('byai.openapi.company.scenevariables.get', { companyId: DEMO, robotDefId, ...extra });

	it('robot loan answers one-element arrays, robot survey flat strings: clients must flatten', async () => {
		expect(await ok(vars(SEED.robot.loan.id, { hideDefaultVar: 'true' }))).toEqual({
			variables: [['客户姓名'], ['贷款金额'], ['还款日期']],
		});
		expect(await ok(vars(SEED.robot.survey.id, { hideDefaultVar: 'true' }))).toEqual({
			variables: ['客户姓名'],
		});
	});

	it('lists the built-in variables first unless hideDefaultVar=true', async () => {
		expect((await ok(vars(SEED.robot.survey.id))).variables).toEqual([
			'手机号',
			'外呼时间',
			'客户姓名',
		]);
		expect(
			(await ok(vars(SEED.robot.survey.id, { hideDefaultVar: 'false' }))).variables,
		).toHaveLength(3);
		await fails(vars(SEED.robot.survey.id, { hideDefaultVar: '1' }), 41000000);
	});

	it('takes robotDefId, not sceneDefId; an unknown robot is 10000401', async () => {
		const msg = await fails(
			api('byai.openapi.company.scenevariables.get', { companyId: DEMO, sceneDefId: 31 }),
			41000000,
		);
		expect(msg).toMatch(/robotDefId, not sceneDefId/);
		await fails(vars(SEED.robot.second.id), 10000401);
	});
});

describe('seats and balances', () => {
	it('seatinfo.get counts a running job’s concurrencyQuota', async () => {
		expect(await ok(api('byai.openapi.seatinfo.get', { companyId: DEMO }))).toEqual({
			companyUsingCallSeat: 2,
			companyAllCallSeat: 10,
		});
		const id = await createJob({ concurrencyQuota: 3 });
		await ok(execute(id, 1));
		expect(
			(await ok(api('byai.openapi.seatinfo.get', { companyId: DEMO }))).companyUsingCallSeat,
		).toBe(5);
	});

	it('company.ai.balance and company.communication.balance', async () => {
		expect(await ok(api('byai.openapi.company.ai.balance', { companyId: DEMO }))).toEqual({
			amount: 1250.5,
			price: '0.20',
			num: 6252,
		});
		expect(
			await ok(api('byai.openapi.company.communication.balance', { companyId: DEMO })),
		).toEqual({
			amount: 388.6,
		});
		await fails(api('byai.openapi.company.ai.balance'), 41000000);
	});
});

describe('sop.workflow.list.page.search', () => {
	const search = (fields: Record<string, string | number> = {}, t?: string) =>
		api('byai.sop.workflow.list.page.search', fields, t);

	it('pages from 0 and answers the notes fields, for the token’s company', async () => {
		const page = await ok(search());
		expect(page).toMatchObject({ total: 4, pages: 1, pageNum: 0, pageSize: 20 });
		expect(page.list[3]).toEqual({
			id: 115315720,
			name: '非常六加一-百天-0528-测试',
			workflowExecuteStatus: 'FINISH',
			workflowType: 'OUT_TRIGGER',
			startTime: '2026-05-28 09:57:32',
			endTime: '2099-01-01 00:00:01',
		});
		const second = await ok(search({ pageNum: 1, pageSize: 3 }));
		expect(second).toMatchObject({ total: 4, pages: 2, pageNum: 1, pageSize: 3 });
		expect(second.list.map((w: { id: number }) => w.id)).toEqual([115315720]);
		const other = await ok(search({}, await token(SEED.company.second.id)));
		expect(other.list.map((w: { id: number }) => w.id)).toEqual([115315724]);
	});

	it('filters by status, name, workflowId, group', async () => {
		const ids = async (fields: Record<string, string | number>) =>
			(await ok(search(fields))).list.map((w: { id: number }) => w.id);
		expect(await ids({ workflowExecuteStatus: 'PAUSE' })).toEqual([115315722]);
		expect(await ids({ name: '贷款回访' })).toEqual([115315722, 115315721]);
		expect(await ids({ workflowId: 115315723 })).toEqual([115315723]);
		expect(await ids({ groupId: 901 })).toEqual([115315723, 115315720]);
		expect(await ids({ groupName: '贷款' })).toEqual([115315722, 115315721]);
		await fails(search({ workflowExecuteStatus: 'RUNNING' }), 41000000);
		await fails(search({ pageNum: -1 }), 41000000);
	});
});

it('reset() restores the seed', async () => {
	sandbox.companies.get(DEMO)!.companyName = 'changed';
	sandbox.reset();
	expect(sandbox.companies.get(DEMO)!.companyName).toBe('百应演示公司');
});
