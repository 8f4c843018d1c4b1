import {
	expectedFailure,
	expectOnlyRequest,
	jsonOf,
	pairedOf,
	rl,
	runner,
	useSandbox,
} from './helpers';
import { SEED } from '../sandbox/byrobot';

const { sandbox, baseUrl } = useSandbox();
const { run } = runner(baseUrl);

const V1 = '/openapi/v1';

describe('Company', () => {
	it('Get Many: GET getCompanys, one item per company', async () => {
		const out = await run({ resource: 'company', operation: 'getAll' });
		expectOnlyRequest(sandbox, { method: 'GET', path: `${V1}/company/getCompanys` });
		expect(jsonOf(out)).toEqual([
			{ companyId: SEED.company.demo.id, companyName: '百应演示公司' },
			{ companyId: SEED.company.second.id, companyName: '百应测试二部' },
		]);
		expect(pairedOf(out)).toEqual([{ item: 0 }, { item: 0 }]);
	});

	it('Get Caller Lines: GET getPhones with companyId, phone types labelled', async () => {
		const out = await run({
			resource: 'company',
			operation: 'getCallerLines',
			company: rl(SEED.company.demo.id),
		});
		expectOnlyRequest(sandbox, {
			method: 'GET',
			path: `${V1}/company/getPhones`,
			query: { companyId: String(SEED.company.demo.id) },
		});
		expect(
			out.map((item) => [
				item.json.userPhoneId,
				item.json.phoneType,
				item.json.phoneTypeLabel,
				item.json.useAvailable,
			]),
		).toEqual([
			[SEED.phone.mobile.id, 0, 'Mobile (SIM)', true],
			[SEED.phone.landline.id, 1, 'Landline', true],
			[SEED.phone.unavailable.id, 2, 'No Caller', false],
		]);
	});

	it('Get Robots: GET getRobots with robotStatus', async () => {
		const out = await run({
			resource: 'company',
			operation: 'getRobots',
			company: rl(SEED.company.demo.id),
			robotStatus: 1,
		});
		expectOnlyRequest(sandbox, {
			method: 'GET',
			path: `${V1}/company/getRobots`,
			query: { companyId: String(SEED.company.demo.id), robotStatus: '1' },
		});
		expect(jsonOf(out)).toEqual([
			expect.objectContaining({
				robotDefId: SEED.robot.loan.id,
				robotName: SEED.robot.loan.name,
				sceneDefId: SEED.robot.loan.sceneDefId,
			}),
		]);
	});

	it('Get Seat Statistics: GET seat/statistics, data unwrapped', async () => {
		const out = await run({
			resource: 'company',
			operation: 'getSeatStatistics',
			company: rl(SEED.company.second.id, 'id'),
		});
		expectOnlyRequest(sandbox, {
			method: 'GET',
			path: `${V1}/company/seat/statistics`,
			query: { companyId: String(SEED.company.second.id) },
		});
		expect(out).toEqual([
			{
				json: {
					companyAllCallSeat: SEED.company.second.seats.all,
					companyUsingCallSeat: SEED.company.second.seats.using,
				},
				pairedItem: { item: 0 },
			},
		]);
	});

	it('Get SMS Templates: GET sms/template/list (the other envelope), filtered by status', async () => {
		const out = await run({
			resource: 'company',
			operation: 'getSmsTemplates',
			company: rl(SEED.company.demo.id),
			status: 2,
			returnAll: true,
		});
		expectOnlyRequest(sandbox, {
			method: 'GET',
			path: `${V1}/sms/template/list`,
			query: {
				companyId: String(SEED.company.demo.id),
				status: '2',
				pageNum: '1',
				pageSize: '100',
			},
		});
		expect(out.map((item) => [item.json.smsTemplateId, item.json.name])).toEqual([
			[SEED.smsTemplate.approved.id, '还款提醒'],
		]);
	});

	it('Get SMS Templates: all statuses and a Limit', async () => {
		const out = await run({
			resource: 'company',
			operation: 'getSmsTemplates',
			company: rl(SEED.company.demo.id),
			limit: 2,
		});
		expectOnlyRequest(sandbox, {
			method: 'GET',
			path: `${V1}/sms/template/list`,
			query: { companyId: String(SEED.company.demo.id), pageNum: '1', pageSize: '2' },
		});
		expect(out.map((item) => item.json.smsTemplateId)).toEqual([
			SEED.smsTemplate.approved.id,
			SEED.smsTemplate.inReview.id,
		]);
	});

	it('Get SMS Templates: an error in the {code, msg, success} envelope becomes a NodeApiError', async () => {
		const error = await run({
			resource: 'company',
			operation: 'getSmsTemplates',
			company: rl(SEED.company.unbound.id, 'id'),
		}).then(expectedFailure, (e: unknown) => e as Error & { description: string });
		expect(error.message).toMatch(/^BYRobot error 403: 没有权限/);
		expect(error.description).toMatch(/not bound to this AppKey/);
	});

	it('Get Script Variables: GET getSceneVariables, one item per variable', async () => {
		const out = await run({
			resource: 'company',
			operation: 'getScriptVariables',
			company: rl(SEED.company.demo.id),
			sceneDefId: SEED.robot.loan.sceneDefId,
		});
		expectOnlyRequest(sandbox, {
			method: 'GET',
			path: `${V1}/task/getSceneVariables`,
			query: {
				companyId: String(SEED.company.demo.id),
				sceneDefId: String(SEED.robot.loan.sceneDefId),
			},
		});
		expect(jsonOf(out)).toEqual([{ name: '客户姓名' }, { name: '贷款金额' }, { name: '还款日期' }]);
	});
});
