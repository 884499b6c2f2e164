// tsc compiles the TypeScript; this copies what it does not: the icons next to the node and
// credential sources. Only icons: `n8n-node build` would also copy every other PNG of the tree
// (e2e screenshots included) into the package.
const path = require('path');
const { finished } = require('stream/promises');
const { task, src, dest } = require('gulp');

function copyIcons(folder) {
	const icons = src(path.resolve(folder, '**', '*.{png,svg}'), { allowEmpty: true });
	return finished(icons.pipe(dest(path.resolve('dist', folder))));
}

// both copies are awaited, so the build ends only when every icon is in dist/
task('build:assets', () => Promise.all([copyIcons('nodes'), copyIcons('credentials')]));
