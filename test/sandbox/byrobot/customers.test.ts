// BYRobot sandbox, customers of a task: import (v1, v2, 10,000 a request) and the not-dialed list.
import { SEED } from '../byrobot';
import { phoneOf, useSandbox } from './client';

const { sandbox, call, post, ok, fails, createTask } = useSandbox();
const { demo, second, unbound } = SEED.company;

describe('importTaskCustomer', () => {
	it('v2 counts successes, repeats and variable failures', async () => {
		const id = await createTask();
		const data = await ok(
			post('/openapi/v2/task/importTaskCustomer', {
				companyId: demo.id,
				taskId: id,
				customerInfoList: [
					{
						name: '张三',
						phone: '13300000001',
						properties: { 客户姓名: '张三', 贷款金额: '1000' },
					},
					{ name: '李四', phone: '13300000002' },
					{ name: '张三again', phone: '13300000001' },
					{ name: '坏变量', phone: '13300000003', properties: { 贷款金额: 1000 } },
					{ name: '坏变量2', phone: '13300000004', properties: ['x'] },
					{ name: '坏号码', phone: '133-0000' },
				],
			}),
		);
		expect(data).toEqual({ msg: expect.any(String), successNum: 2, repeatNum: 1, placeFailNum: 3 });
		const again = await ok(
			post('/openapi/v2/task/importTaskCustomer', {
				companyId: demo.id,
				taskId: id,
				customerInfoList: [{ name: '李四', phone: '13300000002' }, { phone: '13300000005' }],
			}),
		);
		expect(again).toMatchObject({ successNum: 1, repeatNum: 1, placeFailNum: 0 });
		expect(sandbox.customersOf(id).map((c) => [c.name, c.phone, c.properties])).toEqual([
			['张三', '13300000001', { 客户姓名: '张三', 贷款金额: '1000' }],
			['李四', '13300000002', {}],
			['', '13300000005', {}],
		]);
		expect(sandbox.tasks.get(id)!.totalCount).toBe(3);
	});

	it('v1 answers data null', async () => {
		const id = await createTask();
		const a = await post('task/importTaskCustomer', {
			companyId: demo.id,
			taskId: id,
			customerInfoList: [{ name: 'a', phone: '13300000001' }],
		});
		expect(a.json).toMatchObject({ code: 200, data: null, resultMsg: '操作成功' });
		expect(sandbox.customersOf(id)).toHaveLength(1);
	});

	it('validates the request', async () => {
		const id = await createTask();
		const imp = (body: Record<string, unknown>) =>
			post('/openapi/v2/task/importTaskCustomer', { companyId: demo.id, taskId: id, ...body });
		expect(await fails(imp({ customerInfoList: [] }), 412)).toBe(
			'参数错误: customerInfoList must not be empty',
		);
		expect(await fails(imp({ customerInfoList: undefined }), 412)).toBe(
			'参数错误: customerInfoList is required',
		);
		expect(await fails(imp({ customerInfoList: [{ name: 'x' }] }), 412)).toBe(
			'参数错误: customerInfoList[0].phone is required',
		);
		expect(await fails(imp({ customerInfoList: [{ phone: 13300000001 }] }), 412)).toBe(
			'参数错误: customerInfoList[0].phone must be a string',
		);
		expect(await fails(imp({ customerInfoList: [{ phone: '13300000001', name: 3 }] }), 412)).toBe(
			'参数错误: customerInfoList[0].name must be a string',
		);
		const tooMany = Array.from({ length: 10_001 }, (_, i) => ({
			name: `c${i}`,
			phone: phoneOf(i),
		}));
		expect(await fails(imp({ customerInfoList: tooMany }), 412)).toContain('at most 10000');
		await fails(imp({ taskId: 9999, customerInfoList: [{ phone: '13300000001' }] }), 404);
		await fails(imp({ companyId: second.id, customerInfoList: [{ phone: '13300000001' }] }), 404);
		await fails(imp({ companyId: unbound.id, customerInfoList: [{ phone: '13300000001' }] }), 403);
		expect(sandbox.customersOf(id)).toEqual([]);
	});

	it('imports 50,000 customers in 5 requests of 10,000 quickly', async () => {
		const id = await createTask();
		const started = Date.now();
		for (let batch = 0; batch < 5; batch++) {
			const customerInfoList = Array.from({ length: 10_000 }, (_, i) => {
				const n = batch * 10_000 + i;
				return { name: `客户${n}`, phone: phoneOf(n), properties: { 客户姓名: `客户${n}` } };
			});
			const data = await ok(
				post('/openapi/v2/task/importTaskCustomer', {
					companyId: demo.id,
					taskId: id,
					customerInfoList,
				}),
			);
			expect(data).toMatchObject({ successNum: 10_000, repeatNum: 0, placeFailNum: 0 });
		}
		expect(Date.now() - started).toBeLessThan(10_000);
		expect(sandbox.tasks.get(id)!.totalCount).toBe(50_000);
		const lastPage = await ok(
			post('task/notDialedCustomerList', { taskId: id, pageNum: 1000, pageSize: 50 }),
		);
		expect(lastPage).toMatchObject({ total: 50_000, pages: 1000, size: 50 });
		expect(lastPage.list[49].phone).toBe(phoneOf(49_999));
		const dialStart = Date.now();
		expect(sandbox.dialAll(id)).toHaveLength(50_000);
		expect(Date.now() - dialStart).toBeLessThan(5_000);
		expect(sandbox.tasks.get(id)!.doneCount).toBe(50_000);
	});
});

