import { describe, expect, it } from 'vitest';
import { buildPrintModel, monthGrid, parsePrintSettings, printSettingsQuery, DEFAULT_PRINT_SETTINGS, fundingRemark } from './model';
import { planFromJson } from '$lib/domain/plan/json';
import type { PlanJson } from '$lib/domain/plan/types';
import sample from '$lib/server/demo/sample-plan.json';

const plan = planFromJson(sample as unknown as PlanJson);

describe('monthGrid', () => {
	it('finds maximal runs in fiscal order (Oct … Sep)', () => {
		expect(monthGrid([11, 12, 1]).runs).toEqual([{ start: 1, end: 3 }]);
		expect(monthGrid([2, 5]).runs).toEqual([
			{ start: 4, end: 4 },
			{ start: 7, end: 7 }
		]);
		expect(monthGrid([2, 5]).label).toBe('ก.พ., พ.ค.');
		expect(monthGrid([10, 11, 12, 1, 2, 3, 4, 5, 6, 7, 8, 9]).runs).toEqual([{ start: 0, end: 11 }]);
		expect(monthGrid([]).runs).toEqual([]);
	});
});

describe('settings', () => {
	it('defaults to Thai digits in prose and Arabic in tables; per-part overrides win', () => {
		const s = parsePrintSettings(new URLSearchParams('tableDigits=thai&digits.pd01=arabic&monthMark=check&bogus=1&percent=nope'));
		expect(s.digits.intro).toBe('thai');
		expect(s.digits.pd02).toBe('thai');
		expect(s.digits.pd01).toBe('arabic');
		expect(s.monthMark).toBe('check');
		expect(parsePrintSettings(new URLSearchParams(printSettingsQuery(s)))).toEqual(s);
		expect(printSettingsQuery(DEFAULT_PRINT_SETTINGS)).toBe('');
	});
});

describe('buildPrintModel', () => {
	const model = buildPrintModel(plan);
	it('formats digits per part and Buddhist-era headers', () => {
		expect(model.yearHeaders).toEqual(['พ.ศ. ๒๕๖๘', 'พ.ศ. ๒๕๖๙']);
		expect(model.intro.blocks[0].heading).toBe('๑.๑ บทนำ');
		expect(model.pd02.strategies[0].heading).toMatch(/^๑\. ยุทธศาสตร์/);
		expect(model.pd02.strategies[0].groups[0].heading).toMatch(/^๑\.๑ แผนงานอุตสาหกรรมและการโยธา$/);
		const row = model.pd02.strategies[0].groups[0].rows[0];
		expect(row.seq).toBe('1');
		expect(row.budget).toBe('486,000');
		expect(model.pd01.lines.at(-1)!.budget).toBe('23,570,990');
	});
	it('numbers rows per group by default, or continuously', () => {
		const seqs = model.pd02.strategies[0].groups.map((g) => g.rows[0].seq);
		expect(seqs).toEqual(['1', '1']);
		const cont = buildPrintModel(plan, { settings: { ...DEFAULT_PRINT_SETTINGS, numbering: 'continuous' } });
		expect(cont.pd02.strategies[0].groups[1].rows[0].seq).toBe('11');
	});
	it('prints the ประกาศ only when given one', () => {
		expect(model.announcement).toBeNull();
	});
	it('notes the funding source as a remark, except for the ordinary budget', () => {
		const base = { responsibleUnit: 'กองช่าง' };
		expect(fundingRemark({ ...base, fundingSource: { type: 'own', category: 'เทศบัญญัติงบประมาณรายจ่ายประจำปี', detail: '', agency: null } })).toBe('');
		expect(fundingRemark({ ...base, fundingSource: { type: 'own', category: 'เงินอุดหนุนเฉพาะกิจ', detail: '', agency: null } })).toBe('(เงินอุดหนุนเฉพาะกิจ)');
		expect(fundingRemark({ ...base, fundingSource: { type: 'otherAgency', category: '', detail: '', agency: 'อบจ.' } })).toBe('(ดำเนินการโดย อบจ.)');
	});
});
