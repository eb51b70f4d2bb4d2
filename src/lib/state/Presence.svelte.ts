/**
 * Who is in the plan now, from the provider's awareness: one entry per connected client,
 * mine first. Local state carries the user's name and colour (also what text carets use)
 * and the table cell they stand on, so others can highlight it. The server overwrites each
 * client's `user` with the name, plan role and colour it knows for that connection; the
 * colour is still checked here (`#rrggbb`), since it ends up in CSS.
 */
import type { HocuspocusProvider } from '@hocuspocus/provider';
import { safeColor } from '$lib/domain/colors';

/** The grid cell someone stands on: which table, which row, which column. */
export interface PresenceCell {
	table: string;
	rowId: string;
	col: string;
}

export interface Person {
	clientId: number;
	name: string;
	color: string;
	/** Plan role key (e.g. support_committee), when the page knew it. */
	role: string | null;
	cell: PresenceCell | null;
	me: boolean;
}

function readCell(v: unknown): PresenceCell | null {
	if (typeof v !== 'object' || v === null) return null;
	const c = v as Record<string, unknown>;
	return typeof c.table === 'string' && typeof c.rowId === 'string' && typeof c.col === 'string'
		? { table: c.table, rowId: c.rowId, col: c.col }
		: null;
}

/** How long the grid cursor rests before others are told where it is (ms). */
const CELL_DELAY = 60;

export class Presence {
	#people = $state.raw<Person[]>([]);
	#others = $state.raw<Person[]>([]);
	readonly #provider: HocuspocusProvider;
	readonly #myRole: string | null;
	readonly #update = () => this.#read();
	#cellKey = '';
	#pendingCell: PresenceCell | null = null;
	#cellTimer: ReturnType<typeof setTimeout> | undefined;
	/** What the last list showed; a caret move in a text changes none of it. */
	#shown = '';
	#shownOthers = '[]';

	constructor(provider: HocuspocusProvider, me: { name: string; color: string; role?: string | null }) {
		this.#provider = provider;
		this.#myRole = me.role ?? null;
		provider.setAwarenessField('user', { name: me.name, color: me.color });
		provider.awareness?.on('change', this.#update);
		this.#read();
	}

	get people() {
		return this.#people;
	}

	/**
	 * Everyone else, for highlighting their cells: replaced only when someone else changes,
	 * so moving my own cursor does not redraw every grid cell that shows who stands on it.
	 */
	get others() {
		return this.#others;
	}

	/**
	 * Announces the cell I stand on (null when I leave the table). Coalesced: the awareness
	 * update (a message to everyone, and a caret redraw in every narrative editor) goes out
	 * once the cursor has rested for a moment, in its own task, not in the keystroke's.
	 */
	setCell(cell: PresenceCell | null) {
		const key = cell ? `${cell.table}\u0000${cell.rowId}\u0000${cell.col}` : '';
		this.#pendingCell = cell;
		if (key === this.#cellKey) {
			clearTimeout(this.#cellTimer);
			this.#cellTimer = undefined;
			return;
		}
		if (this.#cellTimer) return;
		this.#cellTimer = setTimeout(() => {
			this.#cellTimer = undefined;
			const c = this.#pendingCell;
			const k = c ? `${c.table}\u0000${c.rowId}\u0000${c.col}` : '';
			if (k === this.#cellKey) return;
			this.#cellKey = k;
			this.#provider.setAwarenessField('cell', c);
		}, CELL_DELAY);
	}

	#read() {
		const awareness = this.#provider.awareness;
		if (!awareness) return;
		const people: Person[] = [];
		for (const [clientId, state] of awareness.getStates()) {
			const user = state.user as { name?: unknown; color?: unknown; role?: unknown } | undefined;
			if (typeof user?.name !== 'string') continue;
			const me = clientId === awareness.clientID;
			people.push({
				clientId,
				name: user.name,
				color: safeColor(user.color),
				// Mine from the page (Tiptap's caret rewrites my local `user` without it);
				// everyone else's as the server stamped it.
				role: me ? this.#myRole : typeof user.role === 'string' ? user.role : null,
				cell: readCell(state.cell),
				me
			});
		}
		people.sort((a, b) => Number(b.me) - Number(a.me) || a.name.localeCompare(b.name, 'th') || a.clientId - b.clientId);
		// Awareness changes on every caret move while someone types in a section; the list
		// (and every grid cell that shows who stands on it) is replaced only when it differs.
		const shown = JSON.stringify(people);
		if (shown === this.#shown) return;
		this.#shown = shown;
		this.#people = people;
		const others = people.filter((p) => !p.me);
		const shownOthers = JSON.stringify(others);
		if (shownOthers === this.#shownOthers) return;
		this.#shownOthers = shownOthers;
		this.#others = others;
	}

	destroy() {
		clearTimeout(this.#cellTimer);
		this.#provider.awareness?.off('change', this.#update);
	}
}
