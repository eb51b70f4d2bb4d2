// A hostile client in its own process (so its work does not slow the test's honest clients):
// authenticates, then sends COUNT small Yjs updates at about RATE a second, counts the
// server's acknowledgements, and prints {sent, acks, ms} as JSON.
// Usage: node flooder.mjs <wsUrl> <docName> <cookie> <count> <rate> <lingerMs>
import WebSocket from 'ws';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import { MessageType } from '@hocuspocus/server';
import { AuthMessageType } from '@hocuspocus/common';
import { messageYjsUpdate } from 'y-protocols/sync';

const [wsUrl, docName, cookie, countArg, rateArg, lingerArg] = process.argv.slice(2);
const count = Number(countArg);
const rate = Number(rateArg);
const frame = (write) => {
	const e = encoding.createEncoder();
	encoding.writeVarString(e, docName);
	write(e);
	return encoding.toUint8Array(e);
};
const source = new Y.Doc();
const updates = [];
source.on('update', (u) => updates.push(u));
// Into a plan-shaped place (a project row's name cell): the server refuses other roots.
const row = new Y.Map();
source.getMap('projects').set(`PJ-flood-${process.pid}`, row);
row.set('name', new Y.Text());
const text = row.get('name');
for (let i = 0; i < count; i++) text.insert(i, 'x');

const ws = new WebSocket(wsUrl, { headers: { cookie } });
let acks = 0;
let authed = false;
ws.on('message', (data) => {
	const type = data[1 + data[0]];
	if (type === MessageType.SyncStatus) acks++;
	if (type === MessageType.Auth && !authed) {
		authed = true;
		start();
	}
});
ws.on('open', () => ws.send(frame((e) => (encoding.writeVarUint(e, MessageType.Auth), encoding.writeVarUint(e, AuthMessageType.Token), encoding.writeVarString(e, 'cookie')))));
function start() {
	process.stdout.write('started\n');
	const t0 = performance.now();
	let i = 0;
	const perTick = Math.max(1, Math.round(rate / 100));
	const timer = setInterval(() => {
		for (let k = 0; k < perTick && i < updates.length; k++) {
			const u = updates[i++];
			ws.send(frame((e) => (encoding.writeVarUint(e, MessageType.Sync), encoding.writeVarUint(e, messageYjsUpdate), encoding.writeVarUint8Array(e, u))));
		}
		if (i >= updates.length) {
			clearInterval(timer);
			const ms = performance.now() - t0;
			setTimeout(() => {
				process.stdout.write(JSON.stringify({ sent: i, acks, ms, totalMs: performance.now() - t0 }) + '\n');
				ws.terminate();
				process.exit(0);
			}, Number(lingerArg));
		}
	}, 10);
}
