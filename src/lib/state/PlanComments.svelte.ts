/**
 * The review threads of one plan in the browser: fetched from the server (the only writer),
 * refreshed when the collaboration socket says a thread changed, filtered for the side panel,
 * and counted per row and cell for the table's badges.
 */
import type { HocuspocusProvider } from '@hocuspocus/provider';
import type * as Y from 'yjs';
import type { CommentAnchor, ThreadView } from '$lib/domain/comments';
import { anchorExists } from '$lib/domain/plan/anchors';

export type Thread = ThreadView;

export type ThreadFilter = 'open' | 'resolved' | 'mine' | 'all';

/** A refused write, with the server's reason (translated by the panel). */
export class CommentError extends Error {
	constructor(readonly reason: string) {
		super(reason);
	}
}

export class PlanComments {
	#threads = $state<Thread[]>([]);
	#filter = $state<ThreadFilter>('open');
	#section = $state<string | null>(null);
	/** Bumped when the document changes, so anchor checks re-run. */
	#docVersion = $state(0);
	readonly #base: string;
	readonly #stop: () => void;

	constructor(
		readonly planId: string,
		readonly myId: string,
		private readonly provider: HocuspocusProvider,
		private readonly doc: Y.Doc
	) {
		this.#base = `/api/plans/${planId}/comments`;
		const onStateless = ({ payload }: { payload: string }) => {
			if (payload.includes('"type":"comments"')) void this.refresh();
		};
		const onUpdate = () => this.#docVersion++;
		provider.on('stateless', onStateless);
		doc.on('update', onUpdate);
		this.#stop = () => {
			provider.off('stateless', onStateless);
			doc.off('update', onUpdate);
		};
		void this.refresh();
	}

	get threads() {
		return this.#threads;
	}
	get filter() {
		return this.#filter;
	}
	set filter(value: ThreadFilter) {
		this.#filter = value;
	}
	/** Only threads on this narrative section (text anchors), or null for all. */
	get section() {
		return this.#section;
	}
	set section(value: string | null) {
		this.#section = value;
	}

	get visible(): Thread[] {
		return this.#threads.filter((t) => {
			if (this.#section && !(t.anchor.kind === 'text' && t.anchor.sectionId === this.#section)) return false;
			switch (this.#filter) {
				case 'open':
					return t.status === 'open';
				case 'resolved':
					return t.status === 'resolved';
				case 'mine':
					return t.comments.some((c) => c.authorId === this.myId);
				case 'all':
					return true;
			}
		});
	}

	get openCount() {
		return this.#threads.filter((t) => t.status === 'open').length;
	}

	/** Open threads per `table/row` and per `table/row/field`, for the grid's badges. */
	#counts = $derived.by(() => {
		// Rebuilt whole on every change of the threads; no per-key reactivity needed.
		// eslint-disable-next-line svelte/prefer-svelte-reactivity
		const counts = new Map<string, number>();
		const bump = (key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);
		for (const t of this.#threads) {
			if (t.status !== 'open' || (t.anchor.kind !== 'row' && t.anchor.kind !== 'cell')) continue;
			bump(`${t.anchor.table}/${t.anchor.rowId}`);
			if (t.anchor.kind === 'cell') bump(`${t.anchor.table}/${t.anchor.rowId}/${t.anchor.field}`);
		}
		return counts;
	});

	/** Open threads on a row (and its cells), or on one cell when `field` is given. */
	countFor(table: string, rowId: string, field?: string): number {
		return this.#counts.get(field === undefined ? `${table}/${rowId}` : `${table}/${rowId}/${field}`) ?? 0;
	}

	/** Open text threads of one narrative section, for its highlights. */
	textThreads(sectionId: string) {
		return this.#threads.flatMap((t) => (t.status === 'open' && t.anchor.kind === 'text' && t.anchor.sectionId === sectionId ? [{ id: t.id, anchor: t.anchor }] : []));
	}

	/** Whether what the thread was made on is still in the document. */
	anchorAlive(thread: Thread): boolean {
		void this.#docVersion;
		return anchorExists(this.doc, thread.anchor);
	}

	async refresh() {
		// Offline (e.g. a page reloaded from the service worker's cache): keep what is shown.
		const res = await fetch(this.#base).catch(() => null);
		if (res?.ok) this.#threads = (await res.json()) as Thread[];
	}

	async create(anchor: CommentAnchor, quote: string, body: string): Promise<string> {
		const { threadId } = await this.#send<{ threadId: string }>('POST', this.#base, { anchor, quote, body });
		await this.refresh();
		return threadId;
	}

	async reply(threadId: string, body: string) {
		await this.#send('POST', `${this.#base}/${threadId}/replies`, { body });
		await this.refresh();
	}

	async setStatus(threadId: string, status: 'open' | 'resolved') {
		await this.#send('PATCH', `${this.#base}/${threadId}`, { status });
		await this.refresh();
	}

	async edit(threadId: string, commentId: string, body: string) {
		await this.#send('PATCH', `${this.#base}/${threadId}/replies/${commentId}`, { body });
		await this.refresh();
	}

	async hide(threadId: string, commentId: string) {
		await this.#send('DELETE', `${this.#base}/${threadId}/replies/${commentId}`);
		await this.refresh();
	}

	async #send<T>(method: string, url: string, body?: unknown): Promise<T> {
		const res = await fetch(url, {
			method,
			headers: body === undefined ? {} : { 'content-type': 'application/json' },
			body: body === undefined ? undefined : JSON.stringify(body)
		});
		const data = (await res.json().catch(() => ({}))) as T & { error?: string; message?: string };
		if (!res.ok) throw new CommentError(data.error ?? (res.status === 403 ? 'forbidden' : 'failed'));
		return data;
	}

	destroy() {
		this.#stop();
	}
}
