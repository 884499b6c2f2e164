// tsc compiles the TypeScript; this copies what it does not: the node icons.
const path = require('path');
const { task, src, dest } = require('gulp');

function copyIcons() {
	const nodeIcons = src(path.resolve('nodes', '**', '*.{png,svg}'));
	const nodeDestination = path.resolve('dist', 'nodes');
	nodeIcons.pipe(dest(nodeDestination));

	const credIcons = src(path.resolve('credentials', '**', '*.{png,svg}'), { allowEmpty: true });
	const credDestination = path.resolve('dist', 'credentials');
	return credIcons.pipe(dest(credDestination));
}

task('build:assets', copyIcons);
task('build:icons', copyIcons);
