import { describe, expect, it } from 'vitest';
import { compareOrdered, isOrderKey, keyBetween, keysBetween, placeAt, type Ordered } from './order';
import { prng } from './testSupport';

describe('keyBetween', () => {
	it('generates keys strictly between, at the ends and in the middle', () => {
		const a = keyBetween(null, null);
		const b = keyBetween(a, null);
		const c = keyBetween(null, a);
		const m = keyBetween(a, b);
		expect(c < a && a < m && m < b).toBe(true);
		for (const k of [a, b, c, m]) expect(isOrderKey(k)).toBe(true);
	});

	it('keeps appends short', () => {
		let k: string | null = null;
		for (let i = 0; i < 500; i++) k = keyBetween(k, null);
		expect(k?.length).toBeLessThanOrEqual(20); // ~30 appends per character
	});

	it('survives many random insertions', () => {
		const random = prng(7);
		const keys: string[] = [];
		for (let i = 0; i < 400; i++) {
			const at = Math.floor(random() * (keys.length + 1));
			const k = keyBetween(keys[at - 1] ?? null, keys[at] ?? null);
			keys.splice(at, 0, k);
		}
		expect([...keys].sort()).toEqual(keys);
		expect(new Set(keys).size).toBe(keys.length);
	});

	it('refuses unordered bounds', () => {
		expect(() => keyBetween('b', 'a')).toThrow(RangeError);
		expect(() => keyBetween('a', 'a')).toThrow(RangeError);
	});

	it('spreads bulk keys', () => {
		const keys = keysBetween(null, null, 60);
		expect([...keys].sort()).toEqual(keys);
		expect(new Set(keys).size).toBe(60);
		expect(Math.max(...keys.map((k) => k.length))).toBeLessThanOrEqual(3);
	});
});

describe('placeAt', () => {
	it('breaks ties by id and re-keys a tied run to place exactly', () => {
		// Two replicas inserted at the same spot: equal keys, sorted by id.
		const rows: Ordered[] = [
			{ id: 'a', order: 'V' },
			{ id: 'x', order: 'k' },
			{ id: 'y', order: 'k' },
			{ id: 'z', order: 'k' }
		].sort(compareOrdered);
		const { order, rekeyed } = placeAt(rows, 2); // between x and y
		const after = rows.map((r) => rekeyed.find((k) => k.id === r.id) ?? r);
		const all = [...after, { id: 'new', order }].sort(compareOrdered).map((r) => r.id);
		expect(all).toEqual(['a', 'x', 'new', 'y', 'z']);
	});
});
