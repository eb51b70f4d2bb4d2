/**
 * The live ผด.01 summary and the ผด.02/1 totals beside it, from a Pd01Tally: each change
 * adjusts per-group counters from the rows it touched (never a whole-plan read), and the
 * summary is rebuilt from those counters shortly after a change that affects it (budgets,
 * units, placement, outline), never on plain typing, at most once per `delay`.
 */
import type * as Y from 'yjs';
import { setPd01UnitsOverride, type PlanChanges } from '$lib/domain/plan/doc';
import type { EquipmentSummary, Pd01Scope, Pd01Summary } from '$lib/domain/plan/pd01';
import { Pd01Tally } from '$lib/domain/plan/pd01Tally';

export class Pd01Panel {
	readonly #doc: Y.Doc;
	readonly #origin: unknown;
	readonly #delay: number;
	/** Built when the panel is first shown (`start`): not in the task that shows the plan. */
	#tally: Pd01Tally | null = null;
	#scope = $state<Pd01Scope>('all');
	#summary = $state.raw<Pd01Summary | null>(null);
	#equipment = $state.raw<EquipmentSummary | null>(null);
	#timer: ReturnType<typeof setTimeout> | null = null;

	constructor(doc: Y.Doc, origin: unknown, delay = 200) {
		this.#doc = doc;
		this.#origin = origin;
		this.#delay = delay;
	}

	/** Tallies the plan as it is now; from then on, changes update the tally. */
	start() {
		if (this.#tally) return;
		this.#tally = new Pd01Tally(this.#doc);
		this.#compute();
	}

	get summary() {
		return this.#summary;
	}
	get equipment() {
		return this.#equipment;
	}
	/** 'all' (own and other agencies, the default) or 'ownOnly'. */
	get scope() {
		return this.#scope;
	}
	set scope(scope: Pd01Scope) {
		this.#scope = scope;
		this.#compute();
	}

	applyChanges(c: PlanChanges) {
		if (!this.#tally) return; // `start` reads everything as it then is
		if (c.outline || c.meta) this.#tally.refreshOutline();
		if (c.projectRows.size) this.#tally.updateProjects(c.projectRows);
		if (c.equipmentRows.size) this.#tally.updateEquipment(c.equipmentRows);
		if (!c.summary && !c.outline && !c.projectLayout && !c.equipmentLayout && c.equipmentCells.size === 0) return;
		if (this.#timer) return;
		this.#timer = setTimeout(() => {
			this.#timer = null;
			this.#compute();
		}, this.#delay);
	}

	/** Sets or clears (empty text) the one manual ผด.01 value: หน่วยดำเนินการ of a group. */
	setUnitsOverride(groupId: string, text: string) {
		this.#doc.transact(() => setPd01UnitsOverride(this.#doc, groupId, text.trim() || null), this.#origin);
	}

	#compute() {
		if (!this.#tally) return;
		this.#summary = this.#tally.summary(this.#scope);
		this.#equipment = this.#tally.equipmentSummary();
	}

	destroy() {
		if (this.#timer) clearTimeout(this.#timer);
	}
}
