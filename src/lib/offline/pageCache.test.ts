import { describe, expect, it } from 'vitest';
import { isKeepPageMessage, isPlanPagePath, keptTitle, offlinePageHtml } from './pageCache';

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

describe('the offline page', () => {
	it('links the kept plans by the title their page shows, Thai first', () => {
		const html = offlinePageHtml([{ path: '/plans/p1', html: '<header><a>ร่วมแผน</a></header><div class="plan-head"><h1>แผนการดำเนินงาน ประจำปี 2569</h1></div>' }]);
		expect(html).toContain('<a href="/plans/p1" data-kept-plan>แผนการดำเนินงาน ประจำปี 2569</a>');
		expect(html.indexOf('ออฟไลน์')).toBeLessThan(html.indexOf('Offline:'));
		expect(offlinePageHtml([])).not.toContain('data-kept-plan>');
	});

	it('never lets a title or a path become markup', () => {
		// Svelte escapes the title in the page; decoded here, it is escaped again on the way out.
		const title = keptTitle('<h1>&lt;img src=x onerror=alert(1)&gt; &amp; &quot;x&quot;<!----></h1>');
		expect(title).toBe('<img src=x onerror=alert(1)> & "x"');
		const html = offlinePageHtml([
			{ path: '/plans/p1', html: '<h1>&lt;script&gt;alert(1)&lt;/script&gt;</h1>' },
			{ path: '/plans/"><script>', html: '<h1>x</h1>' }
		]);
		expect(html).not.toContain('<script>');
		expect(html).toContain('&#60;script&#62;alert(1)&#60;/script&#62;');
		expect(html.match(/data-kept-plan/g)).toHaveLength(1);
		expect(keptTitle('no heading')).toBe('');
		expect(keptTitle(`<h1>${'ก'.repeat(500)}</h1>`)).toHaveLength(200);
	});
});
