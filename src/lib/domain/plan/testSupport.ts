/**
 * Test-only helpers (imported by *.test.ts, never by app code): the sample plan,
 * a seeded PRNG and a tiny network of Y.Docs that deliver updates in random orders.
 */
import { readFileSync } from 'node:fs';
import * as Y from 'yjs';
import type { PlanJson } from './types';

/** The demo seed's folder: one copy of the sample plan and its expected ผด.01 for demo and tests. */
const SAMPLE_DIR = new URL('../../server/demo/', import.meta.url);

/** Reads `sample-plan.json` or `sample-plan-pd01.json` from the demo seed's folder. */
export function loadSampleJson<T>(name: 'sample-plan.json' | 'sample-plan-pd01.json'): T {
	return JSON.parse(readFileSync(new URL(name, SAMPLE_DIR), 'utf8')) as T;
}

export function loadSamplePlan(): PlanJson {
	return loadSampleJson<PlanJson>('sample-plan.json');
}

/**
 * The sample plan cut down to a few rows per แผนงาน (every strategy and group, one narrative
 * section and the rows named in `keep` stay): the same shapes as the full plan at a fraction of the cost, for
 * tests that replay many random interleavings.
 */
export function loadSmallPlan(keep: readonly string[], perGroup = 1): PlanJson {
	const plan = loadSamplePlan();
	for (const strategy of plan.strategies) {
		for (const group of strategy.planGroups) {
			group.projects = group.projects.filter((p, i) => i < perGroup || keep.includes(p.id));
		}
	}
	plan.equipment = plan.equipment.slice(0, 3);
	plan.introduction.sections = plan.introduction.sections.slice(0, 1);
	return plan;
}

/** mulberry32: small, fast, good enough to shuffle deliveries reproducibly. */
export function prng(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

export function shuffle<T>(items: readonly T[], random: () => number): T[] {
	const out = [...items];
	for (let i = out.length - 1; i > 0; i--) {
		const j = Math.floor(random() * (i + 1));
		[out[i], out[j]] = [out[j], out[i]];
	}
	return out;
}

/**
 * N replicas that start from the same state, edit offline, then receive every other
 * replica's updates one by one in a random order (Yjs must converge regardless).
 */
export class Replicas {
	readonly docs: Y.Doc[];
	private outbox: { from: number; update: Uint8Array }[] = [];

	constructor(count: number, base?: Y.Doc) {
		const initial = base ? Y.encodeStateAsUpdate(base) : null;
		this.docs = Array.from({ length: count }, (_, i) => {
			const doc = new Y.Doc();
			doc.clientID = i + 1; // deterministic ids make a failing seed reproducible
			if (initial) Y.applyUpdate(doc, initial, 'initial');
			doc.on('update', (update: Uint8Array, origin: unknown) => {
				if (origin !== 'remote' && origin !== 'initial') this.outbox.push({ from: i, update });
			});
			return doc;
		});
	}

	/** Delivers every pending update to every other replica in a random interleaving. */
	sync(random: () => number): void {
		const deliveries = this.outbox.flatMap(({ from, update }) =>
			this.docs.map((_, to) => ({ from, to, update })).filter((d) => d.to !== d.from)
		);
		this.outbox = [];
		for (const d of shuffle(deliveries, random)) Y.applyUpdate(this.docs[d.to], d.update, 'remote');
	}

	/** True when every replica has the same state. */
	converged(): boolean {
		const [first, ...rest] = this.docs.map((d) => Buffer.from(Y.encodeStateVector(d)).toString('hex'));
		return rest.every((s) => s === first);
	}
}
