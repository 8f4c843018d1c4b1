// Dropdowns fed by the API for the chosen company.
import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { PHONE_TYPE_LABELS } from '../shared/format';
import { companyIdFor } from '../shared/parameters';
import { byrobotApiRequest, entriesOf } from '../shared/transport';

async function list(
	context: ILoadOptionsFunctions,
	path: string,
	qs: IDataObject = {},
): Promise<IDataObject[]> {
	const envelope = await byrobotApiRequest.call(context, 'GET', path, {
		companyId: companyIdFor(context),
		...qs,
	});
	return entriesOf(envelope.data);
}

/** getPhones: usable lines first; useAvailable (not `available`) is the real flag. */
export async function getCallerLines(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const lines = await list(this, '/openapi/v1/company/getPhones');
	return lines
		.filter((line) => line.useAvailable === true)
		.map((line) => ({
			name: `${String(line.phoneName || line.phone || line.userPhoneId)}${line.phone ? ` (${String(line.phone)})` : ''}`,
			value: Number(line.userPhoneId),
			description: `${PHONE_TYPE_LABELS[Number(line.phoneType)] ?? 'Unknown type'} · ID ${String(line.userPhoneId)}`,
		}));
}

/** getRobots with robotStatus 2: robots that were published, the ones a task may use. */
export async function getRobots(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const robots = await list(this, '/openapi/v1/company/getRobots', { robotStatus: 2 });
	return robots.map((robot) => ({
		name: String(robot.robotName),
		value: Number(robot.robotDefId),
		description: `Robot ID ${String(robot.robotDefId)} · script ${String(robot.sceneDefId)}`,
	}));
}

/** Robots by their script (sceneDefId), for Get Script Variables. */
export async function getRobotScripts(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const robots = await list(this, '/openapi/v1/company/getRobots', { robotStatus: 0 });
	return robots.map((robot) => ({
		name: String(robot.robotName),
		value: Number(robot.sceneDefId),
		description: `Script ID ${String(robot.sceneDefId)} · robot ${String(robot.robotDefId)}`,
	}));
}

/** Approved SMS templates (status 2); the only ones a task may use. */
export async function getSmsTemplates(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const templates = await list(this, '/openapi/v1/sms/template/list', {
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

export async function getBlacklistGroups(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const groups = await list(this, '/openapi/v1/company/blacklist/group/list');
	return groups.map((group) => ({
		name: String(group.name),
		value: Number(group.blacklistInfoGroupId),
		description: group.remark ? String(group.remark) : undefined,
	}));
}
