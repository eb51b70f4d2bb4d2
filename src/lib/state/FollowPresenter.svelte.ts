/**
 * Following a meeting's presenter in the plan editor, over the collaboration socket's
 * awareness. The presenter's page publishes where it is looking (`view`: a part of the page,
 * how far into it, and the grid row and column under its cursor); a follower's page shows the
 * same place whenever it changes. Following is chosen (one click to follow, one to stop) and
 * stops by itself when the follower scrolls or acts on the page.
 *
 * Whom to follow comes from the meeting (the presenter the chair or secretary named, else the
 * secretary), never from the sockets: a follower reads only the state the server stamped with
 * that user's id (collab/presence.ts overwrites every client's `user`), so nobody else can lead.
 */
import type { HocuspocusProvider } from '@hocuspocus/provider';

/** Parts of the editor page, in page order (their element ids). */
export const VIEW_PARTS = ['narrative', 'pd02', 'pd021', 'pd01', 'outline'] as const;
export type ViewPart = (typeof VIEW_PARTS)[number];

export interface PresenterView {
	part: ViewPart;
	/** How far into the part the top of the screen is, 0–1. */
	y: number;
	rowId: string | null;
	col: string | null;
}

export function readView(v: unknown): PresenterView | null {
	if (typeof v !== 'object' || v === null) return null;
	const o = v as Record<string, unknown>;
	if (!VIEW_PARTS.includes(o.part as ViewPart) || typeof o.y !== 'number' || !(o.y >= 0 && o.y <= 1)) return null;
	return {
		part: o.part as ViewPart,
		y: o.y,
		rowId: typeof o.rowId === 'string' ? o.rowId : null,
		col: typeof o.col === 'string' ? o.col : null
	};
}

const key = (v: PresenterView | null) => (v ? `${v.part}|${v.y.toFixed(3)}|${v.rowId ?? ''}|${v.col ?? ''}` : '');

export class FollowPresenter {
	#following = $state(false);
	#target = $state.raw<PresenterView | null>(null);
	#presenterId = $state('');
	readonly #provider: HocuspocusProvider;
	readonly #me: string;
	readonly #show: (view: PresenterView) => void;
	readonly #update = () => this.#read();
	#published = '';

	/** `show` brings the page to the presenter's view (called while following, on every change). */
	constructor(provider: HocuspocusProvider, me: string, presenterId: string, show: (view: PresenterView) => void) {
		this.#provider = provider;
		this.#me = me;
		this.#presenterId = presenterId;
		this.#show = show;
		provider.awareness?.on('change', this.#update);
		this.#read();
	}

	get presenterId() {
		return this.#presenterId;
	}
	set presenterId(id: string) {
		if (id === this.#presenterId) return;
		this.#presenterId = id;
		// No longer presenting: stop telling others where I look.
		if (id !== this.#me) this.#publishRaw(null);
		this.#target = null;
		this.#read();
	}
	get isPresenter() {
		return this.#presenterId === this.#me;
	}
	get following() {
		return this.#following;
	}
	/** Where the presenter is now (null while they are not on the plan's page). */
	get target() {
		return this.#target;
	}

	follow() {
		if (this.isPresenter) return;
		this.#following = true;
		if (this.#target) this.#show(this.#target);
	}
	unfollow() {
		this.#following = false;
	}

	/** The presenter's page says where it is looking (ignored on anyone else's page). */
	publish(view: PresenterView | null) {
		if (this.isPresenter) this.#publishRaw(view);
	}

	#publishRaw(view: PresenterView | null) {
		const k = key(view);
		if (k === this.#published) return;
		this.#published = k;
		this.#provider.setAwarenessField('view', view);
	}

	#read() {
		const awareness = this.#provider.awareness;
		if (!awareness || this.isPresenter) return;
		let found: PresenterView | null = null;
		for (const [clientId, state] of awareness.getStates()) {
			if (clientId === awareness.clientID) continue;
			const user = state.user as { id?: unknown } | undefined;
			if (user?.id !== this.#presenterId) continue;
			found = readView(state.view) ?? found;
		}
		if (key(found) === key(this.#target)) return;
		this.#target = found;
		if (found && this.#following) this.#show(found);
	}

	destroy() {
		this.#provider.awareness?.off('change', this.#update);
		if (this.isPresenter) this.#publishRaw(null);
	}
}
