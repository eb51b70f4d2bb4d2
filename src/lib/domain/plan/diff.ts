/**
 * What changed between two versions of a plan, as a reviewer reads it: projects added,
 * removed and changed field by field (budget deltas in satang), ผด.01 deltas per strategy and
 * in total, and the narrative sections whose text changed.
 */
import type { Plan, Project, Section } from './types';
import { computePd01 } from './pd01';

export type ProjectField = 'name' | 'activityDetail' | 'location' | 'budget' | 'responsibleUnit' | 'months' | 'group' | 'funding';

export interface FieldChange {
	field: ProjectField;
	before: string;
	after: string;
	/** For the budget: after − before, in satang. */
	deltaSatang?: number;
}

export interface PlanDiff {
	added: Project[];
	removed: Project[];
	changed: { before: Project; after: Project; changes: FieldChange[] }[];
	pd01: { strategyId: string; name: string; countDelta: number; budgetDeltaSatang: number }[];
	total: { countDelta: number; budgetDeltaSatang: number };
	sections: { id: string; title: string; kind: 'added' | 'removed' | 'changed'; before: string; after: string }[];
}

const text = (p: Project, field: ProjectField): string => {
	switch (field) {
		case 'budget':
			return String(p.budget);
		case 'months':
			return p.activeMonths.join(',');
		case 'group':
			return `${p.strategyId}/${p.planCode}`;
		case 'funding':
			return `${p.fundingSource.type}:${p.fundingSource.category}:${p.fundingSource.detail}:${p.fundingSource.agency ?? ''}`;
		default:
			return p[field];
	}
};

const FIELDS: ProjectField[] = ['name', 'activityDetail', 'location', 'budget', 'responsibleUnit', 'months', 'group', 'funding'];

/** Plain text of a narrative section, for comparing. */
export function sectionText(section: Section): string {
	const c = section.content;
	return [
		...(c.paragraphs ?? []),
		...(c.items ?? []),
		// A step reads as the regulation prints it, so key order in storage never looks like a change.
		...(c.steps ?? []).map((s) => `${s.no}. ${s.actor}: ${s.text}`),
		c.closing ?? ''
	]
		.filter(Boolean)
		.join('\n');
}

export function diffPlans(before: Plan, after: Plan): PlanDiff {
	const old = new Map(before.projects.map((p) => [p.id, p]));
	const now = new Map(after.projects.map((p) => [p.id, p]));
	const changed: PlanDiff['changed'] = [];
	for (const p of after.projects) {
		const b = old.get(p.id);
		if (!b) continue;
		const changes = FIELDS.filter((f) => text(b, f) !== text(p, f)).map((field) => ({
			field,
			before: text(b, field),
			after: text(p, field),
			...(field === 'budget' ? { deltaSatang: p.budget - b.budget } : {})
		}));
		if (changes.length) changed.push({ before: b, after: p, changes });
	}

	const pdBefore = computePd01(before);
	const pdAfter = computePd01(after);
	const strategyIds = [...new Set([...pdBefore.strategies, ...pdAfter.strategies].map((s) => s.strategyId))];
	const pd01 = strategyIds.flatMap((id) => {
		const b = pdBefore.strategies.find((s) => s.strategyId === id);
		const a = pdAfter.strategies.find((s) => s.strategyId === id);
		const countDelta = (a?.projectCount ?? 0) - (b?.projectCount ?? 0);
		const budgetDeltaSatang = (a?.budgetSatang ?? 0) - (b?.budgetSatang ?? 0);
		return countDelta || budgetDeltaSatang ? [{ strategyId: id, name: a?.name ?? b?.name ?? '', countDelta, budgetDeltaSatang }] : [];
	});

	const oldSections = new Map(before.sections.map((s) => [s.id, s]));
	const newSections = new Map(after.sections.map((s) => [s.id, s]));
	const sections: PlanDiff['sections'] = [];
	for (const s of after.sections) {
		const b = oldSections.get(s.id);
		if (!b) sections.push({ id: s.id, title: s.title, kind: 'added', before: '', after: sectionText(s) });
		else if (sectionText(b) !== sectionText(s) || b.title !== s.title) sections.push({ id: s.id, title: s.title, kind: 'changed', before: sectionText(b), after: sectionText(s) });
	}
	for (const s of before.sections) if (!newSections.has(s.id)) sections.push({ id: s.id, title: s.title, kind: 'removed', before: sectionText(s), after: '' });

	return {
		added: after.projects.filter((p) => !old.has(p.id)),
		removed: before.projects.filter((p) => !now.has(p.id)),
		changed,
		pd01,
		total: {
			countDelta: pdAfter.grandTotal.projectCount - pdBefore.grandTotal.projectCount,
			budgetDeltaSatang: pdAfter.grandTotal.budgetSatang - pdBefore.grandTotal.budgetSatang
		},
		sections
	};
}
