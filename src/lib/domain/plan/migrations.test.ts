import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { getSchemaVersion, listPlanCatalogue, putPlanCatalogueEntry, setSchemaVersion } from './doc';
import { STANDARD_PLAN_CATALOGUE } from './catalogue';
import { importPlanJson } from './json';
import { MIGRATIONS, NewerSchemaError, SCHEMA_VERSION, migrateDoc } from './migrations';
import { loadSamplePlan } from './testSupport';

describe('migrations', () => {
	it('are numbered 1…n with unique descriptive names', () => {
		expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
		expect(new Set(MIGRATIONS.map((m) => m.name)).size).toBe(MIGRATIONS.length);
		for (const m of MIGRATIONS) expect(m.name).toMatch(/^[A-Z][A-Za-z]+$/);
	});

	it('all run on a new document, in one transaction, ending at the latest version', () => {
		const doc = new Y.Doc();
		let transactions = 0;
		doc.on('afterTransaction', () => transactions++);
		const result = migrateDoc(doc);
		expect(result).toEqual({ from: 0, to: SCHEMA_VERSION, applied: MIGRATIONS.map((m) => m.name) });
		expect(getSchemaVersion(doc)).toBe(SCHEMA_VERSION);
		expect(transactions).toBe(1);
		expect(migrateDoc(doc).applied).toEqual([]);
	});

	it('InitialLayout stamps version 1', () => {
		const doc = new Y.Doc();
		MIGRATIONS[0].up(doc);
		setSchemaVersion(doc, 1);
		expect(getSchemaVersion(doc)).toBe(1);
	});

	it('SeedStandardPlanCatalogue adds only the missing standard แผนงาน', () => {
		const doc = new Y.Doc();
		setSchemaVersion(doc, 1);
		putPlanCatalogueEntry(doc, { code: '00110', name: 'แผนงานบริหารงานทั่วไป (แก้ไข)', sector: 'ด้านบริหารทั่วไป' });
		expect(migrateDoc(doc).applied).toEqual(['SeedStandardPlanCatalogue']);
		const cat = listPlanCatalogue(doc);
		expect(cat).toHaveLength(STANDARD_PLAN_CATALOGUE.length);
		expect(cat[0].name).toBe('แผนงานบริหารงานทั่วไป (แก้ไข)');
	});

	it('leaves an imported (current) document alone', () => {
		const doc = new Y.Doc();
		importPlanJson(doc, loadSamplePlan());
		expect(migrateDoc(doc).applied).toEqual([]);
	});

	it('refuses a document from a newer build', () => {
		const doc = new Y.Doc();
		setSchemaVersion(doc, SCHEMA_VERSION + 1);
		expect(() => migrateDoc(doc)).toThrow(NewerSchemaError);
	});

	it('converges when two replicas migrate the same document concurrently', () => {
		const a = new Y.Doc();
		const b = new Y.Doc();
		migrateDoc(a);
		migrateDoc(b);
		Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
		Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
		expect(listPlanCatalogue(a)).toEqual(listPlanCatalogue(b));
		expect(listPlanCatalogue(a)).toHaveLength(STANDARD_PLAN_CATALOGUE.length);
	});
});
