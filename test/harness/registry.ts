// Every credential type of the package, found on disk so that a new credential needs no
// registration here. Keyed by the credential's `name` (what nodes reference).
import { readdirSync } from 'fs';
import { join } from 'path';
import type { ICredentialType } from 'n8n-workflow';

const CREDENTIALS_DIR = join(__dirname, '..', '..', 'credentials');

let cache: Record<string, ICredentialType> | undefined;

export function allCredentialTypes(): Record<string, ICredentialType> {
	if (cache) return cache;
	cache = {};
	for (const file of readdirSync(CREDENTIALS_DIR)) {
		if (!file.endsWith('.credentials.ts')) continue;
		// ts-jest compiles the module on require.
		const exported = require(join(CREDENTIALS_DIR, file)) as Record<string, unknown>;
		for (const value of Object.values(exported)) {
			if (typeof value !== 'function' || !/^[A-Z]/.test(value.name)) continue;
			const instance = new (value as new () => ICredentialType)();
			if (typeof instance.name === 'string' && Array.isArray(instance.properties)) {
				cache[instance.name] = instance;
			}
		}
	}
	return cache;
}
