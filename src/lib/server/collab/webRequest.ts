/**
 * Hocuspocus 4 hands its hooks a web `Request` (headers as `Headers`), not Node's
 * IncomingMessage: the upgrade request, rebuilt with the same headers (cookie included).
 */
import type { IncomingMessage } from 'node:http';

export function webRequest(req: IncomingMessage): Request {
	const headers = new Headers();
	for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) headers.append(req.rawHeaders[i], req.rawHeaders[i + 1]);
	return new Request(new URL(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`), { headers });
}
