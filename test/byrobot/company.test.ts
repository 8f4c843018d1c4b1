import { expectedFailure, expectOnlyRequest, jsonOf, pairedOf, rl, runner, useSandbox } from './helpers';

const { sandbox, baseUrl } = useSandbox();
const { run } = runner(baseUrl);

const V1 = '/openapi/v1';

describe('Company', () => {
	it('Get Many: GET getCompanys, one item per company', async () => {
		const out = await run({ resource: 'company', operation: 'getAll' });
		expectOnlyRequest(sandbox, { method: 'GET', path: `${V1}/company/getCompanys` });
		expect(jsonOf(out)).toEqual([
			{ companyId: 1001, companyName: '百应演示公司' },
			{ companyId: 1002, companyName: '百应测试二部' },
		]);
		expect(pairedOf(out)).toEqual([{ item: 0 }, { item: 0 }]);
	});

	it('Get Caller Lines: GET getPhones with companyId, phone types labelled', async () => {
		const out = await run({ resource: 'company', operation: 'getCallerLines', company: rl(1001) });
		expectOnlyRequest(sandbox, { method: 'GET', path: `${V1}/company/getPhones`, query: { companyId: '1001' } });
		expect(out.map((item) => [item.json.userPhoneId, item.json.phoneType, item.json.phoneTypeLabel, item.json.useAvailable])).toEqual([
			[11, 0, 'Mobile (SIM)', true],
			[12, 1, 'Landline', true],
			[13, 2, 'No Caller', false],
		]);
	});

	it('Get Robots: GET getRobots with robotStatus', async () => {
		const out = await run({ resource: 'company', operation: 'getRobots', company: rl(1001), robotStatus: 1 });
		expectOnlyRequest(sandbox, {
			method: 'GET',
			path: `${V1}/company/getRobots`,
			query: { companyId: '1001', robotStatus: '1' },
		});
		expect(jsonOf(out)).toEqual([
			expect.objectContaining({ robotDefId: 21, robotName: '贷款回访机器人', sceneDefId: 31 }),
		]);
	});

	it('Get Seat Statistics: GET seat/statistics, data unwrapped', async () => {
		const out = await run({ resource: 'company', operation: 'getSeatStatistics', company: rl(1002, 'id') });
		expectOnlyRequest(sandbox, { method: 'GET', path: `${V1}/company/seat/statistics`, query: { companyId: '1002' } });
		expect(out).toEqual([{ json: { companyAllCallSeat: 2, companyUsingCallSeat: 0 }, pairedItem: { item: 0 } }]);
	});

	it('Get SMS Templates: GET sms/template/list (the other envelope), filtered by status', async () => {
		const out = await run({
			resource: 'company',
			operation: 'getSmsTemplates',
			company: rl(1001),
			status: 2,
			returnAll: true,
		});
		expectOnlyRequest(sandbox, {
			method: 'GET',
			path: `${V1}/sms/template/list`,
			query: { companyId: '1001', status: '2', pageNum: '1', pageSize: '100' },
		});
		expect(out.map((item) => [item.json.smsTemplateId, item.json.name])).toEqual([[51, '还款提醒']]);
	});

	it('Get SMS Templates: all statuses and a Limit', async () => {
		const out = await run({ resource: 'company', operation: 'getSmsTemplates', company: rl(1001), limit: 2 });
		expectOnlyRequest(sandbox, {
			method: 'GET',
			path: `${V1}/sms/template/list`,
			query: { companyId: '1001', pageNum: '1', pageSize: '2' },
		});
		expect(out.map((item) => item.json.smsTemplateId)).toEqual([51, 52]);
	});

	it('Get SMS Templates: an error in the {code, msg, success} envelope becomes a NodeApiError', async () => {
		const error = await run({ resource: 'company', operation: 'getSmsTemplates', company: rl(1003, 'id') }).then(expectedFailure, (e: unknown) => e as Error & { description: string },
		);
		expect(error.message).toMatch(/^BYRobot error 403: 没有权限/);
		expect(error.description).toMatch(/not bound to this AppKey/);
	});

	it('Get Script Variables: GET getSceneVariables, one item per variable', async () => {
		const out = await run({ resource: 'company', operation: 'getScriptVariables', company: rl(1001), sceneDefId: 31 });
		expectOnlyRequest(sandbox, {
			method: 'GET',
			path: `${V1}/task/getSceneVariables`,
			query: { companyId: '1001', sceneDefId: '31' },
		});
		expect(jsonOf(out)).toEqual([{ name: '客户姓名' }, { name: '贷款金额' }, { name: '还款日期' }]);
	});
});
