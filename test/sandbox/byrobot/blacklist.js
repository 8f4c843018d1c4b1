'use strict';
// Blacklist groups and entries (docs/api/byrobot.md: Blacklist …, Blacklist group …).
// Where the doc is silent: group/add and group/edit take `name` (vendor doc) or `groupName` (a demo);
// info/delete takes blacklistInfoId or mobile (+ optional group); edit/delete answer data true.
// A mobile already in the group → 412 (single add) or not counted (batch); deleting a non-empty
// or the default group → 412. Dialing a blacklisted phone ends with finishStatus 11 (calls.js).
const { ApiError, PHONE_RE, bad, formatBeijing, isPlainObject, page } = require('./protocol');
const { SEED } = require('./seed');

const DEFAULT_GROUP_ID = SEED.blacklistGroup.default.id;
const MAX_BLACKLIST_BATCH = 10000;

const routes = [
	['POST', 'company/addBlackList', 'addBlackList', '添加成功'],
	['POST', 'company/addBlackList/batch', 'addBlackListBatch', '新增成功'],
	['GET', 'company/blacklist/group/list', 'blacklistGroupList', '查询成功'],
	['GET', 'company/blacklist/info/page', 'blacklistInfoPage', '查询成功'],
	['POST', 'company/blacklist/group/add', 'blacklistGroupAdd', '新增成功'],
	['POST', 'company/blacklist/group/edit', 'blacklistGroupEdit', '修改成功'],
	['POST', 'company/blacklist/group/delete', 'blacklistGroupDelete', '删除成功'],
	['POST', 'company/blacklist/info/delete', 'blacklistInfoDelete', '删除成功'],
];

/** companyId → Map(groupId → group), each company holding just the default group. */
function seedBlacklistGroups(companyIds) {
	const { id, name } = SEED.blacklistGroup.default;
	return new Map(
		[...companyIds].map((companyId) => [
			companyId,
			new Map([[id, { blacklistInfoGroupId: id, name, publicFlag: true, remark: '' }]]),
		]),
	);
}

