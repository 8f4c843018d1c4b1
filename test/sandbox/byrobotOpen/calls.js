'use strict';
/*
 * Dialing and what it leaves: completed calls (calljob.calldone.list), one call's detail
 * (callinstance.detail.get), recordings (docs/api/byrobot-open-platform.md: Call job: completed
 * calls, Call instance: detail, finishStatus).
 *
 * Outcomes follow the legacy sandbox (test/sandbox/byrobot/calls.js, outcomeOf), so one number
 * has the same fate in both: n = the last 4 digits of the phone; n % 10 ≤ 6 → finishStatus 0
 * answered (10 + n % 50 seconds, 2 + n % 9 rounds, intention "ABCD"[floor(n/100) % 4]); 7 → 1
 * rejected; 8 → 2 unreachable; 9 → 8 no answer (0 s, grade F, no recording).
 *
 * calldone.list: callJobId, companyId required; pageNum from 1 (default 1); pageSize 1–500
 *   (default 20: the sandbox's choice). Records in call order. No record at all answers the empty
 *   sentinel {total: 0, pages: 0, pageNum: 0, list: []} (pageNum 0 although 1 was asked for, as the
 *   notes quote it); a page past the last answers its pageNum with an empty list. An unknown job
 *   → 10000401. Fields: callInstanceId (13 digits), callJobId, customerTelephone, customerName,
 *   callInstanceStatus 2, finishStatus, calledTimes, duration (whole seconds), startTime and
 *   endTime (epoch ms), luyinOssUrl and userLuyinOssUrl (null when not answered), resultList
 *   [{name: "客户意向等级", value: "A级"}], properties (the imported properties, an object) and
 *   userProperties (those of them that are the robot's script variables; the sandbox's reading).
 *
 * callinstance.detail.get: callInstanceId, companyId → data null for an unknown call.
 *   THE ANSWER'S SHAPE IS THE SANDBOX'S INVENTION (the notes have never seen one). It follows
 *   the CALL_INSTANCE_RESULT callback's data.data: {callInstance: the record as calldone.list has
 *   it plus companyId, robotDefId, robotDefName, jobName, chatRound, hangUp, callerPhone,
 *   userPhoneId; phoneLogs: [{speaker "AI" | "ME", content, startTime, endTime (epoch ms),
 *   decisionName}]; taskResult: [{resultName, resultValue (the bare grade), resultDesc,
 *   resultLabels: []}]}.
 *
 * Recordings are served unsigned on the sandbox's own URL, as small WAV files:
 * GET <url>/RobotPhoneCommunicate/<callInstanceId>.wav (luyinOssUrl) and <id>_user.wav
 * (userLuyinOssUrl); missing ones answer 404 NoSuchKey like object storage.
 */
const { outcomeOf, silentWav, NO_SUCH_KEY, PENDING_URL } = require('../byrobot/calls');
const { refuse } = require('./protocol');

const INTENTION = '客户意向等级';
const AI_LINES = [
	['开场白', '您好，这里是百应演示公司，请问是{name}吗？'],
	['确认身份', '打扰您一分钟，跟您确认一下近期的服务情况。'],
	['满意度', '好的，请问您对我们的服务满意吗？'],
	['补充问题', '明白了，还有其他问题需要帮您记录吗？'],
	['结束语', '感谢您的接听，祝您生活愉快，再见。'],
];
const CUSTOMER_LINES = ['是的，我是。', '嗯，你说。', '还可以。', '没有了。', '好的，再见。'];
/** A call that is not answered rings this long before it ends. */
const RING_MS = 10_000;

const routes = [
	['byai.openapi.calljob.calldone.list', 'callDoneList'],
	['byai.openapi.callinstance.detail.get', 'callInstanceDetail'],
];

