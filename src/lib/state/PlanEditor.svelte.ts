/**
 * Everything one person edits in one plan, over a PlanConnection: the tables, the outline,
 * the narrative sections, the ผด.01 panel and my undo history. It owns the local origin
 * every edit of mine carries, and one change subscription that tells each part what a
 * transaction touched (observePlanChanges).
 */
import { getFrontMatter, mergePlanChanges, observePlanChanges, onlyCellsInPlace, type PlanChanges } from '$lib/domain/plan/doc';
import { afterPaint } from './afterPaint';
import type { Locale } from '$lib/i18n';
import type { PlanConnection } from './PlanConnection.svelte';
import { EquipmentTable } from './EquipmentTable.svelte';
import { NarrativeSections } from './NarrativeSections.svelte';
import { Pd01Panel } from './Pd01Summary.svelte';
import { PlanOutline } from './PlanOutline.svelte';
import { PlanUndo } from './PlanUndo.svelte';
import { ProjectTable } from './ProjectTable.svelte';

export class PlanEditor {
	/** Origin of my edits: the undo manager tracks exactly this and `typingOrigin`. */
	readonly origin = Symbol('ruamphaen.local');
	/** Origin of my typing in a text cell: the field shows it already, the row model may wait. */
	readonly typingOrigin = Symbol('ruamphaen.typing');
	readonly undo: PlanUndo;
	readonly projects: ProjectTable;
	readonly equipment: EquipmentTable;
	readonly outline: PlanOutline;
	readonly sections: NarrativeSections;
	readonly pd01: Pd01Panel;
	readonly #stop: () => void;
	#stopped = false;
	/** The budget ordinance the plan states (its front matter): the deadline clock counts from its date. */
	#ordinance = $state.raw<{ name: string; announcedISO: string }>({ name: '', announcedISO: '' });

	constructor(connection: PlanConnection, options: { locale: Locale; fiscalYear: number }) {
		const doc = connection.doc;
		const origins = { origin: this.origin, typingOrigin: this.typingOrigin };
		this.undo = new PlanUndo(doc, [this.origin, this.typingOrigin]);
		this.projects = new ProjectTable(doc, origins, options);
		this.equipment = new EquipmentTable(doc, origins, options);
		this.outline = new PlanOutline(doc, this.origin, this.projects);
		this.sections = new NarrativeSections(doc, this.origin);
		this.pd01 = new Pd01Panel(doc, this.origin);
		this.#ordinance = getFrontMatter(doc).workflow.budgetOrdinance;
		const apply = (c: PlanChanges) => {
			this.projects.applyChanges(c);
			this.equipment.applyChanges(c);
			this.outline.applyChanges(c);
			this.sections.applyChanges(c);
			this.pd01.applyChanges(c);
			if (c.meta) this.#ordinance = getFrontMatter(doc).workflow.budgetOrdinance;
		};
		// My typing in a text cell: the field already shows it, so the row is re-read after the
		// keystroke's frame is painted, once for all keys typed by then (a keystroke's frame
		// then holds only the field's own change). Anything else — someone else's edit, any
		// command — is applied at once, with what waits.
		let typed: PlanChanges | null = null;
		const applyTyped = () => {
			const c = typed;
			typed = null;
			if (c && !this.#stopped) apply(c);
		};
		this.#stop = observePlanChanges(doc, (c) => {
			if (c.origin === this.typingOrigin && onlyCellsInPlace(c)) {
				if (!typed) afterPaint(applyTyped);
				typed = typed ? mergePlanChanges(typed, c) : c;
				return;
			}
			if (typed) c = mergePlanChanges(typed, c);
			typed = null;
			apply(c);
		});
	}

	get budgetOrdinance() {
		return this.#ordinance;
	}

	destroy() {
		this.#stopped = true;
		this.#stop();
		this.pd01.destroy();
		this.undo.destroy();
	}
}
