// The three wire formats the benchmark speaks: Hocuspocus (ours and bare; every frame starts
// with the document name), y-websocket (one document per socket, no name) and the raw
// broadcast server (bytes in, same bytes out to the others).
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import { MessageType } from '@hocuspocus/server';
import { messageYjsSyncStep1, messageYjsSyncStep2, messageYjsUpdate } from 'y-protocols/sync';
import { AuthMessageType } from '@hocuspocus/common';

// y-websocket numbers sync and awareness as Hocuspocus does (0 and 1).
const { Sync, Awareness, Auth, SyncReply } = MessageType;

export const KINDS = ['ours', 'hocuspocus', 'y-websocket', 'raw'];

export function wire(kind, docName) {
	const hp = kind === 'ours' || kind === 'hocuspocus';
	const frame = (type, write) => {
		const e = encoding.createEncoder();
		if (hp) encoding.writeVarString(e, docName);
		encoding.writeVarUint(e, type);
		write?.(e);
		return encoding.toUint8Array(e);
	};
	return {
		hasSync: kind !== 'raw',
		url(base) {
			if (kind === 'ours') return `${base}/collab`;
			if (kind === 'hocuspocus') return base;
			return `${base}/${encodeURIComponent(docName)}`;
		},
		hello() {
			const step1 = frame(Sync, (e) => (encoding.writeVarUint(e, messageYjsSyncStep1), encoding.writeVarUint8Array(e, new Uint8Array([0]))));
			if (hp) return [frame(Auth, (e) => (encoding.writeVarUint(e, AuthMessageType.Token), encoding.writeVarString(e, 'cookie'))), step1];
			return kind === 'raw' ? [] : [step1];
		},
		update(u) {
			return kind === 'raw' ? u : frame(Sync, (e) => (encoding.writeVarUint(e, messageYjsUpdate), encoding.writeVarUint8Array(e, u)));
		},
		awareness(a) {
			return kind === 'raw' ? a : frame(Awareness, (e) => encoding.writeVarUint8Array(e, a));
		},
		/** 'step2' (first sync answer), 'update' (a broadcast edit), 'awareness' or 'other'. */
		classify(data) {
			if (kind === 'raw') return 'update';
			try {
				const d = decoding.createDecoder(data);
				if (hp) decoding.readVarString(d);
				const type = decoding.readVarUint(d);
				if (type === Awareness) return 'awareness';
				if (type !== Sync && type !== SyncReply) return 'other';
				const sub = decoding.readVarUint(d);
				return sub === messageYjsSyncStep2 ? 'step2' : sub === messageYjsUpdate ? 'update' : 'other';
			} catch {
				return 'other';
			}
		}
	};
}

/** Microseconds since the epoch, comparable between processes on one machine. */
export const nowUs = () => Math.round((performance.timeOrigin + performance.now()) * 1000);

/** Every `~<16 digits>~` send stamp inside a message (the observer never decodes Yjs). */
export function stamps(data) {
	const out = [];
	for (let i = data.indexOf(0x7e); i >= 0 && i + 17 < data.length; i = data.indexOf(0x7e, i + 1)) {
		if (data[i + 17] !== 0x7e) continue;
		let v = 0;
		let ok = true;
		for (let k = 1; k <= 16; k++) {
			const c = data[i + k] - 48;
			if (c < 0 || c > 9) {
				ok = false;
				break;
			}
			v = v * 10 + c;
		}
		if (ok) {
			out.push(v);
			i += 17;
		}
	}
	return out;
}

export function percentile(sorted, p) {
	return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : NaN;
}
