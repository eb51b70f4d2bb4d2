import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { importPlanJson } from '../plan/json';
import { getProject, listProjects } from '../plan/doc';
import { computePd01FromDoc } from '../plan/pd01';
import { loadSamplePlan } from '../plan/testSupport';
import { applyProposal, describeProposal, parseProposalChange, proposalEffect } from './proposal';
import { quorumOf } from './meeting';

function sampleDoc(): Y.Doc {
	const doc = new Y.Doc();
	importPlanJson(doc, loadSamplePlan());
	return doc;
}

describe('proposal effect on ผด.01', () => {
	it('a budget proposal moves the total, its strategy and the percentages, and leaves the plan itself unchanged', () => {
		const doc = sampleDoc();
		const before = computePd01FromDoc(doc);
		const project = getProject(doc, 'PJ-001')!;
		const effect = proposalEffect(doc, { kind: 'cell', projectId: 'PJ-001', field: 'budget', value: project.budget + 1_000_000_00 });
		expect(effect.applies).toBe(true);
		expect(effect.total.after.budget - effect.total.before.budget).toBe(1_000_000_00);
		const s1 = effect.strategies.find((s) => s.strategyId === project.strategyId)!;
		expect(s1.after.budget - s1.before.budget).toBe(1_000_000_00);
		expect(Number(s1.after.budgetPct)).toBeGreaterThan(Number(s1.before.budgetPct));
		// Other strategies' shares fall, so they are listed too; all shares still add to 100.
		expect(effect.strategies.length).toBeGreaterThan(1);
		expect(computePd01FromDoc(doc).grandTotal.budgetSatang).toBe(before.grandTotal.budgetSatang);
	});

	it('a removed row lowers the count; a proposal on a deleted row does not apply', () => {
		const doc = sampleDoc();
		const removal = proposalEffect(doc, { kind: 'removeRow', projectId: 'PJ-001' });
		expect(removal.total.after.count).toBe(removal.total.before.count - 1);
		expect(proposalEffect(doc, { kind: 'cell', projectId: 'PJ-gone', field: 'budget', value: 1 }).applies).toBe(false);
	});

	it('applies each kind to the document', () => {
		const doc = sampleDoc();
		const count = listProjects(doc).length;
		expect(applyProposal(doc, { kind: 'cell', projectId: 'PJ-001', field: 'name', value: 'ถนนสายใหม่' })).toBe(true);
		expect(getProject(doc, 'PJ-001')!.name).toBe('ถนนสายใหม่');
		expect(applyProposal(doc, { kind: 'cell', projectId: 'PJ-001', field: 'months', value: [10, 11] })).toBe(true);
		expect(getProject(doc, 'PJ-001')!.activeMonths).toEqual([10, 11]);
		const strategyId = getProject(doc, 'PJ-001')!.strategyId;
		expect(applyProposal(doc, { kind: 'addRow', strategyId, planCode: '00310', name: 'โครงการใหม่', budget: 5_000_00, responsibleUnit: 'กองช่าง' })).toBe(true);
		expect(listProjects(doc).length).toBe(count + 1);
		expect(applyProposal(doc, { kind: 'removeRow', projectId: 'PJ-001' })).toBe(true);
		expect(getProject(doc, 'PJ-001')).toBeNull();
	});

	it('describes a budget proposal in Thai with the project name and baht', () => {
		expect(describeProposal({ kind: 'cell', projectId: 'PJ-001', field: 'budget', value: 350_000_00 }, 'ถนน คสล.')).toBe('แก้ไขงบประมาณ โครงการ “ถนน คสล.” เป็น 350,000 บาท');
	});
});

describe('hostile proposals', () => {
	it.each([
		['not an object', 'x'],
		['an array', []],
		['unknown kind', { kind: 'dropTable' }],
		['negative budget', { kind: 'cell', projectId: 'PJ-001', field: 'budget', value: -1 }],
		['fractional satang', { kind: 'cell', projectId: 'PJ-001', field: 'budget', value: 1.5 }],
		['absurd budget', { kind: 'cell', projectId: 'PJ-001', field: 'budget', value: 1e16 }],
		['budget as text', { kind: 'cell', projectId: 'PJ-001', field: 'budget', value: '100' }],
		['a field that is not proposable', { kind: 'cell', projectId: 'PJ-001', field: 'placement', value: 'x' }],
		['a prototype key', { kind: 'cell', projectId: 'PJ-001', field: '__proto__', value: 'x' }],
		['a row id with a path', { kind: 'removeRow', projectId: '../../etc' }],
		['a month out of range', { kind: 'cell', projectId: 'PJ-001', field: 'months', value: [13] }],
		['a text too long', { kind: 'cell', projectId: 'PJ-001', field: 'name', value: 'ก'.repeat(2001) }],
		['a new row without a name', { kind: 'addRow', strategyId: 'S1', planCode: '00310', name: '  ', budget: 1, responsibleUnit: '' }]
	])('refuses %s', (_, raw) => {
		expect(parseProposalChange(raw)).toBeNull();
	});
});

describe('quorum', () => {
	it('defaults to more than half of the committee, or the configured number', () => {
		expect(quorumOf(5, 2, null)).toMatchObject({ needed: 3, met: false });
		expect(quorumOf(5, 3, null)).toMatchObject({ needed: 3, met: true });
		expect(quorumOf(4, 2, null)).toMatchObject({ needed: 3, met: false });
		expect(quorumOf(4, 2, 2)).toMatchObject({ needed: 2, met: true });
		expect(quorumOf(0, 0, null).met).toBe(false);
	});
});
