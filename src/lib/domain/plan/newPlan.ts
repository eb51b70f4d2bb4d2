/**
 * The content of a brand-new plan edition: its meta and the four standard sub-sections of
 * ส่วนที่ ๑ บทนำ (OPERATIONAL_PLAN.md §2.1), empty, ready for the committee to write.
 */
import type * as Y from 'yjs';
import { addSection, setMeta } from './doc';
import { migrateDoc } from './migrations';
import type { Organization } from './types';

export const STANDARD_SECTIONS = [
	'บทนำ',
	'วัตถุประสงค์ของแผนการดำเนินงาน',
	'ขั้นตอนการจัดทำแผนการดำเนินงาน',
	'ประโยชน์ของแผนการดำเนินงาน'
] as const;

export interface NewPlanProps {
	title: string;
	/** Buddhist era. */
	fiscalYear: number;
	organization: Partial<Organization>;
}

/** Fills an empty document; the caller stores the resulting update. */
export function initNewPlan(doc: Y.Doc, props: NewPlanProps): void {
	doc.transact(() => {
		migrateDoc(doc, 'new-plan');
		setMeta(doc, { title: props.title, fiscalYear: props.fiscalYear, organization: props.organization });
		for (const title of STANDARD_SECTIONS) addSection(doc, { title });
	}, 'new-plan');
}
