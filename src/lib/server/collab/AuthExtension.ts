/**
 * May this socket read or edit this plan? Authenticates the WebSocket with the same session
 * cookie as the pages, asks policies/plan.ts, and makes the connection read-only when the
 * policy says the user may read but not edit. Open connections are re-checked when a command
 * says a plan's access changed or a session ended, and on a timer (expiry, other instances).
 */
import type { Document, Extension, Hocuspocus, onAuthenticatePayload, onConfigurePayload } from '@hocuspocus/server';
import { Forbidden, Unauthorized } from '@hocuspocus/common';
import type { Database } from '$lib/server/db';
import { tokenFromCookieHeader, validateSessionToken, type SessionUser } from '$lib/server/auth/session';
import { loadPlanScene } from '$lib/server/planAccess';
import { can } from '$lib/server/policies/plan';
import { events } from '$lib/server/events';
import { planIdFromDocName, planDocName } from '$lib/domain/docNames';
import { log } from '$lib/server/log';
import * as sessions from '$lib/server/db/sessions';
import { colorFor } from '$lib/domain/colors';
import type { PresenceIdentity } from './presence';
import type { SocketCounter } from './socketLimits';
import { refuse, socketOf } from './contextSocket';

/** What a collaboration connection knows about who is on the other end. */
export interface CollabContext {
	user: SessionUser;
	sessionId: string;
	planId: string;
	/** The scope granted at authentication; a change of it means re-authenticating. */
	readOnly: boolean;
	/** The plan's workflow state this connection was last told (its page shows it). */
	planState: string;
	/** Who this connection is in presence: stamped over whatever the client claims. */
	presence: PresenceIdentity;
}

function presenceOf(user: SessionUser, role: string | null): PresenceIdentity {
	return { id: user.id, name: user.displayName, role, color: colorFor(user.id) };
}

/** Close codes the client can tell apart (4000–4999 are the application's). */
export const CloseCodes = {
	// Hocuspocus' codes; our lowercase reasons, which the client and tests match.
	unauthorized: { code: Unauthorized.code, reason: 'unauthorized' },
	forbidden: { code: Forbidden.code, reason: 'forbidden' },
	tooManySockets: { code: 4429, reason: 'too-many-sockets' },
	unavailable: { code: 4503, reason: 'server-unavailable' }
} as const;

type AnyConnection = ReturnType<Document['getConnections']>[number];

/** The stateless message that tells a client its scope changed (e.g. the plan was locked). */
export function accessMessage(readOnly: boolean, state: string) {
	return { type: 'access', readOnly, state } as const;
}

/**
 * Ends a connection and its socket. The socket goes too, because it was authenticated with a
 * session or for a scope that no longer holds; the provider reconnects and is asked again.
 */
function disconnect(connection: AnyConnection, close: { code: number; reason: string }) {
	connection.close(close);
	connection.webSocket.close(close.code, close.reason);
}

export class AuthExtension implements Extension {
	priority = 1000;
	private instance?: Hocuspocus;
	private sweep?: NodeJS.Timeout;
	private readonly onSessionsEnded = (ids: string[]) => this.closeSessions(new Set(ids));
	private readonly onPlanAccessChanged = (planId: string) => void this.recheckPlan(planId);

	constructor(private readonly options: { db: Database; sockets?: SocketCounter; sweepMs?: number }) {}

	async onConfigure({ instance }: onConfigurePayload) {
		this.instance = instance;
		events().on('sessionsEnded', this.onSessionsEnded);
		events().on('planAccessChanged', this.onPlanAccessChanged);
		this.sweep = setInterval(() => void this.recheckAll(), this.options.sweepMs ?? 30_000);
		this.sweep.unref();
	}

	async onDestroy() {
		events().off('sessionsEnded', this.onSessionsEnded);
		events().off('planAccessChanged', this.onPlanAccessChanged);
		clearInterval(this.sweep);
	}

