/**
 * What a browser is told about every kind of response, read as an attacker probing the server
 * would: pages carry a strict CSP with a fresh script nonce (and only nonced inline scripts),
 * everything else a deny-all policy, and all of them nosniff, a referrer policy and no framing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../helpers/server';
import { demoPlan, signIn } from '../helpers/http';

let server: RunningServer;
let cookie: string;
let planId: string;

beforeAll(async () => {
	server = await startServer();
	cookie = await signIn(server, 'officer');
	planId = (await demoPlan(server, cookie)).id;
});
afterAll(async () => {
	await server?.kill();
});

const get = (path: string, withCookie = true) => fetch(server.url + path, { headers: withCookie ? { cookie } : {}, redirect: 'manual' });

function expectCommonHeaders(res: Response) {
	expect(res.headers.get('x-content-type-options')).toBe('nosniff');
	expect(res.headers.get('referrer-policy')).toBe('same-origin');
	expect(res.headers.get('x-frame-options')).toBe('DENY');
	expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
}

/** The directives of a CSP header, by name. */
function directives(csp: string): Record<string, string[]> {
	return Object.fromEntries(
		csp
			.split(';')
			.map((d) => d.trim().split(/\s+/))
			.filter((d) => d[0])
			.map(([name, ...values]) => [name, values])
	);
}

describe('pages', () => {
	it.each(['/login', '/', '/plans/PLAN', '/plans/PLAN/print?toc=0', '/notifications'])('%s has a strict CSP whose nonce only SvelteKit’s scripts carry', async (template) => {
		const path = template.replace('PLAN', planId);
		const res = await get(path, path !== '/login');
		expect(res.status).toBe(200);
		expectCommonHeaders(res);
		const csp = directives(res.headers.get('content-security-policy')!);
		const nonce = csp['script-src'].find((v) => v.startsWith("'nonce-"))!;
		expect(nonce).toBeTruthy();
		expect(csp['script-src'].filter((v) => v !== nonce)).toEqual(["'self'"]);
		expect(csp['object-src']).toEqual(["'none'"]);
		expect(csp['base-uri']).toEqual(["'self'"]);
		expect(csp['form-action']).toEqual(["'self'"]);
		expect(csp['default-src']).toEqual(["'self'"]);
		const html = await res.text();
		const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)([^>]*)>/g)].map((m) => m[1]);
		expect(inline.length).toBeGreaterThan(0);
		for (const attrs of inline) expect(attrs).toContain(`nonce="${nonce.slice(7, -1)}"`);
		expect(html).not.toMatch(/\son[a-z]+=/i);
		// A new nonce on every response.
		const again = directives((await get(path, path !== '/login')).headers.get('content-security-policy')!);
		expect(again['script-src']).not.toContain(nonce);
	});
});

describe('everything else', () => {
	it('JSON, redirects and the print stylesheet allow nothing', async () => {
		for (const path of ['/api/plans', `/api/plans/${planId}/comments`, '/print.css', '/healthz']) {
			const res = await get(path);
			expectCommonHeaders(res);
			expect(directives(res.headers.get('content-security-policy')!)['default-src'], path).toEqual(["'none'"]);
		}
		const redirect = await get(`/plans/${planId}`, false);
		expect(redirect.status).toBe(303);
		expectCommonHeaders(redirect);
	});

	it('static files are not sniffed into scripts and cannot be framed', async () => {
		const res = await get('/favicon.svg');
		expect(res.status).toBe(200);
		expect(res.headers.get('x-content-type-options')).toBe('nosniff');
		expect(res.headers.get('x-frame-options')).toBe('DENY');
	});

	it('the print stylesheet is built from the settings alone', async () => {
		const res = await get('/print.css?font=th&pageDigits=arabic&digits=%3C/style%3E%3Cscript%3E');
		expect(res.headers.get('content-type')).toMatch(/^text\/css/);
		const css = await res.text();
		expect(css).toContain('TH SarabunPSK');
		expect(css).not.toMatch(/<|script/);
	});

	it('a PDF may not be framed', async () => {
		const res = await get(`/plans/${planId}/export/pdf`);
		expect(res.status).toBe(200);
		expectCommonHeaders(res);
	});
});
