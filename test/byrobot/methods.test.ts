import { expectSigned, rl, runner, useSandbox } from './helpers';

const { sandbox, baseUrl } = useSandbox();
const { load, search } = runner(baseUrl);

const forCompany = (id: number) => ({ resource: 'task', operation: 'create', company: rl(id) });

describe('list searches', () => {
	it('searchCompanies lists the bound companies and filters by name or id', async () => {
		expect(await search('searchCompanies', {})).toEqual({
			results: [
				{ name: '百应演示公司 (1001)', value: '1001' },
				{ name: '百应测试二部 (1002)', value: '1002' },
			],
		});
		expect((await search('searchCompanies', {}, '测试')).results).toEqual([{ name: '百应测试二部 (1002)', value: '1002' }]);
		expect(sandbox.requestsTo('company/getCompanys')).toHaveLength(2);
		sandbox.requests.forEach(expectSigned);
	});

	it('searchTasks lists the company’s tasks 100 per page with a pagination token, and filters by name', async () => {
		sandbox.seedTasks(1001, 120);
		const first = await search('searchTasks', forCompany(1001));
		expect(first.results).toHaveLength(100);
		expect(first.results[0]).toEqual({ name: '种子任务120 (5120, Not Started)', value: '5120' });
		expect(first.paginationToken).toBe('2');
		const second = await search('searchTasks', forCompany(1001), undefined, '2');
		expect(second.results).toHaveLength(20);
		expect(second.paginationToken).toBeUndefined();
		const filtered = await search('searchTasks', forCompany(1001), '任务7');
		expect(filtered.results.map((r) => r.value)).toContain('5007');
		expect(sandbox.requests.map((r) => r.query)).toEqual([
			{ companyId: '1001', pageNum: '1', pageSize: '100' },
			{ companyId: '1001', pageNum: '2', pageSize: '100' },
			{ companyId: '1001', pageNum: '1', pageSize: '100', taskName: '任务7' },
		]);
	});

	it('searchTasks asks for a company first', async () => {
		await expect(search('searchTasks', { resource: 'task', operation: 'get' })).rejects.toThrow('Choose a company first');
		expect(sandbox.requests).toHaveLength(0);
	});
});

describe('dropdowns', () => {
	it('getCallerLines offers the usable lines (useAvailable, not available) with their type', async () => {
		expect(await load('getCallerLines', forCompany(1001))).toEqual([
			{ name: '销售手机1 (13800000001)', value: 11, description: 'Mobile (SIM) · ID 11' },
			{ name: '总机固话 (02188886666)', value: 12, description: 'Landline · ID 12' },
		]);
		expect(sandbox.requests[0].query).toEqual({ companyId: '1001' });
	});

	it('getRobots offers the robots ever published (robotStatus 2)', async () => {
		const options = await load('getRobots', forCompany(1001));
		expect(options.map((o) => [o.name, o.value])).toEqual([
			['贷款回访机器人', 21],
			['满意度调查', 22],
		]);
		expect(sandbox.requests[0].query).toEqual({ companyId: '1001', robotStatus: '2' });
	});

	it('getRobotScripts offers every robot by its sceneDefId', async () => {
		const options = await load('getRobotScripts', forCompany(1001));
		expect(options.map((o) => o.value)).toEqual([31, 32, 33]);
	});

	describe('getTaskScriptVariables (Import Customers → Variables)', () => {
		const forImport = (taskId?: number) => ({
			resource: 'task',
			operation: 'importCustomers',
			company: rl(1001),
			...(taskId === undefined ? {} : { task: rl(taskId) }),
		});

		it("offers the variables of the chosen task's robot script, found through the task detail", async () => {
			const [taskId] = sandbox.seedTasks(1001, 1);
			const options = await load('getTaskScriptVariables', forImport(taskId));
			expect(options.map((o) => o.value).sort()).toEqual(['客户姓名', '还款日期', '贷款金额'].sort());
			expect(options[0].description).toBe('Script variable of 贷款回访机器人');
			expect(sandbox.requests.map((r) => [r.path, r.query])).toEqual([
				['/openapi/v1/company/getRobots', { companyId: '1001', robotStatus: '0' }],
				['/openapi/v1/task/getTaskDetail', { companyId: '1001', taskId: String(taskId) }],
				['/openapi/v1/task/getSceneVariables', { companyId: '1001', sceneDefId: '31' }],
			]);
			sandbox.requests.forEach(expectSigned);
		});

		it('follows a task of another robot', async () => {
			const [taskId] = sandbox.seedTasks(1001, 1, { robotDefId: 22, sceneDefId: 32, sceneRecordId: 42 });
			expect(await load('getTaskScriptVariables', forImport(taskId))).toEqual([
				{ name: '客户姓名', value: '客户姓名', description: 'Script variable of 满意度调查' },
			]);
		});

		it('when the task detail names no robot, offers every robot’s variables, each labelled with its robots', async () => {
			const [taskId] = sandbox.seedTasks(1001, 1);
			sandbox.taskDetailOmits = ['robotDefId', 'sceneDefId'];
			const options = await load('getTaskScriptVariables', forImport(taskId));
			expect(options.map((o) => o.value).sort()).toEqual(['客户姓名', '还款日期', '贷款金额'].sort());
			expect(options.find((o) => o.value === '客户姓名')?.description).toBe(
				'Script variable of 贷款回访机器人, 满意度调查',
			);
			expect(sandbox.requestsTo('task/getSceneVariables').map((r) => r.query.sceneDefId)).toEqual(['31', '32', '33']);
		});

		it('with the Task given by an expression, offers every robot’s variables without looking the task up', async () => {
			const options = await load('getTaskScriptVariables', { ...forImport(), task: rl('={{ $json.taskId }}', 'id') });
			expect(options.map((o) => o.value).sort()).toEqual(['客户姓名', '还款日期', '贷款金额'].sort());
			expect(sandbox.requestsTo('task/getTaskDetail')).toHaveLength(0);
		});

		it('when the task look-up fails, still offers every robot’s variables', async () => {
			const options = await load('getTaskScriptVariables', forImport(999999));
			expect(options).toHaveLength(3);
			expect(sandbox.requestsTo('task/getTaskDetail')).toHaveLength(1);
		});

		it('with no task chosen yet, offers every robot’s variables', async () => {
			const options = await load('getTaskScriptVariables', forImport());
			expect(options.map((o) => o.value).sort()).toEqual(['客户姓名', '还款日期', '贷款金额'].sort());
			expect(sandbox.requestsTo('task/getTaskDetail')).toHaveLength(0);
		});
	});

	it('getSmsTemplates offers the approved templates', async () => {
		const options = await load('getSmsTemplates', forCompany(1001));
		expect(options.map((o) => [o.name, o.value])).toEqual([['还款提醒', 51]]);
		expect(sandbox.requests[0].query).toEqual({ companyId: '1001', status: '2', pageNum: '1', pageSize: '100' });
	});

	it('getBlacklistGroups offers the groups', async () => {
		expect(await load('getBlacklistGroups', forCompany(1002))).toEqual([
			{ name: '默认分组', value: -1, description: undefined },
		]);
	});

	it('a dropdown for a company not bound to the AppKey shows the 403 hint', async () => {
		await expect(load('getCallerLines', forCompany(1003))).rejects.toThrow(/BYRobot error 403/);
	});
});
