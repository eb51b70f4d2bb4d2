/**
 * Own budget or another agency's, per ผด.02 row, for the editor's small own/other panel:
 * the rows are read only while the panel is open (a list of every project on each change
 * would be wasted work while nobody looks), and a change is one edit by my origin, so undo
 * takes it back like any cell.
 */
import type * as Y from 'yjs';
import { listProjects, observePlanChanges, updateProjectField } from '$lib/domain/plan/doc';
import { fundingFor } from '$lib/domain/plan/funding';

export interface FundingRow {
	id: string;
	name: string;
	unit: string;
	own: boolean;
}

export class FundingRows {
	rows: FundingRow[] = [];
	#stop: (() => void) | null = null;

	constructor(
		private readonly doc: Y.Doc,
		private readonly origin: unknown,
		/** Called with the rows each time they are read (the component keeps them in $state). */
		private readonly onRows: (rows: FundingRow[]) => void = () => undefined
	) {}

	/** Starts (true) or stops (false) following the plan. */
	follow(open: boolean): void {
		this.#stop?.();
		this.#stop = null;
		if (!open) return;
		this.#read();
		this.#stop = observePlanChanges(this.doc, (c) => {
			if (c.projectLayout || c.projectCells.size) this.#read();
		});
	}

	setOwn(id: string, own: boolean): void {
		const row = this.rows.find((r) => r.id === id);
		if (!row || row.own === own) return;
		this.doc.transact(() => updateProjectField(this.doc, id, 'fundingSource', fundingFor(own, row.unit)), this.origin);
	}

	#read(): void {
		this.rows = listProjects(this.doc).map((p) => ({ id: p.id, name: p.name, unit: p.responsibleUnit, own: p.fundingSource.type === 'own' }));
		this.onRows(this.rows);
	}

	destroy(): void {
		this.follow(false);
	}
}
