/** Debian's chromium driven by playwright-core (no browser download on this machine). */
import { afterAll, beforeAll } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import { startServer, type RunningServer, type StartOptions } from './server';
import { CHROMIUM_ARGS } from '../../src/lib/server/export/chromiumArgs';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function launchBrowser(): Promise<Browser> {
	return chromium.launch({
		executablePath: CHROMIUM_PATH,
		args: CHROMIUM_ARGS
	});
}

/**
 * A real server and browser for the tests of one file: started before them, stopped after.
 * Read `env.server` / `env.browser` inside tests (they are set once `beforeAll` has run).
 * `options` go to the server (e.g. a data dir the test reads).
 */
export function useServerAndBrowser(options: StartOptions = {}): { server: RunningServer; browser: Browser } {
	const env = {} as { server: RunningServer; browser: Browser };
	beforeAll(async () => {
		[env.server, env.browser] = await Promise.all([startServer(options), launchBrowser()]);
	});
	afterAll(async () => {
		await env.browser?.close();
		await env.server?.kill();
	});
	return env;
}
