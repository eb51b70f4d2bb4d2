import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { initNewPlan, STANDARD_SECTIONS } from './newPlan';
import { getMeta, listSections, listProjects } from './doc';
import { getSchemaVersion } from './doc';
import { SCHEMA_VERSION } from './migrations';

describe('initNewPlan', () => {
	it('gives a new edition its title, year, organization and the four standard sections', () => {
		const doc = new Y.Doc();
		initNewPlan(doc, { title: 'แผนการดำเนินงาน ประจำปีงบประมาณ พ.ศ. 2570', fiscalYear: 2570, organization: { name: 'อบต.ทดสอบ' } });
		const meta = getMeta(doc);
		expect(meta.title).toBe('แผนการดำเนินงาน ประจำปีงบประมาณ พ.ศ. 2570');
		expect(meta.fiscalYear).toBe(2570);
		expect(meta.organization.name).toBe('อบต.ทดสอบ');
		expect(listSections(doc).map((s) => s.title)).toEqual([...STANDARD_SECTIONS]);
		expect(listProjects(doc)).toEqual([]);
		expect(getSchemaVersion(doc)).toBe(SCHEMA_VERSION);
	});
});
