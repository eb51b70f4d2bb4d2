/**
 * The moment a plan's content freezes (it leaves draft), no client update may slip in
 * between "last edit accepted" and "state changed". The durable log passes every client
 * update through this gate; a workflow transition closes the gate for the plan's document,
 * waits until updates already past it are stored AND applied, and only then commits the new
 * state. Updates arriving after the close are neither stored nor applied.
 *
 * One per process: with several instances the transition's instance holds its own gate, and
 * the others learn of the new state when they re-check access (see AuthExtension).
 */
import { processSlot } from './processSlot';

export class WriteGate {
	private readonly frozen = new Set<string>();
	private readonly inFlight = new Map<string, number>();
	private readonly drained = new Map<string, (() => void)[]>();

	/** Whether an update for `docName` may pass; counts it as in flight when it may. */
	enter(docName: string): boolean {
		if (this.frozen.has(docName)) return false;
		this.inFlight.set(docName, (this.inFlight.get(docName) ?? 0) + 1);
		return true;
	}

	/**
	 * Marks an update done. Hocuspocus applies an update in the microtasks right after our
	 * hook resolves, so `leave` waits for the next macrotask before counting it out.
	 */
	leave(docName: string): void {
		setImmediate(() => {
			const left = (this.inFlight.get(docName) ?? 1) - 1;
			if (left > 0) return void this.inFlight.set(docName, left);
			this.inFlight.delete(docName);
			for (const resolve of this.drained.get(docName) ?? []) resolve();
			this.drained.delete(docName);
		});
	}

	/** Closes the gate and resolves once nothing is in flight. */
	freeze(docName: string): Promise<void> {
		this.frozen.add(docName);
		if (!this.inFlight.has(docName)) return Promise.resolve();
		return new Promise((resolve) => this.drained.set(docName, [...(this.drained.get(docName) ?? []), resolve]));
	}

	thaw(docName: string): void {
		this.frozen.delete(docName);
	}

	isFrozen(docName: string): boolean {
		return this.frozen.has(docName);
	}
}

export function writeGate(): WriteGate {
	const slot = processSlot();
	slot.writeGate ??= new WriteGate();
	return slot.writeGate;
}
