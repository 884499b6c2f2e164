// The support code's lint: the sandbox, scripts, bench, tests and root config files, with ESLint's
// recommended JavaScript rules, Node's globals, and jest's in the test files.
//   npx eslint --config eslint.support.config.mjs
//
// The package itself (nodes/, credentials/, package.json) is linted by `n8n-node lint` with n8n's
// default config, eslint.config.mjs, which strict mode ("strict": true in package.json's n8n
// section) requires unchanged. Inline configuration is off here too: an eslint-disable comment
// changes nothing.
import js from '@eslint/js';
import globals from 'globals';

const SUPPORT_FILES = ['**/*.{js,mjs}'];
const TEST_FILES = ['test/**/*.js', 'sandbox/**/*.test.js'];

export default [
	{ ignores: ['dist/', 'coverage/', 'test-output/', '.cache/', '.n8n-data/', 'nodes/', 'credentials/'] },
	{ linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: 'error' } },
	{
		files: SUPPORT_FILES,
		...js.configs.recommended,
		languageOptions: { ecmaVersion: 2023, sourceType: 'commonjs', globals: { ...globals.node } },
		rules: {
			...js.configs.recommended.rules,
			// `catch {}` with a comment saying why the error does not matter is this code's idiom
			'no-empty': ['error', { allowEmptyCatch: true }],
			'no-unused-vars': ['error', { argsIgnorePattern: '^_', caughtErrors: 'none' }],
			// a few beyond the recommended set, for code that is read more than written
			eqeqeq: ['error', 'always', { null: 'ignore' }],
			'no-shadow': 'error',
			'no-var': 'error',
			'prefer-const': 'error',
		},
	},
	{ files: ['**/*.mjs'], languageOptions: { sourceType: 'module' } },
	{ files: TEST_FILES, languageOptions: { globals: { ...globals.node, ...globals.jest } } },
];
