// Byrobot Trigger over real HTTP: BYRobot's callbacks (test/sandbox/byrobot-callbacks.js, written
// from the vendor document) are POSTed to a server that hands them to the node's `webhook` method
// through n8n-core's WebhookContext and answers the way n8n does (test/harness/webhook.ts).
import { WebhookTestServer } from '../harness/webhook';

import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { ByrobotTrigger } from '../../nodes/Byrobot/ByrobotTrigger.node';
import { forgetAll } from '../../nodes/Byrobot/trigger/deduplication';
import {
	CALLBACK_IP,
	MAX_ATTEMPTS,
	RETRY_SCHEDULE_SECONDS,
	callFinished,
	inboundCallFinished,
	intentionChanged,
	postCallback,
	postOnce,
	taskStatusChanged,
	envelope,
} from '../sandbox/byrobot-callbacks';

const ALL_EVENTS = ['CALL_INSTANCE_RESULT', 'JOB_INFO_RESULT', 'INBOUND_CALL_INSTANCE_RESULT'];

let server: WebhookTestServer;

function configure(parameters: INodeParameters): void {
	server.setParameters(parameters);
}

function lastItem(): IDataObject {
	return server.lastRunItems[0].json;
}

beforeAll(async () => {
	server = new WebhookTestServer({ node: new ByrobotTrigger(), parameters: {} });
	await server.start();
});

afterAll(async () => {
	await server.stop();
});

beforeEach(() => {
	// Each test is a freshly started n8n: no memory of earlier callbacks.
	forgetAll();
	server.reset();
	server.options.execute = undefined;
	server.options.register = undefined;
	server.options.proxyHops = 0;
	server.options.bodyMode = 'n8n';
	configure({});
});

afterEach(() => {
	jest.restoreAllMocks();
});

describe('node description', () => {
	const { description } = new ByrobotTrigger();

	it('is a webhook trigger on POST /byrobot with one main output and no input', () => {
		expect(description.name).toBe('byrobotTrigger');
		expect(description.displayName).toBe('Byrobot Trigger');
		expect(description.group).toEqual(['trigger']);
		expect(description.inputs).toEqual([]);
		expect(description.outputs).toEqual(['main']);
		expect(description.webhooks).toEqual([
			expect.objectContaining({ name: 'default', httpMethod: 'POST', path: 'byrobot' }),
		]);
		expect(description.credentials ?? []).toEqual([]);
		expect(description.usableAsTool).toBeUndefined();
	});

	it('tells the user where in the BYRobot console to paste the URL', () => {
		const notice = description.properties.find((p) => p.type === 'notice');
		expect(notice?.displayName).toMatch(/BYRobot/);
		expect(notice?.displayName).toMatch(/通话记录回调/);
		expect(notice?.displayName).toMatch(/任务状态回调/);
		expect(notice?.displayName).toMatch(/\?token=/);
	});

	it('offers the three events, all selected by default', () => {
		const events = description.properties.find((p) => p.name === 'events');
		expect(events?.type).toBe('multiOptions');
		expect(events?.options?.map((o) => (o as { value: string }).value).sort()).toEqual(
			[...ALL_EVENTS].sort(),
		);
		expect(events?.default).toEqual(ALL_EVENTS);
	});
});

describe('the callback sandbox', () => {
	it('follows the vendor retry schedule: 27 retries over about 26 h 46 min', () => {
		expect(RETRY_SCHEDULE_SECONDS).toHaveLength(27);
		expect(MAX_ATTEMPTS).toBe(28);
		const total = RETRY_SCHEDULE_SECONDS.reduce((a, b) => a + b, 0);
		expect(Math.round(total / 60)).toBe(26 * 60 + 46);
	});
});

