'use strict';
/*
 * The fields of createTask and task/update, and the rules a task must satisfy
 * (docs/api/byrobot.md: Task: create, Task: update). Inferred where the doc is silent, strictly, so
 * a client that relies on leniency fails here first:
 * createTask: companyId, taskName, taskType 1|2, userPhoneIds (non-empty int array of available
 *   lines of the company, all one phoneType), robotDefId (a published robot of the company),
 *   callType (= that phoneType) required; startDate yyyy-MM-dd required for taskType 1 (manual
 *   tasks default to today); times HH:mm (stored HH:mm:ss; default 09:00–20:00); break both or
 *   neither, inside working hours; concurrencyQuota ≥ 1; smsType 0|1; smsTemplateId an approved
 *   template; repeatCallRule [{phoneStatus ∈ {2,3,5,6,7,9,10}, times 1–5, interval 0–120}];
 *   sceneDefId must be the robot's, sceneRecordId one of its records (both optional).
 * update: {companyId, taskId, ...any createTask field}; userPhoneIds may be int, "11,12" or int[].
 */
const { Params, bad, isInt, isPlainObject } = require('./protocol');

const REPEAT_PHONE_STATUSES = [2, 3, 5, 6, 7, 9, 10];

const methods = {
	/** Reads the createTask/update fields present in the request (shape checks only). */
	readTaskFields(p, partial) {
		const required = !partial;
		const f = {};
		const set = (key, value) => {
			if (value !== undefined) f[key] = value;
		};
		set('jobName', p.str('taskName', { required, maxLen: 100 }));
		if (partial && f.jobName !== undefined && !f.jobName.trim())
			throw bad('taskName must not be empty');
		set('jobType', p.int('taskType', { required, oneOf: [1, 2] }));
		set('startDate', p.date('startDate'));
		for (const key of ['workingStartTime', 'workingEndTime', 'breakStartTime', 'breakEndTime']) {
			const t = p.time(key);
			if (t !== undefined) f[key] = `${t}:00`;
		}
		set('userPhoneIds', partial ? looseIds(p, 'userPhoneIds') : strictIds(p, 'userPhoneIds'));
		set('robotDefId', p.int('robotDefId', { required }));
		set('sceneDefId', p.int('sceneDefId'));
		set('sceneRecordId', p.int('sceneRecordId'));
		set('callType', p.int('callType', { required, min: 0 }));
		set('concurrencyQuota', p.int('concurrencyQuota', { min: 1 }));
		set('phoneNum', p.int('phoneNum', { min: 0 }));
		set('smsType', p.int('smsType', { oneOf: [0, 1] }));
		set('smsSendLevel', p.int('smsSendLevel', { min: 0 }));
		set('smsTemplateId', p.int('smsTemplateId'));
		set('remark', p.str('remark', { maxLen: 500 }));
		set('repeatCall', p.bool('repeatCall'));
		set('repeatCallRule', repeatRules(p));
		set('defaultIntentionRule', p.bool('defaultIntentionRule'));
		set('openElasticity', p.bool('openElasticity'));
		return f;
	},

	/** Cross-field and resource rules on the task as it would be stored. */
	checkTaskConfig(task) {
		const { companyId } = task;
		const robot = this.robots.find(
			(r) => r.companyId === companyId && r.view.robotDefId === task.robotDefId,
		);
		if (!robot) throw bad(`robotDefId ${task.robotDefId} is not a robot of company ${companyId}`);
		if (!robot.published)
			throw bad(`robotDefId ${task.robotDefId} has never been published (话术未发布)`);
		if (task.sceneDefId !== robot.view.sceneDefId) {
			throw bad(`sceneDefId ${task.sceneDefId} does not belong to robotDefId ${task.robotDefId}`);
		}
		if (
			task.sceneRecordId != null &&
			!robot.view.sceneRecords.some((r) => r.sceneRecordId === task.sceneRecordId)
		) {
			throw bad(
				`sceneRecordId ${task.sceneRecordId} does not belong to robotDefId ${task.robotDefId}`,
			);
		}
		const lines = task.userPhoneIds.map((id) => {
			const line = this.phones.find(
				(ph) => ph.companyId === companyId && ph.view.userPhoneId === id,
			);
			if (!line) throw bad(`userPhoneIds: ${id} is not a line of company ${companyId}`);
			if (!line.view.useAvailable)
				throw bad(`userPhoneIds: line ${id} is not available (useAvailable=false)`);
			return line.view;
		});
		const types = [...new Set(lines.map((l) => l.phoneType))];
		if (types.length > 1) throw bad('userPhoneIds mixes lines of different phoneType');
		if (task.callType !== types[0]) {
			throw bad(
				`callType ${task.callType} does not match phoneType ${types[0]} of the chosen lines`,
			);
		}
		if (task.workingStartTime >= task.workingEndTime)
			throw bad('workingStartTime must be before workingEndTime');
		const hasBreakStart = task.breakStartTime != null;
		if (hasBreakStart !== (task.breakEndTime != null))
			throw bad('breakStartTime and breakEndTime go together');
		if (hasBreakStart) {
			if (task.breakStartTime >= task.breakEndTime)
				throw bad('breakStartTime must be before breakEndTime');
			if (task.breakStartTime < task.workingStartTime || task.breakEndTime > task.workingEndTime) {
				throw bad('breakStartTime/breakEndTime must lie inside the working hours');
			}
		}
		if (task.smsTemplateId != null) {
			const t = this.smsTemplates.find(
				(x) => x.companyId === companyId && x.smsTemplateId === task.smsTemplateId,
			);
			if (!t)
				throw bad(`smsTemplateId ${task.smsTemplateId} is not a template of company ${companyId}`);
			if (t.status !== 2)
				throw bad(`smsTemplateId ${task.smsTemplateId} is not approved (status ${t.status})`);
		}
	},

	/** Fills sceneDefId/sceneRecordId from the robot when the request left them out. */
	robotDefaults(companyId, robotDefId, fields) {
		const robot = this.robots.find(
			(r) => r.companyId === companyId && r.view.robotDefId === robotDefId,
		);
		if (!robot) return;
		if (fields.sceneDefId === undefined) fields.sceneDefId = robot.view.sceneDefId;
		if (fields.sceneRecordId === undefined)
			fields.sceneRecordId = robot.view.sceneRecords[0]?.sceneRecordId ?? null;
	},
};

