/**
 * Deletes that must look across entities: a strategy or group goes only when no project
 * still sits in it, and removing a guideline clears it from the projects that served it.
 */
import type * as Y from 'yjs';
import { ROOT, root } from './keys';
import { listPlanGroups, planGroupId } from './groups';
import { guidelineMap } from './outline';
import { listProjects } from './projects';
import { rowsOf, transact } from './rows';

/** Deletes a ยุทธศาสตร์ with no projects (its empty plan groups go with it). */
export function deleteStrategy(doc: Y.Doc, id: string): boolean {
	if (listProjects(doc).some((p) => p.strategyId === id)) return false;
	const strategies = root(doc, ROOT.strategies);
	if (!strategies.has(id)) return false;
	transact(doc, () => {
		strategies.delete(id);
		for (const g of listPlanGroups(doc)) if (g.strategyId === id) root(doc, ROOT.groups).delete(g.id);
	});
	return true;
}

/** Deletes a guideline and clears it from the projects that served it. */
export function deleteGuideline(doc: Y.Doc, strategyId: string, id: string): boolean {
	const map = guidelineMap(doc, strategyId);
	if (!map?.has(id)) return false;
	transact(doc, () => {
		map.delete(id);
		for (const [, row] of rowsOf(root(doc, ROOT.projects))) {
			if (row.get('guidelineId') === id) row.set('guidelineId', null);
		}
	});
	return true;
}

/** Deletes an empty group; false while projects are in it. */
export function deletePlanGroup(doc: Y.Doc, id: string): boolean {
	if (listProjects(doc).some((p) => planGroupId(p.strategyId, p.planCode) === id)) return false;
	if (!root(doc, ROOT.groups).has(id)) return false;
	root(doc, ROOT.groups).delete(id);
	return true;
}
