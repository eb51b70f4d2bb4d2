// Asks a server process started with `--inspect=127.0.0.1:0` to collect garbage and report its
// memory, over the DevTools protocol — the same way for every server in the benchmark, none of
// which has to know it is measured. The RSS of a process that has not collected its garbage
// says more about when V8 last ran a full GC (ours starts with ~150 MB of heap left over from
// seeding the demo) than about what an open plan costs.
import WebSocket from 'ws';

/** The inspector's address, from the "Debugger listening on ws://…" line on stderr. */
export function inspectorUrl(stderrText) {
	return /Debugger listening on (ws:\/\/\S+)/.exec(stderrText)?.[1] ?? null;
}

export async function inspect(url) {
	const ws = new WebSocket(url, { perMessageDeflate: false });
	await new Promise((resolve, reject) => (ws.once('open', resolve), ws.once('error', reject)));
	let id = 0;
	const waiting = new Map();
	ws.on('message', (m) => {
		const reply = JSON.parse(String(m));
		waiting.get(reply.id)?.(reply);
		waiting.delete(reply.id);
	});
	const call = (method, params = {}) =>
		new Promise((resolve) => {
			waiting.set(++id, resolve);
			ws.send(JSON.stringify({ id, method, params }));
		});
	return {
		/** Full GCs until the heap stops shrinking (weak maps and finalizers can take a second pass). */
		async gc() {
			for (let i = 0; i < 3; i++) await call('HeapProfiler.collectGarbage');
		},
		/** process.memoryUsage() of the server, in bytes. */
		async memory() {
			const reply = await call('Runtime.evaluate', { expression: 'JSON.stringify(process.memoryUsage())' });
			return JSON.parse(reply.result.result.value);
		},
		close: () => ws.terminate()
	};
}
