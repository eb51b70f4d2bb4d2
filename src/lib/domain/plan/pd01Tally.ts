/**
 * ผด.01 kept current from the rows that change, for a live editor: per-group counters
 * (project count and budget, for both scopes) are adjusted from the changed projects a
 * transaction reports (PlanChanges.projectRows), so a budget commit in a 1,000-project plan
 * re-reads one row and re-sums nothing. The summary itself is built by the same buildPd01 as
 * computePd01, so it is exactly what the printed form shows.
 *
 * Units (หน่วยดำเนินการ) are "distinct, in order of first appearance", which depends on row
 * order: they are re-derived only for a group whose membership, order, units or funding
 * changed, from that group's rows alone.
 */
import type * as Y from 'yjs';
import {
	getPd01UnitOverrides,
	getProjectTallyFacts,
	listEquipment,
	getEquipment,
	listPlanCatalogue,
	listPlanGroups,
	listProjectTallyFacts,
	listStrategies,
	type ProjectTallyFacts
} from './doc';
import { compareOrdered } from './order';
import { buildPd01, distinctUnits, satang, summarizeEquipment, type EquipmentSummary, type Pd01Scope, type Pd01Summary } from './pd01';
import type { PlanCatalogueEntry, PlanGroup, Strategy } from './types';

interface Sums {
	count: bigint;
	budget: bigint;
}

interface GroupCounter {
	all: Sums;
	own: Sums;
	members: Set<string>;
	/** Units per scope; null when they must be re-derived from the members. */
	units: { all: string[]; own: string[] } | null;
}

const groupKey = (strategyId: string, planCode: string) => `${strategyId}\u0000${planCode}`;

export class Pd01Tally {
	readonly #doc: Y.Doc;
	readonly #rows: Map<string, ProjectTallyFacts>;
	readonly #groups = new Map<string, GroupCounter>();
	#outline!: { strategies: Pick<Strategy, 'id' | 'name'>[]; declared: PlanGroup[]; catalogue: PlanCatalogueEntry[]; overrides: Record<string, string> };
	readonly #equipment: Map<string, { budget: number; planCode: string }>;

	constructor(doc: Y.Doc) {
		this.#doc = doc;
		this.#rows = listProjectTallyFacts(doc);
		for (const [id, facts] of this.#rows) this.#add(id, facts);
		this.#equipment = new Map(listEquipment(doc).map((e) => [e.id, { budget: e.budget, planCode: e.planCode }]));
		this.refreshOutline();
	}

	/** Re-reads the outline, the catalogue and the unit overrides (small; on outline changes). */
	refreshOutline() {
		this.#outline = {
			strategies: listStrategies(this.#doc).map((s) => ({ id: s.id, name: s.name })),
			declared: listPlanGroups(this.#doc, []),
			catalogue: listPlanCatalogue(this.#doc),
			overrides: getPd01UnitOverrides(this.#doc)
		};
	}

	/** Re-reads the given projects (changed, added, moved or deleted) and adjusts the counters. */
	updateProjects(ids: Iterable<string>) {
		for (const id of ids) {
			const before = this.#rows.get(id);
			const after = getProjectTallyFacts(this.#doc, id);
			// A budget edit leaves the group's units as they are.
			const kept = before && after && sameUnits(before, after) ? this.#counter(before).units : null;
			if (before) this.#remove(id, before);
			if (after) {
				this.#rows.set(id, after);
				this.#add(id, after);
				if (kept) this.#counter(after).units = kept;
			} else this.#rows.delete(id);
		}
	}

	/** Re-reads the given equipment rows. */
	updateEquipment(ids: Iterable<string>) {
		for (const id of ids) {
			const e = getEquipment(this.#doc, id);
			if (e) this.#equipment.set(id, { budget: e.budget, planCode: e.planCode });
			else this.#equipment.delete(id);
		}
	}

	summary(scope: Pd01Scope): Pd01Summary {
		// Groups nobody declared but a project points at (a move racing a group delete) are
		// listed as listPlanGroups lists them; they come only from the counters here.
		const declared = new Set(this.#outline.declared.map((g) => groupKey(g.strategyId, g.planCode)));
		const implied = [...this.#groups.entries()]
			.filter(([k, g]) => !declared.has(k) && g.members.size > 0)
			.map(([k]) => {
				const [strategyId, planCode] = k.split('\u0000');
				return { strategyId, planCode };
			});
		const groups = implied.length ? listPlanGroups(this.#doc, implied) : this.#outline.declared;
		return buildPd01({
			scope,
			strategies: this.#outline.strategies,
			groups,
			catalogue: this.#outline.catalogue,
			unitOverrides: this.#outline.overrides,
			totals: (g) => {
				const c = this.#groups.get(groupKey(g.strategyId, g.planCode));
				if (!c) return { count: 0n, budget: 0n, units: [] };
				const sums = scope === 'all' ? c.all : c.own;
				return { count: sums.count, budget: sums.budget, units: this.#units(c)[scope === 'all' ? 'all' : 'own'] };
			}
		});
	}

	/** ผด.02/1 totals, shown beside ผด.01. */
	equipmentSummary(): EquipmentSummary {
		return summarizeEquipment([...this.#equipment.values()]);
	}

	#counter(facts: ProjectTallyFacts): GroupCounter {
		const k = groupKey(facts.strategyId, facts.planCode);
		let c = this.#groups.get(k);
		if (!c) {
			c = { all: { count: 0n, budget: 0n }, own: { count: 0n, budget: 0n }, members: new Set(), units: null };
			this.#groups.set(k, c);
		}
		return c;
	}

	#add(id: string, facts: ProjectTallyFacts) {
		this.#shift(this.#counter(facts), facts, 1n);
		this.#counter(facts).members.add(id);
	}

	#remove(id: string, facts: ProjectTallyFacts) {
		const c = this.#counter(facts);
		this.#shift(c, facts, -1n);
		c.members.delete(id);
	}

	#shift(c: GroupCounter, facts: ProjectTallyFacts, sign: 1n | -1n) {
		const budget = satang(facts.budget) * sign;
		c.all.count += sign;
		c.all.budget += budget;
		if (facts.own) {
			c.own.count += sign;
			c.own.budget += budget;
		}
		c.units = null;
	}

	#units(c: GroupCounter): { all: string[]; own: string[] } {
		if (c.units) return c.units;
		const rows = [...c.members]
			.map((id) => ({ id, facts: this.#rows.get(id)! }))
			.sort((a, b) => compareOrdered({ id: a.id, order: a.facts.order }, { id: b.id, order: b.facts.order }));
		c.units = {
			all: distinctUnits(rows.map((r) => r.facts.responsibleUnit)),
			own: distinctUnits(rows.filter((r) => r.facts.own).map((r) => r.facts.responsibleUnit))
		};
		return c.units;
	}
}

/** Same group, position, unit and funding type: the group's units cannot have changed. */
function sameUnits(a: ProjectTallyFacts, b: ProjectTallyFacts): boolean {
	return a.strategyId === b.strategyId && a.planCode === b.planCode && a.order === b.order && a.responsibleUnit === b.responsibleUnit && a.own === b.own;
}
