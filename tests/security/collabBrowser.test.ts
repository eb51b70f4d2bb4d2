/**
 * The victim is a browser: a planning officer has the plan open in chromium while a viewer,
 * with a raw socket, broadcasts a forged "announced, read-only" message and announces itself
 * in presence as someone else with a CSS-injecting colour. The officer's editor stays a
 * writable draft and shows the viewer as the server knows it, with a palette colour.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import { launchBrowser } from '../helpers/browser';
import { startServer, tempDir, type RunningServer } from '../helpers/server';
import { demoPlan, signIn } from '../helpers/http';
import { RawClient } from '../helpers/rawClient';
import { openDataDb } from '../helpers/dataDir';
import { openPlanAs } from '../browser/plan-support';
import { waitFor } from '../helpers/collabClient';

let server: RunningServer;
let browser: Browser;
let dataDir: string;

beforeAll(async () => {
	dataDir = tempDir();
	[server, browser] = await Promise.all([startServer({ dataDir }), launchBrowser()]);
});
afterAll(async () => {
	await browser?.close();
	await server?.kill();
});

function frame(docName: string, type: number, write: (e: encoding.Encoder) => void): Uint8Array {
	const e = encoding.createEncoder();
	encoding.writeVarString(e, docName);
	encoding.writeVarUint(e, type);
	write(e);
	return encoding.toUint8Array(e);
}

async function viewerSocket(docName: string, cookie: string): Promise<RawClient> {
	const viewer = new RawClient(server.wsUrl, docName, cookie);
	await viewer.opened;
	viewer.auth();
	await viewer.waitFor('authenticated');
	return viewer;
}

it("a viewer's forged access message and presence do not fool the officer's editor", async () => {
	const { page } = await openPlanAs(browser, server, 'officer');
	const { docName } = await demoPlan(server, await signIn(server, 'officer'));
	const viewerCookie = await signIn(server, 'viewer');

	const forger = await viewerSocket(docName, viewerCookie);
	forger.send(frame(docName, 6, (e) => encoding.writeVarString(e, JSON.stringify({ type: 'access', readOnly: true, state: 'announced' }))));
	await waitFor(() => forger.events.some((e) => e.kind === 'closed'), 'the server closes the forger', 5000);

	const impostor = await viewerSocket(docName, viewerCookie);
	const awareness = new Awareness(new Y.Doc());
	awareness.setLocalState({ user: { name: 'ปลอมเป็นนายก', color: 'red;background:url(https://evil.example/x)', role: 'executive' }, role: 'executive' });
	const update = encodeAwarenessUpdate(awareness, [awareness.clientID]);
	impostor.send(frame(docName, 1, (e) => encoding.writeVarUint8Array(e, update)));

	// The viewer appears (after the forgery was handled), as the server knows them.
	const db = openDataDb(dataDir);
	const { displayName } = db.prepare("select display_name as displayName from users where username = 'viewer'").get() as { displayName: string };
	db.close();
	const people = page.locator('[data-testid="presence-person"]');
	await expect.poll(() => people.count()).toBe(2);
	const presence = await page.locator('[data-testid="presence"]').innerText();
	expect(presence).toContain(displayName);
	expect(presence).not.toContain('ปลอมเป็นนายก');
	const colours = await people.evaluateAll((els) => els.map((el) => getComputedStyle(el).getPropertyValue('--c').trim()));
	for (const colour of colours) expect(colour).toMatch(/^#[0-9a-f]{6}$/i);

	// Still a writable draft.
	expect(await page.getAttribute('[data-testid="workflow-bar"]', 'data-state')).toBe('draft');
	expect(await page.locator('[data-testid="read-only"]').count()).toBe(0);
	impostor.close();
});