const methods = {
	/** Dials every imported, not yet dialed customer of the job; returns the new call records. */
	dialAll(callJobId) {
		const list = this.customerLists.get(callJobId);
		if (!list) throw new Error(`no job ${callJobId}`);
		return this.dial(callJobId, [...list.notDialed.values()]);
	},

	dial(callJobId, customers) {
		const job = this.jobs.get(callJobId);
		const list = this.customerLists.get(callJobId);
		const calls = this.callsByJob.get(callJobId);
		const line = this.phones.find((ph) => ph.view.userPhoneId === job.userPhoneIds[0])?.view;
		const robot = this.robots.find((r) => r.view.robotDefId === job.robotDefId);
		const t0 = this.now();
		const created = [];
		for (const customer of customers) {
			if (customer.dialed) continue;
			const o = outcomeOf(customer.phone);
			const answered = o.finishStatus === 0;
			const startTime = t0 + created.length * 1000;
			const endTime = startTime + (answered ? o.durationSec * 1000 : RING_MS);
			const id = customer.callInstanceId;
			const variables = new Set(robot?.variables ?? []);
			const call = {
				callInstanceId: id,
				callJobId,
				customerTelephone: customer.phone,
				customerName: customer.name,
				callInstanceStatus: 2,
				finishStatus: o.finishStatus,
				calledTimes: 1,
				duration: o.durationSec,
				startTime,
				endTime,
				luyinOssUrl: answered ? this.recordingUrl(id) : null,
				userLuyinOssUrl: answered ? this.recordingUrl(id, 'user') : null,
				resultList: [{ name: INTENTION, value: `${o.intention}级` }],
				properties: { ...customer.properties },
				userProperties: Object.fromEntries(
					Object.entries(customer.properties).filter(([k]) => variables.has(k)),
				),
				// Not in calldone.list: what callinstance.detail.get adds.
				companyId: job.companyId,
				robotDefId: job.robotDefId,
				userPhoneId: line?.userPhoneId ?? null,
				callerPhone: line?.phone ?? '',
				chatRound: o.chatRound,
				intention: o.intention,
			};
			customer.dialed = true;
			list.notDialed.delete(id);
			calls.push(call);
			this.calls.set(id, call);
			created.push(call);
			job.doneCount++;
		}
		if (job.callJobStatus === 1 && list.notDialed.size === 0 && job.totalCount > 0)
			this.setJobStatus(job, 2);
		return created;
	},

	/** Imports n generated customers (phones "139" + callJobId % 10000 + seq, 4 digits each) and dials just them. */
	seedCallRecords(callJobId, n) {
		const list = this.customerLists.get(callJobId);
		if (!list) throw new Error(`no job ${callJobId}`);
		const prefix = `139${String(callJobId % 10000).padStart(4, '0')}`;
		const rows = [];
		for (let seq = list.all.length + 1; rows.length < n; seq++) {
			const phone = prefix + String(seq).padStart(4, '0');
			if (list.phones.has(phone)) continue;
			rows.push({ name: `客户${seq}`, phone, properties: { 客户姓名: `客户${seq}` } });
		}
		const before = list.all.length;
		this.importCustomers(callJobId, rows);
		return this.dial(callJobId, list.all.slice(before));
	},

	callRecordsOf(callJobId) {
		return [...(this.callsByJob.get(callJobId) ?? [])];
	},

	/** A call as calldone.list answers it. */
	callView(call) {
		const { companyId, robotDefId, userPhoneId, callerPhone, chatRound, intention, ...view } = call;
		return {
			...view,
			properties: { ...view.properties },
			userProperties: { ...view.userProperties },
		};
	},

	callDoneList(p, ctx) {
		const job = this.jobParam(p, ctx);
		const pageNum = p.int('pageNum', { min: 1, def: 1 });
		const pageSize = p.int('pageSize', { min: 1, max: 500, def: 20 });
		const calls = this.callsByJob.get(job.callJobId);
		if (calls.length === 0) return { total: 0, pages: 0, pageNum: 0, list: [] };
		const start = (pageNum - 1) * pageSize;
		return {
			total: calls.length,
			pages: Math.ceil(calls.length / pageSize),
			pageNum,
			list: calls.slice(start, start + pageSize).map((c) => this.callView(c)),
		};
	},

	callInstanceDetail(p, ctx) {
		this.companyParam(p, ctx);
		const call = this.calls.get(p.int('callInstanceId', { required: true }));
		if (!call || call.companyId !== ctx.token.companyId) return null;
		const job = this.jobs.get(call.callJobId);
		const robot = this.robots.find((r) => r.view.robotDefId === call.robotDefId);
		const phoneLogs = [];
		for (let round = 0; round < call.chatRound; round++) {
			const at = call.startTime + round * 6000;
			const [decisionName, line] = AI_LINES[round % AI_LINES.length];
			phoneLogs.push(
				{
					speaker: 'AI',
					content: line.replace('{name}', call.customerName || '您'),
					startTime: at,
					endTime: at + 2500,
					decisionName,
				},
				{
					speaker: 'ME',
					content: CUSTOMER_LINES[round % CUSTOMER_LINES.length],
					startTime: at + 3000,
					endTime: at + 5000,
					decisionName: null,
				},
			);
		}
		return {
			callInstance: {
				...this.callView(call),
				companyId: call.companyId,
				robotDefId: call.robotDefId,
				robotDefName: robot?.view.robotName ?? null,
				jobName: job?.jobName ?? '',
				chatRound: call.chatRound,
				hangUp: call.finishStatus === 0 ? 1 : 0,
				callerPhone: call.callerPhone,
				userPhoneId: call.userPhoneId,
			},
			phoneLogs,
			taskResult: [
				{
					resultName: INTENTION,
					resultValue: call.intention,
					resultDesc: `${call.intention}级`,
					resultLabels: [],
				},
			],
		};
	},

	/** The sandbox URL of a call's recording (filled in by start() for calls dialed before it listened). */
	recordingUrl(callInstanceId, side) {
		const file = `${callInstanceId}${side === 'user' ? '_user' : ''}.wav`;
		return `${this.url || PENDING_URL}/RobotPhoneCommunicate/${file}`;
	},

	recording(callInstanceId, side) {
		const call = this.calls.get(callInstanceId);
		const url = side === 'user' ? call?.userLuyinOssUrl : call?.luyinOssUrl;
		if (!call || !url) return { status: 404, contentType: 'application/xml', text: NO_SUCH_KEY };
		const seconds = Math.min(call.duration, 5);
		return {
			status: 200,
			contentType: 'audio/wav',
			text: silentWav(side === 'user' ? Math.ceil(seconds / 2) : seconds),
		};
	},
};

module.exports = { routes, methods, INTENTION, PENDING_URL };
