/**
 * The standard แผนงาน of the LAO budget classification (OPERATIONAL_PLAN.md §4.2), grouped
 * by ด้าน. Names are confirmed; the numeric codes are [U] in the spec, so they are data
 * in each plan's catalogue (editable there), and this list only seeds new plans.
 */
import type { PlanCatalogueEntry } from './types';

export const STANDARD_PLAN_CATALOGUE: readonly PlanCatalogueEntry[] = Object.freeze([
	{ code: '00110', name: 'แผนงานบริหารงานทั่วไป', sector: 'ด้านบริหารทั่วไป' },
	{ code: '00120', name: 'แผนงานการรักษาความสงบภายใน', sector: 'ด้านบริหารทั่วไป' },
	{ code: '00210', name: 'แผนงานการศึกษา', sector: 'ด้านบริการชุมชนและสังคม' },
	{ code: '00220', name: 'แผนงานสาธารณสุข', sector: 'ด้านบริการชุมชนและสังคม' },
	{ code: '00230', name: 'แผนงานสังคมสงเคราะห์', sector: 'ด้านบริการชุมชนและสังคม' },
	{ code: '00240', name: 'แผนงานเคหะและชุมชน', sector: 'ด้านบริการชุมชนและสังคม' },
	{ code: '00250', name: 'แผนงานสร้างความเข้มแข็งของชุมชน', sector: 'ด้านบริการชุมชนและสังคม' },
	{ code: '00260', name: 'แผนงานการศาสนาวัฒนธรรมและนันทนาการ', sector: 'ด้านบริการชุมชนและสังคม' },
	{ code: '00310', name: 'แผนงานอุตสาหกรรมและการโยธา', sector: 'ด้านการเศรษฐกิจ' },
	{ code: '00320', name: 'แผนงานการเกษตร', sector: 'ด้านการเศรษฐกิจ' },
	{ code: '00330', name: 'แผนงานการพาณิชย์', sector: 'ด้านการเศรษฐกิจ' },
	{ code: '00410', name: 'แผนงานงบกลาง', sector: 'ด้านการดำเนินงานอื่น' }
].map((e) => Object.freeze(e)));

