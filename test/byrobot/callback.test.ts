import { expectedFailure, expectOnlyRequest, rl, runner, useSandbox } from './helpers';
import { SEED } from '../sandbox/byrobot';

const { sandbox, baseUrl } = useSandbox();
const { run } = runner(baseUrl);

describe('Callback → Get Undelivered', () => {
	it('GETs queryUnCallBack with company, type, dates and task filter', async () => {
		const seeded = sandbox.seedUndeliveredCallbacks(3, {
			callJobId: 5005,
			callerTime: '2024-05-02 10:00:00',
		});
		sandbox.seedUndeliveredCallbacks(2, { callJobId: 6000, callerTime: '2024-05-02 11:00:00' });
		const out = await run({
			resource: 'callback',
			operation: 'getUndelivered',
			company: rl(SEED.company.demo.id),
			dataType: 0,
			startDate: '2024-05-01',
			endDate: '2024-05-31',
			returnAll: true,
			filters: { callJobId: 5005 },
		});
		expectOnlyRequest(sandbox, {
			method: 'GET',
			path: '/openapi/v1/callBack/queryUnCallBack',
			query: {
				companyId: String(SEED.company.demo.id),
				dataType: '0',
				startDate: '2024-05-01',
				endDate: '2024-05-31',
				callJobId: '5005',
				pageNum: '1',
				pageSize: '500',
			},
		});
		expect(out.map((item) => item.json.callInstanceId)).toEqual(
			seeded.map((c) => c.callInstanceId),
		);
		expect(out[0]).toEqual({
			json: {
				callJobId: 5005,
				customerTelephone: seeded[0].customerTelephone,
				callInstanceId: seeded[0].callInstanceId,
				callerTime: '2024-05-02 10:00:00',
				dataType: 0,
			},
			pairedItem: { item: 0 },
		});
	});

	it.each([
		['', 'Start Date', /is required/],
		['2024-5-1', 'Start Date', /not a date in yyyy-MM-dd/],
	])('rejects start date %j before any request', async (startDate, field, problem) => {
		const error = await run({
			resource: 'callback',
			operation: 'getUndelivered',
			company: rl(SEED.company.demo.id),
			startDate,
			endDate: '2024-05-31',
		}).then(expectedFailure, (e: unknown) => e as Error);
		expect(error.message).toContain(`Item 0: "${field}"`);
		expect(error.message).toMatch(problem);
		expect(sandbox.requests).toHaveLength(0);
	});
});
