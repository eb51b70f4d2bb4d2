import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
	addProject,
	deleteProject,
	listPlanGroups,
	listProjects,
	moveProject,
	observePlanChanges,
	setPd01UnitsOverride,
	updateProjectField,
	addEquipment,
	deleteEquipment,
	listEquipment,
	updateEquipmentField,
	getProjectTallyFacts
} from './doc';
import { importPlanJson } from './json';
import { computePd01FromDoc, summarizeEquipment } from './pd01';
import { Pd01Tally } from './pd01Tally';
import { loadSamplePlan, prng } from './testSupport';

/** A live tally fed the way the editor feeds it: the rows each transaction reports. */
function liveTally(doc: Y.Doc) {
	const tally = new Pd01Tally(doc);
	let reads = 0;
	observePlanChanges(doc, (c) => {
		if (c.outline || c.meta) tally.refreshOutline();
		reads += c.projectRows.size;
		tally.updateProjects(c.projectRows);
		tally.updateEquipment(c.equipmentRows);
	});
	return { tally, reads: () => reads };
}

function samplePlanDoc() {
	const doc = new Y.Doc();
	importPlanJson(doc, loadSamplePlan());
	return doc;
}

describe('ผด.01 tally kept from the changed rows', () => {
	it('starts equal to ผด.01 computed from the whole plan, for both scopes', () => {
		const doc = samplePlanDoc();
		const { tally } = liveTally(doc);
		for (const scope of ['all', 'ownOnly'] as const) expect(tally.summary(scope)).toEqual(computePd01FromDoc(doc, { scope }));
		expect(tally.equipmentSummary()).toEqual(summarizeEquipment(listEquipment(doc)));
	});

	it('stays equal through 300 random edits, adds, deletes, moves, funding and unit changes', () => {
		const doc = samplePlanDoc();
		const { tally } = liveTally(doc);
		const random = prng(15);
		const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)];
		const groups = listPlanGroups(doc);
		const units = ['กองช่าง', 'สำนักปลัด', 'กองคลัง', ' ', 'กองการศึกษา'];
		for (let step = 0; step < 300; step++) {
			const projects = listProjects(doc);
			const p = pick(projects);
			const action = Math.floor(random() * 8);
			if (action === 0) updateProjectField(doc, p.id, 'budget', Math.floor(random() * 5_000_000) * 100 + Math.floor(random() * 100));
			else if (action === 1) {
				const g = pick(groups);
				addProject(doc, { strategyId: g.strategyId, planCode: g.planCode, budget: Math.floor(random() * 1e6) * 100, responsibleUnit: pick(units) }, Math.floor(random() * 5));
			} else if (action === 2 && projects.length > 5) deleteProject(doc, p.id);
			else if (action === 3) {
				const g = pick(groups);
				moveProject(doc, p.id, { strategyId: g.strategyId, planCode: g.planCode, index: Math.floor(random() * 3) });
			} else if (action === 4) moveProject(doc, p.id, { index: Math.floor(random() * 4) });
			else if (action === 5) updateProjectField(doc, p.id, 'responsibleUnit', pick(units));
			else if (action === 6)
				updateProjectField(doc, p.id, 'fundingSource', { ...p.fundingSource, type: p.fundingSource.type === 'own' ? 'otherAgency' : 'own', agency: 'กรมทางหลวงชนบท' });
			else setPd01UnitsOverride(doc, pick(groups).id, random() < 0.5 ? null : 'กองช่าง (ตามคำสั่ง)');
			if (step % 10 === 0 || step === 299) {
				for (const scope of ['all', 'ownOnly'] as const) expect(tally.summary(scope)).toEqual(computePd01FromDoc(doc, { scope }));
			}
		}
	});

	it('re-reads only the edited row for a budget commit, and follows equipment rows', () => {
		const doc = samplePlanDoc();
		const { tally, reads } = liveTally(doc);
		const [p] = listProjects(doc);
		updateProjectField(doc, p.id, 'budget', 123_456_00);
		expect(reads()).toBe(1);
		expect(getProjectTallyFacts(doc, p.id)?.budget).toBe(123_456_00);
		expect(tally.summary('all')).toEqual(computePd01FromDoc(doc));

		const id = addEquipment(doc, { planCode: listEquipment(doc)[0]?.planCode ?? '00111', item: 'เครื่องพิมพ์', budget: 9_900_00 });
		expect(tally.equipmentSummary()).toEqual(summarizeEquipment(listEquipment(doc)));
		updateEquipmentField(doc, id, 'budget', 10_000_00);
		expect(tally.equipmentSummary().budgetSatang).toBe(summarizeEquipment(listEquipment(doc)).budgetSatang);
		deleteEquipment(doc, id);
		expect(tally.equipmentSummary()).toEqual(summarizeEquipment(listEquipment(doc)));
	});

	it('applies a remote replica update the same way as a local edit', () => {
		const doc = samplePlanDoc();
		const remote = new Y.Doc();
		Y.applyUpdate(remote, Y.encodeStateAsUpdate(doc));
		const { tally } = liveTally(doc);
		const victim = listProjects(remote)[3];
		remote.on('update', (u: Uint8Array) => Y.applyUpdate(doc, u, 'remote'));
		updateProjectField(remote, victim.id, 'budget', 77_000_00);
		deleteProject(remote, listProjects(remote)[7].id);
		for (const scope of ['all', 'ownOnly'] as const) expect(tally.summary(scope)).toEqual(computePd01FromDoc(doc, { scope }));
	});
});
