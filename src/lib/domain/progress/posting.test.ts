import { describe, expect, it } from 'vitest';
import { postingStatus } from './posting';

describe('the posting rule of monitoring results', () => {
	it('is met when posted within 15 days of the council meeting, and counts 30 days of posting', () => {
		expect(postingStatus('2026-04-20', '2026-05-05', '2026-05-06')).toEqual({
			presentedOn: '2026-04-20',
			postBy: '2026-05-05',
			postedOn: '2026-05-05',
			postedOnTime: true,
			keepUntil: '2026-06-04',
			daysToKeep: 29
		});
	});

	it('flags a late posting and ends the count after 30 days', () => {
		const late = postingStatus('2026-04-20', '2026-05-06', '2026-07-01');
		expect(late.postedOnTime).toBe(false);
		expect(late.daysToKeep).toBe(0);
	});
});
