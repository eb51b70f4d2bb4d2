/** Freezes the plan's stored content as a named version (by hand, or at every transition). */
import type { Database } from '../db';
import * as versions from '../db/versions';
import { readPlanContent } from '../planContentState';
import { newId } from '../ids';

export interface CreateVersionProps {
	planId: string;
	/** Shown in the version list, e.g. "ล็อกเพื่อเสนอผู้บริหาร". */
	name: string;
	kind: 'manual' | 'transition' | 'resolution';
	/** The plan state the version belongs to. */
	state: string;
	createdBy: string | null;
	/** At lock: the frozen comment register (canonical JSON). */
	commentRegister?: string | null;
}

export async function createVersion(db: Database, props: CreateVersionProps) {
	const content = await readPlanContent(db, props.planId);
	const row = {
		id: newId(),
		planId: props.planId,
		name: props.name,
		kind: props.kind,
		state: props.state,
		yjsState: Buffer.from(content.yjsState),
		canonicalJson: content.canonicalJson,
		sha256: content.sha256,
		logSeq: content.logSeq,
		createdBy: props.createdBy,
		commentRegister: props.commentRegister ?? null,
		createdAt: new Date()
	};
	await versions.insert(db, row);
	return row;
}
