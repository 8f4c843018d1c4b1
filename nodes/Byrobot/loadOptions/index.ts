// Dropdowns fed by the API for the chosen company. While no company is chosen (a node just
// added), each shows one greyed-out hint instead of asking BYRobot, so nothing can be picked and
// no error appears; n8n loads the list again once Company is set (loadOptionsDependsOn).
import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { PHONE_TYPE_LABELS } from '../shared/labels';
import { chosenCompanyId, currentValue } from '../shared/inputs';
import { scriptVariableNames } from '../shared/values';
import {
	byrobotApiRequest,
	byrobotOpenRequest,
	entriesOf,
	isOpenPlatform,
} from '../shared/transport';

/** The list's only entry while Company is empty: a hint that cannot be picked. */
function chooseCompanyFirst(what: string): INodePropertyOptions[] {
	return [
		{
			name: 'Choose a Company First',
			value: '',
			disabled: true,
			description: `${what} are listed for the company chosen in Company above`,
		},
	];
}

async function list(
	context: ILoadOptionsFunctions,
	companyId: number,
	path: string,
	qs: IDataObject = {},
): Promise<IDataObject[]> {
	const envelope = await byrobotApiRequest.call(context, 'GET', path, { companyId, ...qs });
	return entriesOf(envelope.data);
}

/**
 * getPhones: usable lines first; useAvailable (not `available`) is the real flag. The open
 * platform's phone.list has no such flag: every line is offered.
 */
export async function getCallerLines(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const companyId = chosenCompanyId(this);
	if (companyId === undefined) return chooseCompanyFirst('Caller lines');
	const open = isOpenPlatform(this);
	const lines = open
		? entriesOf(
				(await byrobotOpenRequest.call(this, '/byai.openapi.phone/1.0.0/list', { companyId })).data,
			)
		: await list(this, companyId, '/openapi/v1/company/getPhones');
	return lines
		.filter((line) => open || line.useAvailable === true)
		.map((line) => ({
			name: `${String(line.phoneName || line.phone || line.userPhoneId)}${line.phone ? ` (${String(line.phone)})` : ''}`,
			value: Number(line.userPhoneId),
			description: `${PHONE_TYPE_LABELS[Number(line.phoneType)] ?? 'Unknown type'} · ID ${String(line.userPhoneId)}`,
		}));
}

/** Robots of the company (robotStatus 0) or those ever published (2, the ones a task may use). */
async function robotsOf(
	context: ILoadOptionsFunctions,
	companyId: number,
	robotStatus: 0 | 2,
): Promise<IDataObject[]> {
	if (!isOpenPlatform(context)) {
		return await list(context, companyId, '/openapi/v1/company/getRobots', { robotStatus });
	}
	const envelope = await byrobotOpenRequest.call(context, '/byai.openapi.robot/1.0.0/list', {
		companyId,
		robotStatus,
	});
	return entriesOf(envelope.data);
}

/** getRobots with robotStatus 2: robots that were published, the ones a task may use. */
export async function getRobots(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const companyId = chosenCompanyId(this);
	if (companyId === undefined) return chooseCompanyFirst('Robots');
	const robots = await robotsOf(this, companyId, 2);
	return robots.map((robot) => ({
		name: String(robot.robotName),
		value: Number(robot.robotDefId),
		description: `Robot ID ${String(robot.robotDefId)}${robot.sceneDefId === undefined ? '' : ` · script ${String(robot.sceneDefId)}`}`,
	}));
}

/** Robots by their script (sceneDefId), for Get Script Variables. */
export async function getRobotScripts(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	const companyId = chosenCompanyId(this);
	if (companyId === undefined) return chooseCompanyFirst('Robot scripts');
	const robots = await robotsOf(this, companyId, 0);
	return robots.map((robot) => ({
		name: String(robot.robotName),
		value: Number(robot.sceneDefId),
		description: `Script ID ${String(robot.sceneDefId)} · robot ${String(robot.robotDefId)}`,
	}));
}

/** Approved SMS templates (status 2); the only ones a task may use. */
export async function getSmsTemplates(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	const companyId = chosenCompanyId(this);
	if (companyId === undefined) return chooseCompanyFirst('SMS templates');
	const templates = await list(this, companyId, '/openapi/v1/sms/template/list', {
		status: 2,
		pageNum: 1,
		pageSize: 100,
	});
	return templates.map((template) => ({
		name: String(template.name),
		value: Number(template.smsTemplateId),
		description: String(template.content ?? ''),
	}));
}

