/** @type {import('jest').Config} */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	transform: {
		// tsconfig.test.json sets isolatedModules, so ts-jest only transpiles: type errors are
		// caught once by `npm run typecheck`, not per test file.
		'^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json' }],
	},
	// Each test file starts its own sandboxes on port 0; two workers fit this 2-core machine.
	maxWorkers: 2,
	testTimeout: 30000,
};
