/**
 * A hostile drafter: invited with a display name full of markup, made a member of the support
 * committee, writes markup into every plan field the outputs show — straight into the Yjs
 * document over a raw WebSocket (no editor, no client-side checks) — and comments with it.
 * Then real browsers (the officer, the admin, a citizen) open every page that shows those
 * texts, and the exports are unpacked: nothing runs, no element is made of the text, the page
 * breaks no CSP rule, and each text is shown literally (escaped correctly in the files).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startServer, tempDir, type RunningServer } from '../helpers/server';
import { demoPlan, postAction, sessionCookieFrom, signIn } from '../helpers/http';
import { api } from '../helpers/api';
import { announce } from '../helpers/workflow';
import { RawClient } from '../helpers/rawClient';
import { openDataDb } from '../helpers/dataDir';
import { launchBrowser } from '../helpers/browser';
import {
	getSectionFragment,
	listEquipment,
	listPlanGroups,
	listProjects,
	listSections,
	listStrategies,
	putPlanCatalogueEntry,
	renameGuideline,
	renameSection,
	renameStrategy,
	setFrontMatter,
	setMeta,
	setPd01UnitsOverride,
	updateEquipmentField,
	updateProjectField
} from '../../src/lib/domain/plan/doc';
import { writeSectionContent } from '../../src/lib/domain/plan/sectionContent';

/**
 * One payload per field, named by a tag so each can be found again. No digits (the print
 * turns them into Thai digits) and no leading/trailing space (forms trim). Every way out of
 * a context is tried: of a <style> element, of an attribute, of a CSS string or comment, a
 * script, event handlers, a javascript: URL. Elements it would make carry data-pwned.
 */
const payload = (tag: string) =>
	`${tag}</style><img src=x data-pwned onerror=alert(document.domain)><script>alert(document.domain)</script>` +
	`"><svg data-pwned onload=alert(document.domain)>}</style>*/ '"; javascript:alert(document.domain) <a data-pwned href=javascript:alert(document.domain)>link</a>`;

const squash = (s: string) => s.replace(/\s+/g, '');

let server: RunningServer;
let dataDir: string;
let browser: Browser;
let planId: string;
let cookies: Record<'officer' | 'admin' | 'hostile' | 'support' | 'committee' | 'mayor', string>;

/** Sends one update as a raw client and waits for the server to say it is stored. */
async function writeAsRawDrafter(cookie: string, docName: string, mutate: (doc: Y.Doc) => void): Promise<void> {
	const raw = new RawClient(server.wsUrl, docName, cookie);
	await raw.opened;
	raw.auth();
	raw.syncStep1();
	expect((await raw.waitFor('authenticated')).scope).toBe('read-write');
	const doc = new Y.Doc();
	Y.applyUpdate(doc, (await raw.waitFor('sync-step2')).payload!);
	const before = Y.encodeStateVector(doc);
	mutate(doc);
	// Hocuspocus answers an applied update with a sync-status message (type 8): 1 = saved.
	const saved = new Promise<boolean>((resolve) =>
		raw.socket.on('message', (data: Buffer) => {
			const d = decoding.createDecoder(new Uint8Array(data));
			decoding.readVarString(d);
			if (decoding.readVarUint(d) === 8) resolve(decoding.readVarUint(d) === 1);
		})
	);
	raw.update(Y.encodeStateAsUpdate(doc, before));
	expect(await saved).toBe(true);
	raw.close();
}

