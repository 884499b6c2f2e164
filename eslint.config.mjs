// One config for the whole tree; `npx eslint` with no arguments lints everything.
//
// nodes/, credentials/ and package.json: the rule sets n8n's community package scanner applies
// (see its buildScanConfig), so that lint finds here what the scanner would find after
// publishing. Inline configuration is off, as in the scanner: an eslint-disable comment
// changes nothing.
//
// The support code (sandbox/, scripts/, bench/, test/, root config files): ESLint's recommended
// JavaScript rules with Node's globals, and jest's in the test files.
import js from '@eslint/js';
import { n8nCommunityNodesPlugin } from '@n8n/eslint-plugin-community-nodes';
import tsParser from '@typescript-eslint/parser';
import n8nNodesPlugin from 'eslint-plugin-n8n-nodes-base';
import globals from 'globals';

const PACKAGE_FILES = ['nodes/**/*.{ts,json}', 'credentials/**/*.{ts,json}', 'package.json'];
const SUPPORT_FILES = ['**/*.{js,mjs}'];
const TEST_FILES = ['test/**/*.js', 'sandbox/**/*.test.js'];

/** The scanner's rule sets, limited to the files the package publishes. */
const packageConfigs = [
	n8nCommunityNodesPlugin.configs.recommended,
	{ rules: { 'no-console': 'error' } },
	{ plugins: { 'n8n-nodes-base': n8nNodesPlugin } },
	{ files: ['package.json'], rules: { ...n8nNodesPlugin.configs.community.rules } },
	{
		files: ['**/credentials/**/*.ts'],
		rules: {
			...n8nNodesPlugin.configs.credentials.rules,
			'n8n-nodes-base/cred-class-field-documentation-url-miscased': 'off',
			'n8n-nodes-base/cred-class-field-type-options-password-missing': 'off',
		},
	},
	{
		files: ['**/nodes/**/*.ts'],
		rules: {
			...n8nNodesPlugin.configs.nodes.rules,
			'n8n-nodes-base/node-class-description-inputs-wrong-regular-node': 'off',
			'n8n-nodes-base/node-class-description-outputs-wrong': 'off',
			'n8n-nodes-base/node-param-type-options-max-value-present': 'off',
		},
	},
	{ files: PACKAGE_FILES, languageOptions: { parser: tsParser } },
].map((config) => ({ ...config, files: config.files ?? PACKAGE_FILES }));

export default [
	{ ignores: ['dist/', 'coverage/', 'test-output/', '.cache/', '.n8n-data/'] },
	{ linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: 'error' } },
	...packageConfigs,
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
