// The README's BYRobot error table is the node's own table (ENVELOPE_CODES), word for word, and
// the credential's Test rules are built from the same table: each fact is written once.
import { readFileSync } from 'fs';
import { join } from 'path';

import { ByrobotApi } from '../../credentials/ByrobotApi.credentials';
import { ENVELOPE_CODES } from '../../nodes/Byrobot/shared/errors';

const readme = readFileSync(join(__dirname, '../../README.md'), 'utf8');

describe('BYRobot error codes, written once', () => {
	it.each(Object.entries(ENVELOPE_CODES))(
		'README row for code %s matches the node',
		(code, { meaning, hint }) => {
			expect(readme).toContain(`| ${code} | ${meaning} | ${hint} |`);
		},
	);

	it('the README lists no code the node does not know', () => {
		const rows = [...readme.matchAll(/^\| (\d{3}) \| [^|]+ \| [^|]+ \|$/gm)].map(
			(match) => match[1],
		);
		expect(rows.sort()).toEqual(Object.keys(ENVELOPE_CODES).sort());
	});

	it('the credential Test has one rule per code, with the same hint', () => {
		const rules = new ByrobotApi().test.rules ?? [];
		expect(rules).toHaveLength(Object.keys(ENVELOPE_CODES).length);
		for (const rule of rules) {
			const { value, message } = rule.properties as { value: number; message: string };
			expect(message).toContain(ENVELOPE_CODES[value].hint);
		}
	});
});
