/**
 * Keeps a provider in step with the server's `access` messages (sent when a plan is locked or
 * returned to draft). On becoming writable again it re-syncs: changes the server refused
 * while the plan was frozen are offered again and the unsynced counter starts afresh.
 * Used by the browser's PlanConnection and by test clients alike.
 */
import type { HocuspocusProvider } from '@hocuspocus/provider';

export interface AccessMessage {
	type: 'access';
	readOnly: boolean;
	/** The plan's workflow state after the change. */
	state: string;
}

export function parseAccessMessage(payload: string): AccessMessage | null {
	try {
		const message = JSON.parse(payload) as Partial<AccessMessage>;
		return message.type === 'access' && typeof message.readOnly === 'boolean' ? (message as AccessMessage) : null;
	} catch {
		return null;
	}
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
