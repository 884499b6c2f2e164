// jest's global setup builds dist/ when it is missing or older than the sources
// (test/support/build.js): when it says a build is needed, and when not, in a project of its own.
const fs = require('fs');
const os = require('os');
const path = require('path');
const { whyBuild } = require('./support/build');

const EARLIER = new Date('2026-01-01T10:00:00Z');
const LATER = new Date('2026-01-01T11:00:00Z');

let project;
function write(file, content = '', time = EARLIER) {
	const target = path.join(project, file);
	fs.mkdirSync(path.dirname(target), { recursive: true });
	fs.writeFileSync(target, content);
	fs.utimesSync(target, time, time);
}

beforeEach(() => {
	project = fs.mkdtempSync(path.join(os.tmpdir(), 'cube-build-check-'));
	write('package.json', JSON.stringify({ n8n: { nodes: ['dist/nodes/A/A.node.js'], credentials: ['dist/credentials/C.credentials.js'] } }));
	write('tsconfig.json');
	write('nodes/A/A.node.ts');
	write('nodes/A/a.svg');
	write('credentials/C.credentials.ts');
});

afterEach(() => fs.rmSync(project, { recursive: true, force: true }));

function build(time = LATER) {
	write('dist/nodes/A/A.node.js', '', time);
	write('dist/credentials/C.credentials.js', '', time);
	// gulp keeps an icon's own time
	write('dist/nodes/A/a.svg', '', EARLIER);
}

test('a fresh clone (no dist/) needs a build, named by the file n8n would miss', () => {
	expect(whyBuild(project)).toBe('dist/nodes/A/A.node.js is missing');
});

test('a dist/ built after the last change needs none, whatever its icons’ times', () => {
	build();
	expect(whyBuild(project)).toBeNull();
});

test.each([['nodes/A/A.node.ts'], ['nodes/A/a.svg'], ['credentials/C.credentials.ts'], ['tsconfig.json']])(
	'a change of %s after the build needs a build',
	(source) => {
		build();
		write(source, 'changed', new Date(LATER.getTime() + 1000));
		expect(whyBuild(project)).toBe(`${source} changed after the last build`);
	},
);
