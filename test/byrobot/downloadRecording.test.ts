// Task → Download Recording through the harness: phoneLogInfo gives the recording link, the node
// downloads it from the sandbox (which serves the whole call at <id>.wav and the customer's side at
// <id>_user.wav) and outputs it as n8n binary data with its file name and MIME type.
import type { IBinaryData, IDataObject, INodeExecutionData } from 'n8n-workflow';

import { closedPort } from '../harness/network';
import { SEED } from '../sandbox/byrobot';
import { runner, useSandbox } from './helpers';

const { sandbox, baseUrl } = useSandbox();
const { run } = runner(baseUrl);
const V1 = '/openapi/v1';

const download = async (
	callInstanceId: number | string,
	extra: IDataObject = {},
	args: { items?: IDataObject[]; continueOnFail?: boolean } = {},
): Promise<INodeExecutionData[]> =>
	await run(
		{
			resource: 'task',
			operation: 'downloadRecording',
			callInstanceId: String(callInstanceId),
			...extra,
		},
		args,
	);

function bytesOf(binary: IBinaryData): Buffer {
	return Buffer.from(binary.data, 'base64');
}

/** A call the sandbox dialed: answered unless the phone's last digit is 7–9 (calls.js). */
function dialed(n: number) {
	const [taskId] = sandbox.seedTasks(SEED.company.demo.id, 1);
	return sandbox.seedCallRecords(taskId, n);
}

