import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Document } from '@hocuspocus/server';
import * as Y from 'yjs';
import { exportPlanJson, importPlanJson } from '$lib/domain/plan/json';
import { loadSamplePlan } from '$lib/domain/plan/testSupport';
import { hibernateWhenIdle } from './hibernation';

/** The sample plan loaded into a Hocuspocus document, as the server holds an open plan. */
function openPlan() {
	const source = new Y.Doc();
	importPlanJson(source, loadSamplePlan());
	const document = new Document('plan.p1');
	Y.applyUpdate(document, Y.encodeStateAsUpdate(source));
	return { source, document };
}

describe('an open plan nobody touches', () => {
	beforeEach(() => vi.useFakeTimers());
	afterEach(() => vi.useRealTimers());

	it('packs its content after an untouched interval, and not while it is being read or written', () => {
		const { document } = openPlan();
		const sleeping = hibernateWhenIdle(document, 1000);
		for (let i = 0; i < 5; i++) {
			vi.advanceTimersByTime(1000);
			document.getMap('revisions').get('nothing'); // a read counts as a use
		}
		expect(sleeping.asleep).toBe(false);
		vi.advanceTimersByTime(2000);
		expect(sleeping.asleep).toBe(true);
		sleeping.stop();
	});

	it('serves the same plan, state vector and encoding after waking, without telling anyone it changed', () => {
		const { source, document } = openPlan();
		const vector = Y.encodeStateVector(document);
		const encoded = Y.encodeStateAsUpdate(document);
		const plan = exportPlanJson(source);
		const sleeping = hibernateWhenIdle(document, 1000);
		const updates: Uint8Array[] = [];
		document.on('update', (u: Uint8Array) => updates.push(u));
		expect(sleeping.sleep()).toBe(true);
		expect(Y.encodeStateVector(document)).toEqual(vector);
		expect(sleeping.asleep).toBe(false);
		expect(Y.encodeStateAsUpdate(document)).toEqual(encoded);
		sleeping.sleep();
		expect(exportPlanJson(document)).toEqual(plan);
		expect(updates).toEqual([]);
		sleeping.stop();
	});

	it('keeps taking edits from both sides across sleeps, as a peer sees them', () => {
		const { source, document } = openPlan();
		const sleeping = hibernateWhenIdle(document, 1000);
		const fromServer: Uint8Array[] = [];
		document.on('update', (u: Uint8Array, origin: unknown) => origin !== 'peer' && fromServer.push(u));
		source.on('update', (u: Uint8Array, origin: unknown) => origin !== 'server' && (sleeping.sleep(), Y.applyUpdate(document, u, 'peer')));
		source.getMap('revisions').set('x1', { text: 'แก้ไขขณะหลับ' });
		source.getText('t').insert(0, 'สวัสดี');
		sleeping.sleep();
		document.getMap('revisions').set('x2', { text: 'จากเซิร์ฟเวอร์' });
		document.getText('t').insert(6, 'ครับ');
		for (const u of fromServer) Y.applyUpdate(source, u, 'server');
		source.getText('t').delete(0, 2);
		sleeping.sleep();
		expect(exportPlanJson(document)).toEqual(exportPlanJson(source));
		expect(document.getText('t').toString()).toBe(source.getText('t').toString());
		expect(document.getMap('revisions').get('x1')).toEqual({ text: 'แก้ไขขณะหลับ' });
		expect(Y.encodeStateVector(document)).toEqual(Y.encodeStateVector(source));
		sleeping.stop();
	});

	it('tells its listeners about an update that arrives while it sleeps (Hocuspocus broadcasts it from there)', () => {
		const { source, document } = openPlan();
		const sleeping = hibernateWhenIdle(document, 1000);
		const heard: unknown[] = [];
		document.on('update', (_u: Uint8Array, origin: unknown) => heard.push(origin));
		const updates: Uint8Array[] = [];
		source.on('update', (u: Uint8Array) => updates.push(u));
		source.getMap('revisions').set('x1', { text: 'หนึ่ง' });
		source.getMap('revisions').set('x2', { text: 'สอง' });
		for (const [i, update] of updates.entries()) {
			sleeping.sleep();
			Y.applyUpdate(document, update, `peer ${i}`);
		}
		expect(heard).toEqual(['peer 0', 'peer 1']);
		sleeping.sleep();
		Y.transact(document, () => document.getMap('revisions').delete('x1'), 'server');
		expect(heard).toEqual(['peer 0', 'peer 1', 'server']);
		sleeping.stop();
	});

	it('stays awake while an update waits for parts it has not received', () => {
		const { source, document } = openPlan();
		const sleeping = hibernateWhenIdle(document, 1000);
		const updates: Uint8Array[] = [];
		source.on('update', (u: Uint8Array) => updates.push(u));
		source.getMap('revisions').set('x1', { text: 'หนึ่ง' });
		source.getMap('revisions').set('x2', { text: 'สอง' });
		Y.applyUpdate(document, updates[1]); // the second without the first: held as pending
		expect(sleeping.sleep()).toBe(false);
		Y.applyUpdate(document, updates[0]);
		expect(sleeping.sleep()).toBe(true);
		expect(document.getMap('revisions').get('x2')).toEqual({ text: 'สอง' });
		sleeping.stop();
	});

	it('stops with the document', () => {
		const { document } = openPlan();
		const sleeping = hibernateWhenIdle(document, 1000);
		document.destroy();
		vi.advanceTimersByTime(5000);
		expect(sleeping.asleep).toBe(false);
	});
});
