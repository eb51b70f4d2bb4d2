/**
 * Canonical JSON: object keys sorted, no insignificant white space, so the same content always
 * gives the same bytes — and the same SHA-256 — on every machine.
 */
export function canonicalJson(value: unknown): string {
	return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(sortKeys);
	if (value && typeof value === 'object') {
		return Object.fromEntries(
			Object.keys(value)
				.sort()
				.filter((k) => (value as Record<string, unknown>)[k] !== undefined)
				.map((k) => [k, sortKeys((value as Record<string, unknown>)[k])])
		);
	}
	return value;
}
