/**
 * Keeps a provider in step with the server's `access` messages (sent when a plan is locked or
 * returned to draft). On becoming writable again it re-syncs: changes the server refused
 * while the plan was frozen are offered again and the unsynced counter starts afresh.
 * Used by the browser's PlanConnection and by test clients alike.
 *
 * Only the server sends stateless messages (it refuses clients' broadcasts); the message is
 * still taken for exactly what the server sends — a boolean and a known workflow state —
 * and rebuilt from those two fields. Read-only is never lifted by a message alone: the
 * server decides on its side, and a wrong "writable" only means refused writes.
 */
import type { HocuspocusProvider } from '@hocuspocus/provider';
import { isPlanState, type PlanState } from '$lib/domain/workflow';

export interface AccessMessage {
	type: 'access';
	readOnly: boolean;
	/** The plan's workflow state after the change. */
	state: PlanState;
}

function parseAccessMessage(payload: string): AccessMessage | null {
	let message: unknown;
	try {
		message = JSON.parse(payload);
	} catch {
		return null;
	}
	if (typeof message !== 'object' || message === null) return null;
	const { type, readOnly, state } = message as Record<string, unknown>;
	if (type !== 'access' || typeof readOnly !== 'boolean' || !isPlanState(state)) return null;
	return { type, readOnly, state };
}

/** Calls `onAccess` for every access message; returns the unsubscribe function. */
export function followAccess(provider: HocuspocusProvider, onAccess: (message: AccessMessage) => void): () => void {
	const handler = ({ payload }: { payload: string }) => {
		const message = parseAccessMessage(payload);
		if (!message) return;
		onAccess(message);
		if (!message.readOnly) provider.forceSync();
	};
	provider.on('stateless', handler);
	return () => provider.off('stateless', handler);
}