/** What the drafter writes, field by field (the tag names the field). */
function plantPayloads(doc: Y.Doc): void {
	setMeta(doc, {
		title: payload('METATITLE'),
		localDevelopmentPlan: payload('LOCALDEVPLAN'),
		regulationBasis: payload('REGULATIONBASIS'),
		preparedBy: payload('PREPAREDBY'),
		organization: {
			name: payload('ORGNAME'),
			shortName: payload('ORGSHORTNAME'),
			district: payload('DISTRICT'),
			province: payload('PROVINCE'),
			executiveTitle: payload('EXECUTIVETITLE'),
			councilName: payload('COUNCILNAME'),
			supportCommitteeName: payload('SUPPORTCOMMITTEE'),
			developmentCommitteeName: payload('DEVCOMMITTEE')
		}
	});
	setFrontMatter(doc, 'cover', { lines: [payload('COVERLINE')], footerLines: [payload('COVERFOOTER')], emblem: '' });
	setFrontMatter(doc, 'preface', { heading: payload('PREFACEHEAD'), paragraphs: [payload('PREFACEPARA')], signature: payload('PREFACESIGN') });
	setFrontMatter(doc, 'introductionTitle', payload('INTROTITLE'));

	const strategy = listStrategies(doc)[0];
	renameStrategy(doc, strategy.id, payload('STRATEGY'));
	if (strategy.guidelines[0]) renameGuideline(doc, strategy.id, strategy.guidelines[0].id, payload('GUIDELINE'));
	const group = listPlanGroups(doc).find((g) => g.strategyId === strategy.id)!;
	putPlanCatalogueEntry(doc, { code: group.planCode, name: payload('PLANNAME'), sector: payload('SECTOR') });
	setPd01UnitsOverride(doc, group.id, payload('PDUNITS'));

	const project = listProjects(doc).find((p) => p.strategyId === strategy.id && p.planCode === group.planCode)!;
	updateProjectField(doc, project.id, 'name', payload('PROJECTNAME'));
	updateProjectField(doc, project.id, 'activityDetail', payload('PROJECTDETAIL'));
	updateProjectField(doc, project.id, 'location', payload('PROJECTLOCATION'));
	updateProjectField(doc, project.id, 'responsibleUnit', payload('PROJECTUNIT'));
	updateProjectField(doc, project.id, 'remark', payload('PROJECTREMARK'));

	const equipment = listEquipment(doc)[0];
	for (const [field, tag] of [
		['category', 'EQUIPCATEGORY'],
		['type', 'EQUIPTYPE'],
		['item', 'EQUIPITEM'],
		['detail', 'EQUIPDETAIL'],
		['location', 'EQUIPLOCATION'],
		['unit', 'EQUIPUNITNAME'],
		['responsibleUnit', 'EQUIPRESPONSIBLE']
	] as const) {
		updateEquipmentField(doc, equipment.id, field, payload(tag));
	}

	const section = listSections(doc)[0];
	renameSection(doc, section.id, payload('SECTIONTITLE'));
	const body = getSectionFragment(doc, section.id)!;
	writeSectionContent(body, { paragraphs: [payload('SECTIONBODY')], items: [payload('SECTIONITEM')] });
	// Elements no editor would write: a script, an image with a handler, a link to javascript:.
	const script = new Y.XmlElement('script');
	script.insert(0, [new Y.XmlText('alert(document.domain)')]);
	const img = new Y.XmlElement('img');
	img.setAttribute('src', 'x');
	img.setAttribute('onerror', 'alert(document.domain)');
	const para = new Y.XmlElement('paragraph');
	const linked = new Y.XmlText();
	para.insert(0, [linked]);
	body.push([script, img, para]);
	linked.insert(0, 'SECTIONLINK', { link: { href: 'javascript:alert(document.domain)' } });
}

