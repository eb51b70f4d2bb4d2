/**
 * How Debian's chromium runs headless here: for the server's PDFs, the browser tests and
 * bench/plan-editor.js (which imports this file as it is: no imports, types only).
 */

/**
 * Playwright's own --disable-features list (playwright-core's chromiumSwitches): a second
 * --disable-features replaces the first instead of adding to it, so ours repeats it.
 */
const PLAYWRIGHT_FEATURES_OFF = [
	'AvoidUnnecessaryBeforeUnloadCheckSync',
	'DestroyProfileOnBrowserClose',
	'HttpsUpgrades',
	'HttpsFirstBalancedModeAutoEnable',
	'LensOverlay',
	'MediaRouter',
	'PaintHolding',
	'ThirdPartyStoragePartitioning',
	'AvoidCorsURLLoaderRestartOnRedirect',
	'OptimizationHints',
	'NetworkTimeServiceQuerying',
	'AimEnabled',
	'PreconnectToSearch'
];

/**
 * Headless chromium still builds the browser's own address-bar popup (a WebUI page of ~400
 * scripts) for every new window, that is for every page Playwright opens: about 1.9 s of a
 * core each time, measured with a trace while the plan editor loaded on a 2-core machine. A
 * PDF render or a test page needs none of it.
 */
const BROWSER_UI_FEATURES_OFF = ['WebUIOmniboxPopup', 'WebUIOmniboxFullPopup', 'WebUIOmniboxAimPopup', 'PreloadTopChromeWebUI'];

export const CHROMIUM_ARGS: string[] = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	`--disable-features=${[...PLAYWRIGHT_FEATURES_OFF, ...BROWSER_UI_FEATURES_OFF].join(',')}`
];
