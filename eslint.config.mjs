// The rules n8n's verification scanner applies to community packages:
// eslint-plugin-n8n-nodes-base (community, nodes, credentials) and
// @n8n/eslint-plugin-community-nodes (recommended). No inline disables anywhere.
// Layout is prettier's job (.prettierrc; `npm run lint` also runs `prettier --check .`): none of
// these rules is stylistic, so eslint-config-prettier is not needed.
import tsParser from '@typescript-eslint/parser';
import jsoncParser from 'jsonc-eslint-parser';
import n8nNodesBase from 'eslint-plugin-n8n-nodes-base';
import { n8nCommunityNodesPlugin } from '@n8n/eslint-plugin-community-nodes';

const { configs } = n8nNodesBase;

export default [
	{
		ignores: [
			'dist/**',
			'node_modules/**',
			'test/**',
			'scripts/**',
			'e2e/**',
			'.n8n-*/**',
			'*.js',
			'*.mjs',
		],
	},
	{
		linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: 'error' },
	},
	{
		files: ['package.json'],
		languageOptions: { parser: jsoncParser },
		plugins: { 'n8n-nodes-base': n8nNodesBase },
		rules: { ...configs.community.rules },
	},
	{
		files: ['credentials/**/*.ts'],
		languageOptions: { parser: tsParser, parserOptions: { sourceType: 'module' } },
		plugins: { 'n8n-nodes-base': n8nNodesBase },
		rules: {
			...configs.credentials.rules,
			// Main-repository-only rule (its own docs say so): it wants a camelCase slug, while
			// community credentials must link a full http(s) URL (…-not-http-url, credential-documentation-url).
			// n8n's starter turns it off for community packages the same way.
			'n8n-nodes-base/cred-class-field-documentation-url-miscased': 'off',
			// Superseded by the community set's credential-password-field (masks what holds a secret) and
			// credential-unnecessary-password (an AppKey is an identifier); n8n's own config
			// (@n8n/node-cli/eslint) turns it off for the same reason.
			'n8n-nodes-base/cred-class-field-type-options-password-missing': 'off',
		},
	},
	{
		files: ['nodes/**/*.ts'],
		languageOptions: { parser: tsParser, parserOptions: { sourceType: 'module' } },
		plugins: { 'n8n-nodes-base': n8nNodesBase },
		rules: {
			...configs.nodes.rules,
			// Written for the main repository's ['main'] string form; community nodes use
			// NodeConnectionTypes (as n8n's own config, @n8n/node-cli/eslint, does).
			'n8n-nodes-base/node-class-description-inputs-wrong-regular-node': 'off',
			'n8n-nodes-base/node-class-description-outputs-wrong': 'off',
		},
	},
	{
		files: ['nodes/**/*.ts', 'credentials/**/*.ts', 'package.json'],
		languageOptions: { parser: tsParser },
		...n8nCommunityNodesPlugin.configs.recommended,
		ignores: [],
	},
	{
		files: ['package.json'],
		languageOptions: { parser: jsoncParser },
	},
];