const PLAN_TAGS = {
	print: [
		'ORGNAME',
		'DISTRICT',
		'PROVINCE',
		'COVERLINE',
		'COVERFOOTER',
		'PREFACEHEAD',
		'PREFACEPARA',
		'PREFACESIGN',
		'INTROTITLE',
		'STRATEGY',
		'PLANNAME',
		'PDUNITS',
		'PROJECTNAME',
		'PROJECTDETAIL',
		'PROJECTLOCATION',
		'PROJECTUNIT',
		'PROJECTREMARK',
		'EQUIPCATEGORY',
		'EQUIPTYPE',
		'EQUIPITEM',
		'EQUIPDETAIL',
		'EQUIPLOCATION',
		'EQUIPUNITNAME',
		'EQUIPRESPONSIBLE',
		'SECTIONTITLE',
		'SECTIONBODY',
		'SECTIONITEM'
	],
	editor: ['STRATEGY', 'PLANNAME', 'PROJECTNAME', 'PROJECTDETAIL', 'PROJECTLOCATION', 'EQUIPITEM', 'EQUIPDETAIL', 'SECTIONTITLE', 'SECTIONBODY', 'SECTIONITEM']
};

/** Fields printed in ผด. table cells: a row of payloads is taller than a page. */
const TABLE_CELLS = PLAN_TAGS.print.filter((tag) => /^(PROJECT|EQUIP|PDUNITS)/.test(tag));

/** Whether `needle` starts somewhere in `text` and its characters follow in order. */
function inOrder(text: string, needle: string): boolean {
	const start = text.indexOf(needle.slice(0, 12));
	if (start < 0) return false;
	let i = start;
	for (const ch of needle) {
		i = text.indexOf(ch, i);
		if (i < 0) return false;
		i++;
	}
	return true;
}

/** A page as a victim opens it, with everything that would show an injection recorded. */
interface Visit {
	page: Page;
	dialogs: string[];
	cspViolations: string[];
}

async function visit(context: BrowserContext, url: string, ready: (page: Page) => Promise<unknown>): Promise<Visit> {
	const page = await context.newPage();
	const v: Visit = { page, dialogs: [], cspViolations: [] };
	page.on('dialog', (d) => {
		v.dialogs.push(d.message());
		void d.dismiss();
	});
	page.on('console', (m) => {
		if (/Content Security Policy/i.test(m.text())) v.cspViolations.push(m.text());
	});
	const res = await page.goto(server.url + url);
	expect(res?.status(), url).toBe(200);
	const csp = res!.headers()['content-security-policy'] ?? '';
	expect(csp, url).toMatch(/script-src 'self' 'nonce-[^']+'/);
	expect(/script-src ([^;]*)/.exec(csp)![1]).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
	expect(csp).toContain("object-src 'none'");
	expect(csp).toContain("frame-ancestors 'none'");
	expect(res!.headers()['x-content-type-options']).toBe('nosniff');
	await ready(page);
	return v;
}

/** No handler ran, no element was made of the text, no CSP rule was needed, and the texts are there. */
async function expectInert(v: Visit, tags: string[]): Promise<void> {
	const seen = await v.page.evaluate(() => ({
		pwned: document.querySelectorAll('[data-pwned], svg[onload], img[onerror]').length,
		// (SvelteKit's own bootstrap script carries the texts as escaped string data; that is fine.)
		scripts: [...document.scripts].filter((s) => s.textContent?.trim() === 'alert(document.domain)').length,
		jsLinks: document.querySelectorAll('a[href^="javascript:" i]').length,
		text: document.documentElement.textContent ?? ''
	}));
	expect(v.dialogs).toEqual([]);
	expect(seen.pwned).toBe(0);
	expect(seen.scripts).toBe(0);
	expect(seen.jsLinks).toBe(0);
	expect(v.cspViolations).toEqual([]);
	const missing = tags.filter((tag) => !seen.text.includes(payload(tag)));
	expect(missing, `shown literally on ${v.page.url()}`).toEqual([]);
}

async function signedInContext(cookie?: string): Promise<BrowserContext> {
	const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
	if (cookie) {
		const [name, value] = cookie.split('=');
		await context.addCookies([{ name, value, url: server.url }]);
	}
	return context;
}

async function download(pathname: string, cookie: string): Promise<Buffer> {
	const res = await fetch(server.url + pathname, { headers: { cookie } });
	expect(res.status, pathname).toBe(200);
	expect(res.headers.get('x-content-type-options')).toBe('nosniff');
	return Buffer.from(await res.arrayBuffer());
}