describe('activation', () => {
	it('needs nothing registered at BYRobot', async () => {
		configure({ options: { allowedIps: '120.55.46.3, 10.0.0.0/8, ::1' } });
		await expect(server.activate()).resolves.toEqual({ existed: true });
		await expect(server.deactivate()).resolves.toBe(true);
	});

	it('refuses to activate with an unusable IP allow-list entry', async () => {
		configure({ options: { allowedIps: '120.55.46.3, 120.55.46' } });
		await expect(server.activate()).rejects.toThrow(/Allowed IPs: "120\.55\.46" is not an IP/);
		configure({ options: { allowedIps: '10.0.0.0/33' } });
		await expect(server.activate()).rejects.toThrow(/invalid prefix length/);
	});
});

describe('events', () => {
	it('Call Finished starts the workflow and is answered exactly "success" in plain text', async () => {
		const answer = await postOnce(server.productionUrl, callFinished({ callInstanceId: 101 }));
		expect(answer.status).toBe(200);
		expect(answer.body).toBe('success');
		expect(answer.headers['content-type']).toMatch(/^text\/plain/);
		expect(server.runs).toHaveLength(1);
		expect(lastItem()).toMatchObject({
			event: 'CALL_INSTANCE_RESULT',
			eventLabel: 'Call Finished',
			callInstanceId: 101,
		});
	});

	it('Task Status Changed starts the workflow', async () => {
		const answer = await postOnce(
			server.productionUrl,
			taskStatusChanged({ callJobId: 535, status: 4 }),
		);
		expect(answer.body).toBe('success');
		expect(server.runs).toHaveLength(1);
		expect(lastItem()).toMatchObject({
			event: 'JOB_INFO_RESULT',
			eventLabel: 'Task Status Changed',
			callJobId: 535,
			taskId: 535,
			status: 4,
			statusLabel: 'Paused by User',
			jobName: '测试-问题学习',
		});
	});

	it('Inbound Call Finished starts the workflow', async () => {
		const answer = await postOnce(
			server.productionUrl,
			inboundCallFinished({ inboundInstanceId: 1091 }),
		);
		expect(answer.body).toBe('success');
		expect(server.runs).toHaveLength(1);
		expect(lastItem()).toMatchObject({
			event: 'INBOUND_CALL_INSTANCE_RESULT',
			eventLabel: 'Inbound Call Finished',
			inboundInstanceId: 1091,
			callInstanceId: 1091,
			calleePhone: '057126881788',
			propertiesMap: { 客户名称: '未知呼入客户', 联系方式: '1010' },
		});
	});

	it('the hand-edited intention level (CALL_INSTANCE_RESULT with only taskResult) starts the workflow', async () => {
		const answer = await postOnce(server.productionUrl, intentionChanged({ callInstanceId: 2016 }));
		expect(answer.body).toBe('success');
		expect(lastItem()).toMatchObject({
			event: 'CALL_INSTANCE_RESULT',
			callInstanceId: 2016,
			intentionChangedManually: true,
			results: { 客户意向等级: 'B' },
			dialogue: [],
		});
	});

	it('an event that is not selected is acknowledged and starts nothing', async () => {
		configure({ events: ['JOB_INFO_RESULT'] });
		for (const payload of [callFinished(), inboundCallFinished(), intentionChanged()]) {
			const answer = await postOnce(server.productionUrl, payload);
			expect(answer).toMatchObject({ status: 200, body: 'success' });
		}
		expect(server.runs).toHaveLength(0);
		await postOnce(server.productionUrl, taskStatusChanged());
		expect(server.runs).toHaveLength(1);
	});

	it('an unknown dataType is acknowledged (so BYRobot stops retrying) and starts nothing', async () => {
		const answer = await postOnce(server.productionUrl, envelope('SOMETHING_NEW', { id: 1 }));
		expect(answer).toMatchObject({ status: 200, body: 'success' });
		expect(server.runs).toHaveLength(0);
	});

	it('with no event selected every callback is acknowledged without a run', async () => {
		configure({ events: [] });
		const answer = await postOnce(server.productionUrl, callFinished());
		expect(answer.body).toBe('success');
		expect(server.runs).toHaveLength(0);
	});

	it('the Test URL (Listen for test event) behaves the same', async () => {
		const answer = await postOnce(server.testUrl, callFinished({ callInstanceId: 7 }));
		expect(answer.body).toBe('success');
		expect(server.calls[0].mode).toBe('manual');
		expect(lastItem().callInstanceId).toBe(7);
	});
});