describe('notDialedCustomerList', () => {
	it('pages not-dialed customers by POST and GET', async () => {
		const id = await createTask();
		sandbox.importCustomers(
			id,
			Array.from({ length: 23 }, (_, i) => ({
				name: `客户${i}`,
				phone: phoneOf(i),
				properties: { 客户姓名: `客户${i}` },
			})),
		);
		const p1 = await ok(
			post('task/notDialedCustomerList', { taskId: id, pageNum: 1, pageSize: 10 }),
		);
		expect(p1).toMatchObject({ pageNum: 1, pageSize: 10, size: 10, total: 23, pages: 3 });
		expect(p1.list[0]).toEqual({
			callInstanceId: sandbox.customersOf(id)[0].callInstanceId,
			name: '客户0',
			phone: phoneOf(0),
			properties: { 客户姓名: '客户0' },
			customerName: '客户0',
			customerTelephone: phoneOf(0),
			status: 0,
			calledTimes: 0,
		});
		const p3 = await ok(
			call('GET', 'task/notDialedCustomerList', {
				query: { taskId: id, pageNum: 3, pageSize: 10 },
			}),
		);
		expect(p3.list.map((c: any) => c.name)).toEqual(['客户20', '客户21', '客户22']);
		const defaults = await ok(post('task/notDialedCustomerList', { taskId: id }));
		expect(defaults).toMatchObject({ pageNum: 1, pageSize: 10 });
		expect(await fails(post('task/notDialedCustomerList', { taskId: id, pageSize: 51 }), 412)).toBe(
			'参数错误: pageSize must be between 1 and 50',
		);
		await fails(post('task/notDialedCustomerList', { pageSize: 10 }), 412);
		await fails(post('task/notDialedCustomerList', { taskId: 9999 }), 404);
	});

	it('dialed customers leave the list', async () => {
		const id = await createTask();
		sandbox.importCustomers(id, [{ name: 'a', phone: '13300000001' }]);
		sandbox.dialAll(id);
		sandbox.importCustomers(id, [{ name: 'b', phone: '13300000002' }]);
		const page = await ok(post('task/notDialedCustomerList', { taskId: id }));
		expect(page.list.map((c: any) => c.name)).toEqual(['b']);
		expect(sandbox.notDialedOf(id).map((c) => c.name)).toEqual(['b']);
		expect(sandbox.customersOf(id).map((c) => c.dialed)).toEqual([true, false]);
	});
});
