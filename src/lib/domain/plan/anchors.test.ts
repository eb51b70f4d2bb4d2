/**
 * Anchors survive edits: a text anchor still covers the same words after concurrent inserts
 * before and inside it; a row anchor follows its row after a move; deletion is detected.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { anchorExists, textAnchorRange } from './anchors';
import { addPlanGroup, addProject, addStrategy, deleteProject, moveProject, addSection, getSectionFragment } from './doc';
import type { CommentAnchor } from '../comments';

function sync(a: Y.Doc, b: Y.Doc) {
	Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
	Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

describe('text anchors', () => {
	it('keep covering the same words after concurrent inserts before and inside them', () => {
		const a = new Y.Doc();
		const sectionId = addSection(a, { title: 'บทนำ' });
		const text = new Y.XmlText();
		getSectionFragment(a, sectionId)!.insert(0, [text]);
		text.insert(0, 'แผนการดำเนินงานประจำปี');
		const b = new Y.Doc();
		sync(a, b);
		// Anchor on "ดำเนินงาน" (UTF-16 index 6..15), made on replica A.
		const anchor: CommentAnchor = {
			kind: 'text',
			sectionId,
			start: Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(text, 6)),
			end: Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(text, 15, -1))
		};
		// B inserts before it; A inserts inside it; both at once.
		const bText = getSectionFragment(b, sectionId)!.get(0) as Y.XmlText;
		bText.insert(0, 'ร่าง ');
		text.insert(10, 'การ');
		sync(a, b);
		for (const doc of [a, b]) {
			const t = getSectionFragment(doc, sectionId)!.get(0) as Y.XmlText;
			const range = textAnchorRange(doc, anchor as Extract<CommentAnchor, { kind: 'text' }>)!;
			expect(t.toString().slice(range.start, range.end)).toBe('ดำเนการินงาน');
			expect(anchorExists(doc, anchor)).toBe(true);
		}
		// Deleting the anchored words marks the anchor deleted.
		bText.delete(11, 12);
		sync(a, b);
		expect(anchorExists(a, anchor)).toBe(false);
	});
});

describe('row and cell anchors', () => {
	it('follow the row through a move to another group, and notice deletion', () => {
		const doc = new Y.Doc();
		const s1 = addStrategy(doc, { name: 'ยุทธศาสตร์ที่ 1' });
		const s2 = addStrategy(doc, { name: 'ยุทธศาสตร์ที่ 2' });
		addPlanGroup(doc, s1, '00310');
		addPlanGroup(doc, s2, '00240');
		const id = addProject(doc, { strategyId: s1, planCode: '00310', name: 'ถนน' });
		const cell: CommentAnchor = { kind: 'cell', table: 'projects', rowId: id, field: 'budget' };
		moveProject(doc, id, { strategyId: s2, planCode: '00240', index: 0 });
		expect(anchorExists(doc, cell)).toBe(true);
		deleteProject(doc, id);
		expect(anchorExists(doc, cell)).toBe(false);
		expect(anchorExists(doc, { kind: 'row', table: 'equipment', rowId: 'nope' })).toBe(false);
		expect(anchorExists(doc, { kind: 'plan' })).toBe(true);
	});
});