describe('body parsing', () => {
	it.each([
		['application/json (public cloud)', 'json'],
		['application/json;charset=utf-8', 'application/json;charset=utf-8'],
		['text/plain (private deployments)', 'text'],
		['text/plain without charset', 'text/plain'],
	])('parses %s', async (_label, contentType) => {
		const answer = await postOnce(server.productionUrl, callFinished({ callInstanceId: 55 }), {
			contentType,
		});
		expect(answer.body).toBe('success');
		expect(lastItem()).toMatchObject({ callInstanceId: 55, properties: { crmId: 'C-1001' } });
	});

	it('n8n hands text/plain to the node as a string; the node parses it', async () => {
		await postOnce(server.productionUrl, taskStatusChanged(), { contentType: 'text' });
		expect(server.runs).toHaveLength(1);
		expect(lastItem().event).toBe('JOB_INFO_RESULT');
	});

	it.each([
		['text/plain', 'text'],
		['no Content-Type', ''],
		['application/octet-stream', 'application/octet-stream'],
	])('reads req.rawBody when the body is only there (%s)', async (_label, contentType) => {
		server.options.bodyMode = 'rawOnly';
		const answer = await postOnce(server.productionUrl, callFinished({ callInstanceId: 66 }), {
			contentType,
		});
		expect(answer.body).toBe('success');
		expect(lastItem().callInstanceId).toBe(66);
	});

	it('reads an unparsed content type from rawBody also in the n8n body mode', async () => {
		const answer = await postOnce(server.productionUrl, callFinished({ callInstanceId: 67 }), {
			contentType: '',
		});
		expect(answer.body).toBe('success');
		expect(lastItem().callInstanceId).toBe(67);
	});
});

describe('malformed bodies get 400 and start nothing', () => {
	it.each([
		['text that is not JSON', 'not json at all', 'text'],
		['a JSON object without the envelope', JSON.stringify({ foo: 1 }), 'json'],
		['no code', JSON.stringify({ data: { dataType: 'CALL_INSTANCE_RESULT', data: {} } }), 'json'],
		['no dataType', JSON.stringify({ code: 200, data: { data: {} }, resultMsg: 'ok' }), 'json'],
		[
			'data.data not an object',
			JSON.stringify({ code: 200, data: { dataType: 'CALL_INSTANCE_RESULT', data: 'x' } }),
			'json',
		],
		['a JSON array', JSON.stringify([1, 2]), 'json'],
		['a JSON string in text/plain', JSON.stringify('success'), 'text'],
		['an empty body', '', 'json'],
	])('%s', async (_label, body, contentType) => {
		const answer = await postOnce(server.productionUrl, body, { contentType });
		expect(answer.status).toBe(400);
		expect(answer.body).toMatch(/^Bad request/);
		expect(answer.body).not.toBe('success');
		expect(server.runs).toHaveLength(0);
	});

	it('invalid JSON sent as application/json is refused by n8n itself (422) before the node runs', async () => {
		const answer = await postOnce(server.productionUrl, '{"code":', { contentType: 'json' });
		expect(answer.status).toBe(422);
		expect(server.calls).toHaveLength(0);
	});
});

