/**
 * One meeting in the browser: fetched from the server (the only writer), fetched again when
 * the collaboration socket says the meeting changed (a stateless `meeting` message), and
 * commands sent as JSON; a refusal comes back as its reason for the page to translate.
 */
import type { HocuspocusProvider } from '@hocuspocus/provider';
import type { MeetingView } from '$lib/server/meetingView';

export class MeetingRoom {
	#view = $state<MeetingView | null>(null);
	#error = $state<string | null>(null);
	readonly #base: string;
	readonly #stop: () => void;
	#pending = 0;

	constructor(
		readonly planId: string,
		readonly meetingId: string,
		provider: HocuspocusProvider | null
	) {
		this.#base = `/api/plans/${planId}/meetings/${meetingId}`;
		const onStateless = ({ payload }: { payload: string }) => {
			if (payload.includes('"type":"meeting"')) void this.refresh();
		};
		// After a reconnect, messages sent meanwhile were missed: fetch again.
		const onSynced = () => void this.refresh();
		provider?.on('stateless', onStateless);
		provider?.on('synced', onSynced);
		this.#stop = () => {
			provider?.off('stateless', onStateless);
			provider?.off('synced', onSynced);
		};
		void this.refresh();
	}

	get view() {
		return this.#view;
	}
	/** The last refusal's reason (a message key suffix), or null. */
	get error() {
		return this.#error;
	}

	async refresh(): Promise<void> {
		const asked = ++this.#pending;
		const res = await fetch(this.#base);
		// Only the newest answer counts when messages arrive faster than the fetches.
		if (res.ok && asked === this.#pending) this.#view = (await res.json()) as MeetingView;
	}

	/** Sends one meeting command; resolves to true when the server accepted it. */
	async act(body: Record<string, unknown>): Promise<boolean> {
		return this.#post(this.#base, body);
	}

	async propose(change: unknown, reason: string): Promise<boolean> {
		return this.#post(`/api/plans/${this.planId}/proposals`, { change, reason });
	}

	async #post(url: string, body: Record<string, unknown>): Promise<boolean> {
		const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
		if (res.ok) {
			this.#error = null;
			await this.refresh();
			return true;
		}
		const answer = (await res.json().catch(() => ({}))) as { error?: string; message?: string };
		this.#error = answer.error ?? (res.status === 403 ? 'forbidden' : 'invalidInput');
		return false;
	}

	destroy() {
		this.#stop();
	}
}
