const path = require('path');
const { task, src, dest, parallel } = require('gulp');

// Nodes and credentials point at ../icons (credentials) and ../../icons (nodes), so the
// icons folder is copied to dist/icons. gulp 5 reads files as UTF-8 text unless told
// otherwise, which corrupts binary (PNG) icons: hence encoding: false.
function copyIcons() {
	return src(path.resolve('icons', '*.{png,svg}'), { encoding: false }).pipe(
		dest(path.resolve('dist', 'icons')),
	);
}

// Each node's codex file (<Node>.node.json: categories, docs links) sits next to its .node.js.
function copyCodex() {
	return src('nodes/**/*.node.json', { base: 'nodes' }).pipe(dest(path.resolve('dist', 'nodes')));
}

task('build:icons', parallel(copyIcons, copyCodex));
