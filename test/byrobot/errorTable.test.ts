// The README's BYRobot error table is the node's own table (ENVELOPE_CODES), word for word, and
// the credential's Test explains each code from the same table: each fact is written once.
import { readFileSync } from 'fs';
import { join } from 'path';

import type { ICredentialTestFunctions } from 'n8n-workflow';

import { testByrobotApi } from '../../credentials/ByrobotApi.credentials';
import { ENVELOPE_CODES, OPEN_PLATFORM_CODES } from '../../nodes/Byrobot/shared/errors';

const readme = readFileSync(join(__dirname, '../../README.md'), 'utf8');

describe('BYRobot error codes, written once', () => {
	it.each(Object.entries(ENVELOPE_CODES))(
		'README row for code %s matches the node',
		(code, { meaning, hint }) => {
			expect(readme).toContain(`| ${code} | ${meaning} | ${hint} |`);
		},
	);

	it.each(Object.entries(OPEN_PLATFORM_CODES))(
		'README row for open-platform code %s matches the node',
		(code, { meaning, hint }) => {
			expect(readme).toContain(`| ${code} | ${meaning} | ${hint} |`);
		},
	);

	it('the README lists no open-platform code the node does not know', () => {
		const rows = [...readme.matchAll(/^\| (\d{8}) \| [^|]+ \| [^|]+ \|$/gm)].map(
			(match) => match[1],
		);
		expect(rows.sort()).toEqual(Object.keys(OPEN_PLATFORM_CODES).sort());
	});

	it('the README lists no code the node does not know', () => {
		const rows = [...readme.matchAll(/^\| (\d{3}) \| [^|]+ \| [^|]+ \|$/gm)].map(
			(match) => match[1],
		);
		expect(rows.sort()).toEqual(Object.keys(ENVELOPE_CODES).sort());
	});

	it.each(Object.entries(ENVELOPE_CODES))(
		'the credential Test explains code %s with the same hint',
		async (code, { meaning, hint }) => {
			// BYRobot's answer with that code, as n8n's request helper hands it to the Test.
			const context = {
				helpers: {
					request: async () => ({
						statusCode: 200,
						body: JSON.stringify({ code: Number(code), data: null, resultMsg: 'x' }),
					}),
				},
			} as unknown as ICredentialTestFunctions;
			const result = await testByrobotApi.call(context, {
				id: '1',
				name: 'Byrobot API',
				type: 'byrobotApi',
				data: { appKey: 'k', appSecret: 's', baseUrl: 'https://api.byrobot.cn' },
			});
			expect(result).toEqual({
				status: 'Error',
				message: `BYRobot answered code ${code} (${meaning}). ${hint}`,
			});
		},
	);
});
