/** A stable, readable colour per person for presence dots and carets. */
const PALETTE = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#8c564b', '#e377c2', '#17becf', '#bcbd22', '#ff7f0e', '#3f51b5'];

export function colorFor(key: string): string {
	let h = 0;
	for (let i = 0; i < key.length; i++) h = (h * 31 + key.charCodeAt(i)) >>> 0;
	return PALETTE[h % PALETTE.length];
}

const FALLBACK = '#888888';

/**
 * A colour that is safe to put into a style: `#rrggbb` only, else a neutral grey. Presence
 * colours arrive over the network; the server stamps palette colours, and the browser still
 * checks before anything reaches CSS.
 */
export function safeColor(value: unknown): string {
	return typeof value === 'string' && /^#[0-9a-fA-F]{6}$/.test(value) ? value : FALLBACK;
}
