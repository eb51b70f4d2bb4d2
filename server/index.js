// Production entry: one http.Server serves the built SvelteKit app and accepts the
// collaboration WebSocket on /collab — one process, one port.
// Run `npm run build` first; then `node server/index.js`.
import http from 'node:http';
import { attachCollab } from './upgrade.js';

// The app bundle publishes its runtime in the one process slot (src/lib/server/processSlot.ts).
const SLOT = Symbol.for('ruamphaen');
// adapter-node assumes https when ORIGIN is unset, which breaks SvelteKit's same-origin check
// for forms served over plain http. Without ORIGIN the protocol comes from the socket itself,
// through a header this entry sets on every request (a client cannot supply it).
const PROTOCOL_HEADER = 'x-ruamphaen-protocol';
if (!process.env.ORIGIN) process.env.PROTOCOL_HEADER = PROTOCOL_HEADER;
// Imports accept workbooks up to 5 MB (and say so in Thai when larger); adapter-node's own
// limit (512 KB) would refuse them first with a bare 413.
process.env.BODY_SIZE_LIMIT ??= '6M';
/** Headers for every response, static files included (the rest: src/lib/server/securityHeaders.ts). */
const STATIC_HEADERS = [
	['x-content-type-options', 'nosniff'],
	['referrer-policy', 'same-origin'],
	['x-frame-options', 'DENY']
];

/**
 * A request body the app answered without reading (a 401/403 before the upload is looked at,
 * a 413 on the declared length) must not stay on a kept-alive connection. Node drains an
 * untouched body itself, but adapter-node wraps every body in a ReadableStream that starts
 * reading at once and pauses the request after the first chunk; Node then sees a body "in
 * use" and leaves it paused, so the next request on that connection is never parsed and the
 * client hangs until the request timeout. Once the answer is written the rest of the body is
 * dropped: up to DRAIN_MAX_BYTES (declared up front) the connection is kept for the next
 * request; a larger, undeclared (chunked) or abandoned body gets `Connection: close`, and the
 * socket is half-closed and read for a bounded while before it is destroyed, so the client
 * receives the answer instead of a reset. A client that keeps streaming past the bounds is cut
 * off: draining is never unbounded.
 */
const DRAIN_MAX_BYTES = 1024 * 1024;
const DRAIN_MAX_MS = 5_000;

/**
 * @param {http.IncomingMessage} req
 * @param {http.ServerResponse} res
 */
function settleUnreadBody(req, res) {
	const socket = req.socket;
	let closing = false;
	const writeHead = res.writeHead;
	/** @type {any} */ (res).writeHead = function (/** @type {any[]} */ ...args) {
		const declared = Number(req.headers['content-length']);
		if (!req.complete && (req.destroyed || !(declared <= DRAIN_MAX_BYTES))) {
			closing = true;
			this.setHeader('connection', 'close');
			// Node ends and destroys the socket right after the answer; destroying it with unread
			// bytes sends a reset that can discard the answer. Half-close only; discard() ends it.
			/** @type {any} */ (socket).destroySoon = () => socket.end();
		}
		return writeHead.apply(this, /** @type {any} */ (args));
	};
	res.once('finish', () => {
		if (!req.complete || closing) discard(req, socket, closing);
	});
}

/**
 * Reads and drops what is left of a request body, within DRAIN_MAX_BYTES and DRAIN_MAX_MS.
 * @param {http.IncomingMessage} req
 * @param {import('node:net').Socket} socket
 * @param {boolean} closing the answer said `Connection: close`: destroy the socket once read
 */
function discard(req, socket, closing) {
	const timer = setTimeout(() => socket.destroy(), DRAIN_MAX_MS);
	const stopTimer = () => clearTimeout(timer);
	socket.once('close', stopTimer);
	const done = () => {
		stopTimer();
		// A kept connection may drain many refused bodies: don't pile up listeners on it.
		socket.off('close', stopTimer);
		if (closing) socket.destroy();
	};
	if (req.complete) return done();
	// A request the app destroyed (adapter-node does on a cancelled body) has no more reads:
	// the timer ends its connection.
	if (req.destroyed) return;
	let bytes = 0;
	// The app's reader (adapter-node's stream) has had its answer; nothing reads it any more.
	req.removeAllListeners('data');
	req.on('data', (/** @type {Buffer} */ chunk) => {
		bytes += chunk.length;
		if (bytes > DRAIN_MAX_BYTES) socket.destroy();
	});
	req.once('end', done);
	req.resume();
}

/**
 * Prints one line and exits 1: configuration and database problems are not stack traces.
 * @param {any} error
 * @returns {never}
 */
function fail(error) {
	const known = ['ConfigError', 'DatabaseUnavailableError'].includes(error?.name);
	process.stderr.write(`ruamphaen: ${known ? error.message : error?.stack || error}\n`);
	process.exit(1);
}

async function main() {
	let handler;
	try {
		// Importing the handler runs SvelteKit's init hook, which starts the runtime.
		// A computed specifier keeps the type checker out of the generated bundle.
		const entry = '../build/handler.js';
		({ handler } = await import(entry));
	} catch (/** @type {any} */ error) {
		if (error?.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes('build/handler.js')) {
			fail(new Error('the app is not built yet: run `npm run build` first'));
		}
		fail(error);
	}
	/** @type {import('../src/lib/server/runtime').Runtime} */
	const runtime = await /** @type {any} */ (globalThis)[SLOT].runtime.catch(fail);
	const { config } = runtime;

	const server = http.createServer((req, res) => {
		if (!process.env.ORIGIN) req.headers[PROTOCOL_HEADER] = 'http';
		// adapter-node serves static files before SvelteKit's handle hook adds these.
		for (const [name, value] of STATIC_HEADERS) res.setHeader(name, value);
		settleUnreadBody(req, res);
		handler(req, res);
	});
	server.requestTimeout = 60_000;
	// Idle kept-alive connections stay open longer than a reverse proxy's or a client's own idle
	// timeout (nginx and undici reuse for up to 60 s / 4 s), so the server is never the side
	// that closes a connection the other side is about to reuse.
	server.keepAliveTimeout = 65_000;
	const collab = attachCollab(server, runtime);

	server.on('error', (error) => fail(new Error(`cannot listen on ${config.host}:${config.port}: ${error.message}`)));
	server.listen(config.port, config.host, () => {
		const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
		// Tests and operators read this line to find the port (PORT=0 picks a free one).
		process.stdout.write(`ruamphaen listening on http://${config.host}:${port} (${runtime.db.dialect})\n`);
	});

	let stopping = false;
	/** @param {string} signal */
	const stop = async (signal) => {
		if (stopping) return;
		stopping = true;
		process.stdout.write(`ruamphaen: ${signal}, shutting down\n`);
		const closed = new Promise((resolve) => server.close(resolve));
		collab.close();
		server.closeIdleConnections?.();
		await runtime.shutdown();
		await Promise.race([closed, new Promise((r) => setTimeout(r, 3000))]);
		process.exit(0);
	};
	process.on('SIGTERM', () => stop('SIGTERM'));
	process.on('SIGINT', () => stop('SIGINT'));
}

main();
