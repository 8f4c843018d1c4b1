// The README's operation tables and the nodes say the same thing: every endpoint a table row names
// is written literally in the operation that calls it (so a path from the README greps to one
// place), and every operation's endpoint has its README row.
import { readdirSync, readFileSync, statSync } from 'fs';
import { join } from 'path';

import type { INodePropertyOptions, INodeType } from 'n8n-workflow';

import { Bangwo8 } from '../nodes/Bangwo8/Bangwo8.node';
import { Byrobot } from '../nodes/Byrobot/Byrobot.node';

const root = join(__dirname, '..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');

function sources(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) return sources(path);
		return path.endsWith('.ts') ? [readFileSync(path, 'utf8')] : [];
	});
}
const nodeCode = sources(join(root, 'nodes')).join('\n');

const tableRows = readme.split('\n').filter((line) => line.startsWith('|'));
const readmeEndpoints = tableRows.flatMap((row) =>
	[
		...row.matchAll(/`(GET|POST|PUT|DELETE|PATCH) (\/(?:openapi|api|byai\.[a-z.]+)\/[^`?\s]+)/g),
	].map(([, method, path]) => `${method} ${path}`),
);

function operationEndpoints(node: INodeType): string[] {
	return node.description.properties
		.filter((property) => property.name === 'operation')
		.flatMap((property) => property.options as INodePropertyOptions[])
		.map((option) => {
			const request = option.routing?.request ?? {};
			return `${String(request.method)} ${String(request.url)}`;
		});
}

describe('README operation tables', () => {
	it('name some endpoints', () => {
		expect(readmeEndpoints.length).toBeGreaterThan(30);
	});

	it.each([...new Set(readmeEndpoints)])('%s is written literally in nodes/', (endpoint) => {
		const path = endpoint.split(' ')[1];
		expect(nodeCode).toContain(`'${path}'`);
	});

	it.each([
		['Byrobot', new Byrobot()],
		['Bangwo8', new Bangwo8()],
	])('list every %s operation', (_name, node) => {
		const missing = operationEndpoints(node).filter(
			(endpoint) => !readmeEndpoints.includes(endpoint),
		);
		expect(missing).toEqual([]);
	});
});
