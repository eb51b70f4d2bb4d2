/**
 * Comments live in the database and are written only through the server; this extension
 * tells the plan's open connections that a thread changed (a stateless `comments` message),
 * and clients fetch the threads again over HTTP — so every comment a client sees was
 * authored and stamped by the server.
 */
import type { Extension, Hocuspocus, onConfigurePayload } from '@hocuspocus/server';
import { events } from '$lib/server/events';
import { planDocName } from '$lib/domain/docNames';

export class CommentsBroadcastExtension implements Extension {
	private instance?: Hocuspocus;
	// To this instance's connections only: the event itself is bridged to every instance
	// (events.ts), so a Redis-relayed broadcast on top would tell each client twice.
	private readonly onCommentsChanged = (planId: string, threadId: string) => {
		const document = this.instance?.documents.get(planDocName(planId));
		const message = JSON.stringify({ type: 'comments', threadId });
		for (const connection of document?.getConnections() ?? []) connection.sendStateless(message);
	};

	async onConfigure({ instance }: onConfigurePayload) {
		this.instance = instance;
		events().on('commentsChanged', this.onCommentsChanged);
	}

	async onDestroy() {
		events().off('commentsChanged', this.onCommentsChanged);
	}
}
