// The three envelopes BYRobot sends (docs/api/byrobot.md#callback-envelopes): the current one,
// the old one without data.dataType, and the open platform's {data: {callbackType, data:
// {callInstance, …}}}. Each is accepted, answered "success", starts one execution and comes out
// as the same item; a body that is none of them gets 400.
import { WebhookTestServer } from '../harness/webhook';

import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { ByrobotTrigger } from '../../nodes/Byrobot/ByrobotTrigger.node';
import { forgetAll } from '../../nodes/Byrobot/trigger/deduplication';
import {
	callFinished,
	inboundCallFinished,
	intentionChanged,
	oldCallFinished,
	openPlatformCallFinished,
	openPlatformTaskStatusChanged,
	postOnce,
	taskStatusChanged,
} from '../sandbox/byrobot-callbacks';

let server: WebhookTestServer;

const configure = (parameters: INodeParameters) => server.setParameters(parameters);
const lastItem = (): IDataObject => server.lastRunItems[0].json;

beforeAll(async () => {
	server = new WebhookTestServer({ node: new ByrobotTrigger(), parameters: {} });
	await server.start();
});

afterAll(async () => {
	await server.stop();
});

beforeEach(() => {
	forgetAll();
	server.reset();
	configure({});
});

describe('each envelope starts one execution and is answered "success"', () => {
	it.each([
		['current', () => callFinished({ callInstanceId: 11 })],
		['old (no dataType)', () => oldCallFinished({ callInstanceId: 12 })],
		['open platform (callbackType)', () => openPlatformCallFinished({ callInstanceId: 13 })],
	])('%s', async (variant, build) => {
		for (const contentType of ['json', 'text']) {
			forgetAll();
			server.reset();
			const answer = await postOnce(server.productionUrl, build(), { contentType });
			expect(answer).toMatchObject({ status: 200, body: 'success' });
			expect(server.runs).toHaveLength(1);
			expect(server.runs[0][0]).toHaveLength(1);
			expect(lastItem()).toMatchObject({
				event: 'CALL_INSTANCE_RESULT',
				eventLabel: 'Call Finished',
			});
		}
		expect(lastItem().envelope).toBe(
			variant.startsWith('current')
				? 'current'
				: variant.startsWith('old')
					? 'old'
					: 'openPlatform',
		);
	});

	it('the open platform task status change (callJobStatus) is a Task Status Changed', async () => {
		const answer = await postOnce(
			server.productionUrl,
			openPlatformTaskStatusChanged({ callJobId: 77, status: 4 }),
		);
		expect(answer.body).toBe('success');
		expect(lastItem()).toMatchObject({
			event: 'JOB_INFO_RESULT',
			envelope: 'openPlatform',
			taskId: 77,
			callJobStatus: 4,
			status: 4,
			statusLabel: 'Paused by User',
			jobName: '开放平台任务',
			updateTime: '2026-09-05 18:00:00',
		});
	});

	it('an old envelope of an inbound call (inboundInstanceId) is an Inbound Call Finished', async () => {
		const current = inboundCallFinished({ inboundInstanceId: 4242 });
		const old = { code: 200, data: { ...(current.data.data as IDataObject), sign: null } };
		await postOnce(server.productionUrl, old);
		expect(lastItem()).toMatchObject({
			event: 'INBOUND_CALL_INSTANCE_RESULT',
			envelope: 'old',
			callInstanceId: 4242,
			inboundInstanceId: 4242,
		});
	});

	it('an old envelope holding only taskResult is the hand-edited intention level', async () => {
		const current = intentionChanged({ callInstanceId: 2016, resultValue: 'B级(一般)' });
		await postOnce(server.productionUrl, { code: 200, data: current.data.data });
		expect(lastItem()).toMatchObject({
			event: 'CALL_INSTANCE_RESULT',
			envelope: 'old',
			callInstanceId: 2016,
			intentionChangedManually: true,
			intention: { grade: 'B', level: 'B级(一般)' },
		});
	});

	it('the Events filter applies to every envelope', async () => {
		configure({ events: ['JOB_INFO_RESULT'] });
		for (const payload of [oldCallFinished(), openPlatformCallFinished()]) {
			expect((await postOnce(server.productionUrl, payload)).body).toBe('success');
		}
		expect(server.runs).toHaveLength(0);
		await postOnce(server.productionUrl, openPlatformTaskStatusChanged());
		expect(server.runs).toHaveLength(1);
	});

	it('the same call in two envelopes is one delivery (Drop Duplicates)', async () => {
		await postOnce(server.productionUrl, oldCallFinished({ callInstanceId: 31 }));
		await postOnce(server.productionUrl, callFinished({ callInstanceId: 31 }));
		expect(server.runs).toHaveLength(1);
	});
});

