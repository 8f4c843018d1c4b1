'use strict';
// The n8n that `npm run test:ui` drives: the same setup as `npm run dev` (scripts/dev.js), started
// programmatically on free ports with its own user folder: both sandboxes seeded the way dev seeds
// them (demo task, autoDial), the dev credentials and the example workflows imported, the owner
// account created from the environment, Beijing time.
const fs = require('fs');
const path = require('path');

const { ROOT, ensureRuntime } = require('../../scripts/lib/runtime');
const { freePort, n8nEnv, importJson, startServer } = require('../../scripts/lib/n8n');
const { CREDENTIALS } = require('../../scripts/lib/workflow');
const { startSandboxes } = require('../../test/sandbox/serve');
const { OWNER, devSettings, exampleWorkflows } = require('../../scripts/dev');

/**
 * Starts sandboxes and n8n. Resolves to { url, owner, sandboxes, examples, userFolder, stop() }.
 * @param {{ userFolder: string, distDir?: string, log: (line: string) => void }} options
 *   distDir: the build n8n loads our nodes from (default dist/).
 */
async function startInstance({ userFolder, distDir, log }) {
	const runtime = await ensureRuntime('n8n2', { log });
	const sandboxes = await startSandboxes({
		byrobotPort: 0,
		bangwo8Port: 0,
		byrobotOpenPort: 0,
		seed: true,
		autoDial: true,
	});
	let server;
	try {
		fs.rmSync(userFolder, { recursive: true, force: true });
		fs.mkdirSync(userFolder, { recursive: true });
		const port = await freePort();
		const env = n8nEnv(runtime, {
			userFolder,
			brokerPort: await freePort(),
			port,
			extra: {
				...devSettings(runtime),
				N8N_LOG_LEVEL: 'warn',
				...(distDir ? { N8N_CUSTOM_EXTENSIONS: distDir } : {}),
			},
		});
		const credentials = Object.values(CREDENTIALS).map((c) => ({
			id: c.id,
			name: c.name,
			type: c.type,
			data: namedAsIn(distDir, c.type, sandboxes.credentials[c.type]),
		}));
		const examples = exampleWorkflows();
		log(`importing ${credentials.length} credentials and ${examples.length} example workflows`);
		await importJson(
			runtime,
			env,
			'credentials',
			credentials,
			path.join(userFolder, 'credentials.json'),
		);
		await importJson(runtime, env, 'workflow', examples, path.join(userFolder, 'workflows.json'));
		log(`starting n8n ${runtime.n8nVersion} on port ${port}`);
		server = await startServer(runtime, env);
		return {
			/** The data each credential was imported with (field name → value). */
			credentialData: Object.fromEntries(credentials.map((c) => [c.type, c.data])),
			url: server.url,
			owner: OWNER,
			sandboxes,
			examples,
			userFolder,
			serverOutput: () => server.output(),
			async stop() {
				await server.stop().catch(() => {});
				await sandboxes.stop().catch(() => {});
			},
		};
	} catch (error) {
		await server?.stop().catch(() => {});
		await sandboxes.stop();
		throw error;
	}
}

/** Fields renamed before 1.0.0, per credential type: current name → the name an older build used. */
const RENAMED_FIELDS = {
	bangwo8OAuth2Api: {
		file: 'Bangwo8OAuth2Api',
		fields: { apiId: 'clientId', secret: 'clientSecret' },
	},
	byrobotApi: { file: 'ByrobotApi', fields: { appKey: 'appId' } },
	byrobotOpenPlatformApi: { file: 'ByrobotOpenPlatformApi', fields: { appKey: 'appId' } },
};

/**
 * Credential data named as the build's credential names its fields: a build from before the
 * renames (--dist) calls SecretID and Secret clientId / clientSecret, and the AppKey appId.
 */
function namedAsIn(distDir, type, data) {
	const renamed = RENAMED_FIELDS[type];
	if (!renamed || !distDir) return data;
	const file = path.join(distDir, 'credentials', `${renamed.file}.credentials.js`);
	// A build older than the credential type has nothing to rename (n8n skips the unknown type).
	if (!fs.existsSync(file)) return data;
	const module = require(file);
	const names = new module[renamed.file]().properties.map((p) => p.name);
	const named = { ...data };
	for (const [current, older] of Object.entries(renamed.fields)) {
		if (names.includes(current) || !names.includes(older) || !(current in named)) continue;
		named[older] = named[current];
		delete named[current];
	}
	return named;
}

module.exports = { startInstance, ROOT };
