// Who may call the webhook. BYRobot does not sign its callbacks by default
// (docs/api/byrobot.md#callback-signing), so an optional token in the URL and an IP allow-list
// (docs/api/byrobot.md#callback-delivery) are what tell BYRobot apart from anyone who learns the URL.
import { createHash, timingSafeEqual } from 'crypto';

/**
 * Constant-time comparison of a received token with the configured one. Hashing both first
 * gives timingSafeEqual the equal lengths it needs and keeps the token's length from leaking.
 */
export function tokenMatches(received: unknown, expected: string): boolean {
	if (typeof received !== 'string') return false;
	const a = createHash('sha256').update(received, 'utf8').digest();
	const b = createHash('sha256').update(expected, 'utf8').digest();
	return timingSafeEqual(a, b);
}

function ipv4ToNumber(ip: string): number | undefined {
	const parts = ip.split('.');
	if (parts.length !== 4) return undefined;
	let value = 0;
	for (const part of parts) {
		if (!/^\d{1,3}$/.test(part)) return undefined;
		const n = Number(part);
		if (n > 255) return undefined;
		value = value * 256 + n;
	}
	return value;
}

/** "::ffff:1.2.3.4" → "1.2.3.4"; IPv6 lower-cased; surrounding brackets dropped. */
export function normalizeIp(ip: string): string {
	let value = ip
		.trim()
		.toLowerCase()
		.replace(/^\[|\]$/g, '');
	if (value.startsWith('::ffff:') && ipv4ToNumber(value.slice(7)) !== undefined) {
		value = value.slice(7);
	}
	return value;
}

/** Splits the allow-list field (commas, spaces or new lines) into entries. */
export function parseAllowList(value: string): string[] {
	return value
		.split(/[\s,;]+/)
		.map((entry) => entry.trim())
		.filter((entry) => entry !== '');
}

/** Why an allow-list entry cannot be used (undefined when it is fine). */
export function allowListEntryProblem(entry: string): string | undefined {
	const [address, bits, extra] = entry.split('/');
	if (extra !== undefined) return `"${entry}" is not an IP address or IPv4 range`;
	const normalized = normalizeIp(address);
	if (ipv4ToNumber(normalized) !== undefined) {
		if (bits === undefined) return undefined;
		return /^\d{1,2}$/.test(bits) && Number(bits) <= 32
			? undefined
			: `"${entry}" has an invalid prefix length`;
	}
	if (bits === undefined && /^[0-9a-f:]+$/.test(normalized) && normalized.includes(':')) {
		return undefined;
	}
	return `"${entry}" is not an IP address or IPv4 range (e.g. 120.55.46.3 or 120.55.46.0/24)`;
}

/** Whether the client IP matches an entry: exact address or IPv4 CIDR range. */
export function ipAllowed(clientIp: string | undefined, allowList: string[]): boolean {
	if (!clientIp) return false;
	const ip = normalizeIp(clientIp);
	const ipNumber = ipv4ToNumber(ip);
	return allowList.some((entry) => {
		const [address, bits] = entry.split('/');
		const base = normalizeIp(address);
		if (bits === undefined) return base === ip;
		const baseNumber = ipv4ToNumber(base);
		const prefix = Number(bits);
		if (ipNumber === undefined || baseNumber === undefined || !(prefix >= 0 && prefix <= 32)) {
			return false;
		}
		const size = 2 ** (32 - prefix);
		return Math.floor(ipNumber / size) === Math.floor(baseNumber / size);
	});
}
