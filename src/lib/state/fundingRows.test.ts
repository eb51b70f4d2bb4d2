import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { importPlanJson } from '$lib/domain/plan/json';
import { getProject } from '$lib/domain/plan/doc';
import { loadSmallPlan } from '$lib/domain/plan/testSupport';
import { FundingRows } from './fundingRows';

describe('own/other per row', () => {
	it('shows each row as own or other and changes it as one undoable edit', () => {
		const doc = new Y.Doc();
		importPlanJson(doc, loadSmallPlan([], 20));
		const origin = Symbol('me');
		const undo = new Y.UndoManager([...doc.share.values()] as Y.AbstractType<unknown>[], { trackedOrigins: new Set([origin]) });
		const funding = new FundingRows(doc, origin);
		expect(funding.rows).toEqual([]); // nothing is read while the panel is closed
		funding.follow(true);
		const own = funding.rows.find((r) => r.own)!;
		const other = funding.rows.find((r) => !r.own)!;
		expect(other).toBeDefined();

		funding.setOwn(own.id, false);
		expect(getProject(doc, own.id)!.fundingSource).toEqual({ type: 'otherAgency', category: 'งบประมาณของหน่วยงานอื่นที่ดำเนินการในพื้นที่', detail: '', agency: own.unit });
		expect(funding.rows.find((r) => r.id === own.id)!.own).toBe(false);

		undo.undo();
		expect(getProject(doc, own.id)!.fundingSource.type).toBe('own');
		expect(funding.rows.find((r) => r.id === own.id)!.own).toBe(true);

		funding.setOwn(other.id, true);
		expect(getProject(doc, other.id)!.fundingSource).toEqual({ type: 'own', category: '', detail: '', agency: null });
		funding.destroy();
		undo.destroy();
	});
});
