/**
 * Fractional order keys: rows carry a string key and are sorted by (key, id). Moving a row
 * rewrites only that row's key, so concurrent moves in Yjs never duplicate or lose a row
 * (a delete + insert would). Two replicas inserting at the same spot may produce the
 * same key; the id then breaks the tie identically everywhere.
 *
 * Keys are base-62 digit strings compared with plain `<` (code-unit order, never
 * localeCompare) and never end with the zero digit, so there is always room between two
 * distinct keys. Algorithm after David Greenspan's "Implementing Fractional Indexing".
 */

const DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const ZERO = DIGITS[0];

/** Anything sortable by order key, with the id as tie-breaker. */
export interface Ordered {
	id: string;
	order: string;
}

/** Sort comparator for (order, id). */
export function compareOrdered(a: Ordered, b: Ordered): number {
	if (a.order !== b.order) return a.order < b.order ? -1 : 1;
	if (a.id !== b.id) return a.id < b.id ? -1 : 1;
	return 0;
}

/** True when the string can be used as an order key. */
export function isOrderKey(key: string): boolean {
	if (key.length === 0 || key.endsWith(ZERO)) return false;
	for (const c of key) if (!DIGITS.includes(c)) return false;
	return true;
}

/**
 * A key strictly between `a` and `b` (null = open end). Throws when a >= b, because
 * callers must resolve equal neighbours first (see `placeAt`).
 */
export function keyBetween(a: string | null, b: string | null): string {
	if (a !== null && !isOrderKey(a)) throw new RangeError(`invalid order key: ${a}`);
	if (b !== null && !isOrderKey(b)) throw new RangeError(`invalid order key: ${b}`);
	if (a !== null && b !== null && a >= b) throw new RangeError(`order keys out of order: ${a} >= ${b}`);
	if (b === null && a !== null) return keyAfter(a);
	return midpoint(a ?? '', b);
}

/** `n` ascending keys strictly between `a` and `b`, spread evenly so keys stay short. */
export function keysBetween(a: string | null, b: string | null, n: number): string[] {
	if (n <= 0) return [];
	if (n === 1) return [keyBetween(a, b)];
	const mid = keyBetween(a, b);
	const left = Math.floor((n - 1) / 2);
	return [...keysBetween(a, mid, left), mid, ...keysBetween(mid, b, n - 1 - left)];
}

/**
 * Appending is the common case; bumping the first non-maximal digit grows keys by one
 * character per ~30 appends, where bisection would add one every ~6.
 */
function keyAfter(a: string): string {
	for (let i = 0; i < a.length; i++) {
		const d = DIGITS.indexOf(a[i]);
		if (d < DIGITS.length - 1) return a.slice(0, i) + DIGITS[d + 1];
	}
	return a + DIGITS[DIGITS.length >> 1];
}

function midpoint(a: string, b: string | null): string {
	if (b !== null) {
		// Strip the common prefix; `a` is padded with zero digits as it runs out.
		let n = 0;
		while ((a[n] ?? ZERO) === b[n]) n++;
		if (n > 0) return b.slice(0, n) + midpoint(a.slice(n), b.slice(n));
	}
	const digitA = a ? DIGITS.indexOf(a[0]) : 0;
	const digitB = b !== null ? DIGITS.indexOf(b[0]) : DIGITS.length;
	if (digitB - digitA > 1) return DIGITS[Math.round((digitA + digitB) / 2)];
	// Consecutive first digits: shorten b if possible, otherwise go one level deeper after a.
	if (b !== null && b.length > 1) return b.slice(0, 1);
	return DIGITS[digitA] + midpoint(a.slice(1), null);
}

/** The result of placing one item among sorted siblings. */
export interface Placement {
	/** The new key of the placed item. */
	order: string;
	/** Siblings that had to be re-keyed because their key equalled the left neighbour's. */
	rekeyed: Ordered[];
}

/**
 * The key that puts an item at `index` among `siblings` (sorted by compareOrdered, the
 * item itself excluded). Equal neighbour keys only arise from concurrent inserts; in that
 * case the run of equal keys to the right is spread out so the item lands exactly there.
 */
export function placeAt(siblings: readonly Ordered[], index: number): Placement {
	const i = Math.max(0, Math.min(index, siblings.length));
	const prev = i > 0 ? siblings[i - 1].order : null;
	const next = i < siblings.length ? siblings[i].order : null;
	if (prev === null || next === null || prev < next) {
		return { order: keyBetween(prev, next), rekeyed: [] };
	}
	let end = i;
	while (end < siblings.length && siblings[end].order === prev) end++;
	const upper = end < siblings.length ? siblings[end].order : null;
	const keys = keysBetween(prev, upper, end - i + 1);
	return {
		order: keys[0],
		rekeyed: siblings.slice(i, end).map((s, k) => ({ id: s.id, order: keys[k + 1] }))
	};
}
