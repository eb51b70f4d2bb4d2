/**
 * The SQLite and PostgreSQL schemas are written twice (Drizzle has one builder per dialect);
 * query modules are written once against either, so the twins must agree on every table,
 * column, nullability, key and index. This test is what keeps them in step.
 */
import { describe, expect, it } from 'vitest';
import { getTableConfig as pgConfig, PgTable } from 'drizzle-orm/pg-core';
import { getTableConfig as sqliteConfig, SQLiteTable } from 'drizzle-orm/sqlite-core';
import * as pg from './pg';
import * as sqlite from './sqlite';

interface Shape {
	name: string;
	columns: Record<string, { column: string; notNull: boolean; primary: boolean; hasDefault: boolean }>;
	primaryKeys: string[][];
	indexes: (string | undefined)[];
	foreignKeys: string[];
}

function shape(config: ReturnType<typeof pgConfig> | ReturnType<typeof sqliteConfig>, table: object): Shape {
	const columns: Shape['columns'] = {};
	for (const [key, col] of Object.entries(table)) {
		if (!config.columns.includes(col)) continue;
		columns[key] = { column: col.name, notNull: col.notNull, primary: col.primary, hasDefault: col.hasDefault };
	}
	return {
		name: config.name,
		columns,
		primaryKeys: config.primaryKeys.map((pk) => pk.columns.map((c) => c.name)),
		indexes: config.indexes.map((i) => i.config.name).sort(),
		foreignKeys: config.foreignKeys
			.map((fk) => {
				const ref = fk.reference();
				return `${ref.columns.map((c) => c.name).join(',')}→${ref.foreignColumns.map((c) => c.name).join(',')}`;
			})
			.sort()
	};
}

const pgTables = Object.entries(pg).filter(([, v]) => v instanceof PgTable) as [string, PgTable][];
const sqliteTables = Object.entries(sqlite).filter(([, v]) => v instanceof SQLiteTable) as [string, SQLiteTable][];

describe('the two database schemas are twins', () => {
	it('export the same tables under the same names', () => {
		expect(pgTables.map(([k]) => k).sort()).toEqual(sqliteTables.map(([k]) => k).sort());
		expect(pgTables.length).toBeGreaterThan(10);
	});

	it.each(sqliteTables.map(([k]) => k))('%s has the same columns, keys and indexes', (key) => {
		const lite = sqliteTables.find(([k]) => k === key)![1];
		const post = pgTables.find(([k]) => k === key)?.[1];
		expect(post, `pg.ts has no ${key}`).toBeDefined();
		expect(shape(pgConfig(post!), post!)).toEqual(shape(sqliteConfig(lite), lite));
	});
});
