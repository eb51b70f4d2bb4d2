/**
 * Brings every plan document to the current schema once, when it is loaded, before any
 * client sees it. The migration is a write like any other: it goes through the plan store,
 * so it is stored before it is applied — and only while the plan is a draft. A plan that left
 * draft keeps the layout it was frozen with (its content hash is what was signed); it is
 * migrated the next time it is loaded as a draft.
 */
import type { Extension, afterLoadDocumentPayload } from '@hocuspocus/server';
import { getSchemaVersion } from '$lib/domain/plan/doc';
import { NewerSchemaError, SCHEMA_VERSION, migrateDoc } from '$lib/domain/plan/migrations';
import { planIdFromDocName } from '$lib/domain/docNames';
import type { Database } from '$lib/server/db';
import { log } from '$lib/server/log';
import { PlanWriteRefused, writePlan } from '$lib/server/plan/planStore';

export const MIGRATION_ORIGIN = 'plan-schema-migration';

export class PlanSchemaExtension implements Extension {
	// After the durable log has loaded the stored state.
	priority = 50;

	/** `loaded`: told of each document loaded at the current schema (or left as stored, see below). */
	constructor(private readonly options: { db: Database; loaded?: (documentName: string) => void }) {}

	async afterLoadDocument({ document, documentName }: afterLoadDocumentPayload) {
		const planId = planIdFromDocName(documentName);
		if (!planId) return;
		const version = getSchemaVersion(document);
		if (version > SCHEMA_VERSION) {
			document.destroy(); // a failed load is not unloaded by Hocuspocus 4.7 (hocuspocus#1156)
			throw new NewerSchemaError(version);
		}
		if (version === SCHEMA_VERSION) return this.options.loaded?.(documentName);
		try {
			const { result } = await writePlan(this.options.db, planId, { edit: (doc) => migrateDoc(doc, MIGRATION_ORIGIN) }, { author: null, document });
			if (result.applied.length) log().info({ documentName, ...result }, 'migrated plan document');
			this.options.loaded?.(documentName);
		} catch (error) {
			// The stored content is served as it is; the next load tries again.
			if (error instanceof PlanWriteRefused) log().info({ documentName, reason: error.reason }, 'plan document not migrated (only drafts are)');
			else log().error({ documentName, err: error }, 'could not store the migration of a plan document');
		}
	}
}
