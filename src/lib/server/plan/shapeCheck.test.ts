/** The plan shape check, on real plan documents and on hand-made hostile updates. */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { PLAN_DOC_SHAPE, addProject, addSection, getProjectText, getSectionFragment, listStrategies, setMeta, setMonth, updateProjectField, deleteProject, moveProject } from '$lib/domain/plan/doc';
import { importPlanJson } from '$lib/domain/plan/json';
import { initNewPlan } from '$lib/domain/plan/newPlan';
import type { PlanJson } from '$lib/domain/plan/types';
import sample from '../demo/sample-plan.json';
import { checkUpdateShape } from './shapeCheck';
import { LiveShapeIndex } from './liveShapeIndex';
import { PlanWriteRefused } from './writeRefusal';

/** A server copy and an editor copy of one plan; `edit` returns the update the editor made. */
function pair() {
	const server = new Y.Doc();
	importPlanJson(server, sample as unknown as PlanJson);
	const editor = new Y.Doc();
	Y.applyUpdate(editor, Y.encodeStateAsUpdate(server));
	const index = new LiveShapeIndex(server, PLAN_DOC_SHAPE);
	const edit = (fn: (doc: Y.Doc) => void): Uint8Array => {
		const made: Uint8Array[] = [];
		const on = (u: Uint8Array) => void made.push(u);
		editor.on('update', on);
		fn(editor);
		editor.off('update', on);
		return Y.mergeUpdates(made);
	};
	const check = (update: Uint8Array) => checkUpdateShape(update, PLAN_DOC_SHAPE, index);
	const accept = (update: Uint8Array) => {
		check(update);
		Y.applyUpdate(server, update);
	};
	return { server, editor, index, edit, check, accept };
}

/** The check's verdict on one edit made by an editor in step with the server. */
const verdict = (fn: (doc: Y.Doc, firstProject: string) => void) => {
	const { edit, check, server } = pair();
	const first = [...server.getMap('projects').keys()][0];
	return refusal(() => check(edit((d) => fn(d, first))));
};

const refusal = (fn: () => unknown) => {
	try {
		fn();
	} catch (e) {
		if (e instanceof PlanWriteRefused) return e.reason;
		throw e;
	}
	return 'accepted';
};