describe('token', () => {
	beforeEach(() => configure({ token: 's3cr3t-Tok€n' }));

	it('a callback with the right token starts the workflow', async () => {
		const url = `${server.productionUrl}?token=${encodeURIComponent('s3cr3t-Tok€n')}`;
		const answer = await postOnce(url, callFinished());
		expect(answer.body).toBe('success');
		expect(server.runs).toHaveLength(1);
	});

	it.each([
		['missing', ''],
		['wrong', '?token=nope'],
		['a prefix of the right one', '?token=s3cr3t'],
		['given twice', `?token=${encodeURIComponent('s3cr3t-Tok€n')}&token=x`],
		['in another parameter', `?secret=${encodeURIComponent('s3cr3t-Tok€n')}`],
	])('%s token gets 403 and starts nothing', async (_label, query) => {
		const answer = await postOnce(`${server.productionUrl}${query}`, callFinished());
		expect(answer.status).toBe(403);
		expect(answer.body).not.toBe('success');
		expect(server.runs).toHaveLength(0);
	});

	it('is checked before the body: a wrong token with garbage is 403, not 400', async () => {
		const answer = await postOnce(`${server.productionUrl}?token=no`, 'garbage', {
			contentType: 'text',
		});
		expect(answer.status).toBe(403);
	});

	it('BYRobot keeps retrying a refused callback (answer is not "success")', async () => {
		const result = await postCallback(`${server.productionUrl}?token=old`, callFinished(), {
			maxAttempts: 3,
		});
		expect(result.delivered).toBe(false);
		expect(result.attempts.map((a) => a.status)).toEqual([403, 403, 403]);
		expect(server.runs).toHaveLength(0);
	});
});

describe('IP allow-list', () => {
	it('is off by default: any address may call', async () => {
		const answer = await postOnce(server.productionUrl, callFinished());
		expect(answer.body).toBe('success');
	});

	it('an allowed address starts the workflow', async () => {
		configure({ options: { allowedIps: `${CALLBACK_IP}, 127.0.0.1` } });
		const answer = await postOnce(server.productionUrl, callFinished());
		expect(answer.body).toBe('success');
		expect(server.runs).toHaveLength(1);
	});

	it('an allowed IPv4 range (CIDR) starts the workflow', async () => {
		configure({ options: { allowedIps: '127.0.0.0/8' } });
		const answer = await postOnce(server.productionUrl, callFinished());
		expect(answer.body).toBe('success');
	});

	it('another address gets 403 and starts nothing', async () => {
		configure({ options: { allowedIps: CALLBACK_IP } });
		const answer = await postOnce(server.productionUrl, callFinished());
		expect(answer.status).toBe(403);
		expect(answer.body).not.toBe('success');
		expect(server.runs).toHaveLength(0);
	});

	it('X-Forwarded-For is ignored unless n8n trusts a proxy (N8N_PROXY_HOPS=0)', async () => {
		configure({ options: { allowedIps: CALLBACK_IP } });
		const answer = await postOnce(server.productionUrl, callFinished(), {
			headers: { 'X-Forwarded-For': CALLBACK_IP },
		});
		expect(answer.status).toBe(403);
		expect(server.calls[0].ip).toMatch(/127\.0\.0\.1$/);
	});

	it('behind one trusted proxy (N8N_PROXY_HOPS=1) the forwarded client IP is what counts', async () => {
		server.options.proxyHops = 1;
		configure({ options: { allowedIps: CALLBACK_IP } });
		const allowed = await postOnce(server.productionUrl, callFinished(), {
			headers: { 'X-Forwarded-For': CALLBACK_IP },
		});
		expect(allowed.body).toBe('success');
		// A forged entry further left is not trusted: express takes the right-most one.
		const forged = await postOnce(server.productionUrl, callFinished({ callInstanceId: 2 }), {
			headers: { 'X-Forwarded-For': `${CALLBACK_IP}, 203.0.113.9` },
		});
		expect(forged.status).toBe(403);
		expect(server.runs).toHaveLength(1);
	});

	it('is checked before the token and the body', async () => {
		configure({ token: 't', options: { allowedIps: CALLBACK_IP } });
		const answer = await postOnce(`${server.productionUrl}?token=t`, 'garbage', {
			contentType: 'text',
		});
		expect(answer.status).toBe(403);
		expect(answer.body).toMatch(/IP/);
	});

	it('BYRobot retries until the answer is "success" (here: once the list lets it in)', async () => {
		configure({ options: { allowedIps: CALLBACK_IP } });
		const result = await postCallback(server.productionUrl, callFinished({ callInstanceId: 3 }), {
			intervalMs: () => {
				configure({ options: { allowedIps: `${CALLBACK_IP}, 127.0.0.1` } });
				return 0;
			},
		});
		expect(result.delivered).toBe(true);
		expect(result.attempts.map((a) => a.status)).toEqual([403, 200]);
		expect(server.runs).toHaveLength(1);
	});

	it('works together with the token', async () => {
		configure({ token: 't', options: { allowedIps: '127.0.0.1' } });
		expect((await postOnce(`${server.productionUrl}?token=t`, callFinished())).body).toBe(
			'success',
		);
		expect((await postOnce(`${server.productionUrl}?token=x`, callFinished())).status).toBe(403);
		expect(server.runs).toHaveLength(1);
	});
});

