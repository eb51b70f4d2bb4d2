/**
 * The narrative sections (ส่วนที่ ๑ บทนำ and sections people add): titles in order, and
 * add / rename / move / delete with my origin. Section bodies are edited by Tiptap on the
 * fragment `fragment(id)` returns.
 */
import type * as Y from 'yjs';
import {
	addSection,
	deleteSection,
	getSectionFragment,
	listSections,
	moveSection,
	renameSection,
	type PlanChanges
} from '$lib/domain/plan/doc';
import type { SectionHead } from '$lib/domain/plan/types';

export class NarrativeSections {
	readonly #doc: Y.Doc;
	readonly #origin: unknown;
	#list = $state.raw<SectionHead[]>([]);

	constructor(doc: Y.Doc, origin: unknown) {
		this.#doc = doc;
		this.#origin = origin;
		this.#list = listSections(doc);
	}

	get list() {
		return this.#list;
	}

	applyChanges(c: PlanChanges) {
		if (c.sectionList) this.#list = listSections(this.#doc);
	}

	/** The Tiptap fragment of a section; null once it is deleted. */
	fragment(id: string): Y.XmlFragment | null {
		return getSectionFragment(this.#doc, id);
	}

	#tx<T>(fn: () => T): T {
		let out!: T;
		this.#doc.transact(() => (out = fn()), this.#origin);
		return out;
	}

	add(title: string): string {
		return this.#tx(() => addSection(this.#doc, { title }));
	}
	rename(id: string, title: string) {
		const t = title.trim();
		if (!t || this.#list.find((s) => s.id === id)?.title === t) return false;
		return this.#tx(() => renameSection(this.#doc, id, t));
	}
	move(id: string, delta: -1 | 1) {
		const i = this.#list.findIndex((s) => s.id === id);
		const to = i + delta;
		if (i < 0 || to < 0 || to >= this.#list.length) return false;
		return this.#tx(() => moveSection(this.#doc, id, to));
	}
	remove(id: string) {
		return this.#tx(() => deleteSection(this.#doc, id));
	}
}
