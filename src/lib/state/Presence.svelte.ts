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

export class Presence {
	#people = $state.raw<Person[]>([]);
	readonly #provider: HocuspocusProvider;
	readonly #myRole: string | null;
	readonly #update = () => this.#read();
	#cellKey = '';
	/** What the last list showed; a caret move in a text changes none of it. */
	#shown = '';

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

	/** Everyone else, for highlighting their cells. */
	get others() {
		return this.#people.filter((p) => !p.me);
	}

	/** Announces the cell I stand on (null when I leave the table). */
	setCell(cell: PresenceCell | null) {
		const key = cell ? `${cell.table}\u0000${cell.rowId}\u0000${cell.col}` : '';
		if (key === this.#cellKey) return;
		this.#cellKey = key;
		this.#provider.setAwarenessField('cell', cell);
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
	}

	destroy() {
		this.#provider.awareness?.off('change', this.#update);
	}
}