const methods = {
	groupsOf(companyId) {
		return this.blacklistGroups.get(companyId);
	},

	groupFor(companyId, groupId) {
		const group = this.groupsOf(companyId).get(groupId);
		if (!group)
			throw new ApiError(404, `黑名单分组不存在 blacklistInfoGroupId ${groupId} not found`);
		return group;
	},

	/** Entries of a company (optionally one group), newest first. */
	blacklistOf(companyId, groupId) {
		const list = [];
		for (const e of this.blacklist.values()) {
			if (
				e.companyId === companyId &&
				(groupId === undefined || e.blacklistInfoGroupId === groupId)
			)
				list.push(e);
		}
		return list.reverse();
	},

	addBlacklistEntry(companyId, groupId, { mobile, name, remark }) {
		const entry = {
			blacklistInfoId: this.nextBlacklistInfoId++,
			companyId,
			blacklistInfoGroupId: groupId,
			name: name ?? null,
			mobile,
			remark: remark ?? null,
			gmtCreate: formatBeijing(this.now()),
		};
		this.blacklist.set(entry.blacklistInfoId, entry);
		return entry;
	},

	inGroup(companyId, groupId, mobile) {
		for (const e of this.blacklist.values()) {
			if (e.companyId === companyId && e.blacklistInfoGroupId === groupId && e.mobile === mobile)
				return e;
		}
		return undefined;
	},

	addBlackList(p, ctx) {
		const { companyId } = this.companyParam(p, ctx);
		const mobile = p.str('mobile', {
			required: true,
			pattern: PHONE_RE,
			format: 'a phone number of 3-20 digits',
		});
		const name = p.str('name', { maxLen: 100 });
		const remark = p.str('remark', { maxLen: 500 });
		if (this.inGroup(companyId, DEFAULT_GROUP_ID, mobile)) {
			throw bad(`mobile ${mobile} is already in the blacklist (该号码已在黑名单中)`);
		}
		return this.addBlacklistEntry(companyId, DEFAULT_GROUP_ID, { mobile, name, remark })
			.blacklistInfoId;
	},

	addBlackListBatch(p, ctx) {
		const { companyId } = this.companyParam(p, ctx);
		const groupId = p.int('blacklistInfoGroupId', { required: true });
		const rows = p.list('blacklist', { required: true, minLen: 1, maxLen: MAX_BLACKLIST_BATCH });
		rows.forEach((row, i) => {
			if (!isPlainObject(row)) throw bad(`blacklist[${i}] must be an object`);
			if (typeof row.mobile !== 'string' || !row.mobile)
				throw bad(`blacklist[${i}].mobile is required`);
			if (typeof row.name !== 'string') throw bad(`blacklist[${i}].name is required`);
			if (row.remark != null && typeof row.remark !== 'string')
				throw bad(`blacklist[${i}].remark must be a string`);
		});
		this.groupFor(companyId, groupId);
		const existing = new Set(this.blacklistOf(companyId, groupId).map((e) => e.mobile));
		let successNum = 0;
		for (const row of rows) {
			if (!PHONE_RE.test(row.mobile) || existing.has(row.mobile)) continue;
			existing.add(row.mobile);
			this.addBlacklistEntry(companyId, groupId, row);
			successNum++;
		}
		return { requsetNum: rows.length, successNum }; // sic: the vendor's spelling
	},

	blacklistGroupList(p, ctx) {
		const { companyId } = this.companyParam(p, ctx);
		const groups = [...this.groupsOf(companyId).values()].map((g) => ({ ...g }));
		// The vendor answers a plain array; pageNum/pageSize (if sent) just slice it.
		if (!p.has('pageNum') && !p.has('pageSize')) return groups;
		const pageNum = p.pageNum();
		const pageSize = p.pageSize(20, 100);
		return groups.slice((pageNum - 1) * pageSize, pageNum * pageSize);
	},

	blacklistInfoPage(p, ctx) {
		const { companyId } = this.companyParam(p, ctx);
		const groupId = p.int('blacklistInfoGroupId');
		const mobile = p.str('mobile');
		const pageNum = p.pageNum();
		const pageSize = p.pageSize(20, 100);
		if (groupId !== undefined) this.groupFor(companyId, groupId);
		const list = this.blacklistOf(companyId, groupId)
			.filter((e) => mobile === undefined || e.mobile === mobile)
			.map(({ companyId: _omit, ...entry }) => entry);
		return page(list, pageNum, pageSize);
	},

	groupName(p) {
		const name = p.has('name') ? p.str('name', { maxLen: 50 }) : p.str('groupName', { maxLen: 50 });
		if (name === undefined || !name.trim()) throw bad('name (or groupName) is required');
		return name.trim();
	},

	blacklistGroupAdd(p, ctx) {
		const { companyId } = this.companyParam(p, ctx);
		const name = this.groupName(p);
		const remark = p.str('remark', { maxLen: 500 });
		const groups = this.groupsOf(companyId);
		if ([...groups.values()].some((g) => g.name === name))
			throw bad(`a blacklist group named ${name} already exists`);
		const group = {
			blacklistInfoGroupId: this.nextGroupId++,
			name,
			publicFlag: false,
			remark: remark ?? null,
		};
		groups.set(group.blacklistInfoGroupId, group);
		return group.blacklistInfoGroupId;
	},

	blacklistGroupEdit(p, ctx) {
		const { companyId } = this.companyParam(p, ctx);
		const groupId = p.int('blacklistInfoGroupId', { required: true });
		const name = this.groupName(p);
		const remark = p.str('remark', { maxLen: 500 });
		const group = this.groupFor(companyId, groupId);
		if (groupId === DEFAULT_GROUP_ID) throw bad('the default group (-1) cannot be edited');
		if ([...this.groupsOf(companyId).values()].some((g) => g !== group && g.name === name)) {
			throw bad(`a blacklist group named ${name} already exists`);
		}
		group.name = name;
		if (remark !== undefined) group.remark = remark;
		return true;
	},

	blacklistGroupDelete(p, ctx) {
		const { companyId } = this.companyParam(p, ctx);
		const groupId = p.int('blacklistInfoGroupId', { required: true });
		this.groupFor(companyId, groupId);
		if (groupId === DEFAULT_GROUP_ID) throw bad('the default group (-1) cannot be deleted');
		if (this.blacklistOf(companyId, groupId).length)
			throw bad('the group still holds numbers; delete them first');
		this.groupsOf(companyId).delete(groupId);
		return true;
	},

	blacklistInfoDelete(p, ctx) {
		const { companyId } = this.companyParam(p, ctx);
		const infoId = p.int('blacklistInfoId');
		const mobile = p.str('mobile');
		const groupId = p.int('blacklistInfoGroupId');
		if (infoId === undefined && mobile === undefined)
			throw bad('blacklistInfoId or mobile is required');
		if (groupId !== undefined) this.groupFor(companyId, groupId);
		const victims = this.blacklistOf(companyId, groupId).filter(
			(e) =>
				(infoId === undefined || e.blacklistInfoId === infoId) &&
				(mobile === undefined || e.mobile === mobile),
		);
		if (!victims.length) throw new ApiError(404, '黑名单号码不存在 blacklist entry not found');
		for (const e of victims) this.blacklist.delete(e.blacklistInfoId);
		return true;
	},
};

module.exports = { routes, methods, seedBlacklistGroups };
