/**
 * The org admin uploads or removes the organization's emblem (ตราสัญลักษณ์) for the cover of the
 * plan. The file is checked by its size and bytes (domain/emblem.ts) before anything is kept;
 * refusals are message keys the settings page shows. Every change is in the audit log.
 */
import { createHash } from 'node:crypto';
import type { Database } from '../db';
import * as emblems from '../db/emblem';
import * as audit from '../db/audit';
import { authorizeInOrg } from '../policies/org';
import type { Actor } from '../policies/plan';
import { checkEmblem, EMBLEM_MAX_BYTES } from '$lib/domain/emblem';
import type { MessageKey } from '$lib/i18n';

export type EmblemResult = { ok: true; sha256: string } | { ok: false; error: MessageKey };

export async function uploadEmblem(db: Database, actor: Actor | null, file: File): Promise<EmblemResult> {
	authorizeInOrg(actor, actor?.orgId ?? '', 'manageEmblem');
	// The declared size first, so an oversized upload is never read into memory.
	if (file.size > EMBLEM_MAX_BYTES) return { ok: false, error: 'emblemTooLarge' };
	const bytes = new Uint8Array(await file.arrayBuffer());
	const checked = checkEmblem(bytes);
	if (!checked.ok) return checked;
	const sha256 = createHash('sha256').update(bytes).digest('hex');
	await db.tx(async (tx) => {
		await emblems.putEmblem(tx, { orgId: actor.orgId, mimeType: checked.type, size: bytes.byteLength, data: Buffer.from(bytes), sha256, uploadedBy: actor.id, uploadedAt: new Date() });
		await audit.record(tx, { orgId: actor.orgId, actorId: actor.id, action: 'org.emblem', data: { type: checked.type, size: bytes.byteLength, width: checked.width, height: checked.height, sha256 } });
	});
	return { ok: true, sha256 };
}

export async function removeEmblem(db: Database, actor: Actor | null): Promise<void> {
	authorizeInOrg(actor, actor?.orgId ?? '', 'manageEmblem');
	await db.tx(async (tx) => {
		if (await emblems.deleteEmblem(tx, actor.orgId)) await audit.record(tx, { orgId: actor.orgId, actorId: actor.id, action: 'org.emblem.remove', data: {} });
	});
}
