/**
 * The plan's outline: ยุทธศาสตร์ with their แนวทางการพัฒนา, the แผนงาน groups under each,
 * and the แผนงาน catalogue (standard + custom). Edits go through domain/plan/doc with my origin.
 */
/* eslint-disable svelte/prefer-svelte-reactivity -- the Maps and Sets here are private indexes rebuilt whole on each read; the UI reads the $state.raw values they produce, never the collections. */
import type * as Y from 'yjs';
import {
	addGuideline,
	addPlanGroup,
	addStrategy,
	deleteGuideline,
	deletePlanGroup,
	deleteStrategy,
	listGroupedProjects,
	listPlanCatalogue,
	listStrategies,
	movePlanGroup,
	moveStrategy,
	putPlanCatalogueEntry,
	renameGuideline,
	renameStrategy,
	type PlanChanges
} from '$lib/domain/plan/doc';
import type { PlanCatalogueEntry, PlanGroup, Strategy } from '$lib/domain/plan/types';

/** Where the outline gets its groups and their sizes from (the project table, kept current). */
export interface GroupSource {
	readonly groups: readonly Pick<PlanGroup, 'id' | 'strategyId' | 'planCode'>[];
	groupSize(groupId: string): number;
}

export interface OutlineGroup {
	id: string;
	planCode: string;
	planName: string;
	projectCount: number;
}

export interface OutlineStrategy extends Strategy {
	groups: OutlineGroup[];
}

export class PlanOutline {
	readonly #doc: Y.Doc;
	readonly #origin: unknown;
	#strategies = $state.raw<OutlineStrategy[]>([]);
	#catalogue = $state.raw<PlanCatalogueEntry[]>([]);

	readonly #source: GroupSource | null;

	/** `source`: groups and sizes from a live project table; without it they are read from the doc. */
	constructor(doc: Y.Doc, origin: unknown, source: GroupSource | null = null) {
		this.#doc = doc;
		this.#origin = origin;
		this.#source = source;
		this.#read();
	}

	get strategies() {
		return this.#strategies;
	}
	get catalogue() {
		return this.#catalogue;
	}

	applyChanges(c: PlanChanges) {
		if (c.outline || c.projectLayout) this.#read();
	}

	#read() {
		const catalogue = listPlanCatalogue(this.#doc);
		const names = new Map(catalogue.map((c) => [c.code, c.name]));
		const grouped = this.#source
			? this.#source.groups.map((g) => ({ group: g, size: this.#source!.groupSize(g.id) }))
			: listGroupedProjects(this.#doc).map((g) => ({ group: g.group, size: g.projects.length }));
		this.#catalogue = catalogue;
		this.#strategies = listStrategies(this.#doc).map((s) => ({
			...s,
			groups: grouped
				.filter((g) => g.group.strategyId === s.id)
				.map((g) => ({ id: g.group.id, planCode: g.group.planCode, planName: names.get(g.group.planCode) ?? g.group.planCode, projectCount: g.size }))
		}));
	}

	#tx<T>(fn: () => T): T {
		let out!: T;
		this.#doc.transact(() => (out = fn()), this.#origin);
		return out;
	}

	addStrategy(name: string) {
		return this.#tx(() => addStrategy(this.#doc, { name }));
	}
	renameStrategy(id: string, name: string) {
		return this.#tx(() => renameStrategy(this.#doc, id, name));
	}
	moveStrategy(id: string, delta: -1 | 1) {
		const i = this.#strategies.findIndex((s) => s.id === id);
		const to = i + delta;
		if (i < 0 || to < 0 || to >= this.#strategies.length) return false;
		return this.#tx(() => moveStrategy(this.#doc, id, to));
	}
	/** False while projects still belong to the strategy. */
	deleteStrategy(id: string) {
		return this.#tx(() => deleteStrategy(this.#doc, id));
	}
	addGuideline(strategyId: string, name: string) {
		return this.#tx(() => addGuideline(this.#doc, strategyId, { name }));
	}
	renameGuideline(strategyId: string, id: string, name: string) {
		return this.#tx(() => renameGuideline(this.#doc, strategyId, id, name));
	}
	deleteGuideline(strategyId: string, id: string) {
		return this.#tx(() => deleteGuideline(this.#doc, strategyId, id));
	}
	addGroup(strategyId: string, planCode: string) {
		return this.#tx(() => addPlanGroup(this.#doc, strategyId, planCode));
	}
	moveGroup(strategyId: string, groupId: string, delta: -1 | 1) {
		const groups = this.#strategies.find((s) => s.id === strategyId)?.groups ?? [];
		const i = groups.findIndex((g) => g.id === groupId);
		const to = i + delta;
		if (i < 0 || to < 0 || to >= groups.length) return false;
		return this.#tx(() => movePlanGroup(this.#doc, groupId, to));
	}
	/** False while projects are in the group. */
	deleteGroup(groupId: string) {
		return this.#tx(() => deletePlanGroup(this.#doc, groupId));
	}
	/** Adds a custom แผนงาน; its code must not be taken. */
	addCatalogueEntry(entry: PlanCatalogueEntry): boolean {
		if (!entry.code.trim() || !entry.name.trim() || this.#catalogue.some((c) => c.code === entry.code.trim())) return false;
		this.#tx(() => putPlanCatalogueEntry(this.#doc, { code: entry.code.trim(), name: entry.name.trim(), sector: entry.sector.trim() }));
		return true;
	}
}
