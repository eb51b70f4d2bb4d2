import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { exportPlanJson, importPlanJson } from '$lib/domain/plan/json';
import { loadSamplePlan } from '$lib/domain/plan/testSupport';
import { trimLoadedContent } from './trimLoaded';

/** The sample plan as the server loads it: decoded from its stored update. */
function loadedSample() {
	const original = new Y.Doc();
	importPlanJson(original, loadSamplePlan());
	const doc = new Y.Doc();
	Y.applyUpdate(doc, Y.encodeStateAsUpdate(original));
	return { original, doc };
}

describe('trimming a loaded plan document', () => {
	it('keeps the plan and its encoding exactly as loaded', () => {
		const { original, doc } = loadedSample();
		const before = Y.encodeStateAsUpdate(doc);
		trimLoadedContent(doc);
		expect(exportPlanJson(doc)).toEqual(exportPlanJson(original));
		expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
	});

	it('keeps the document editable from both sides afterwards', () => {
		const { original, doc } = loadedSample();
		trimLoadedContent(doc);
		original.on('update', (u: Uint8Array) => Y.applyUpdate(doc, u, 'peer'));
		doc.on('update', (u: Uint8Array, origin: unknown) => origin !== 'peer' && Y.applyUpdate(original, u));
		const revisions = () => doc.getMap('revisions');
		original.getMap('revisions').set('x1', { text: 'แก้ไขจากผู้ใช้' });
		revisions().set('x2', { text: 'จากเซิร์ฟเวอร์' });
		revisions().delete('x1');
		expect(original.getMap('revisions').has('x1')).toBe(false);
		expect(original.getMap('revisions').get('x2')).toEqual({ text: 'จากเซิร์ฟเวอร์' });
		expect(exportPlanJson(doc)).toEqual(exportPlanJson(original));
	});
});
