import { Hocuspocus } from '@hocuspocus/server';
import { describe, expect, it } from 'vitest';
import { warmUp } from './warmUp';

/** A Hocuspocus without storage that counts document loads and unloads. */
function server() {
	const counts = { loads: 0, unloads: 0 };
	const hocuspocus = new Hocuspocus({
		quiet: true,
		debounce: 0,
		extensions: [
			{
				async onLoadDocument() {
					counts.loads++;
				},
				async afterUnloadDocument() {
					counts.unloads++;
				}
			}
		]
	});
	return { hocuspocus, counts };
}

const until = async (check: () => boolean, ms = 2000) => {
	const start = Date.now();
	while (!check()) {
		if (Date.now() - start > ms) throw new Error('timed out');
		await new Promise((r) => setTimeout(r, 10));
	}
};

describe('warmUp: the plan is loaded when its editor page is served', () => {
	it('loads the document once, and a second page view of a loaded plan loads nothing', async () => {
		const { hocuspocus, counts } = server();
		await warmUp(hocuspocus, 'plan.a', 5_000);
		expect(hocuspocus.documents.has('plan.a')).toBe(true);
		await warmUp(hocuspocus, 'plan.a', 5_000);
		expect(counts.loads).toBe(1);
	});

	it('keeps a loaded document whose last editor just left (a reload) instead of unloading and loading it again', async () => {
		const { hocuspocus, counts } = server();
		const editor = await hocuspocus.openDirectConnection('plan.d', {});
		await warmUp(hocuspocus, 'plan.d', 400);
		await editor.disconnect();
		await new Promise((r) => setTimeout(r, 100));
		expect(hocuspocus.documents.has('plan.d')).toBe(true);
		expect(counts).toEqual({ loads: 1, unloads: 0 });
		await until(() => !hocuspocus.documents.has('plan.d'));
	});

	it('lets the document go when no editor connects within the hold', async () => {
		const { hocuspocus, counts } = server();
		await warmUp(hocuspocus, 'plan.b', 300);
		expect(hocuspocus.documents.has('plan.b')).toBe(true);
		await until(() => !hocuspocus.documents.has('plan.b'));
		expect(counts.unloads).toBe(1);
	});

	it('does not unload a document someone else still holds when the hold ends', async () => {
		const { hocuspocus } = server();
		await warmUp(hocuspocus, 'plan.c', 300);
		const other = await hocuspocus.openDirectConnection('plan.c', {});
		await new Promise((r) => setTimeout(r, 700));
		expect(hocuspocus.documents.has('plan.c')).toBe(true);
		await other.disconnect();
		await until(() => !hocuspocus.documents.has('plan.c'));
	});
});
