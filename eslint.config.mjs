// n8n's own lint configuration for community nodes (@n8n/node-cli/eslint): the rules of
// eslint-plugin-n8n-nodes-base (community, nodes, credentials) and @n8n/eslint-plugin-community-nodes
// (recommended) that n8n's verification scanner applies, with eslint's, typescript-eslint's and
// import-x's recommended rules. It lints the package's code: nodes/, credentials/ and package.json.
// Tests, sandboxes and scripts start servers and read files and the environment, which node code
// must not; they are checked by the type checker (`npm run typecheck`) and prettier.
// No inline disables anywhere. Layout is prettier's job (`npm run lint` runs `prettier --check .`).
import { config } from '@n8n/node-cli/eslint';

export default [
	{
		ignores: [
			'test/**',
			'scripts/**',
			'e2e/**',
			'.n8n-*/**',
			'.dev/**',
			'.ui-out/**',
			'.ci-out/**',
			'*.js',
			'*.mjs',
		],
	},
	{
		linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: 'error' },
	},
	...config,
];
