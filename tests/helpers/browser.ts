/** Debian's chromium driven by playwright-core (no browser download on this machine). */
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_ARGS } from '../../src/lib/server/export/chromium';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function launchBrowser(): Promise<Browser> {
	return chromium.launch({
		executablePath: CHROMIUM_PATH,
		args: CHROMIUM_ARGS
	});
}
