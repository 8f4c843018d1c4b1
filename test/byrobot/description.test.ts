// What the Byrobot node shows for each operation, in order. The pickers several operations
// share (Company, Task, Blacklist Group, Return All / Limit) are one field for all of them, not
// a copy per operation, since n8n works through every field of a declarative node for every
// input item; their display rules must still show each of them exactly where it belongs.
import { Byrobot } from '../../nodes/Byrobot/Byrobot.node';
import { blacklist } from '../../nodes/Byrobot/resources/blacklist';
import { blacklistGroup } from '../../nodes/Byrobot/resources/blacklistGroup';
import { callback } from '../../nodes/Byrobot/resources/callback';
import { company } from '../../nodes/Byrobot/resources/company';
import { sopWorkflow } from '../../nodes/Byrobot/resources/sopWorkflow';
import { task } from '../../nodes/Byrobot/resources/task';
import { sharedFields } from '../../nodes/Byrobot/shared/descriptions';
import { shownFields } from '../harness/display';

const description = new Byrobot().description;
const shownFor = (resource: string, operation: string, authentication = 'signedApi') =>
	shownFields(description, { authentication, resource, operation });

// Taken from the node before its shared fields (commit 4b1a633, one copy of each picker per
// operation): the fields each operation shows, and their order, did not change.
const EXPECTED: Record<string, string> = {
	'blacklist.add': 'company,mobile,additionalFields',
	'blacklist.addMany':
		'company,blacklistGroup,importMode,phoneField,nameField,remarkField,addManyOptions',
	'blacklist.delete': 'company,blacklistGroup,mobile',
	'blacklist.getAll': 'company,blacklistGroup,returnAll,limit',
	'blacklistGroup.create': 'company,name,remark',
	'blacklistGroup.delete': 'company,blacklistGroup',
	'blacklistGroup.getAll': 'company',
	'blacklistGroup.update': 'company,blacklistGroup,name,remark',
	'callback.getUndelivered': 'company,dataType,startDate,endDate,returnAll,limit,filters',
	'company.getAll': '',
	'company.getCallerLines': 'company',
	'company.getRobots': 'company,robotStatus',
	'company.getScriptVariables': 'company,sceneDefId',
	'company.getSeatStatistics': 'company',
	'company.getSmsTemplates': 'company,returnAll,limit,status',
	'task.create':
		'company,taskName,taskType,callerLines,robot,callType,concurrencyQuota,redial,additionalFields',
	'task.delete': 'company,task',
	'task.downloadRecording': 'callInstanceId,recording,binaryPropertyName',
	'task.get': 'company,task',
	'task.getAll': 'company,returnAll,limit,filters',
	'task.getCallDetail': 'callInstanceId,simplify',
	'task.getCallRecords': 'company,task,returnAll,limit,simplify,filters,resultFilters',
	'task.getUncalledCustomers': 'company,task,returnAll,limit',
	'task.importCustomers': 'company,task,importMode,phoneField,nameField,variables,importOptions',
	'task.pause': 'company,task',
	'task.start': 'company,task',
	'task.stop': 'company,task',
	'task.update': 'company,task,redial,updateFields',
};

// The open platform (Authentication: Open Platform): the same field names where the API has the
// same parameters, its own where it differs (docs/api/byrobot-open-platform.md).
const EXPECTED_OPEN_PLATFORM: Record<string, string> = {
	'company.getAiBalance': 'company',
	'company.getAll': '',
	'company.getCallerLines': 'company',
	'company.getLineBalance': 'company',
	'company.getRobots': 'company,robotStatus',
	'company.getScriptVariables': 'company,robotDefId,hideDefaultVar',
	'company.getSeatStatistics': 'company',
	'sopWorkflow.getAll': 'returnAll,limit,sopFilters',
	'task.create': 'company,taskName,callerLines,robot,concurrencyQuota,redial',
	'task.get': 'company,task',
	'task.getAll': 'company,returnAll,limit,openPlatformFilters',
	'task.getCallDetail': 'callInstanceId,simplify',
	'task.getCallRecords': 'company,task,returnAll,limit,simplify',
	'task.importCustomers': 'company,task,importMode,phoneField,nameField,variables,importOptions',
	'task.pause': 'company,task',
	'task.start': 'company,task',
	'task.stop': 'company,task',
};

/** [authentication, resource, operation] of every Operation selector's options. */
const selectorEntries = description.properties
	.filter((property) => property.name === 'operation')
	.flatMap((property) =>
		(property.options as Array<{ value: string }>).map((option) => [
			String(property.displayOptions!.show!.authentication![0]),
			String(property.displayOptions!.show!.resource![0]),
			option.value,
		]),
	);