export async function getBlacklistGroups(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	const companyId = chosenCompanyId(this);
	if (companyId === undefined) return chooseCompanyFirst('Blacklist groups');
	const groups = await list(this, companyId, '/openapi/v1/company/blacklist/group/list');
	return groups.map((group) => ({
		name: String(group.name),
		value: Number(group.blacklistInfoGroupId),
		description: group.remark ? String(group.remark) : undefined,
	}));
}

/**
 * The script variables for Import Customers: those of the chosen task's robot. The task detail's
 * sceneDefId (or its robotDefId, looked up in getRobots) names the script; when the detail tells
 * neither (its fields are not documented), the variables of every published robot are offered,
 * each labelled with its robot.
 */
export async function getTaskScriptVariables(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	const companyId = chosenCompanyId(this);
	if (companyId === undefined) return chooseCompanyFirst('Script variables');
	if (isOpenPlatform(this)) return await openPlatformScriptVariables(this, companyId);
	const robots = await robotsOf(this, companyId, 0);
	const taskId = currentValue(this, 'task');
	let scripts = robots.filter(
		(robot) => robot.sceneDefId !== undefined && robot.sceneDefId !== null,
	);
	const taskNumber = Number(typeof taskId === 'string' ? taskId.trim() : taskId);
	// Only a task given as a whole number can be looked up (an expression is not resolved here);
	// if the look-up fails, the variables of every robot are still worth offering.
	if (taskId !== '' && taskId !== null && Number.isSafeInteger(taskNumber) && taskNumber > 0) {
		try {
			const detail = await byrobotApiRequest.call(this, 'GET', '/openapi/v1/task/getTaskDetail', {
				companyId,
				taskId: taskNumber,
			});
			const task = (detail.data ?? {}) as IDataObject;
			const known = (value: unknown) => value !== undefined && value !== null && value !== '';
			const ofTask = scripts.filter(
				(robot) =>
					(known(task.sceneDefId) && Number(robot.sceneDefId) === Number(task.sceneDefId)) ||
					(known(task.robotDefId) && Number(robot.robotDefId) === Number(task.robotDefId)),
			);
			if (ofTask.length) scripts = ofTask.slice(0, 1);
			else if (known(task.sceneDefId))
				scripts = [{ sceneDefId: task.sceneDefId, robotName: task.robotDefName }];
		} catch {
			// keep every robot's script
		}
	}
	const options = new Map<string, INodePropertyOptions>();
	for (const robot of scripts) {
		const names = await list(this, companyId, '/openapi/v1/task/getSceneVariables', {
			sceneDefId: Number(robot.sceneDefId),
		});
		for (const name of scriptVariableNames(names)) {
			const owner = robot.robotName
				? String(robot.robotName)
				: `script ${String(robot.sceneDefId)}`;
			const known = options.get(name);
			if (known) known.description = `${String(known.description)}, ${owner}`;
			else options.set(name, { name, value: name, description: `Script variable of ${owner}` });
		}
	}
	return [...options.values()].sort((a, b) => a.name.localeCompare(b.name, 'zh'));
}

/**
 * The open platform's script variables for Import Customers: its task detail names no robot, so
 * every robot's variables are offered (company.scenevariables.get by robotDefId), each labelled.
 */
async function openPlatformScriptVariables(
	context: ILoadOptionsFunctions,
	companyId: number,
): Promise<INodePropertyOptions[]> {
	const options = new Map<string, INodePropertyOptions>();
	for (const robot of await robotsOf(context, companyId, 0)) {
		const envelope = await byrobotOpenRequest.call(
			context,
			'/byai.openapi.company.scenevariables/1.0.0/get',
			{ companyId, robotDefId: Number(robot.robotDefId), hideDefaultVar: 'true' },
		);
		const data = (envelope.data ?? {}) as IDataObject;
		for (const name of scriptVariableNames(data.variables)) {
			const owner = String(robot.robotName ?? `robot ${String(robot.robotDefId)}`);
			const known = options.get(name);
			if (known) known.description = `${String(known.description)}, ${owner}`;
			else options.set(name, { name, value: name, description: `Script variable of ${owner}` });
		}
	}
	return [...options.values()].sort((a, b) => a.name.localeCompare(b.name, 'zh'));
}