describe('bodies that are not BYRobot’s get 400 and start nothing', () => {
	it.each([
		['an object without code', { data: { sceneInstance: { callInstanceId: 1 } } }],
		['data without a type, a call or results', { code: 200, data: { foo: 1 } }],
		['an empty data object', { code: 200, data: {} }],
		['an empty callbackType', { code: 200, data: { callbackType: '', data: {} } }],
		['callbackType without data', { code: 200, data: { callbackType: 'CALL_INSTANCE_RESULT' } }],
		['dataType with data as text', { code: 200, data: { dataType: 'JOB_INFO_RESULT', data: 'x' } }],
		['a taskResult that holds no rows', { code: 200, data: { taskResult: [] } }],
		['a GitHub-style event', { action: 'opened', repository: { id: 1 } }],
	])('%s', async (_label, body) => {
		const answer = await postOnce(server.productionUrl, body);
		expect(answer.status).toBe(400);
		expect(answer.body).toMatch(/^Bad request: not a BYRobot callback/);
		expect(server.runs).toHaveLength(0);
	});
});

describe('the same output for every envelope', () => {
	/** The fields a workflow reads, whatever the envelope. */
	const COMMON = [
		'event',
		'eventLabel',
		'envelope',
		'callInstanceId',
		'callJobId',
		'companyId',
		'customerName',
		'customerTelephone',
		'status',
		'statusLabel',
		'finishStatus',
		'finishStatusLabel',
		'duration',
		'properties',
		'results',
		'intention',
		'customerTags',
		'taskResult',
		'dialogue',
		'recordingUrl',
		'customerRecordingUrl',
		'hungUpBy',
		'transfer',
		'intentionChangedManually',
	];

	it.each([
		['current', () => callFinished({ callInstanceId: 51 })],
		['old', () => oldCallFinished({ callInstanceId: 52 })],
		['open platform', () => openPlatformCallFinished({ callInstanceId: 53 })],
	])('%s has every common field', async (_label, build) => {
		await postOnce(server.productionUrl, build());
		const item = lastItem();
		for (const field of COMMON) expect(item).toHaveProperty(field);
		expect(item.status).toBe(2);
		expect(item.statusLabel).toBe('Finished');
		expect(typeof item.duration).toBe('number');
		expect(Array.isArray(item.dialogue)).toBe(true);
		expect((item.dialogue as IDataObject[]).length).toBeGreaterThan(0);
		expect(item.recordingUrl).toMatch(/\/RobotPhoneCommunicate\/\d+\.wav$/);
		expect(item.customerRecordingUrl).toMatch(/\/RobotPhoneCommunicate\/\d+_user\.wav$/);
		expect(item).not.toHaveProperty('sceneInstance');
		expect(item).not.toHaveProperty('callInstance');
		expect(item).not.toHaveProperty('phoneLog');
		expect(item).not.toHaveProperty('phoneLogs');
	});

	it('the current envelope: cost, hang-up side, alias, current wording, tags, propertiesMap, corpName', async () => {
		await postOnce(
			server.productionUrl,
			callFinished({
				callInstanceId: 61,
				cost: 35,
				properties: {
					crmId: 'C-61',
					csStaffId: 9,
					csStaffName: '李客服',
					transferMobile: '13900000000',
					success: true,
				},
			}),
		);
		const item = lastItem();
		expect(item).toMatchObject({
			envelope: 'current',
			cost: 35,
			costYuan: 0.35,
			hangUp: 1,
			hungUpBy: 'Customer',
			callerPhone: '测试线路',
			handlePerson: '测试话术',
			secondaryCallTimes: 0,
			propertiesMap: { crmId: 'C-61', csStaffName: '李客服' },
			corpName: { corpId: 151, corpName: '百应演示公司' },
			properties: { crmId: 'C-61' },
			intention: {
				grade: 'C',
				level: 'C级(明确拒绝)',
				scriptValue: 'C级(很少)',
				changedByHand: false,
			},
			customerTags: ['无效用户'],
			transfer: {
				transferred: true,
				staffId: 9,
				staffName: '李客服',
				mobile: '13900000000',
				failReason: null,
			},
			jobFinished: false,
		});
		expect(item).toHaveProperty('sign', null);
		expect(item).toHaveProperty('dateTime');
		const rows = item.taskResult as IDataObject[];
		expect(rows[0]).toMatchObject({ resultValueAlias: 'C', resultValueNew: 'C级(明确拒绝)' });
	});

	it('a failed transfer says so and why', async () => {
		await postOnce(
			server.productionUrl,
			callFinished({ properties: { transferMobile: '139', success: false, failReason: '坐席忙' } }),
		);
		expect(lastItem().transfer).toMatchObject({ transferred: false, failReason: '坐席忙' });
	});

	it('no transfer: transfer is null; an inbound transferStatus 2 is a failed transfer', async () => {
		await postOnce(server.productionUrl, callFinished());
		expect(lastItem().transfer).toBeNull();
		const inbound = inboundCallFinished({ inboundInstanceId: 71 });
		Object.assign((inbound.data.data as IDataObject).sceneInstance as IDataObject, {
			transferStatus: 2,
			transferInfo: '坐席未接听',
		});
		await postOnce(server.productionUrl, inbound);
		expect(lastItem().transfer).toMatchObject({
			transferred: false,
			status: 'failed',
			info: '坐席未接听',
		});
	});

	it('a corpName that is not JSON stays text', async () => {
		await postOnce(server.productionUrl, callFinished({ sceneInstance: { corpName: '百应' } }));
		expect(lastItem().corpName).toBe('百应');
	});

	it('the open platform: callInstanceStatus as status, properties text parsed, bare grade, labelName tags', async () => {
		await postOnce(
			server.productionUrl,
			openPlatformCallFinished({ callInstanceId: 81, grade: 'B', properties: { crmId: 'X-81' } }),
		);
		const item = lastItem();
		expect(item).toMatchObject({
			envelope: 'openPlatform',
			callInstanceId: 81,
			callInstanceStatus: 2,
			status: 2,
			finishStatus: 0,
			finishStatusLabel: 'Answered',
			duration: 24,
			properties: { crmId: 'X-81', originalWorkflowId: '38028' },
			intention: { grade: 'B', level: 'B', scriptValue: 'B', changedByHand: false },
			results: { 客户意向等级: 'B' },
			customerTags: ['近期需求'],
			hungUpBy: 'AI',
			perceptionResult: '有感知',
			collectProperties: { 婚期: '十月' },
			lineIn: true,
			takeover: false,
			transfer: null,
			callRepeat: [expect.objectContaining({ repeatIndex: 0, userPhoneId: 45678 })],
			jobPhoneInfos: [expect.objectContaining({ lineName: '华东主线路' })],
		});
		expect(item.dialogue).toEqual([
			expect.objectContaining({ speaker: 'AI', content: '您好，这里是百应' }),
			expect.objectContaining({ speaker: 'ME', content: '你好' }),
		]);
	});

	it('the old envelope gives what the current one gives, but for envelope and dateTime', async () => {
		await postOnce(server.productionUrl, callFinished({ callInstanceId: 91 }));
		const current = { ...lastItem() };
		forgetAll();
		await postOnce(server.productionUrl, oldCallFinished({ callInstanceId: 91 }));
		const old = { ...lastItem() };
		for (const item of [current, old]) {
			delete item.envelope;
			delete item.dateTime;
		}
		expect(old).toEqual(current);
	});
});

describe('a task status change is the same in the current and open-platform envelopes', () => {
	it('taskId, status and its label', async () => {
		await postOnce(server.productionUrl, taskStatusChanged({ callJobId: 5, status: 2 }));
		const current = lastItem();
		await postOnce(
			server.productionUrl,
			openPlatformTaskStatusChanged({ callJobId: 6, status: 2 }),
		);
		const open = lastItem();
		for (const item of [current, open]) {
			expect(item).toMatchObject({ event: 'JOB_INFO_RESULT', status: 2, statusLabel: 'Finished' });
		}
		expect([current.taskId, open.taskId]).toEqual([5, 6]);
	});
});
