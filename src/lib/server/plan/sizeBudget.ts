/**
 * Per-plan bounds on bytes, in this process:
 *
 * - size: what a cold load of the plan reads (latest snapshot + log tail after it) may not
 *   pass `maxBytes`. Learnt exactly whenever the plan is read from storage, then moved by
 *   every append and compaction seen here. Updates that only delete are always let through,
 *   so a plan over the bound can still be trimmed.
 * - growth: the plan's log may not grow by more than `maxGrowthPerHour` in any sliding hour
 *   (minute buckets; seeded from the database on first use, so a restart does not reset it).
 *   Deleting and re-inserting keeps a document small but fills the log; this bounds the disk.
 *
 * Accepted bytes are reserved before the append and released if it fails, so concurrent
 * messages cannot all pass on the same remaining room.
 */
import { PlanWriteRefused } from './writeRefusal';

export interface PlanLimits {
	/** Largest stored size of one plan (snapshot + log tail), bytes. */
	maxBytes: number;
	/** Largest growth of one plan's update log in any hour, bytes. */
	maxGrowthPerHour: number;
}

export const DEFAULT_PLAN_LIMITS: PlanLimits = { maxBytes: 32 * 1024 * 1024, maxGrowthPerHour: 16 * 1024 * 1024 };

const MINUTE = 60_000;
const WINDOW_MINUTES = 60;

interface PlanBytes {
	/** Stored size, or null until the plan is first read here. */
	size: number | null;
	/** Log bytes per minute bucket (key: minute number). */
	minutes: Map<number, number>;
	/** Resolves once the last hour was read from the database. */
	seeded: Promise<void> | null;
}

export class SizeBudget {
	private readonly plans = new Map<string, PlanBytes>();

	constructor(
		private readonly limits: () => PlanLimits,
		/** Log bytes the plan gained since `since` (from the database). */
		private readonly loggedSince: (docName: string, since: Date) => Promise<number>,
		private readonly now: () => number = Date.now
	) {}

	private entry(docName: string): PlanBytes {
		let e = this.plans.get(docName);
		if (!e) {
			// A few numbers per plan ever written here; not worth evicting.
			e = { size: null, minutes: new Map(), seeded: null };
			this.plans.set(docName, e);
		}
		return e;
	}

	/** The exact stored size, as a read from storage just measured it. */
	measured(docName: string, bytes: number): void {
		this.entry(docName).size = bytes;
	}

	/** Compaction replaced `removed` stored bytes (old snapshot + folded tail) by `added` (new snapshot). */
	compacted(docName: string, removed: number, added: number): void {
		const e = this.plans.get(docName);
		if (e && e.size !== null) e.size = Math.max(0, e.size - removed + added);
	}

	/** Another instance stored `bytes` for this plan (relayed to us). */
	grewElsewhere(docName: string, bytes: number): void {
		const e = this.entry(docName);
		if (e.size !== null) e.size += bytes;
		this.addGrowth(e, bytes);
	}

	/**
	 * Reserves room for an append of `bytes`; throws PlanWriteRefused ('tooLarge' / 'tooFast').
	 * Returns the release to call when the append did not happen.
	 */
	async reserve(docName: string, bytes: number, onlyDeletes: boolean): Promise<() => void> {
		const e = this.entry(docName);
		e.seeded ??= this.loggedSince(docName, new Date(this.now() - WINDOW_MINUTES * MINUTE)).then(
			(logged) => void this.addGrowth(e, logged),
			() => void (e.seeded = null) // try again next time; the in-memory count still applies
		);
		await e.seeded;
		if (this.growth(e) + bytes > this.limits().maxGrowthPerHour) throw new PlanWriteRefused('tooFast', `${this.growth(e)} + ${bytes} bytes this hour`);
		if (!onlyDeletes && e.size !== null && e.size + bytes > this.limits().maxBytes) throw new PlanWriteRefused('tooLarge', `${e.size} + ${bytes} bytes`);
		if (e.size !== null) e.size += bytes;
		const minute = this.addGrowth(e, bytes);
		return () => {
			if (e.size !== null) e.size -= bytes;
			e.minutes.set(minute, (e.minutes.get(minute) ?? bytes) - bytes);
		};
	}

	/** Bytes of the plan's log in the last hour, as counted here. */
	growthOf(docName: string): number {
		const e = this.plans.get(docName);
		return e ? this.growth(e) : 0;
	}

	sizeOf(docName: string): number | null {
		return this.plans.get(docName)?.size ?? null;
	}

	private addGrowth(e: PlanBytes, bytes: number): number {
		const minute = Math.floor(this.now() / MINUTE);
		e.minutes.set(minute, (e.minutes.get(minute) ?? 0) + bytes);
		return minute;
	}

	private growth(e: PlanBytes): number {
		const oldest = Math.floor(this.now() / MINUTE) - WINDOW_MINUTES + 1;
		let sum = 0;
		for (const [minute, bytes] of e.minutes) {
			if (minute < oldest) e.minutes.delete(minute);
			else sum += bytes;
		}
		return sum;
	}
}
