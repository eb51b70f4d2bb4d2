/**
 * Named versions of the plan document layout. The server runs `migrateDoc` when a draft
 * plan is loaded, as a write through the plan store (PlanSchemaExtension), inside one
 * transaction with a server origin; clients built for an older layout are refused at
 * connect (they compare against SCHEMA_VERSION).
 * Add a migration by appending to MIGRATIONS; never edit or reorder a shipped one.
 */
import type * as Y from 'yjs';
import { ensureStandardCatalogue, getSchemaVersion, setSchemaVersion } from './doc';

export interface Migration {
	/** The version the document has after this migration. */
	version: number;
	/** What changed, e.g. "AddSectionOrder" — never just a number. */
	name: string;
	up(doc: Y.Doc): void;
}

export const MIGRATIONS: readonly Migration[] = Object.freeze([
	{
		version: 1,
		name: 'InitialLayout',
		// Root types (meta, projects, …) exist as soon as they are read, and Yjs merges
		// same-named roots, so the initial layout only has to stamp the version.
		up: () => {}
	},
	{
		version: 2,
		name: 'SeedStandardPlanCatalogue',
		// Every plan needs the §4.2 แผนงาน to pick from; adds only the missing codes.
		up: (doc: Y.Doc) => ensureStandardCatalogue(doc)
	}
]);

/** The layout version this build reads and writes. */
export const SCHEMA_VERSION: number = MIGRATIONS[MIGRATIONS.length - 1].version;

export class NewerSchemaError extends Error {
	constructor(readonly found: number) {
		super(`plan document has schema version ${found}, newer than this build (${SCHEMA_VERSION})`);
		this.name = 'NewerSchemaError';
	}
}

export interface MigrationResult {
	from: number;
	to: number;
	/** Names of the migrations applied, in order. */
	applied: string[];
}

/**
 * Applies every pending migration in one transaction (so peers see one update) and stamps
 * the new version. Throws NewerSchemaError on a document from a newer build.
 */
export function migrateDoc(doc: Y.Doc, origin: unknown = 'migration'): MigrationResult {
	const from = getSchemaVersion(doc);
	if (from > SCHEMA_VERSION) throw new NewerSchemaError(from);
	const pending = MIGRATIONS.filter((m) => m.version > from);
	if (pending.length === 0) return { from, to: from, applied: [] };
	doc.transact(() => {
		for (const m of pending) m.up(doc);
		setSchemaVersion(doc, SCHEMA_VERSION);
	}, origin);
	return { from, to: SCHEMA_VERSION, applied: pending.map((m) => m.name) };
}
