// BYRobot sandbox, undelivered callbacks (callBack/queryUnCallBack).
import { SEED, formatBeijing } from '../byrobot';
import { useSandbox } from './client';

const { sandbox, get, ok, fails } = useSandbox();
const { demo, second, unbound } = SEED.company;

describe('callBack/queryUnCallBack', () => {
	const today = () => formatBeijing(Date.now()).slice(0, 10);

	it('pages seeded undelivered callbacks', async () => {
		const seeded = sandbox.seedUndeliveredCallbacks(7);
		sandbox.seedUndeliveredCallbacks(2, { callJobId: 5555 });
		sandbox.seedUndeliveredCallbacks(1, { dataType: 1 });
		sandbox.seedUndeliveredCallbacks(1, { companyId: second.id });
		const q = { companyId: demo.id, dataType: 0, startDate: today(), endDate: today() };
		const all = await ok(get('callBack/queryUnCallBack', q));
		expect(all).toMatchObject({ pageNum: 1, pageSize: 100, total: 9, pages: 1 });
		expect(all.list[0]).toEqual({
			callJobId: SEED.undeliveredCallJobId,
			customerTelephone: seeded[0].customerTelephone,
			callInstanceId: seeded[0].callInstanceId,
			callerTime: seeded[0].callerTime,
			dataType: 0,
		});
		expect((await ok(get('callBack/queryUnCallBack', { ...q, callJobId: 5555 }))).total).toBe(2);
		expect((await ok(get('callBack/queryUnCallBack', { ...q, dataType: 1 }))).total).toBe(1);
		expect(
			(await ok(get('callBack/queryUnCallBack', { ...q, pageNum: 2, pageSize: 5 }))).size,
		).toBe(4);
		expect(
			(
				await ok(
					get('callBack/queryUnCallBack', { ...q, startDate: '2000-01-01', endDate: '2000-01-02' }),
				)
			).total,
		).toBe(0);
		expect(
			(
				await ok(
					get('callBack/queryUnCallBack', {
						...q,
						startDate: `${today()} 00:00:00`,
						endDate: `${today()} 23:59:59`,
					}),
				)
			).total,
		).toBe(9);
	});

	it('validates', async () => {
		const q = { companyId: demo.id, dataType: 0, startDate: today(), endDate: today() };
		expect(await fails(get('callBack/queryUnCallBack', { ...q, pageSize: 501 }), 412)).toBe(
			'参数错误: pageSize must be between 1 and 500',
		);
		await ok(get('callBack/queryUnCallBack', { ...q, pageSize: 500 }));
		await fails(get('callBack/queryUnCallBack', { ...q, dataType: 2 }), 412);
		await fails(get('callBack/queryUnCallBack', { ...q, dataType: undefined }), 412);
		await fails(get('callBack/queryUnCallBack', { ...q, startDate: undefined }), 412);
		await fails(get('callBack/queryUnCallBack', { ...q, endDate: 'yesterday' }), 412);
		await fails(
			get('callBack/queryUnCallBack', { ...q, startDate: '2030-01-02', endDate: '2030-01-01' }),
			412,
		);
		await fails(get('callBack/queryUnCallBack', { ...q, companyId: unbound.id }), 403);
	});
});
