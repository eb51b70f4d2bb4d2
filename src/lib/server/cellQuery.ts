/**
 * The query of the cell endpoints (attribution, history): which table, row and column, or
 * which Yjs items. Checked here, so the handlers get only known tables and columns and
 * bounded, numeric item ids.
 */
import * as v from 'valibot';
import { id, parseInput, choice, type Parsed } from './input';
import { EQUIPMENT_CELLS, PROJECT_CELLS, type CellTable } from '$lib/domain/plan/cellValues';
import type { ItemId } from './attribution';

const cellSchema = v.pipe(
	v.object({ table: choice(['projects', 'equipment'] as const), row: id(), field: choice([...new Set([...PROJECT_CELLS, ...EQUIPMENT_CELLS])]) }),
	v.check((c) => ((c.table === 'projects' ? PROJECT_CELLS : EQUIPMENT_CELLS) as readonly string[]).includes(c.field), 'invalidInput')
);

/** `?table=projects&row=<id>&field=budget` */
export function readCellQuery(url: URL): Parsed<{ table: CellTable; row: string; field: string }> {
	return parseInput(cellSchema, Object.fromEntries(['table', 'row', 'field'].map((k) => [k, url.searchParams.get(k) ?? undefined])));
}

/** At most this many items per question (a short cell's value is a few items). */
export const MAX_ITEMS = 200;

const itemsSchema = v.object({
	items: v.pipe(v.string('invalidInput'), v.regex(new RegExp(`^\\d{1,16}\\.\\d{1,16}(,\\d{1,16}\\.\\d{1,16}){0,${MAX_ITEMS - 1}}$`), 'invalidInput'))
});

/** `?items=<client>.<clock>,…` */
export function readItemsQuery(url: URL): Parsed<ItemId[]> {
	const parsed = parseInput(itemsSchema, { items: url.searchParams.get('items') ?? undefined });
	if (!parsed.ok) return parsed;
	const items = parsed.value.items.split(',').map((pair) => {
		const [client, clock] = pair.split('.').map(Number);
		return { client, clock };
	});
	if (items.some((i) => !Number.isSafeInteger(i.client) || !Number.isSafeInteger(i.clock))) return { ok: false, error: 'invalidInput', field: 'items' };
	return { ok: true, value: items };
}
