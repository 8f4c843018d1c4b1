// What the credential Tests are pointed at besides the sandboxes: a server that is not the
// vendor (a web page, other JSON, plain text, a login wall).
import { createServer, type IncomingMessage } from 'http';
import type { AddressInfo } from 'net';

export interface OtherServer {
	url: string;
	requests: IncomingMessage[];
	stop(): Promise<void>;
}

const ANSWERS: Record<string, { status: number; type: string; body: string }> = {
	'/page': {
		status: 200,
		type: 'text/html',
		body: '<!DOCTYPE html><html><body>Welcome</body></html>',
	},
	'/json': { status: 200, type: 'application/json', body: '{"status":"ok"}' },
	'/text': { status: 200, type: 'text/plain', body: 'ok' },
	'/login': { status: 401, type: 'application/json', body: '{"message":"Unauthorized"}' },
};

/** Answers by the Base URL's path prefix: /page, /json, /text, /login. */
export async function otherServer(): Promise<OtherServer> {
	const requests: IncomingMessage[] = [];
	const server = createServer((req, res) => {
		requests.push(req);
		const prefix = Object.keys(ANSWERS).find((p) => (req.url ?? '').startsWith(p));
		const answer = prefix ? ANSWERS[prefix] : ANSWERS['/page'];
		res.writeHead(answer.status, { 'Content-Type': answer.type });
		res.end(answer.body);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		requests,
		stop: async () => await new Promise<void>((resolve) => server.close(() => resolve())),
	};
}
