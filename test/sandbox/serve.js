'use strict';
// Starts the API sandboxes for hands-on use (`npm run dev` starts them through this file):
//
//   node test/sandbox/serve.js            BYRobot on 127.0.0.1:18601, Bangwo8 on 127.0.0.1:18602,
//                                         BYRobot open platform on 127.0.0.1:18603
//
// Environment: BYROBOT_SANDBOX_PORT, BANGWO8_SANDBOX_PORT, BYROBOT_OPEN_SANDBOX_PORT (0 = any free
// port), SANDBOX_HOST (default 127.0.0.1; 0.0.0.0 to reach them from another machine or a
// container), SANDBOX_SEED=0 to start from the bare seed data (no demo task with call records).
//
// Both BYRobot sandboxes run with autoDial: customers imported into a running task are "called" at
// once, so call records exist right after the task starts. The sandboxes keep their state in
// memory until the process ends; every request is logged to stdout (SANDBOX_QUIET=1 silences that).
const { ByrobotSandbox, SANDBOX_APP_KEY, SANDBOX_APP_SECRET, SEED: BYROBOT } = require('./byrobot');
const { Bangwo8Sandbox, SANDBOX_ADMIN, SANDBOX_OAUTH, SEED: BANGWO8 } = require('./bangwo8');
const {
	ByrobotOpenSandbox,
	SANDBOX_OPEN_APP_KEY,
	SANDBOX_OPEN_APP_SECRET,
	SEED: BYROBOT_OPEN,
} = require('./byrobotOpen');

const DEFAULT_PORTS = Object.freeze({ byrobot: 18601, bangwo8: 18602, byrobotOpen: 18603 });

/**
 * Starts the three sandboxes. With `seed`, BYRobot gets a finished demo task in company demo
 * with call records (its id is `demo.byrobotTaskId`), the open platform a finished demo job with
 * call records (`demo.byrobotOpenJobId`) and Bangwo8 two call tasks. A port left out is the
 * default one; 0 picks a free port.
 * @param {{ byrobotPort?: number, bangwo8Port?: number, byrobotOpenPort?: number, host?: string, autoDial?: boolean, seed?: boolean, log?: (line: string) => void }} [options]
 */
async function startSandboxes(options = {}) {
	const host = options.host ?? '127.0.0.1';
	const byrobot = new ByrobotSandbox({ autoDial: options.autoDial ?? true });
	const bangwo8 = new Bangwo8Sandbox();
	const byrobotOpen = new ByrobotOpenSandbox({ autoDial: options.autoDial ?? true });
	const all = [byrobot, bangwo8, byrobotOpen];
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
		const { demoJob } = BYROBOT_OPEN;
		[demo.byrobotOpenJobId] = byrobotOpen.seedCallJobs(demoJob.companyId, 1, {
			jobName: demoJob.jobName,
			callJobStatus: 1,
		});
		byrobotOpen.seedCallRecords(demo.byrobotOpenJobId, demoJob.calls);
	}
	if (options.log) {
		for (const sandbox of all) {
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
		await byrobotOpen.start(options.byrobotOpenPort ?? DEFAULT_PORTS.byrobotOpen, host);
	} catch (error) {
		for (const sandbox of all) await sandbox.stop();
		throw error;
	}
	return {
		byrobot,
		bangwo8,
		byrobotOpen,
		demo,
		/** Credential data for n8n (baseUrl as n8n should reach the sandbox). */
		credentials: {
			byrobotApi: { appKey: SANDBOX_APP_KEY, appSecret: SANDBOX_APP_SECRET, baseUrl: byrobot.url },
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
			byrobotOpenPlatformApi: {
				appKey: SANDBOX_OPEN_APP_KEY,
				appSecret: SANDBOX_OPEN_APP_SECRET,
				companyId: String(BYROBOT_OPEN.company.demo.id),
				tokenUrl: byrobotOpen.tokenUrl,
				baseUrl: byrobotOpen.baseUrl,
			},
		},
		stop: async () => {
			for (const sandbox of all) await sandbox.stop();
		},
	};
}

/** What the sandboxes serve, for humans. */
function describe(sandboxes) {
	const { byrobot, bangwo8, byrobotOpen, demo } = sandboxes;
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
	if (byrobotOpen) {
		lines.push(
			`BYRobot open platform sandbox  ${byrobotOpen.url}  (Token URL ${byrobotOpen.tokenUrl}, Base URL ${byrobotOpen.baseUrl})`,
			`  AppKey ${SANDBOX_OPEN_APP_KEY} · AppSecret ${SANDBOX_OPEN_APP_SECRET} · Company ID ${company.id} (also ${second.id})`,
		);
		if (demo.byrobotOpenJobId)
			lines.push(
				`  demo job ${demo.byrobotOpenJobId} (company ${company.id}) with ${BYROBOT_OPEN.demoJob.calls} call records`,
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
		byrobotOpenPort: portFromEnv('BYROBOT_OPEN_SANDBOX_PORT', DEFAULT_PORTS.byrobotOpen),
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
