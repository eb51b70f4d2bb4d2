/**
 * Conflict review on reconnect. While offline, the plan as it was before my first offline edit
 * is kept (OfflineBase). When the server's content arrives after reconnecting, each short cell
 * (a name, an amount, a unit, the months, a place) that I changed and someone else changed to
 * something else meanwhile ends as ONE person's value — theirs, as saved — never an
 * interleaving of two texts or a silent last-writer-wins; mine is listed next to theirs, with
 * who wrote theirs, and applied only if I choose it. Long text (activity details, sections)
 * keeps Yjs' character merge; typing together online is untouched (no base then).
 */
import * as Y from 'yjs';
import { cellItems, readPlan } from '$lib/domain/plan/doc';
import { isShortCell, planCells, type CellValue } from '$lib/domain/plan/cellValues';
import { writeCell } from '$lib/domain/plan/cellWrite';
import type { PlanConnection } from './PlanConnection.svelte';
import type { ServerSyncMessage } from './offline/syncMessages';

export interface Conflict {
	key: string;
	theirs: CellValue;
	mine: CellValue;
	/** Who saved their value (from the server's update log); null until known or unknown. */
	author: string | null;
	/** What the cell holds now by my choice: 'theirs' (kept) or 'mine' (applied). */
	chosen: 'theirs' | 'mine';
}

export class ConflictReview {
	/** Origin of the writes this review makes (my choice, or theirs restored). */
	readonly origin = Symbol('ruamphaen.conflict');
	#conflicts = $state<Conflict[]>([]);
	readonly #connection: PlanConnection;
	readonly #planId: string;
	readonly #stop: () => void;
	readonly #stopAck: () => void;
	#pending: (() => void) | null = null;

	constructor(connection: PlanConnection, planId: string) {
		this.#connection = connection;
		this.#planId = planId;
		this.#stop = connection.onServerSync((m) => this.#onServerSync(m));
		this.#stopAck = connection.onAcknowledged(() => this.#acknowledged());
	}

	get conflicts() {
		return this.#conflicts;
	}

	#onServerSync(message: ServerSyncMessage) {
		if (message.kind !== 'content' || !message.step2) return;
		const base = this.#connection.offlineBase.current;
		// Read-only: the server refuses my edits anyway (RefusedEdits says so).
		if (!base || this.#connection.readOnly) return;
		// Before the provider applies the server's content: my values as I left them.
		const mine = planCells(readPlan(this.#connection.doc));
		const remote = message.update;
		// Resolve once the server has stored my offline edits (its acknowledgement), so the
		// resolution builds on content the server holds.
		this.#pending = () => this.#review(base, mine, remote);
	}

	#acknowledged() {
		const run = this.#pending;
		this.#pending = null;
		run?.();
	}

	#review(base: Uint8Array, mine: Map<string, CellValue>, remote: Uint8Array) {
		const theirsDoc = new Y.Doc();
		Y.applyUpdate(theirsDoc, base);
		const before = planCells(readPlan(theirsDoc));
		// Base + what the server had that I did not = the server's content before my edits.
		Y.applyUpdate(theirsDoc, remote);
		const theirs = planCells(readPlan(theirsDoc));
		const doc = this.#connection.doc;
		const found: Conflict[] = [];
		// eslint-disable-next-line svelte/prefer-svelte-reactivity -- a lookup inside one call
		const items = new Map<string, { client: number; clock: number }[]>();
		doc.transact(() => {
			for (const [key, m] of mine) {
				const b = before.get(key);
				const t = theirs.get(key);
				if (!b || !t || !isShortCell(m.field)) continue;
				if (m.text === b.text || t.text === b.text || m.text === t.text) continue;
				writeCell(doc, t, t.value);
				found.push({ key, theirs: t, mine: m, author: null, chosen: 'theirs' });
				items.set(key, cellItems(theirsDoc, t.table, t.rowId, t.field));
			}
		}, this.origin);
		theirsDoc.destroy();
		if (!found.length) return;
		this.#conflicts = [...this.#conflicts.filter((c) => !found.some((f) => f.key === c.key)), ...found];
		for (const c of found) void this.#lookUpAuthor(c.key, items.get(c.key) ?? []);
	}

	async #lookUpAuthor(key: string, items: { client: number; clock: number }[]) {
		if (!items.length) return;
		const query = items.slice(0, 200).map((i) => `${i.client}.${i.clock}`).join(',');
		try {
			const response = await fetch(`/api/plans/${this.#planId}/attribution?items=${query}`);
			if (!response.ok) return;
			const authors = (await response.json()) as { name: string }[];
			const name = authors.find((a) => a.name)?.name;
			const conflict = this.#conflicts.find((c) => c.key === key);
			if (conflict && name) conflict.author = name;
		} catch {
			// Offline again: the list still shows both values.
		}
	}

	/** Puts my value (or theirs back) into the cell. */
	choose(key: string, side: 'theirs' | 'mine') {
		const conflict = this.#conflicts.find((c) => c.key === key);
		if (!conflict || this.#connection.readOnly) return;
		const value = side === 'mine' ? conflict.mine : conflict.theirs;
		this.#connection.doc.transact(() => writeCell(this.#connection.doc, value, value.value), this.origin);
		conflict.chosen = side;
	}

	dismiss() {
		this.#conflicts = [];
	}

	destroy() {
		this.#stop();
		this.#stopAck();
	}
}

