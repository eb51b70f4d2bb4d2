/**
 * The live ผด.01 summary (computePd01FromDoc) and the ผด.02/1 totals beside it. It is
 * recomputed shortly after a change that affects it (budgets, units, placement, outline),
 * never on plain typing, and at most once per `delay` — so a burst of edits costs one
 * computation, off the keystroke path.
 */
import type * as Y from 'yjs';
import { listEquipment, setPd01UnitsOverride, type PlanChanges } from '$lib/domain/plan/doc';
import { computePd01FromDoc, summarizeEquipment, type EquipmentSummary, type Pd01Scope, type Pd01Summary } from '$lib/domain/plan/pd01';

export class Pd01Panel {
	readonly #doc: Y.Doc;
	readonly #origin: unknown;
	readonly #delay: number;
	#scope = $state<Pd01Scope>('all');
	#summary = $state.raw<Pd01Summary | null>(null);
	#equipment = $state.raw<EquipmentSummary | null>(null);
	#timer: ReturnType<typeof setTimeout> | null = null;

	constructor(doc: Y.Doc, origin: unknown, delay = 200) {
		this.#doc = doc;
		this.#origin = origin;
		this.#delay = delay;
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
		if (!c.summary && !c.projectLayout && !c.equipmentLayout && c.equipmentCells.size === 0) return;
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
		this.#summary = computePd01FromDoc(this.#doc, { scope: this.#scope });
		this.#equipment = summarizeEquipment(listEquipment(this.#doc));
	}

	destroy() {
		if (this.#timer) clearTimeout(this.#timer);
	}
}
