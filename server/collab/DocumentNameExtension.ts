/**
 * Only plan documents exist: a connection to any other name, or to a plan the database does
 * not know, is refused before a document is created for it.
 */
import type { Extension, onConnectPayload } from '@hocuspocus/server';
import type { Database } from '$lib/server/db';
import * as plans from '$lib/server/db/plans';
import { planIdFromDocName } from '$lib/domain/docNames';

export class DocumentNameExtension implements Extension {
	priority = 1000;
	constructor(private readonly options: { db: Database }) {}

	async onConnect({ documentName }: onConnectPayload) {
		const planId = planIdFromDocName(documentName);
		if (!planId || !(await plans.get(this.options.db, planId))) {
			throw Object.assign(new Error('unknown document'), { code: 4404, reason: 'unknown-document' });
		}
	}
}
