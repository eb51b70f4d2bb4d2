import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import { caretAwareness } from './collabCaret';

/** My awareness and a peer's, with the peer's changes delivered to mine as the network would. */
function pair() {
	const mine = new Awareness(new Y.Doc());
	const peer = new Awareness(new Y.Doc());
	const deliver = () => applyAwarenessUpdate(mine, encodeAwarenessUpdate(peer, [peer.clientID]), 'remote');
	return { mine, peer, deliver };
}

describe('caretAwareness: what the text editors redraw carets for', () => {
	it("fires for a peer's caret and name, not for my own caret or a peer's grid cell", async () => {
		const { mine, peer, deliver } = pair();
		const view = caretAwareness(mine);
		const seen: string[] = [];
		view.on('change', () => seen.push('change'));
		view.on('update', () => seen.push('update'));

		peer.setLocalState({ user: { name: 'บี', color: '#123456' } });
		deliver();
		expect(seen).toEqual(['change', 'update']); // a new person

		seen.length = 0;
		view.setLocalStateField('cursor', { anchor: 1, head: 1 });
		view.setLocalStateField('cursor', { anchor: 2, head: 2 });
		expect(mine.getLocalState()?.cursor).toBeUndefined(); // sent after the frame, not in the keystroke
		await new Promise((r) => setTimeout(r, 5));
		expect(mine.getLocalState()?.cursor).toEqual({ anchor: 2, head: 2 }); // the last position
		peer.setLocalStateField('cell', { table: 'projects', rowId: 'PJ1', col: 'name' });
		deliver();
		expect(seen).toEqual([]); // my caret, their grid cell: no caret of theirs moved

		peer.setLocalStateField('cursor', { anchor: 3, head: 3 });
		deliver();
		expect(seen).toEqual(['change', 'update']);

		seen.length = 0;
		peer.setLocalState(null);
		deliver();
		expect(seen).toEqual(['change', 'update']); // they left: their caret goes
	});

	it('is one view per awareness, shared by the section editors', () => {
		const { mine } = pair();
		expect(caretAwareness(mine)).toBe(caretAwareness(mine));
		expect(caretAwareness(mine).getStates()).toBe(mine.getStates());
	});
});
