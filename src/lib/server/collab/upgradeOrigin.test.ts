import { describe, expect, it } from 'vitest';
import { upgradeOriginAllowed } from './upgradeOrigin';

describe('upgradeOriginAllowed', () => {
	it('accepts only the configured ORIGIN when it is set', () => {
		expect(upgradeOriginAllowed('https://plan.example.go.th', 'internal:3001', 'https://plan.example.go.th')).toBe(true);
		expect(upgradeOriginAllowed('https://evil.example', 'plan.example.go.th', 'https://plan.example.go.th')).toBe(false);
		expect(upgradeOriginAllowed('http://plan.example.go.th', 'plan.example.go.th', 'https://plan.example.go.th')).toBe(false);
	});

	it('compares with the Host when ORIGIN is unset', () => {
		expect(upgradeOriginAllowed('http://127.0.0.1:3000', '127.0.0.1:3000', null)).toBe(true);
		expect(upgradeOriginAllowed('http://example.org', 'Example.org:80', null)).toBe(true);
		expect(upgradeOriginAllowed('http://127.0.0.1:3001', '127.0.0.1:3000', null)).toBe(false);
		expect(upgradeOriginAllowed('http://evil.example', undefined, null)).toBe(false);
	});

	it('refuses opaque and non-web origins, and lets a handshake without Origin (not a browser) through', () => {
		expect(upgradeOriginAllowed('null', '127.0.0.1:3000', null)).toBe(false);
		expect(upgradeOriginAllowed('chrome-extension://abc', 'abc', null)).toBe(false);
		expect(upgradeOriginAllowed(undefined, '127.0.0.1:3000', null)).toBe(true);
	});
});
