'use strict';
// Starts both API sandboxes for hands-on use (`npm run dev` starts them through this file):
//
//   node test/sandbox/serve.js            BYRobot on 127.0.0.1:18601, Bangwo8 on 127.0.0.1:18602
//
// Environment: BYROBOT_SANDBOX_PORT, BANGWO8_SANDBOX_PORT (0 = any free port), SANDBOX_HOST
// (default 127.0.0.1; 0.0.0.0 to reach them from another machine or a container),
// SANDBOX_SEED=0 to start from the bare seed data (no demo task with call records).
//
// BYRobot runs with autoDial: customers imported into a running task are "called" at once, so
// Get Call Records has results right after Start Task. Both sandboxes keep their state in memory
// until the process ends; every request is logged to stdout (SANDBOX_QUIET=1 silences that).
const { ByrobotSandbox, SANDBOX_APP_KEY, SANDBOX_APP_SECRET, SEED: BYROBOT } = require('./byrobot');
const { Bangwo8Sandbox, SANDBOX_ADMIN, SANDBOX_OAUTH, SEED: BANGWO8 } = require('./bangwo8');

const DEFAULT_PORTS = Object.freeze({ byrobot: 18601, bangwo8: 18602 });

/**
 * Starts both sandboxes. With `seed`, BYRobot gets a finished demo task in company demo with
 * call records (its id is `demo.byrobotTaskId`) and Bangwo8 two call tasks.
 * @param {{ byrobotPort?: number, bangwo8Port?: number, host?: string, autoDial?: boolean, seed?: boolean, log?: (line: string) => void }} [options]
 */
async function startSandboxes(options = {}) {
	const host = options.host ?? '127.0.0.1';
	const byrobot = new ByrobotSandbox({ autoDial: options.autoDial ?? true });
	const bangwo8 = new Bangwo8Sandbox();
	const demo = {};
	if (options.seed) {
		// Running while its customers are called; the sandbox finishes a task once all are.
		const { demoTask } = BYROBOT;
		[demo.byrobotTaskId] = byrobot.seedTasks(demoTask.companyId, 1, {
			jobName: demoTask.jobName,
			status: 1,
		});
		byrobot.seedCallRecords(demo.byrobotTaskId, demoTask.calls);
		demo.bangwo8CallTaskIds = bangwo8.seedCallTasks(2);
	}
	if (options.log) {
		for (const sandbox of [byrobot, bangwo8]) {
			// One line per answered request.
			const handleRaw = sandbox.handleRaw.bind(sandbox);
			sandbox.handleRaw = async (req, res) => {
				res.on('finish', () =>
					options.log(`[${sandbox.name}] ${req.method} ${req.url} → ${res.statusCode}`),
				);
				return handleRaw(req, res);
			};
		}
	}
	try {
		await byrobot.start(options.byrobotPort ?? DEFAULT_PORTS.byrobot, host);
		await bangwo8.start(options.bangwo8Port ?? DEFAULT_PORTS.bangwo8, host);
	} catch (error) {
		await byrobot.stop();
		await bangwo8.stop();
		throw error;
	}
	return {
		byrobot,
		bangwo8,
		demo,
		/** Credential data for n8n (baseUrl as n8n should reach the sandbox). */
		credentials: {
			byrobotApi: { appId: SANDBOX_APP_KEY, appSecret: SANDBOX_APP_SECRET, baseUrl: byrobot.url },
			bangwo8Api: {
				account: SANDBOX_ADMIN.account,
				password: SANDBOX_ADMIN.password,
				baseUrl: bangwo8.url,
			},
			bangwo8OAuth2Api: {
				apiId: SANDBOX_OAUTH.apiId,
				secret: SANDBOX_OAUTH.secret,
				baseUrl: bangwo8.url,
			},
		},
		stop: async () => {
			await byrobot.stop();
			await bangwo8.stop();
		},
	};
}

/** What the sandboxes serve, for humans. */
function describe(sandboxes) {
	const { byrobot, bangwo8, demo } = sandboxes;
	const { demo: company, second } = BYROBOT.company;
	const lines = [
		`BYRobot sandbox  ${byrobot.url}`,
		`  AppKey ${SANDBOX_APP_KEY} · AppSecret ${SANDBOX_APP_SECRET} · companies ${company.id} ${company.name}, ${second.id} ${second.name}`,
		`  autoDial ${byrobot.autoDial ? 'on: imported customers of a running task are called at once' : 'off'}`,
	];
	if (demo.byrobotTaskId)
		lines.push(`  demo task ${demo.byrobotTaskId} (company ${company.id}) with 12 call records`);
	lines.push(
		`Bangwo8 sandbox  ${bangwo8.url}`,
		`  admin ${SANDBOX_ADMIN.account} / ${SANDBOX_ADMIN.password} · OAuth2 ${SANDBOX_OAUTH.apiId} / ${SANDBOX_OAUTH.secret}`,
	);
	if (demo.bangwo8CallTaskIds) {
		const contacts = Object.values(BANGWO8.contact)
			.filter((c) => c.state === '1')
			.map((c) => c.id);
		lines.push(
			`  call tasks ${demo.bangwo8CallTaskIds.join(', ')}; contacts ${contacts.slice(0, 3).join(' ')} …`,
		);
	}
	return lines.join('\n');
}

function portFromEnv(name, fallback) {
	const raw = process.env[name];
	if (raw === undefined || raw === '') return fallback;
	const port = Number(raw);
	if (!Number.isInteger(port) || port < 0 || port > 65535)
		throw new Error(`${name} must be a port number, got ${raw}`);
	return port;
}

module.exports = { startSandboxes, describe, DEFAULT_PORTS, portFromEnv };

if (require.main === module) {
	const quiet = process.env.SANDBOX_QUIET === '1';
	startSandboxes({
		byrobotPort: portFromEnv('BYROBOT_SANDBOX_PORT', DEFAULT_PORTS.byrobot),
		bangwo8Port: portFromEnv('BANGWO8_SANDBOX_PORT', DEFAULT_PORTS.bangwo8),
		host: process.env.SANDBOX_HOST || '127.0.0.1',
		seed: process.env.SANDBOX_SEED !== '0',
		log: quiet ? undefined : (line) => process.stdout.write(`${line}\n`),
	}).then(
		(sandboxes) => {
			process.stdout.write(`${describe(sandboxes)}\n`);
			const shutdown = () => sandboxes.stop().then(() => process.exit(0));
			process.on('SIGINT', shutdown);
			process.on('SIGTERM', shutdown);
		},
		(error) => {
			process.stderr.write(`sandboxes did not start: ${error.message}\n`);
			process.exit(1);
		},
	);
}
