/** The plan's narrative sections (id and title, in order), kept current as others edit. */
import type * as Y from 'yjs';
import { listSections, observePlan } from '$lib/domain/plan/doc';

export class PlanSections {
	#list = $state<{ id: string; title: string }[]>([]);
	readonly #stop: () => void;

	constructor(doc: Y.Doc) {
		const read = () => (this.#list = listSections(doc).map((s) => ({ id: s.id, title: s.title })));
		read();
		this.#stop = observePlan(doc, read);
	}

	get list() {
		return this.#list;
	}

	destroy() {
		this.#stop();
	}
}
