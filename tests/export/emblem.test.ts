/**
 * The organization's emblem (ตราสัญลักษณ์): the org admin uploads it at /org/settings, and it is
 * on the cover of the print view, the PDF and the DOCX, and on the public page. Hostile input:
 * only PNG/JPEG by their bytes (an SVG, or HTML named .png and sent as image/png, is refused),
 * size-limited, only the admin of the organization, and it is served back as an image that
 * cannot be read as a page (type from the bytes, nosniff, a sandboxing policy).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { startServer, tempDir, type RunningServer } from '../helpers/server';
import { demoPlan, getJson, postAction, postFile, signIn } from '../helpers/http';
import { createOtherOrgAdmin } from '../helpers/people';
import { shownContentHash, step } from '../helpers/workflow';
import { unzipEntry } from './docxText';
import { png } from '../helpers/png';

let server: RunningServer;
let c: Record<'admin' | 'officer' | 'committee' | 'mayor' | 'viewer' | 'outsider', string>;
let planId: string;
const dataDir = tempDir('ruamphaen-emblem-');

const red = png(40, 40, [200, 0, 0]);
const blue = png(30, 20, [0, 0, 200]);

/** The settings form's multipart upload, as the browser sends it. */
async function upload(bytes: Buffer, name: string, type: string, cookie?: string) {
	const r = await postFile(server, '/org/settings?/uploadEmblem', 'file', { bytes, name, type }, cookie);
	return { status: r.status, data: r.data as { emblemError?: string; emblemSaved?: string } | undefined };
}

async function emblemOf(cookie?: string, p = '/org/emblem') {
	const res = await fetch(`${server.url}${p}`, { headers: cookie ? { cookie } : {} });
	return { res, bytes: Buffer.from(await res.arrayBuffer()) };
}

beforeAll(async () => {
	server = await startServer({ dataDir });
	c = {
		admin: await signIn(server, 'admin'),
		officer: await signIn(server, 'officer'),
		committee: await signIn(server, 'committee'),
		mayor: await signIn(server, 'mayor'),
		viewer: await signIn(server, 'viewer'),
		outsider: ''
	};
	createOtherOrgAdmin(dataDir, 'outsider', 'outsider-password-1');
	c.outsider = await signIn(server, 'outsider', 'outsider-password-1');
	planId = (await demoPlan(server, c.officer)).id;
}, 120_000);
afterAll(async () => {
	await server?.kill();
});