describe('retried duplicates', () => {
	const HOUR = 3_600_000;
	let now: number;

	beforeEach(() => {
		now = Date.UTC(2024, 0, 1, 9, 0, 0);
		jest.spyOn(Date, 'now').mockImplementation(() => now);
	});

	it('are dropped within the window and accepted after it', async () => {
		configure({ options: { duplicateWindowMinutes: 60 } });
		const payload = callFinished({ callInstanceId: 900 });
		expect((await postOnce(server.productionUrl, payload)).body).toBe('success');
		now += 10_000; // BYRobot's first retry comes 10 s later
		expect((await postOnce(server.productionUrl, payload)).body).toBe('success');
		expect(server.runs).toHaveLength(1);
		now += HOUR; // outside the 60 minute window
		expect((await postOnce(server.productionUrl, payload)).body).toBe('success');
		expect(server.runs).toHaveLength(2);
	});

	it('other calls are not duplicates', async () => {
		configure({ options: { duplicateWindowMinutes: 60 } });
		await postOnce(server.productionUrl, callFinished({ callInstanceId: 1 }));
		await postOnce(server.productionUrl, callFinished({ callInstanceId: 2 }));
		await postOnce(server.productionUrl, inboundCallFinished({ inboundInstanceId: 1 }));
		expect(server.runs).toHaveLength(3);
	});

	it('a task is a duplicate only with the same status', async () => {
		configure({ options: { duplicateWindowMinutes: 60 } });
		await postOnce(server.productionUrl, taskStatusChanged({ callJobId: 5, status: 4 }));
		await postOnce(server.productionUrl, taskStatusChanged({ callJobId: 5, status: 4 }));
		await postOnce(server.productionUrl, taskStatusChanged({ callJobId: 5, status: 2 }));
		expect(server.runs.map((run) => run[0][0].json.status)).toEqual([4, 2]);
	});

	it('a hand-edited intention level is not a duplicate of the call result', async () => {
		configure({ options: { duplicateWindowMinutes: 60 } });
		await postOnce(server.productionUrl, callFinished({ callInstanceId: 2016 }));
		await postOnce(
			server.productionUrl,
			intentionChanged({ callInstanceId: 2016, resultValue: 'B' }),
		);
		await postOnce(
			server.productionUrl,
			intentionChanged({ callInstanceId: 2016, resultValue: 'B' }),
		);
		await postOnce(
			server.productionUrl,
			intentionChanged({ callInstanceId: 2016, resultValue: 'A' }),
		);
		expect(server.runs).toHaveLength(3);
	});

	it('are dropped by default (60 minutes) and all accepted with 0', async () => {
		const payload = callFinished({ callInstanceId: 900 });
		await postOnce(server.productionUrl, payload);
		await postOnce(server.productionUrl, payload);
		expect(server.runs).toHaveLength(1);
		now += 59 * 60_000;
		await postOnce(server.productionUrl, payload);
		expect(server.runs).toHaveLength(1);

		forgetAll();
		server.reset();
		configure({ options: { duplicateWindowMinutes: 0 } });
		await postOnce(server.productionUrl, payload);
		await postOnce(server.productionUrl, payload);
		expect(server.runs).toHaveLength(2);
		expect(server.staticData).toEqual({});
	});

	it('the memory lives in the workflow static data n8n saves (with the next request), and is bounded', async () => {
		configure({ options: { duplicateWindowMinutes: 60 } });
		await postOnce(server.productionUrl, callFinished({ callInstanceId: 31 }));
		const first = server.staticData['node:Trigger Under Test'] as { seen: Record<string, number> };
		// n8n saves the static data before it answers; the call counts as delivered once answered.
		expect(first.seen).toEqual({});
		now += 1000;
		await postOnce(server.productionUrl, callFinished({ callInstanceId: 32 }));
		const stored = server.staticData['node:Trigger Under Test'] as { seen: Record<string, number> };
		expect(stored.seen).toEqual({ 'CALL_INSTANCE_RESULT:31': now - 1000 });
		now += 2 * HOUR;
		await postOnce(server.productionUrl, callFinished({ callInstanceId: 33 }));
		const after = server.staticData['node:Trigger Under Test'] as { seen: Record<string, number> };
		expect(Object.keys(after.seen)).toEqual([]);
	});

	it('n8n could not store the execution (HTTP 500): the call is not remembered, its retry runs', async () => {
		configure({ options: { duplicateWindowMinutes: 60 } });
		let down = true;
		server.options.register = async () => {
			if (down) throw new Error('timeout exceeded when trying to connect');
		};
		const payload = callFinished({ callInstanceId: 34 });
		const first = await postOnce(server.productionUrl, payload);
		expect(first.status).toBe(500);
		expect(first.body).not.toBe('success');
		down = false;
		now += 10_000;
		expect((await postOnce(server.productionUrl, payload)).body).toBe('success');
		expect((await postOnce(server.productionUrl, payload)).body).toBe('success');
		// No execution for the first (n8n could not store it), one for the retry, none for the repeat.
		expect(server.calls.map((call) => call.started)).toEqual([false, true, false]);
		expect(server.runs).toHaveLength(1);
	});

	it('a vendor retry after a lost answer does not run the workflow twice', async () => {
		configure({ options: { duplicateWindowMinutes: 60 } });
		const payload = callFinished({ callInstanceId: 77 });
		// The first delivery reached n8n but BYRobot never saw the answer: it sends again.
		await postOnce(server.productionUrl, payload, { contentType: 'text' });
		const retry = await postCallback(server.productionUrl, payload, { contentType: 'text' });
		expect(retry).toMatchObject({ delivered: true });
		expect(retry.attempts).toHaveLength(1);
		expect(server.runs).toHaveLength(1);
	});

	it('rejected callbacks are not remembered', async () => {
		configure({ token: 't', options: { duplicateWindowMinutes: 60 } });
		const payload = callFinished({ callInstanceId: 78 });
		expect((await postOnce(`${server.productionUrl}?token=x`, payload)).status).toBe(403);
		expect((await postOnce(`${server.productionUrl}?token=t`, payload)).body).toBe('success');
		expect(server.runs).toHaveLength(1);
	});
});