describe('Task → Download Recording', () => {
	it('GETs phoneLogInfo, then the whole-call recording, as a WAV file in "data"', async () => {
		const [call] = dialed(1);
		const out = await download(call.callInstanceId);
		const requests = sandbox.requests.map((r) => `${r.method} ${r.path}`);
		expect(requests).toEqual([
			`GET ${V1}/task/phoneLogInfo`,
			`GET /RobotPhoneCommunicate/${call.callInstanceId}.wav`,
		]);
		expect(sandbox.requests[0].query).toEqual({ callInstanceId: String(call.callInstanceId) });
		expect(out).toHaveLength(1);
		const binary = out[0].binary!.data;
		expect(binary).toMatchObject({
			fileName: `${call.callInstanceId}.wav`,
			mimeType: 'audio/wav',
			fileExtension: 'wav',
		});
		const bytes = bytesOf(binary);
		expect(bytes.subarray(0, 4).toString()).toBe('RIFF');
		expect(bytes.subarray(8, 12).toString()).toBe('WAVE');
		expect(out[0].json).toMatchObject({
			callInstanceId: call.callInstanceId,
			recording: 'Whole Call',
			recordingUrl: call.luyinOssUrl,
			fileName: `${call.callInstanceId}.wav`,
			mimeType: 'audio/wav',
			fileSize: bytes.length,
			finishStatus: 0,
			duration: 11,
			callJobId: call.callJobId,
		});
		expect(out[0].pairedItem).toEqual({ item: 0 });
	});

	it('Customer Only downloads userLuyinOssUrl (<id>_user.wav) into the chosen field', async () => {
		const [call] = dialed(1);
		const out = await download(call.callInstanceId, {
			recording: 'customer',
			binaryPropertyName: 'recording',
		});
		expect(sandbox.requests[1].path).toBe(`/RobotPhoneCommunicate/${call.callInstanceId}_user.wav`);
		expect(out[0].binary).not.toHaveProperty('data');
		const binary = out[0].binary!.recording;
		expect(binary).toMatchObject({
			fileName: `${call.callInstanceId}_user.wav`,
			mimeType: 'audio/wav',
		});
		expect(out[0].json).toMatchObject({
			recording: 'Customer Only',
			recordingUrl: call.userLuyinOssUrl,
		});
		const whole = await download(call.callInstanceId);
		expect(bytesOf(binary).length).toBeLessThan(bytesOf(whole[0].binary!.data).length);
	});

	it('one file per input item, each linked to its item', async () => {
		const calls = dialed(3);
		const out = await run(
			{
				resource: 'task',
				operation: 'downloadRecording',
				callInstanceId: '={{ $json.id }}',
			},
			{ items: calls.map((c) => ({ id: c.callInstanceId })) },
		);
		expect(out.map((item) => item.binary!.data.fileName)).toEqual(
			calls.map((c) => `${c.callInstanceId}.wav`),
		);
		expect(out.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
	});

	it('object storage answering application/octet-stream: the type comes from the extension', async () => {
		const [call] = dialed(1);
		sandbox.answerNext(`GET /RobotPhoneCommunicate/${call.callInstanceId}.wav`, {
			body: 'RIFF....WAVE',
			contentType: 'application/octet-stream',
		});
		const out = await download(call.callInstanceId);
		expect(out[0].binary!.data.mimeType).toBe('audio/wav');
	});

	it('an mp3 link is saved as audio/mpeg under its own name', async () => {
		const [call] = dialed(1);
		const mp3 = `${baseUrl()}/recordings/${call.callInstanceId}.mp3`;
		sandbox.answerNext(`GET ${V1}/task/phoneLogInfo`, {
			body: {
				code: 200,
				resultMsg: '获取成功',
				data: {
					phoneLog: { luyinOssUrl: mp3 },
					sceneInstance: { callInstanceId: call.callInstanceId },
				},
			},
		});
		sandbox.answerNext(`GET /recordings/${call.callInstanceId}.mp3`, {
			body: 'ID3',
			contentType: 'application/octet-stream',
		});
		const out = await download(call.callInstanceId);
		expect(out[0].binary!.data).toMatchObject({
			fileName: `${call.callInstanceId}.mp3`,
			mimeType: 'audio/mpeg',
		});
	});

	it('a Call ID that is empty or not a number stops before any request, naming the field', async () => {
		const error = await download('abc').catch((e: Error & { context?: IDataObject }) => e);
		expect(String(error)).toMatch(/Call ID.*"abc" is not an ID \(a whole number\)/);
		await expect(download('')).rejects.toThrow(/Call ID.*is empty/);
		expect(sandbox.requests).toEqual([]);
	});

	it('an unanswered call has no recording: the error names the call and its result', async () => {
		const calls = dialed(8);
		const rejected = calls.find((c) => c.finishStatus === 1)!;
		await expect(download(rejected.callInstanceId)).rejects.toThrow(
			`Call ${rejected.callInstanceId} has no recording`,
		);
		await download(rejected.callInstanceId).catch((error: { description?: string }) => {
			expect(error.description).toMatch(/answered calls only \(this call: Rejected\)/);
		});
		expect(sandbox.requests.filter((r) => r.path.includes('RobotPhoneCommunicate'))).toEqual([]);
	});

	it('an expired link (404 NoSuchKey): the error says recordings are temporary', async () => {
		const [call] = dialed(1);
		sandbox.answerNext(`GET /RobotPhoneCommunicate/${call.callInstanceId}.wav`, {
			status: 404,
			body: '<Error><Code>NoSuchKey</Code></Error>',
			contentType: 'application/xml',
		});
		const error = (await download(call.callInstanceId).catch((e: unknown) => e)) as Error & {
			description?: string;
		};
		expect(error).toBeInstanceOf(Error);
		expect(error.message).toBe(
			`The recording of call ${call.callInstanceId} could not be downloaded: HTTP 404`,
		);
		expect((error as { description?: string }).description).toMatch(/temporary.*expired/);
	});

	it('a recording host n8n cannot reach: the error names it', async () => {
		const [call] = dialed(1);
		const port = await closedPort();
		sandbox.answerNext(`GET ${V1}/task/phoneLogInfo`, {
			body: {
				code: 200,
				data: {
					phoneLog: { luyinOssUrl: `http://127.0.0.1:${port}/r/${call.callInstanceId}.wav` },
					sceneInstance: { callInstanceId: call.callInstanceId },
				},
			},
		});
		const error = (await download(call.callInstanceId).catch((e: unknown) => e)) as Error & {
			description?: string;
		};
		expect(error.message).toMatch(/refused the connection/);
		expect((error as { description?: string }).description).toContain(`http://127.0.0.1:${port}`);
	});

	it('a BYRobot error on phoneLogInfo is the usual BYRobot error and downloads nothing', async () => {
		await expect(download(999999)).rejects.toThrow(/BYRobot error 404/);
		expect(sandbox.requests).toHaveLength(1);
	});

	it('Continue On Fail: the failing item becomes an error item, the others get their file', async () => {
		const calls = dialed(8);
		const answered = calls.find((c) => c.finishStatus === 0)!;
		const rejected = calls.find((c) => c.finishStatus === 1)!;
		const out = await run(
			{ resource: 'task', operation: 'downloadRecording', callInstanceId: '={{ $json.id }}' },
			{
				items: [{ id: answered.callInstanceId }, { id: rejected.callInstanceId }],
				continueOnFail: true,
			},
		);
		expect(out).toHaveLength(2);
		expect(out[0].binary!.data.fileName).toBe(`${answered.callInstanceId}.wav`);
		expect(out[1].json).toEqual({});
		expect(out[1].error?.message).toMatch(/has no recording/);
		expect(out[1].binary).toBeUndefined();
		expect((out[1].error as unknown as { context: IDataObject }).context.itemIndex).toBe(1);
	});
});