describe('emblem upload', () => {
	it('before any upload there is none and the cover keeps the empty circle', async () => {
		expect((await emblemOf(c.viewer)).res.status).toBe(404);
		const print = (await getJson<string>(server, `/plans/${planId}/print`, c.viewer)).body;
		expect(print).not.toContain('data-testid="cover-emblem"');
		expect(print).toContain('class="emblem"');
	});

	it('refuses people who are not the organization admin', async () => {
		for (const who of ['officer', 'viewer', 'mayor'] as const) expect((await upload(red, 'emblem.png', 'image/png', c[who])).status, who).toBe(403);
		expect([401, 403]).toContain((await upload(red, 'emblem.png', 'image/png')).status);
		expect((await emblemOf(c.viewer)).res.status).toBe(404);
	});

	it('refuses what is not a PNG or JPEG by its bytes, whatever its name and declared type', async () => {
		const hostile: [Buffer, string, string][] = [
			[Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), 'emblem.svg', 'image/svg+xml'],
			[Buffer.from('<!doctype html><script>alert(document.cookie)</script>'), 'emblem.png', 'image/png'],
			[Buffer.from('%PDF-1.4\n1 0 obj\n'), 'emblem.jpg', 'image/jpeg'],
			[Buffer.concat([Buffer.from('GIF89a'), red]), 'emblem.png', 'image/png']
		];
		for (const [bytes, name, type] of hostile) {
			const r = await upload(bytes, name, type, c.admin);
			expect(r.status, name).toBe(400);
			expect(r.data?.emblemError).toBe('emblemBadType');
		}
		expect((await upload(Buffer.alloc(0), 'empty.png', 'image/png', c.admin)).status).toBe(400);
		expect((await emblemOf(c.viewer)).res.status).toBe(404);
	});

	it('refuses an oversized file and an image too large to draw', async () => {
		const big = Buffer.concat([red, Buffer.alloc(1024 * 1024)]);
		const r = await upload(big, 'big.png', 'image/png', c.admin);
		expect([400, 413]).toContain(r.status);
		const huge = png(4001, 1, [0, 0, 0]);
		expect((await upload(huge, 'huge.png', 'image/png', c.admin)).data?.emblemError).toBe('emblemTooLarge');
		expect((await emblemOf(c.viewer)).res.status).toBe(404);
	});

	it('keeps the admin’s PNG and serves it back only as an image', async () => {
		const r = await upload(red, 'ตรา.png', 'application/octet-stream', c.admin);
		expect(r.status).toBe(200);
		expect(r.data?.emblemSaved).toMatch(/^[0-9a-f]{64}$/);
		const { res, bytes } = await emblemOf(c.viewer);
		expect(res.status).toBe(200);
		expect(bytes.equals(red)).toBe(true);
		expect(res.headers.get('content-type')).toBe('image/png');
		expect(res.headers.get('x-content-type-options')).toBe('nosniff');
		expect(res.headers.get('content-security-policy')).toContain('sandbox');
		expect((await emblemOf(undefined)).res.status).toBe(401);
		// The settings page shows it with a remove button.
		const settings = (await getJson<string>(server, '/org/settings', c.admin)).body;
		expect(settings).toMatch(/data-testid="emblem-image"/);
		expect(settings).toContain('?/removeEmblem');
		expect((await getJson(server, '/org/settings', c.officer)).status).toBe(403);
		// The audit log records it.
		const audit = (await getJson<string>(server, '/org/audit', c.admin)).body;
		expect(audit).toContain('org.emblem');
	});

	it('another organization’s admin changes only their own emblem', async () => {
		expect((await upload(blue, 'other.png', 'image/png', c.outsider)).status).toBe(200);
		expect((await emblemOf(c.viewer)).bytes.equals(red)).toBe(true);
		expect((await emblemOf(c.outsider)).bytes.equals(blue)).toBe(true);
		expect((await emblemOf(undefined, '/p/other-org/emblem')).bytes.equals(blue)).toBe(true);
	});

	it('is on the cover of the print view, the PDF and the DOCX', async () => {
		const print = (await getJson<string>(server, `/plans/${planId}/print`, c.viewer)).body;
		expect(print).toContain(`src="data:image/png;base64,${red.toString('base64')}"`);
		const dir = tempDir('ruamphaen-emblem-pdf-');
		const pdfRes = await fetch(`${server.url}/plans/${planId}/export/pdf`, { headers: { cookie: c.viewer } });
		expect(pdfRes.status).toBe(200);
		const file = path.join(dir, 'plan.pdf');
		fs.writeFileSync(file, Buffer.from(await pdfRes.arrayBuffer()));
		// pdfimages lists the images of page 1 (the cover): the 40×40 emblem.
		const images = execFileSync('pdfimages', ['-list', '-f', '1', '-l', '1', file], { encoding: 'utf8' });
		expect(images).toMatch(/^\s*1\s+\d+\s+image\s+40\s+40\b/m);
		const docx = Buffer.from(await (await fetch(`${server.url}/plans/${planId}/export/docx`, { headers: { cookie: c.viewer } })).arrayBuffer());
		fs.writeFileSync(path.join(dir, 'plan.docx'), docx);
		const media = execFileSync('unzip', ['-l', path.join(dir, 'plan.docx')], { encoding: 'utf8' }).match(/word\/media\/\S+\.png/);
		expect(media).not.toBeNull();
		expect(unzipEntry(docx, media![0]).equals(red)).toBe(true);
	});

	it('is on the public page of the announced plan, served without signing in', async () => {
		await step(server, planId, 'setTrigger', c.officer, { triggerDate: '15/9/2568' });
		await step(server, planId, 'submit', c.officer);
		await step(server, planId, 'forward', c.committee, { meetingDate: '3/10/2568' });
		await step(server, planId, 'approve', c.mayor, { contentSha256: await shownContentHash(server, planId, c.mayor) });
		await step(server, planId, 'announce', c.mayor);
		const page = (await getJson<string>(server, `/plans/${planId}/workflow`, c.officer)).body;
		const publicPath = /href="(\/p\/[^"]+)"/.exec(page)![1];
		const pub = await getJson<string>(server, publicPath);
		expect(pub.body).toContain('data-testid="public-emblem"');
		const emblemPath = /src="(\/p\/[a-z0-9-]+\/emblem\?v=[0-9a-f]+)"/.exec(pub.body)?.[1];
		expect(emblemPath).toBeDefined();
		const { res, bytes } = await emblemOf(undefined, emblemPath!);
		expect(res.status).toBe(200);
		expect(bytes.equals(red)).toBe(true);
	});

	it('only the admin removes it; then the cover has the empty circle again', async () => {
		expect((await postAction(server, '/org/settings?/removeEmblem', {}, c.officer)).status).toBe(403);
		expect((await emblemOf(c.viewer)).res.status).toBe(200);
		expect((await postAction(server, '/org/settings?/removeEmblem', {}, c.admin)).status).toBe(200);
		expect((await emblemOf(c.viewer)).res.status).toBe(404);
		const print = (await getJson<string>(server, `/plans/${planId}/print`, c.viewer)).body;
		expect(print).not.toContain('data-testid="cover-emblem"');
		// The other organization keeps its own.
		expect((await emblemOf(c.outsider)).res.status).toBe(200);
	});
});
