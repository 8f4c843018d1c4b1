const path = require('path');
const { task, src, dest } = require('gulp');

task('build:icons', copyIcons);

// Nodes and credentials point at ../icons (credentials) and ../../icons (nodes), so the
// icons folder is copied to dist/icons. gulp 5 reads files as UTF-8 text unless told
// otherwise, which corrupts binary (PNG) icons: hence encoding: false.
function copyIcons() {
	return src(path.resolve('icons', '*.{png,svg}'), { encoding: false }).pipe(
		dest(path.resolve('dist', 'icons')),
	);
}
