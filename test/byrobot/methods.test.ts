import { expectSigned, rl, runner, useSandbox } from './helpers';
import { SEED } from '../sandbox/byrobot';

const { sandbox, baseUrl } = useSandbox();
const { load, search } = runner(baseUrl);

const forCompany = (id: number) => ({ resource: 'task', operation: 'create', company: rl(id) });

describe('list searches', () => {
	it('searchCompanies lists the bound companies and filters by name or id', async () => {
		expect(await search('searchCompanies', {})).toEqual({
			results: [
				{ name: `百应演示公司 (${SEED.company.demo.id})`, value: String(SEED.company.demo.id) },
				{ name: `百应测试二部 (${SEED.company.second.id})`, value: String(SEED.company.second.id) },
			],
		});
		expect((await search('searchCompanies', {}, '测试')).results).toEqual([
			{ name: `百应测试二部 (${SEED.company.second.id})`, value: String(SEED.company.second.id) },
		]);
		expect(sandbox.requestsTo('company/getCompanys')).toHaveLength(2);
		sandbox.requests.forEach(expectSigned);
	});

	it('searchTasks lists the company’s tasks 100 per page with a pagination token, and filters by name', async () => {
		sandbox.seedTasks(SEED.company.demo.id, 120);
		const first = await search('searchTasks', forCompany(SEED.company.demo.id));
		expect(first.results).toHaveLength(100);
		expect(first.results[0]).toEqual({
			name: `种子任务120 (${SEED.firstId.task + 119}, Not Started)`,
			value: String(SEED.firstId.task + 119),
		});
		expect(first.paginationToken).toBe('2');
		const second = await search('searchTasks', forCompany(SEED.company.demo.id), undefined, '2');
		expect(second.results).toHaveLength(20);
		expect(second.paginationToken).toBeUndefined();
		const filtered = await search('searchTasks', forCompany(SEED.company.demo.id), '任务7');
		expect(filtered.results.map((r) => r.value)).toContain(String(SEED.firstId.task + 6));
		expect(sandbox.requests.map((r) => r.query)).toEqual([
			{ companyId: String(SEED.company.demo.id), pageNum: '1', pageSize: '100' },
			{ companyId: String(SEED.company.demo.id), pageNum: '2', pageSize: '100' },
			{ companyId: String(SEED.company.demo.id), pageNum: '1', pageSize: '100', taskName: '任务7' },
		]);
	});

	it('searchTasks lists nothing (no error, no request) while no company is chosen', async () => {
		expect(await search('searchTasks', { resource: 'task', operation: 'get' })).toEqual({
			results: [],
		});
		expect(sandbox.requests).toHaveLength(0);
	});
});

describe('dropdowns before a company is chosen', () => {
	it.each([
		['getCallerLines', 'Caller lines'],
		['getRobots', 'Robots'],
		['getRobotScripts', 'Robot scripts'],
		['getSmsTemplates', 'SMS templates'],
		['getBlacklistGroups', 'Blacklist groups'],
		['getTaskScriptVariables', 'Script variables'],
	])('%s shows one hint that cannot be picked, and asks BYRobot nothing', async (method, what) => {
		expect(await load(method, { resource: 'task', operation: 'create' })).toEqual([
			{
				name: 'Choose a Company First',
				value: '',
				disabled: true,
				description: `${what} are listed for the company chosen in Company above`,
			},
		]);
		expect(sandbox.requests).toHaveLength(0);
	});
});

