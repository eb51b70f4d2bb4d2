/**
 * Meetings live in the database, written only through commands; this extension tells the
 * plan's open connections that a meeting changed (a stateless `meeting` message) and the
 * pages fetch it again over HTTP — the same pattern as comments.
 */
import type { Extension, Hocuspocus, onConfigurePayload } from '@hocuspocus/server';
import { events } from '$lib/server/events';
import { planDocName } from '$lib/domain/docNames';

export class MeetingBroadcastExtension implements Extension {
	private instance?: Hocuspocus;
	// This instance's connections only: the event is bridged to every instance (events.ts).
	private readonly onMeetingChanged = (planId: string, meetingId: string) => {
		const document = this.instance?.documents.get(planDocName(planId));
		const message = JSON.stringify({ type: 'meeting', meetingId });
		for (const connection of document?.getConnections() ?? []) connection.sendStateless(message);
	};

	async onConfigure({ instance }: onConfigurePayload) {
		this.instance = instance;
		events().on('meetingChanged', this.onMeetingChanged);
	}

	async onDestroy() {
		events().off('meetingChanged', this.onMeetingChanged);
	}
}
