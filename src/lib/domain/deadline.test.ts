import { describe, expect, it } from 'vitest';
import { deadlineInfo, planClock } from './deadline';

describe('the 30-day clock (ข้อ ๒๗)', () => {
	it('counts 30 calendar days from the trigger', () => {
		// Budget ordinance announced 16 Sep 2025 → due 16 Oct 2025.
		expect(deadlineInfo('2025-09-16', null, '2025-10-01')).toEqual({ due: '2025-10-16', daysLeft: 15, status: 'ok', extended: false });
	});

	it('warns in the last week and after the deadline', () => {
		expect(deadlineInfo('2025-09-16', null, '2025-10-10')!.status).toBe('near');
		expect(deadlineInfo('2025-09-16', null, '2025-10-16')).toMatchObject({ daysLeft: 0, status: 'near' });
		expect(deadlineInfo('2025-09-16', null, '2025-10-20')).toMatchObject({ daysLeft: -4, status: 'past' });
	});

	it("follows the executive's extension, never an earlier date", () => {
		expect(deadlineInfo('2025-09-16', '2025-11-15', '2025-10-20')).toMatchObject({ due: '2025-11-15', status: 'ok', extended: true });
		expect(deadlineInfo('2025-09-16', '2025-10-01', '2025-10-01')).toMatchObject({ due: '2025-10-16', extended: false });
	});

	it('has no clock without a trigger date', () => {
		expect(deadlineInfo(null, null, '2025-10-01')).toBeNull();
		expect(deadlineInfo('not a date', null, '2025-10-01')).toBeNull();
	});
});

describe('one source for the clock (workflow page and editor)', () => {
	const ordinance = { name: 'ข้อบัญญัติงบประมาณรายจ่ายประจำปี 2569', announcedISO: '2025-09-22' };
	it("counts from the plan's ordinance date when no date was recorded", () => {
		expect(planClock({ triggerDate: null, extendedTo: null }, ordinance, '2025-10-01')).toEqual({
			triggerDate: '2025-09-22',
			fromOrdinance: ordinance.name,
			info: { due: '2025-10-22', daysLeft: 21, status: 'ok', extended: false }
		});
	});
	it('a recorded date wins over the ordinance date; neither gives no clock', () => {
		expect(planClock({ triggerDate: '2025-09-30', extendedTo: null }, ordinance, '2025-10-01')).toMatchObject({ triggerDate: '2025-09-30', fromOrdinance: null, info: { due: '2025-10-30' } });
		expect(planClock({ triggerDate: null, extendedTo: null }, { name: '', announcedISO: '' }, '2025-10-01')).toEqual({ triggerDate: null, fromOrdinance: null, info: null });
		// A date the plan states that is not a date is no trigger.
		expect(planClock({ triggerDate: null, extendedTo: null }, { name: 'x', announcedISO: '2568-13-40' }, '2025-10-01').info).toBeNull();
	});
});