describe('dropdowns', () => {
	it('getCallerLines offers the usable lines (useAvailable, not available) with their type', async () => {
		expect(await load('getCallerLines', forCompany(SEED.company.demo.id))).toEqual([
			{
				name: '销售手机1 (13800000001)',
				value: SEED.phone.mobile.id,
				description: `Mobile (SIM) · ID ${SEED.phone.mobile.id}`,
			},
			{
				name: '总机固话 (02188886666)',
				value: SEED.phone.landline.id,
				description: `Landline · ID ${SEED.phone.landline.id}`,
			},
		]);
		expect(sandbox.requests[0].query).toEqual({ companyId: String(SEED.company.demo.id) });
	});

	it('getRobots offers the robots ever published (robotStatus 2)', async () => {
		const options = await load('getRobots', forCompany(SEED.company.demo.id));
		expect(options.map((o) => [o.name, o.value])).toEqual([
			['贷款回访机器人', SEED.robot.loan.id],
			['满意度调查', SEED.robot.survey.id],
		]);
		expect(sandbox.requests[0].query).toEqual({
			companyId: String(SEED.company.demo.id),
			robotStatus: '2',
		});
	});

	it('getRobotScripts offers every robot by its sceneDefId', async () => {
		const options = await load('getRobotScripts', forCompany(SEED.company.demo.id));
		expect(options.map((o) => o.value)).toEqual([
			SEED.robot.loan.sceneDefId,
			SEED.robot.survey.sceneDefId,
			SEED.robot.draft.sceneDefId,
		]);
	});

	describe('getTaskScriptVariables (Import Customers → Variables)', () => {
		const forImport = (taskId?: number) => ({
			resource: 'task',
			operation: 'importCustomers',
			company: rl(SEED.company.demo.id),
			...(taskId === undefined ? {} : { task: rl(taskId) }),
		});

		it("offers the variables of the chosen task's robot script, found through the task detail", async () => {
			const [taskId] = sandbox.seedTasks(SEED.company.demo.id, 1);
			const options = await load('getTaskScriptVariables', forImport(taskId));
			expect(options.map((o) => o.value).sort()).toEqual(
				['客户姓名', '还款日期', '贷款金额'].sort(),
			);
			expect(options[0].description).toBe('Script variable of 贷款回访机器人');
			expect(sandbox.requests.map((r) => [r.path, r.query])).toEqual([
				[
					'/openapi/v1/company/getRobots',
					{ companyId: String(SEED.company.demo.id), robotStatus: '0' },
				],
				[
					'/openapi/v1/task/getTaskDetail',
					{ companyId: String(SEED.company.demo.id), taskId: String(taskId) },
				],
				[
					'/openapi/v1/task/getSceneVariables',
					{
						companyId: String(SEED.company.demo.id),
						sceneDefId: String(SEED.robot.loan.sceneDefId),
					},
				],
			]);
			sandbox.requests.forEach(expectSigned);
		});

		it('follows a task of another robot', async () => {
			const [taskId] = sandbox.seedTasks(SEED.company.demo.id, 1, {
				robotDefId: SEED.robot.survey.id,
				sceneDefId: SEED.robot.survey.sceneDefId,
				sceneRecordId: SEED.robot.survey.sceneRecordId,
			});
			expect(await load('getTaskScriptVariables', forImport(taskId))).toEqual([
				{ name: '客户姓名', value: '客户姓名', description: 'Script variable of 满意度调查' },
			]);
		});

		it('when the task detail names no robot, offers every robot’s variables, each labelled with its robots', async () => {
			const [taskId] = sandbox.seedTasks(SEED.company.demo.id, 1);
			sandbox.taskDetailOmits = ['robotDefId', 'sceneDefId'];
			const options = await load('getTaskScriptVariables', forImport(taskId));
			expect(options.map((o) => o.value).sort()).toEqual(
				['客户姓名', '还款日期', '贷款金额'].sort(),
			);
			expect(options.find((o) => o.value === '客户姓名')?.description).toBe(
				'Script variable of 贷款回访机器人, 满意度调查',
			);
			expect(sandbox.requestsTo('task/getSceneVariables').map((r) => r.query.sceneDefId)).toEqual(
				[SEED.robot.loan, SEED.robot.survey, SEED.robot.draft].map((r) => String(r.sceneDefId)),
			);
		});

		it('with the Task given by an expression, offers every robot’s variables without looking the task up', async () => {
			const options = await load('getTaskScriptVariables', {
				...forImport(),
				task: rl('={{ $json.taskId }}', 'id'),
			});
			expect(options.map((o) => o.value).sort()).toEqual(
				['客户姓名', '还款日期', '贷款金额'].sort(),
			);
			expect(sandbox.requestsTo('task/getTaskDetail')).toHaveLength(0);
		});

		it('when the task look-up fails, still offers every robot’s variables', async () => {
			const options = await load('getTaskScriptVariables', forImport(999999));
			expect(options).toHaveLength(3);
			expect(sandbox.requestsTo('task/getTaskDetail')).toHaveLength(1);
		});

		it('with no task chosen yet, offers every robot’s variables', async () => {
			const options = await load('getTaskScriptVariables', forImport());
			expect(options.map((o) => o.value).sort()).toEqual(
				['客户姓名', '还款日期', '贷款金额'].sort(),
			);
			expect(sandbox.requestsTo('task/getTaskDetail')).toHaveLength(0);
		});
	});

	it('getSmsTemplates offers the approved templates', async () => {
		const options = await load('getSmsTemplates', forCompany(SEED.company.demo.id));
		expect(options.map((o) => [o.name, o.value])).toEqual([
			['还款提醒', SEED.smsTemplate.approved.id],
		]);
		expect(sandbox.requests[0].query).toEqual({
			companyId: String(SEED.company.demo.id),
			status: '2',
			pageNum: '1',
			pageSize: '100',
		});
	});

	it('getBlacklistGroups offers the groups', async () => {
		expect(await load('getBlacklistGroups', forCompany(SEED.company.second.id))).toEqual([
			{ name: '默认分组', value: SEED.blacklistGroup.default.id, description: undefined },
		]);
	});

	it('a dropdown for a company not bound to the AppKey shows the 403 hint', async () => {
		await expect(load('getCallerLines', forCompany(SEED.company.unbound.id))).rejects.toThrow(
			/BYRobot error 403/,
		);
	});
});