describe('the plan shape check', () => {
	it('accepts whole plans as the app writes them', () => {
		for (const fill of [(d: Y.Doc) => importPlanJson(d, sample as unknown as PlanJson), (d: Y.Doc) => initNewPlan(d, { title: 'แผน', fiscalYear: 2569, organization: { name: 'ทต.ทดสอบ' } })]) {
			const doc = new Y.Doc();
			fill(doc);
			expect(() => checkUpdateShape(Y.encodeStateAsUpdate(doc), PLAN_DOC_SHAPE, new LiveShapeIndex(doc, PLAN_DOC_SHAPE))).not.toThrow();
		}
	});

	it('accepts an editing session: rows, cells, typing, months, sections, moves and deletes', () => {
		const { edit, accept, editor } = pair();
		const strategyId = listStrategies(editor)[0].id;
		let id = '';
		accept(edit((d) => (id = addProject(d, { strategyId, planCode: '00110', name: 'ถนน', budget: 100_000_00 }))));
		for (const ch of 'คอนกรีต') accept(edit((d) => getProjectText(d, id, 'name')!.insert(getProjectText(d, id, 'name')!.length, ch)));
		accept(edit((d) => updateProjectField(d, id, 'budget', 250_000_00)));
		accept(edit((d) => updateProjectField(d, id, 'fundingSource', { type: 'otherAgency', category: 'อุดหนุน', detail: 'x', agency: 'กรม' })));
		accept(edit((d) => setMonth(d, id, 3, true)));
		accept(edit((d) => setMeta(d, { title: 'แผนใหม่', organization: { province: 'ลำปาง' } })));
		let sectionId = '';
		accept(edit((d) => (sectionId = addSection(d, { title: 'บทนำ' }))));
		accept(
			edit((d) => {
				const p = new Y.XmlElement('paragraph');
				p.insert(0, [new Y.XmlText('ย่อหน้า')]);
				getSectionFragment(d, sectionId)!.insert(0, [p]);
			})
		);
		accept(edit((d) => getSectionFragment(d, sectionId)!.insert(1, [new Y.XmlElement('bulletList')])));
		accept(edit((d) => moveProject(d, id, { strategyId, planCode: '00110', index: 0 })));
		accept(edit((d) => deleteProject(d, id)));
	});

	it('refuses a root the plan does not have', () => {
		const { edit, check } = pair();
		expect(refusal(() => check(edit((d) => d.getText('hostile').insert(0, 'x'))))).toBe('shape');
		expect(refusal(() => check(edit((d) => d.getMap('comments').set('forged', { author: 'mayor' }))))).toBe('shape');
		expect(refusal(() => check(edit((d) => d.getArray('a0').push([1]))))).toBe('shape');
	});

	it('refuses keys the model does not have, at every level it fixes', () => {
		const { edit, check, editor, server } = pair();
		const projectId = [...server.getMap('projects').keys()][0];
		expect(refusal(() => check(edit((d) => d.getMap('meta').set('org.name2', 'x'))))).toBe('shape');
		expect(refusal(() => check(edit((d) => d.getMap('front').set('script', '<img>'))))).toBe('shape');
		expect(refusal(() => check(edit((d) => (d.getMap('projects').get(projectId) as Y.Map<unknown>).set('payload', 'x'))))).toBe('shape');
		expect(refusal(() => check(edit((d) => ((d.getMap('projects').get(projectId) as Y.Map<unknown>).get('months') as Y.Map<unknown>).set('13', true))))).toBe('shape');
		// A new row carrying a foreign key in the same update.
		expect(
			refusal(() =>
				check(
					edit((d) => {
						const row = new Y.Map<unknown>();
						d.getMap('projects').set('PJ-hostile', row);
						row.set('budget', 1);
						row.set('evil', 'x');
					})
				)
			)
		).toBe('shape');
		expect(editor).toBeTruthy();
	});

	it('refuses values of the wrong kind (nested structures under a plain value, embeds in a text cell)', () => {
		const row = (d: Y.Doc, id: string) => d.getMap('projects').get(id) as Y.Map<unknown>;
		expect(verdict((d) => d.getMap('meta').set('title', new Y.Map()))).toBe('shape');
		expect(verdict((d, id) => row(d, id).set('name', 'plain string instead of a text'))).toBe('shape');
		expect(verdict((d, id) => (row(d, id).get('name') as Y.Text).insertEmbed(0, { x: 1 }))).toBe('shape');
		expect(verdict((d) => d.getMap('catalogue').set('99999', new Y.Array()))).toBe('shape');
		// Overwriting a row with a map holding an unknown key: the new row takes the old one's place.
		expect(
			verdict((d, id) => {
				const m = new Y.Map<unknown>();
				d.getMap('projects').set(id, m);
				m.set('evil', 1);
			})
		).toBe('shape');
		// Characters typed after existing ones inherit the cell: fine; a map typed there is not.
		expect(verdict((d, id) => (row(d, id).get('name') as Y.Text).insert(1, 'ก'))).toBe('accepted');
	});

	it('judges a message built on one still being stored by what it registered', () => {
		const { edit, check, index, server } = pair();
		const projectId = [...server.getMap('projects').keys()][0];
		const first = edit((d) => (d.getMap('projects').get(projectId) as Y.Map<unknown>).set('months', new Y.Map()));
		const second = edit((d) => ((d.getMap('projects').get(projectId) as Y.Map<unknown>).get('months') as Y.Map<unknown>).set('4', true));
		const release = index.register(check(first));
		expect(refusal(() => check(second))).toBe('accepted');
		release();
		expect(refusal(() => check(second))).toBe('unknownParent');
	});
});
