/**
 * Brings every plan document to the current schema once, when it is loaded, before any
 * client sees it. The migration's changes are logged like any server-side change.
 */
import type { Extension, afterLoadDocumentPayload } from '@hocuspocus/server';
import { migrateDoc } from '$lib/domain/plan/migrations';
import { log } from '$lib/server/log';

export const MIGRATION_ORIGIN = 'plan-schema-migration';

export class PlanSchemaExtension implements Extension {
	// After the durable log has loaded the stored state.
	priority = 50;

	async afterLoadDocument({ document, documentName }: afterLoadDocumentPayload) {
		const result = migrateDoc(document, MIGRATION_ORIGIN);
		if (result.applied.length) log().info({ documentName, ...result }, 'migrated plan document');
	}
}