/** Text of the <w:t>/<t> runs of an OOXML part, unescaped, and whether it holds any element made of the payload. */
function ooxmlText(file: Buffer, part: string): { text: string; rawElements: boolean } {
	const dir = tempDir('ruamphaen-ooxml-');
	const zip = path.join(dir, 'file.zip');
	fs.writeFileSync(zip, file);
	const xml = execFileSync('unzip', ['-p', zip, part], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
	const unescape = (s: string) =>
		s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&#(\d+);/g, (_, n) => String.fromCodePoint(Number(n))).replace(/&amp;/g, '&');
	const text = [...xml.matchAll(/<(?:w:)?t(?:\s[^>]*)?>([^<]*)<\/(?:w:)?t>/g)].map((m) => unescape(m[1])).join('');
	return { text, rawElements: /<(img|script|svg|a)[\s>]/i.test(xml) };
}

beforeAll(async () => {
	dataDir = tempDir();
	[server, browser] = await Promise.all([startServer({ dataDir }), launchBrowser()]);
	const admin = await signIn(server, 'admin');
	const officer = await signIn(server, 'officer');
	planId = (await demoPlan(server, officer)).id;

	// The admin invites someone under a hostile name, who accepts under another one.
	const invited = await postAction(server, '/org/members?/invite', { displayName: payload('INVITEDNAME'), position: payload('POSITION'), orgRole: 'member' }, admin);
	const url = (invited.data as { invitationUrl: string }).invitationUrl;
	const accepted = await postAction(server, new URL(url).pathname, { username: 'hostile', password: 'hostile-password-1', displayName: payload('DISPLAYNAME') });
	const hostile = sessionCookieFrom(accepted.setCookie)!;
	expect(hostile).toBeTruthy();
	const db = openDataDb(dataDir);
	const { id: hostileId } = db.prepare("select id from users where username = 'hostile'").get() as { id: string };
	db.close();
	expect((await postAction(server, `/plans/${planId}/members`, { userId: hostileId, role: 'support_committee' }, officer)).body.type).toBe('success');

	cookies = {
		officer,
		admin,
		hostile,
		support: await signIn(server, 'support'),
		committee: await signIn(server, 'committee'),
		mayor: await signIn(server, 'mayor')
	};

	// The drafter writes into the plan document directly, then comments and mentions the officer.
	const { docName } = await demoPlan(server, hostile);
	await writeAsRawDrafter(hostile, docName, plantPayloads);
	const thread = await api(server, 'POST', `/api/plans/${planId}/comments`, hostile, { anchor: { kind: 'plan' }, quote: '', body: `${payload('COMMENT')} @officer` });
	expect(thread.status).toBe(201);
	// Exports by the drafter put its display name into the audit log.
	await download(`/plans/${planId}/export/docx`, hostile);
});

afterAll(async () => {
	await browser?.close();
	await server?.kill();
});

describe('a hostile drafter’s text, while the plan is a draft', () => {
	it('is inert and literal in the editor and its comments panel', async () => {
		const v = await visit(await signedInContext(cookies.officer), `/plans/${planId}`, async (page) => {
			await page.locator('[data-testid="project-grid"] tr.data').first().waitFor({ timeout: 20_000 });
			await page.locator('[data-testid="section-editor"] .ProseMirror').first().waitFor();
			await page.waitForFunction(() => document.querySelector('[data-testid="save-state"]')?.getAttribute('data-state') === 'saved', null, { timeout: 15_000 });
			await page.locator('[data-action="toggle-comments"]').click();
			await page.getByTestId('comments-panel').getByTestId('thread').first().waitFor();
		});
		await expectInert(v, [...PLAN_TAGS.editor, 'COMMENT', 'DISPLAYNAME']);
		// The elements written around the editor's schema were dropped, not rendered.
		expect(await v.page.locator('.ProseMirror script, .ProseMirror img, .ProseMirror a').count()).toBe(0);
	});

	it('is inert and literal in the print view', async () => {
		const v = await visit(await signedInContext(cookies.officer), `/plans/${planId}/print`, (page) => page.getByTestId('plan-document').waitFor());
		await expectInert(v, PLAN_TAGS.print);
		// The organization's line heads every table page as DOM text, never as CSS.
		const css = await v.page.evaluate(() =>
			[...document.styleSheets].flatMap((s) => {
				try {
					return [...s.cssRules].map((r) => r.cssText);
				} catch {
					return [];
				}
			})
		);
		expect(css.join('\n')).not.toContain('ORGNAME');
		expect(await v.page.locator('[data-form="pd02"] thead .title-line').allTextContents()).toContain(
			[payload('ORGNAME'), payload('DISTRICT'), payload('PROVINCE')].join(' ')
		);
	});

	it('is inert and literal in the officer’s notifications', async () => {
		const v = await visit(await signedInContext(cookies.officer), '/notifications', (page) => page.getByTestId('notifications').waitFor());
		await expectInert(v, ['DISPLAYNAME']);
		// The notification quotes the comment's first 160 characters.
		expect(await v.page.getByTestId('notifications').textContent()).toContain(payload('COMMENT').slice(0, 160));
	});

	it('is inert and literal in the audit log and the member list', async () => {
		const context = await signedInContext(cookies.admin);
		const audit = await visit(context, '/org/audit', (page) => page.getByTestId('chain').waitFor());
		await expectInert(audit, ['DISPLAYNAME']);
		const members = await visit(context, '/org/members', (page) => page.locator('main').waitFor());
		await expectInert(members, ['DISPLAYNAME', 'POSITION']);
	});

	it('is in the PDF as plain text', async () => {
		const pdf = await download(`/plans/${planId}/export/pdf`, cookies.officer);
		const file = path.join(tempDir('ruamphaen-pdf-'), 'plan.pdf');
		fs.writeFileSync(file, pdf);
		const text = squash(execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }));
		// A table row this tall is split over pages, so the text of one cell comes in pieces,
		// between its neighbours' pieces — in order, but not contiguous.
		const missing = PLAN_TAGS.print.filter((tag) => !(TABLE_CELLS.includes(tag) ? inOrder(text, squash(payload(tag))) : text.includes(squash(payload(tag)))));
		expect(missing).toEqual([]);
	});

	it('is in the DOCX and XLSX as escaped text, never as markup', async () => {
		const docx = ooxmlText(await download(`/plans/${planId}/export/docx`, cookies.officer), 'word/*.xml');
		expect(docx.rawElements).toBe(false);
		const docxMissing = PLAN_TAGS.print.filter((tag) => !docx.text.includes(payload(tag)));
		expect(docxMissing).toEqual([]);
		const xlsx = ooxmlText(await download(`/plans/${planId}/export/xlsx`, cookies.officer), 'xl/sharedStrings.xml');
		expect(xlsx.rawElements).toBe(false);
		expect(['PROJECTNAME', 'PROJECTDETAIL', 'EQUIPITEM'].filter((tag) => !xlsx.text.includes(payload(tag)))).toEqual([]);
	});
});

describe('after announcement', () => {
	it('is inert and literal on the public page', async () => {
		await announce(server, planId, { drafter: cookies.support, committee: cookies.committee, executive: cookies.mayor });
		const { body } = await api<string>(server, 'GET', `/plans/${planId}/workflow`, cookies.officer);
		const where = /href="(\/p\/[^"]+)"/.exec(body)![1];
		const v = await visit(await signedInContext(), where, (page) => page.getByTestId('public-hash').waitFor());
		await expectInert(v, ['STRATEGY']);
	});
});
