/** Equipment rows (ผด.02/1), one ordered list across all แผนงาน. */
import * as Y from 'yjs';
import type { EquipmentItem, Month } from '../types';
import { EQUIPMENT_TEXT_FIELDS, ROOT, root, type EquipmentTextField } from './keys';
import { DEFAULT_FUNDING, assertSatang, readFunding, readMonths, readRef, setMonthFlag, writeField, writeFunding, writeMonths } from './cells';
import { clone, insertOrdered, moveOrdered, newId, num, sortedRows, str, transact, type YRow } from './rows';

function readEquipment(id: string, row: YRow): EquipmentItem {
	return {
		id,
		planCode: str(row, 'planCode'),
		category: str(row, 'category'),
		type: str(row, 'type'),
		item: str(row, 'item'),
		detail: str(row, 'detail'),
		quantity: num(row, 'quantity'),
		unit: str(row, 'unit'),
		budget: num(row, 'budget'),
		location: str(row, 'location'),
		responsibleUnit: str(row, 'responsibleUnit'),
		activeMonths: readMonths(row),
		fundingSource: readFunding(row),
		localDevPlanRef: readRef(row)
	};
}

export type NewEquipment = Partial<Omit<EquipmentItem, 'planCode'>> & Pick<EquipmentItem, 'planCode'>;

/** Adds an equipment row at `index` (default last); returns its id. */
export function addEquipment(doc: Y.Doc, input: NewEquipment, index?: number): string {
	const id = input.id ?? newId('EQ');
	const budget = input.budget ?? 0;
	assertSatang(budget);
	const map = root(doc, ROOT.equipment);
	if (map.has(id)) throw new RangeError(`equipment id already used: ${id}`);
	transact(doc, () =>
		insertOrdered(map, id, index, (row) => {
			row.set('planCode', input.planCode);
			row.set('category', input.category ?? 'ค่าครุภัณฑ์');
			row.set('type', input.type ?? '');
			for (const f of EQUIPMENT_TEXT_FIELDS) row.set(f, new Y.Text(input[f] ?? ''));
			row.set('quantity', input.quantity ?? 1);
			row.set('unit', input.unit ?? '');
			row.set('budget', budget);
			row.set('responsibleUnit', input.responsibleUnit ?? '');
			row.set('localDevPlanRef', input.localDevPlanRef ? clone(input.localDevPlanRef) : null);
			writeFunding(row, input.fundingSource ?? DEFAULT_FUNDING);
			writeMonths(row, input.activeMonths ?? []);
		})
	);
	return id;
}

export type EquipmentFields = Omit<EquipmentItem, 'id' | 'activeMonths'>;

export function updateEquipmentField<K extends keyof EquipmentFields>(
	doc: Y.Doc,
	id: string,
	field: K,
	value: EquipmentFields[K]
): boolean {
	const row = root(doc, ROOT.equipment).get(id);
	if (!(row instanceof Y.Map)) return false;
	transact(doc, () => writeField(row as YRow, field, value));
	return true;
}

export function getEquipmentText(doc: Y.Doc, id: string, field: EquipmentTextField): Y.Text | null {
	const row = root(doc, ROOT.equipment).get(id);
	if (!(row instanceof Y.Map)) return null;
	const t = row.get(field);
	return t instanceof Y.Text ? t : null;
}

export function setEquipmentMonth(doc: Y.Doc, id: string, month: Month, on: boolean): boolean {
	const row = root(doc, ROOT.equipment).get(id);
	if (!(row instanceof Y.Map)) return false;
	setMonthFlag(row as YRow, month, on);
	return true;
}

export function moveEquipment(doc: Y.Doc, id: string, index: number): boolean {
	let ok = false;
	transact(doc, () => (ok = moveOrdered(root(doc, ROOT.equipment), id, index)));
	return ok;
}

export function deleteEquipment(doc: Y.Doc, id: string): boolean {
	const map = root(doc, ROOT.equipment);
	if (!map.has(id)) return false;
	map.delete(id);
	return true;
}

export function listEquipment(doc: Y.Doc): EquipmentItem[] {
	return sortedRows(root(doc, ROOT.equipment)).map(([id, row]) => readEquipment(id, row));
}

/** One equipment row, or null when it is gone. */
export function getEquipment(doc: Y.Doc, id: string): EquipmentItem | null {
	const row = root(doc, ROOT.equipment).get(id);
	return row instanceof Y.Map ? readEquipment(id, row as YRow) : null;
}

/** Copies an equipment row into a new row right below it; null if gone. */
export function duplicateEquipment(doc: Y.Doc, id: string): string | null {
	const list = listEquipment(doc);
	const at = list.findIndex((e) => e.id === id);
	if (at < 0) return null;
	const { id: _old, ...fields } = list[at];
	let newIdValue = '';
	transact(doc, () => (newIdValue = addEquipment(doc, fields, at + 1)));
	return newIdValue;
}