describe('output', () => {
	it.each([
		['27', 27, 'number'],
		['"27"', 27, 'string'],
		['"27秒"', 27, 'text'],
	] as const)('duration %s becomes the number %d', async (_label, expected, durationForm) => {
		await postOnce(server.productionUrl, callFinished({ duration: 27, durationForm }));
		expect(lastItem().duration).toBe(expected);
		await postOnce(server.productionUrl, inboundCallFinished({ duration: 27, durationForm }));
		expect(lastItem().duration).toBe(expected);
	});

	it('a finished outbound call: properties object, codes with labels, dialogue array', async () => {
		await postOnce(
			server.productionUrl,
			callFinished({
				callInstanceId: 1540384412,
				finishStatus: 6,
				properties: { crmId: 'C-9', 客户名称: '李四' },
				jobFinished: true,
			}),
		);
		const item = lastItem();
		expect(item).toMatchObject({
			event: 'CALL_INSTANCE_RESULT',
			callInstanceId: 1540384412,
			callJobId: 362574,
			customerName: '张三',
			customerTelephone: '13700000000',
			status: 2,
			statusLabel: 'Finished',
			finishStatus: 6,
			finishStatusLabel: 'Busy',
			duration: 35,
			properties: { crmId: 'C-9', 客户名称: '李四' },
			intentionChangedManually: false,
			results: { 客户意向等级: 'C级(很少)', 客户标签: '[1]' },
			jobFinished: true,
		});
		expect(item.recordingUrl).toMatch(/\/RobotPhoneCommunicate\/1540384412\.wav$/);
		expect(item.customerRecordingUrl).toMatch(/\/RobotPhoneCommunicate\/1540384412_user\.wav$/);
		expect(Array.isArray(item.dialogue)).toBe(true);
		expect(item.dialogue).toEqual([
			expect.objectContaining({ speaker: 'AI', content: '喂，您好，这里是用户测试电话' }),
			expect.objectContaining({ speaker: 'ME', content: '有什么游戏呀？' }),
		]);
		expect(item.taskResult).toHaveLength(2);
		expect(item).not.toHaveProperty('phoneLog');
		expect(item).not.toHaveProperty('propertiesRaw');
	});

	it.each([
		[0, 'Answered'],
		[1, 'Rejected'],
		[8, 'No Answer'],
		[11, 'Blacklisted'],
		[22, 'Dead Zone'],
		[99, 'Unknown (99)'],
	])('finishStatus %d is labelled %s', async (code, text) => {
		await postOnce(server.productionUrl, callFinished({ finishStatus: code }));
		expect(lastItem()).toMatchObject({ finishStatus: code, finishStatusLabel: text });
	});

	it('status and finishStatus sent as strings come out as numbers', async () => {
		await postOnce(
			server.productionUrl,
			callFinished({ sceneInstance: { status: '2', finishStatus: '5' } }),
		);
		expect(lastItem()).toMatchObject({
			status: 2,
			statusLabel: 'Finished',
			finishStatus: 5,
			finishStatusLabel: 'Powered Off',
		});
	});

	it.each([
		[0, 'Not Started'],
		[2, 'Finished'],
		[5, 'Paused by System'],
		[9, 'Line in Arrears'],
		[10, 'SMS in Arrears'],
	])('task status %d is labelled %s', async (code, text) => {
		await postOnce(server.productionUrl, taskStatusChanged({ status: code }));
		expect(lastItem()).toMatchObject({ status: code, statusLabel: text });
	});

	it('properties that are not a JSON object stay available as propertiesRaw', async () => {
		await postOnce(server.productionUrl, callFinished({ propertiesText: 'not json' }));
		expect(lastItem()).toMatchObject({ properties: {}, propertiesRaw: 'not json' });
		await postOnce(server.productionUrl, callFinished({ propertiesText: '' }));
		expect(lastItem()).toMatchObject({ properties: {} });
	});

	it('a phoneLog sent as a JSON string or a bare array still becomes the dialogue array', async () => {
		const asString = callFinished();
		const data = asString.data.data as IDataObject;
		data.phoneLog = JSON.stringify(data.phoneLog);
		await postOnce(server.productionUrl, asString);
		expect(lastItem().dialogue).toHaveLength(2);

		const asArray = callFinished();
		const arrayData = asArray.data.data as IDataObject;
		arrayData.phoneLog = (arrayData.phoneLog as IDataObject).phoneLogs;
		await postOnce(server.productionUrl, asArray);
		expect(lastItem().dialogue).toHaveLength(2);
	});

	it('one item per callback, as the only output', async () => {
		await postOnce(server.productionUrl, inboundCallFinished());
		expect(server.runs[0]).toHaveLength(1);
		expect(server.runs[0][0]).toHaveLength(1);
		expect(lastItem()).toMatchObject({
			statusLabel: 'Finished',
			finishStatusLabel: 'Answered',
			duration: 27,
			properties: {},
		});
		expect(lastItem().dialogue).toEqual([
			expect.objectContaining({ speaker: 'AI' }),
			expect.objectContaining({ speaker: 'ME', content: '呃，不考虑' }),
		]);
	});
});
