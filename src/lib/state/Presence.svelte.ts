/**
 * Who is in the plan now, from the provider's awareness: one entry per connected client,
 * mine first. Local state carries the user's name and colour (also used by text carets).
 */
import type { HocuspocusProvider } from '@hocuspocus/provider';

export interface Person {
	clientId: number;
	name: string;
	color: string;
	me: boolean;
}

export class Presence {
	#people = $state<Person[]>([]);
	readonly #provider: HocuspocusProvider;
	readonly #update = () => this.#read();

	constructor(provider: HocuspocusProvider, me: { name: string; color: string }) {
		this.#provider = provider;
		provider.setAwarenessField('user', me);
		provider.awareness?.on('change', this.#update);
		this.#read();
	}

	get people() {
		return this.#people;
	}

	#read() {
		const awareness = this.#provider.awareness;
		if (!awareness) return;
		const people: Person[] = [];
		for (const [clientId, state] of awareness.getStates()) {
			const user = state.user as { name?: unknown; color?: unknown } | undefined;
			if (typeof user?.name !== 'string') continue;
			people.push({ clientId, name: user.name, color: typeof user.color === 'string' ? user.color : '#888', me: clientId === awareness.clientID });
		}
		people.sort((a, b) => Number(b.me) - Number(a.me) || a.name.localeCompare(b.name, 'th'));
		this.#people = people;
	}

	destroy() {
		this.#provider.awareness?.off('change', this.#update);
	}
}
