/**
 * Edits the server refused because the plan left draft while this page held them (made
 * offline, or in flight when it was submitted). They are set aside here — never sent again on
 * their own — and listed with the server's value and mine, until the person copies or
 * discards them. Kept in IndexedDB, so a reload lists them again; the plan copy itself is
 * reset to the server's content (PlanConnection.resetLocalCopy).
 */
import * as Y from 'yjs';
import { readPlan } from '$lib/domain/plan/doc';
import { changedCells, planCells } from '$lib/domain/plan/cellValues';
import { sectionText } from '$lib/domain/plan/diff';
import { structureChanges } from '$lib/domain/plan/structureChanges';
import { deleteLocal, readLocal, writeLocal } from './offline/localStore';

export interface RefusedEdit {
	/** Where: the row's name, or the section's title. */
	where: string;
	/** Column key (`name`, `budget`, …), `section`, or a change of shape (`rowAdded`, `strategy`, … see structureChanges). */
	field: string;
	server: string;
	mine: string;
}

const key = (docName: string) => `refused:${docName}` as const;

export class RefusedEdits {
	#items = $state.raw<RefusedEdit[]>([]);
	#update: Uint8Array;
	readonly #docName: string;

	private constructor(docName: string, update: Uint8Array) {
		this.#docName = docName;
		this.#update = update;
	}

	/** Adds refused edits to what this plan already has set aside. */
	static async keep(docName: string, update: Uint8Array): Promise<void> {
		const before = await readLocal<Uint8Array>(key(docName));
		await writeLocal(key(docName), before ? Y.mergeUpdates([before, update]) : update);
	}

	/** What is set aside for this plan, or null. */
	static async load(docName: string): Promise<RefusedEdits | null> {
		const update = await readLocal<Uint8Array>(key(docName));
		return update ? new RefusedEdits(docName, update) : null;
	}

	get items() {
		return this.#items;
	}

	/**
	 * Lists my edits against the server's content now (`doc`, synced): applied to a copy, never
	 * to the plan. Edits that change nothing any more (the same value is there now) drop out.
	 * Rows I added, removed, moved or reordered and changes to the outline are listed too, one
	 * line each (a new row is one line, not one per cell).
	 */
	compare(doc: Y.Doc) {
		const mine = new Y.Doc();
		Y.applyUpdate(mine, Y.encodeStateAsUpdate(doc));
		Y.applyUpdate(mine, this.#update);
		const server = readPlan(doc);
		const proposed = readPlan(mine);
		mine.destroy();
		const items: RefusedEdit[] = changedCells(planCells(server), planCells(proposed))
			.filter((c) => c.before && c.after)
			.map((c) => ({ where: c.after!.rowName, field: c.after!.field, server: c.before!.text, mine: c.after!.text }));
		items.push(...structureChanges(server, proposed));
		// eslint-disable-next-line svelte/prefer-svelte-reactivity -- a lookup inside one call
		const serverSections = new Map(server.sections.map((s) => [s.id, s]));
		for (const s of proposed.sections) {
			const before = serverSections.get(s.id);
			const text = sectionText(s);
			if (!before || sectionText(before) !== text) items.push({ where: s.title, field: 'section', server: before ? sectionText(before) : '', mine: text });
		}
		this.#items = items;
	}

	/** Plain text of the list, for the clipboard. */
	asText(label: (field: string) => string): string {
		return this.#items.map((i) => `${i.where ? `${i.where} › ` : ''}${label(i.field)}: ${i.server} → ${i.mine}`).join('\n');
	}

	async discard() {
		this.#items = [];
		await deleteLocal(key(this.#docName));
	}
}
