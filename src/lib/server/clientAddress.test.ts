import { describe, expect, it } from 'vitest';
import { clientAddress } from './clientAddress';

const direct = { trustedProxyHeader: null, trustedProxyHops: 1 };
const xff = { trustedProxyHeader: 'x-forwarded-for', trustedProxyHops: 1 };

describe('clientAddress', () => {
	it('uses the socket address when no proxy header is trusted, whatever the client sends', () => {
		expect(clientAddress({ 'x-forwarded-for': '6.6.6.6' }, '10.0.0.5', direct)).toBe('10.0.0.5');
	});

	it('reads the entry our proxy appended, not the one a client forged at the left', () => {
		expect(clientAddress({ 'x-forwarded-for': '6.6.6.6, 203.0.113.7' }, '127.0.0.1', xff)).toBe('203.0.113.7');
		expect(clientAddress(new Headers({ 'x-forwarded-for': '6.6.6.6, 203.0.113.7, 10.0.0.2' }), '127.0.0.1', { ...xff, trustedProxyHops: 2 })).toBe('203.0.113.7');
	});

	it('falls back to the socket address for a missing or malformed header', () => {
		expect(clientAddress({}, '127.0.0.1', xff)).toBe('127.0.0.1');
		expect(clientAddress({ 'x-forwarded-for': '<script>' }, '127.0.0.1', xff)).toBe('127.0.0.1');
	});
});
