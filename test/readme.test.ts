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

// GitHub's heading anchors: lower case, punctuation dropped, spaces to dashes.
function anchorOf(heading: string): string {
	return heading
		.trim()
		.toLowerCase()
		.replace(/[^\p{L}\p{N} _-]/gu, '')
		.replace(/ /g, '-');
}

function anchorsOf(markdown: string): Set<string> {
	const lines = markdown.replace(/```[\s\S]*?```/g, '').split('\n');
	return new Set(
		lines.filter((l) => /^#{1,6} /.test(l)).map((l) => anchorOf(l.replace(/^#+ /, ''))),
	);
}

const repositoryUrl = 'https://github.com/byrobot-bangwo8/n8n-nodes-byrobot-bangwo8';
const documents = [
	'README.md',
	'CONTRIBUTING.md',
	'CHANGELOG.md',
	...readdirSync(join(root, 'docs'))
		.filter((name) => name.endsWith('.md'))
		.map((name) => `docs/${name}`),
];

describe('links in the documentation', () => {
	// Each credential and node links its README section: the link is what n8n shows as its docs.
	const documentationLinks = [
		...readdirSync(join(root, 'credentials')).map((name) =>
			readFileSync(join(root, 'credentials', name), 'utf8'),
		),
		...[
			'nodes/Byrobot/Byrobot.node.json',
			'nodes/Byrobot/ByrobotTrigger.node.json',
			'nodes/Bangwo8/Bangwo8.node.json',
		].map((path) => readFileSync(join(root, path), 'utf8')),
	].flatMap((code) =>
		[...code.matchAll(new RegExp(`${repositoryUrl}#([a-z0-9-]+)`, 'g'))].map((m) => m[1]),
	);

	it('the nodes and credentials link README sections that exist', () => {
		expect(documentationLinks.length).toBeGreaterThanOrEqual(7);
		const readmeAnchors = anchorsOf(readme);
		expect(documentationLinks.filter((anchor) => !readmeAnchors.has(anchor))).toEqual([]);
	});

	it.each(documents)('every relative link of %s reaches a file and heading', (document) => {
		const text = readFileSync(join(root, document), 'utf8').replace(/```[\s\S]*?```/g, '');
		const broken = [...text.matchAll(/\]\(([^)\s]+)\)/g)]
			.map((m) => m[1])
			.filter((target) => !/^[a-z]+:/.test(target))
			.filter((target) => {
				const [file, anchor] = target.split('#');
				const path = file ? join(root, document, '..', file) : join(root, document);
				try {
					if (!statSync(path).isFile()) return !!anchor;
				} catch {
					return true;
				}
				return (
					anchor !== undefined &&
					path.endsWith('.md') &&
					!anchorsOf(readFileSync(path, 'utf8')).has(anchor)
				);
			});
		expect(broken).toEqual([]);
	});
});