	async onAuthenticate(payload: onAuthenticatePayload): Promise<CollabContext> {
		try {
			return await this.authenticate(payload);
		} catch (error) {
			if (typeof (error as { code?: unknown }).code === 'number') throw error; // one of our refusals
			// The database is unreachable, say: not the client's fault, and worth a retry.
			log().error({ err: error, documentName: payload.documentName }, 'collab authentication failed');
			refuse(payload.context, CloseCodes.unavailable);
		}
	}

	private async authenticate({ requestHeaders, context, documentName, connectionConfig }: onAuthenticatePayload): Promise<CollabContext> {
		const { db } = this.options;
		const token = tokenFromCookieHeader(requestHeaders.get('cookie') ?? undefined);
		const session = token ? await validateSessionToken(db, token) : null;
		if (!session) refuse(context, CloseCodes.unauthorized);
		const socket = socketOf(context);
		if (socket && this.options.sockets && !this.options.sockets.claimForUser(socket, session.user.id)) {
			log().warn({ userId: session.user.id }, 'collab socket refused: the user holds too many');
			refuse(context, CloseCodes.tooManySockets);
		}
		const planId = planIdFromDocName(documentName);
		const scene = planId ? await loadPlanScene(db, session.user, planId) : null;
		// Unknown plan and forbidden plan look the same from outside.
		if (!planId || !scene || !can(scene, 'read')) refuse(context, CloseCodes.forbidden);
		connectionConfig.readOnly = !can(scene, 'edit');
		log().info({ documentName, userId: session.user.id, readOnly: connectionConfig.readOnly }, 'collab connection authenticated');
		return { user: session.user, sessionId: session.id, planId, readOnly: connectionConfig.readOnly, planState: scene.plan.state, presence: presenceOf(session.user, scene.role) };
	}

	private connectionsOf(documentName?: string) {
		const docs = this.instance ? [...this.instance.documents.values()] : [];
		return docs.filter((d) => !documentName || d.name === documentName).flatMap((d) => d.getConnections());
	}

	private closeSessions(ids: Set<string>) {
		for (const connection of this.connectionsOf()) {
			const context = connection.context as Partial<CollabContext>;
			if (context.sessionId && ids.has(context.sessionId)) disconnect(connection, CloseCodes.unauthorized);
		}
	}

	/**
	 * Re-applies the policy to every open connection of a plan. A connection that may no
	 * longer read is closed; one whose edit right changed flips at once (Hocuspocus applies
	 * nothing a read-only connection sends). Its client is told with a stateless `access`
	 * message whenever its right or the plan's state changed (review → locked keeps it
	 * read-only, but its page must still show the lock), so it follows without a reconnect.
	 */
	async recheckPlan(planId: string) {
		const { db } = this.options;
		for (const connection of this.connectionsOf(planDocName(planId))) {
			const context = connection.context as CollabContext;
			const scene = await loadPlanScene(db, context.user, planId);
			if (!scene || !can(scene, 'read')) {
				connection.readOnly = true;
				disconnect(connection, CloseCodes.forbidden);
				continue;
			}
			context.presence = presenceOf(context.user, scene.role);
			const readOnly = !can(scene, 'edit');
			connection.readOnly = readOnly;
			if (readOnly === context.readOnly && scene.plan.state === context.planState) continue;
			context.readOnly = readOnly;
			context.planState = scene.plan.state;
			connection.sendStateless(JSON.stringify(accessMessage(readOnly, scene.plan.state)));
		}
	}

	/** Sessions that expired or were revoked elsewhere end their connections too. */
	private async recheckAll() {
		const { db } = this.options;
		const seen = new Map<string, boolean>();
		try {
			for (const connection of this.connectionsOf()) {
				const context = connection.context as Partial<CollabContext>;
				if (!context.sessionId) continue;
				if (!seen.has(context.sessionId)) {
					const row = await sessions.getWithUser(db, context.sessionId);
					seen.set(context.sessionId, !!row && row.session.expiresAt.getTime() > Date.now() && !row.user.disabledAt);
				}
				if (!seen.get(context.sessionId)) disconnect(connection, CloseCodes.unauthorized);
			}
		} catch (err) {
			log().error({ err }, 'session sweep failed');
		}
	}
}