const operations = selectorEntries
	.filter(([api]) => api === 'signedApi')
	.map(([, resource, operation]) => [resource, operation]);
const openPlatformOperations = selectorEntries
	.filter(([api]) => api === 'openPlatform')
	.map(([, resource, operation]) => [resource, operation]);

describe('Byrobot fields per operation', () => {
	it('still has every operation recorded before the redesign', () => {
		const now = operations.map(([resource, operation]) => `${resource}.${operation}`);
		expect(now).toEqual(expect.arrayContaining(Object.keys(EXPECTED)));
	});

	// What an operation's file declares is what n8n shows: its shared fields in the table's order,
	// then its own fields, for every operation (including ones added after the record above).
	const declared = [blacklist, blacklistGroup, callback, company, sopWorkflow, task].flatMap(
		(resource) => resource.operations.map((operation) => [resource.value, operation] as const),
	);
	it.each(
		declared.map(([resource, operation]) => [resource, operation.option.value, operation] as const),
	)('%s → %s shows the fields its file declares', (resource, value, operation) => {
		const sharedNames = sharedFields
			.filter((field) => operation.shared?.includes(field.key))
			.flatMap((field) => field.build({}, [operation]).map((property) => property.name));
		const ownNames = (operation.fields ?? [])
			.filter(
				(field) =>
					!field.displayOptions?.show || Object.keys(field.displayOptions.show).length === 0,
			)
			.map((field) => field.name);
		const api = operation.option.routing ? 'signedApi' : 'openPlatform';
		const shown = shownFor(resource, value, api).slice(3);
		expect(shown.filter((name) => sharedNames.includes(name))).toEqual(sharedNames);
		expect(shown.slice(0, sharedNames.length)).toEqual(sharedNames);
		expect(shown.slice(sharedNames.length)).toEqual(expect.arrayContaining(ownNames));
	});

	it.each(operations)('%s → %s shows its fields once each, in order', (resource, operation) => {
		const shown = shownFor(resource, operation);
		expect(shown.slice(0, 3)).toEqual(['authentication', 'resource', 'operation']);
		expect(shown.slice(3).join(',')).toBe(EXPECTED[`${resource}.${operation}`]);
	});

	it.each([
		['openPlatform', 'blacklist'],
		['openPlatform', 'blacklistGroup'],
		['openPlatform', 'callback'],
		['signedApi', 'sopWorkflow'],
	])('on %s, %s shows a notice naming the other API, nothing else', (authentication, resource) => {
		const shown = shownFields(description, { authentication, resource });
		expect(shown).toEqual(['authentication', 'resource', 'notOnThisApi']);
		const notice = description.properties.find(
			(p) =>
				p.name === 'notOnThisApi' &&
				(p.displayOptions?.show?.authentication as string[]).includes(authentication),
		)!;
		expect(notice.displayName).toMatch(
			authentication === 'openPlatform' ? /choose Signed API/ : /choose Open Platform/,
		);
	});

	it('has one Resource selector (the nodes panel lists each one it finds)', () => {
		expect(description.properties.filter((p) => p.name === 'resource')).toHaveLength(1);
	});

	it('offers on the open platform exactly the operations it has', () => {
		expect(openPlatformOperations.map(([r, o]) => `${r}.${o}`).sort()).toEqual(
			Object.keys(EXPECTED_OPEN_PLATFORM).sort(),
		);
	});

	it.each(openPlatformOperations)(
		'open platform: %s → %s shows its fields once each, in order',
		(resource, operation) => {
			const shown = shownFor(resource, operation, 'openPlatform');
			expect(shown.slice(0, 3)).toEqual(['authentication', 'resource', 'operation']);
			expect(shown.slice(3).join(',')).toBe(EXPECTED_OPEN_PLATFORM[`${resource}.${operation}`]);
		},
	);

	it('has one field per shared picker where display rules allow it', () => {
		const count = (name: string) =>
			description.properties.filter((property) => property.name === name).length;
		// Company → Get Many has no company, and a display rule cannot tell it from the other
		// resources' Get Many: two Company fields. Likewise Blacklist Group (Blacklist Group → Get Many).
		expect(count('company')).toBe(2);
		expect(count('task')).toBe(1);
		expect(count('blacklistGroup')).toBe(2);
		expect(count('name')).toBe(1);
		expect(count('remark')).toBe(1);
		// Task and Blacklist share one pair; Get SMS Templates and Get Undelivered have their own.
		expect(count('returnAll')).toBe(3);
		expect(count('limit')).toBe(3);
	});
});
