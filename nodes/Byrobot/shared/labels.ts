// BYRobot's enums as display labels: one table of each, shared by the Byrobot node (output,
// dropdowns, list search) and the Byrobot Trigger, so both name a code the same way.
// Values: docs/api/byrobot.md#enums. No table is complete: unlisted codes are kept and labelled
// "Unknown (n)" (docs/api/byrobot.md#quirks).

/** A task's `status` (docs/api/byrobot.md#task-status). */
export const TASK_STATUS_LABELS: Record<number, string> = {
	0: 'Not Started',
	1: 'Running',
	2: 'Finished',
	3: 'Runnable',
	4: 'Paused by User',
	5: 'Paused by System',
	6: 'Stopped',
	7: 'Queued',
	8: 'AI Expired',
	9: 'Line in Arrears',
	10: 'SMS in Arrears',
};

/** How a call ended, `finishStatus` (docs/api/byrobot.md#finishstatus). */
export const FINISH_STATUS_LABELS: Record<number, string> = {
	0: 'Answered',
	1: 'Rejected',
	2: 'Unreachable',
	3: 'Caller Line Unavailable',
	4: 'Vacant Number',
	5: 'Powered Off',
	6: 'Busy',
	7: 'Suspended',
	8: 'No Answer',
	9: 'Caller in Arrears',
	10: 'Call Loss',
	11: 'Blacklisted',
	22: 'Dead Zone',
};

/** A call's `status`; the full enum is undocumented (docs/api/byrobot.md#call-status). */
export const CALL_STATUS_LABELS: Record<number, string> = {
	0: 'Not Started',
	1: 'In Progress',
	2: 'Finished',
};

/** A caller line's `phoneType` (docs/api/byrobot.md#company-caller-lines). */
export const PHONE_TYPE_LABELS: Record<number, string> = {
	0: 'Mobile (SIM)',
	1: 'Landline',
	2: 'No Caller',
};
