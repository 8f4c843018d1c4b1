'use strict';
// Debian packages a test needs (chromium for test:ui, PostgreSQL and Redis for test:load),
// installed with apt-get when missing: as root, or through sudo.
const { execFileSync } = require('child_process');

/** Installs `packages` with apt-get (after `apt-get update`), printing one line first. */
function aptInstall(packages, log = (line) => process.stdout.write(`${line}\n`)) {
	const root = process.getuid?.() === 0;
	log(`== installing ${packages.join(', ')} with apt-get (once)`);
	const apt = (aptArgs) =>
		execFileSync(
			root ? 'env' : 'sudo',
			[...(root ? [] : ['env']), 'DEBIAN_FRONTEND=noninteractive', 'apt-get', ...aptArgs],
			{ stdio: 'inherit' },
		);
	apt(['update', '-qq']);
	apt(['install', '-y', '-qq', '--no-install-recommends', ...packages]);
}

module.exports = { aptInstall };
