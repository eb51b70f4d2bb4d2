import { describe, expect, it } from 'vitest';
import { isKeepPageMessage, isPlanPagePath } from './pageCache';

describe('which pages the service worker keeps for offline use', () => {
	it('keeps the plan editor page only', () => {
		expect(isPlanPagePath('/plans/abc123')).toBe(true);
		expect(isPlanPagePath('/plans/abc_-9/')).toBe(true);
		for (const path of ['/plans/abc/workflow', '/plans/abc/__data.json', '/api/plans/abc', '/plans/', '/', '/dashboard', '/p/org/2569/0']) {
			expect(isPlanPagePath(path), path).toBe(false);
		}
	});

	it('refuses hostile paths and messages', () => {
		for (const path of ['/plans/../api/x', '/plans/a/../../logout', '/plans/%2e%2e', '//evil.example/plans/a', '/plans/a?x=1', '/plans/a b', `/plans/${'a'.repeat(65)}`, '/plans/<script>']) {
			expect(isPlanPagePath(path), path).toBe(false);
		}
		expect(isKeepPageMessage({ type: 'ruamphaen:keep-page', path: '/plans/a' })).toBe(true);
		for (const data of [null, 'ruamphaen:keep-page', { type: 'ruamphaen:keep-page' }, { type: 'ruamphaen:keep-page', path: 7 }, { type: 'other', path: '/plans/a' }]) {
			expect(isKeepPageMessage(data)).toBe(false);
		}
	});
});
