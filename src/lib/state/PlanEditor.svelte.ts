/**
 * Everything one person edits in one plan, over a PlanConnection: the tables, the outline,
 * the narrative sections, the ผด.01 panel and my undo history. It owns the local origin
 * every edit of mine carries, and one change subscription that tells each part what a
 * transaction touched (observePlanChanges).
 */
import { getFrontMatter, observePlanChanges } from '$lib/domain/plan/doc';
import type { Locale } from '$lib/i18n';
import type { PlanConnection } from './PlanConnection.svelte';
import { EquipmentTable } from './EquipmentTable.svelte';
import { NarrativeSections } from './NarrativeSections.svelte';
import { Pd01Panel } from './Pd01Summary.svelte';
import { PlanOutline } from './PlanOutline.svelte';
import { PlanUndo } from './PlanUndo.svelte';
import { ProjectTable } from './ProjectTable.svelte';

export class PlanEditor {
	/** Origin of my edits: the undo manager tracks exactly this. */
	readonly origin = Symbol('ruamphaen.local');
	readonly undo: PlanUndo;
	readonly projects: ProjectTable;
	readonly equipment: EquipmentTable;
	readonly outline: PlanOutline;
	readonly sections: NarrativeSections;
	readonly pd01: Pd01Panel;
	readonly #stop: () => void;
	/** The budget ordinance the plan states (its front matter): the deadline clock counts from its date. */
	#ordinance = $state.raw<{ name: string; announcedISO: string }>({ name: '', announcedISO: '' });

	constructor(connection: PlanConnection, options: { locale: Locale; fiscalYear: number }) {
		const doc = connection.doc;
		this.undo = new PlanUndo(doc, this.origin);
		this.projects = new ProjectTable(doc, this.origin, options);
		this.equipment = new EquipmentTable(doc, this.origin, options);
		this.outline = new PlanOutline(doc, this.origin, this.projects);
		this.sections = new NarrativeSections(doc, this.origin);
		this.pd01 = new Pd01Panel(doc, this.origin);
		this.#ordinance = getFrontMatter(doc).workflow.budgetOrdinance;
		this.#stop = observePlanChanges(doc, (c) => {
			this.projects.applyChanges(c);
			this.equipment.applyChanges(c);
			this.outline.applyChanges(c);
			this.sections.applyChanges(c);
			this.pd01.applyChanges(c);
			if (c.meta) this.#ordinance = getFrontMatter(doc).workflow.budgetOrdinance;
		});
	}

	get budgetOrdinance() {
		return this.#ordinance;
	}

	destroy() {
		this.#stop();
		this.pd01.destroy();
		this.undo.destroy();
	}
}
