/**
 * The server's Chromium for PDFs, with every render isolated from every other: one browser
 * process (launched on first use, relaunched if it dies), a fresh browser context per render
 * with JavaScript off and no network, closed afterwards, and a hard deadline per render that
 * ends only that render. Different contexts never share a renderer process, so a renderer
 * that is busy or stuck holds up nobody else.
 */
import fs from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { translate } from '$lib/i18n';
import { log } from '../log';
import { CHROMIUM_ARGS } from './chromiumArgs';

/** A PDF that could not be made for a reason the user should read; the endpoint answers 503 with `th` and `en`. */
export abstract class PdfUnavailableError extends Error {
	abstract readonly th: string;
	abstract readonly en: string;
	/** Seconds after which trying again makes sense. */
	abstract readonly retryAfter: number;
}

/** Thrown when no Chromium can be started. */
class ChromiumUnavailableError extends PdfUnavailableError {
	override name = 'ChromiumUnavailableError';
	readonly th = 'ไม่สามารถสร้างไฟล์ PDF ได้ เนื่องจากเครื่องแม่ข่ายไม่มีโปรแกรม Chromium — ใช้หน้า "พิมพ์" แล้วสั่งพิมพ์หรือบันทึกเป็น PDF จากเบราว์เซอร์แทน';
	readonly en = 'PDF export is unavailable: Chromium is not installed on the server. Open the print view and use the browser’s own Print / Save as PDF instead.';
	readonly retryAfter = 3600;
}

/** Thrown when a render passed its deadline and was stopped. */
export class PdfRenderTimeoutError extends PdfUnavailableError {
	override name = 'PdfRenderTimeoutError';
	readonly th = translate('th', 'pdfRenderTimedOut');
	readonly en = translate('en', 'pdfRenderTimedOut');
	readonly retryAfter = 60;
}

/** The Chromium binary: CHROMIUM_PATH, else Debian's /usr/bin/chromium. */
export function chromiumPath(): string {
	return process.env.CHROMIUM_PATH || '/usr/bin/chromium';
}

export function chromiumAvailable(): boolean {
	try {
		fs.accessSync(chromiumPath(), fs.constants.X_OK);
		return true;
	} catch {
		return false;
	}
}

let shared: Promise<Browser> | null = null;

/**
 * playwright-core is a devDependency, which adapter-node would bundle into the server build
 * (it does not survive bundling well); a module name read at run time keeps it an ordinary
 * import from node_modules.
 */
async function playwright(): Promise<typeof import('playwright-core')> {
	const name = process.env.RUAMPHAEN_PLAYWRIGHT_MODULE || 'playwright-core';
	return import(/* @vite-ignore */ name);
}

/** The shared browser process (contexts, never pages, are created per render). */
async function browser(): Promise<Browser> {
	if (!shared) {
		if (!chromiumAvailable()) throw new ChromiumUnavailableError(`no executable at ${chromiumPath()}`);
		const launching = playwright()
			.then(({ chromium }) => chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS, timeout: 30_000 }))
			.then((b) => {
				b.on('disconnected', () => {
					if (shared === launching) shared = null;
				});
				return b;
			})
			.catch((err) => {
				if (shared === launching) shared = null;
				log().error({ err }, 'chromium did not start');
				throw new ChromiumUnavailableError(String(err?.message ?? err));
			});
		shared = launching;
	}
	return shared;
}

/** Closes the shared browser (shutdown, tests, benchmarks). */
export async function closeBrowser(): Promise<void> {
	const b = shared;
	shared = null;
	if (b) await (await b.catch(() => null))?.close();
}

const MAX_PARALLEL = 2;
let running = 0;
const waiting: (() => void)[] = [];

/** Longest a render may take once it has its slot (PDF_RENDER_TIMEOUT_MS overrides). */
function renderDeadlineMs(): number {
	const v = Number(process.env.PDF_RENDER_TIMEOUT_MS);
	return Number.isFinite(v) && v > 0 ? v : 90_000;
}

/** A context that does not close in this long is left to the browser; its slot is freed anyway. */
const CLOSE_BOUND_MS = 5_000;

async function closeWithin(context: BrowserContext | null, ms: number): Promise<void> {
	if (!context) return;
	let timer: ReturnType<typeof setTimeout> | undefined;
	const bound = new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)));
	await Promise.race([context.close().catch(() => undefined), bound]);
	clearTimeout(timer);
}

/** A context for one render: no JavaScript, no network, nothing kept. */
async function isolatedContext(b: Browser): Promise<BrowserContext> {
	const context = await b.newContext({ javaScriptEnabled: false, offline: true, serviceWorkers: 'block', acceptDownloads: false });
	// Offline already fails http(s); this also refuses anything else a document could ask for
	// (navigations included). data: URLs (the embedded fonts) never reach a route.
	await context.route('**/*', (route) => route.abort('blockedbyclient'));
	return context;
}

/**
 * Runs `fn` on a page of its own fresh, isolated context, within the render deadline. When the
 * deadline passes, the context is closed (which ends whatever the page was doing) and the
 * call rejects with PdfRenderTimeoutError; the slot is freed for the next render either way.
 */
export async function withIsolatedPage<T>(fn: (page: Page) => Promise<T>, deadlineMs = renderDeadlineMs()): Promise<T> {
	if (running >= MAX_PARALLEL) await new Promise<void>((resolve) => waiting.push(resolve));
	running++;
	let context: BrowserContext | null = null;
	let finished = false;
	let timer: ReturnType<typeof setTimeout> | undefined;
	try {
		const deadline = new Promise<never>((_, reject) => {
			timer = setTimeout(() => reject(new PdfRenderTimeoutError(`PDF render passed ${deadlineMs} ms`)), deadlineMs);
		});
		const work = (async () => {
			const own = await isolatedContext(await browser());
			context = own;
			// Created after the deadline already ended this render: nobody else will close it.
			if (finished) await own.close();
			return fn(await own.newPage());
		})();
		// After the deadline the work fails when its context is closed; nobody awaits it then.
		work.catch(() => undefined);
		return await Promise.race([work, deadline]);
	} catch (err) {
		if (err instanceof PdfRenderTimeoutError) log().warn({ deadlineMs }, 'PDF render stopped at its deadline');
		throw err;
	} finally {
		finished = true;
		clearTimeout(timer);
		await closeWithin(context as BrowserContext | null, CLOSE_BOUND_MS);
		running--;
		waiting.shift()?.();
	}
}