/** createTask: a non-empty int array. */
function strictIds(p, name) {
	const ids = p.list(name, { required: true, minLen: 1 });
	if (!ids.every(isInt)) throw bad(`${name} must be an array of integers`);
	return [...new Set(ids)];
}

/** task/update: an int, a comma-separated string of ints, or an int array. */
function looseIds(p, name) {
	const v = p.raw(name);
	if (v === undefined) return undefined;
	let ids;
	if (isInt(v)) ids = [v];
	else if (Array.isArray(v) && v.every(isInt)) ids = v;
	else if (typeof v === 'string' && /^\s*\d+(\s*,\s*\d+)*\s*$/.test(v))
		ids = v.split(',').map((s) => Number(s.trim()));
	else
		throw bad(
			`${name} must be an integer, a comma-separated list of integers or an array of integers`,
		);
	if (!ids.length) throw bad(`${name} must not be empty`);
	return [...new Set(ids)];
}

function repeatRules(p) {
	const rules = p.list('repeatCallRule');
	if (rules === undefined) return undefined;
	return rules.map((rule, i) => {
		if (!isPlainObject(rule)) throw bad(`repeatCallRule[${i}] must be an object`);
		const r = new Params(rule, false);
		const at = (key) => `repeatCallRule[${i}].${key}`;
		const read = (key, opts) => {
			try {
				return r.int(key, { required: true, ...opts });
			} catch (e) {
				throw bad(e.message.replace(/^参数错误: /, '').replace(key, at(key)));
			}
		};
		return {
			phoneStatus: read('phoneStatus', { oneOf: REPEAT_PHONE_STATUSES }),
			times: read('times', { min: 1, max: 5 }),
			interval: read('interval', { min: 0, max: 120 }),
		};
	});
}

module.exports = { routes: [], methods };
