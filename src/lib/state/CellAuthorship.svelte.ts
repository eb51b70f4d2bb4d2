/**
 * "Who wrote this?" for the cell under the pointer or the cursor: the author of its current
 * value (the server's attribution, from the update log) and, for people who may see drafts,
 * the cell's history. Answers are cached briefly per cell, and asked for only after the
 * pointer rests, so moving across the table sends nothing.
 */
import { isCellField, type CellTable } from '$lib/domain/plan/cellValues';

export interface CellAuthor {
	name: string;
	at: string;
}

export interface CellVersion extends CellAuthor {
	value: string;
}

export interface CellSpot {
	table: CellTable;
	rowId: string;
	field: string;
	/** How the cell is called on screen (row name › column), for the card. */
	label: string;
}

const REST_MS = 350;
const FRESH_MS = 15_000;
const HIDE_MS = 800;

/** The field a grid column holds: month columns (m1…m12) are one "months" cell. */
export function columnField(table: CellTable, col: string): string | null {
	const field = /^m\d{1,2}$/.test(col) ? 'months' : col;
	return isCellField(table, field) ? field : null;
}

const spotKey = (s: { table: string; rowId: string; field: string }) => `${s.table}\u0000${s.rowId}\u0000${s.field}`;

export class CellAuthorship {
	#spot = $state.raw<CellSpot | null>(null);
	#authors = $state.raw<CellAuthor[] | null>(null);
	#history = $state.raw<CellVersion[] | null>(null);
	#historyOpen = $state(false);
	readonly #planId: () => string;
	// eslint-disable-next-line svelte/prefer-svelte-reactivity -- a cache of promises, not state
	readonly #cache = new Map<string, { at: number; authors: Promise<CellAuthor[] | null> }>();
	#timer: ReturnType<typeof setTimeout> | undefined;

	constructor(planId: () => string) {
		this.#planId = planId;
	}

	get spot() {
		return this.#spot;
	}
	/** Authors of the shown cell's value, most recent first (null while loading or unknown). */
	get authors() {
		return this.#authors;
	}
	get history() {
		return this.#history;
	}
	get historyOpen() {
		return this.#historyOpen;
	}

	/** The pointer rests on (or the cursor moved to) a cell. */
	show(spot: CellSpot) {
		if (this.#spot && spotKey(this.#spot) === spotKey(spot)) return;
		clearTimeout(this.#timer);
		this.#timer = setTimeout(() => {
			this.#spot = spot;
			this.#authors = null;
			this.#history = null;
			this.#historyOpen = false;
			void this.authorsOf(spot).then((a) => {
				if (this.#spot === spot) this.#authors = a;
			});
		}, REST_MS);
	}

	/** The pointer left the table: the card goes a moment later, unless the pointer reaches it. */
	hide() {
		clearTimeout(this.#timer);
		if (this.#historyOpen) return; // an open history stays until closed
		this.#timer = setTimeout(() => {
			if (!this.#historyOpen) this.#spot = null;
		}, HIDE_MS);
	}

	/** The pointer is on the card itself. */
	keep() {
		clearTimeout(this.#timer);
	}

	close() {
		this.#historyOpen = false;
		this.#spot = null;
	}

	/** Authors of a cell's current value (cached for a few seconds). */
	authorsOf(cell: { table: CellTable; rowId: string; field: string }): Promise<CellAuthor[] | null> {
		const key = spotKey(cell);
		const hit = this.#cache.get(key);
		if (hit && Date.now() - hit.at < FRESH_MS) return hit.authors;
		// eslint-disable-next-line svelte/prefer-svelte-reactivity -- a query string, not state
		const q = new URLSearchParams({ table: cell.table, row: cell.rowId, field: cell.field });
		const authors = this.#get<CellAuthor[]>(`/api/plans/${this.#planId()}/attribution?${q}`);
		this.#cache.set(key, { at: Date.now(), authors });
		return authors;
	}

	async openHistory() {
		const spot = this.#spot;
		if (!spot) return;
		this.#historyOpen = true;
		// eslint-disable-next-line svelte/prefer-svelte-reactivity -- a query string, not state
		const q = new URLSearchParams({ table: spot.table, row: spot.rowId, field: spot.field });
		const versions = await this.#get<CellVersion[]>(`/api/plans/${this.#planId()}/history?${q}`);
		if (this.#spot === spot) this.#history = versions ?? [];
	}

	async #get<T>(url: string): Promise<T | null> {
		try {
			const response = await fetch(url);
			return response.ok ? ((await response.json()) as T) : null;
		} catch {
			return null; // offline: the card says the author is unknown
		}
	}

	destroy() {
		clearTimeout(this.#timer);
	}
}
