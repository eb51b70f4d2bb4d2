/**
 * Writes one table cell back to a value read by cellValues (a conflict's chosen side). Text
 * cells get the smallest character edit, so the result is exactly the chosen text.
 */
import type * as Y from 'yjs';
import { getEquipment, getProject, setEquipmentMonth, setMonth, updateEquipmentField, updateProjectField, type EquipmentFields, type ProjectFields } from './doc';
import { FISCAL_MONTHS, type Month } from './types';
import type { CellValue } from './cellValues';

export function writeCell(doc: Y.Doc, cell: Pick<CellValue, 'table' | 'rowId' | 'field'>, value: CellValue['value']): boolean {
	const { table, rowId, field } = cell;
	if (field === 'months') {
		const row = table === 'projects' ? getProject(doc, rowId) : getEquipment(doc, rowId);
		if (!row) return false;
		const now = new Set<number>(row.activeMonths);
		const on = new Set(value as number[]);
		const set = table === 'projects' ? setMonth : setEquipmentMonth;
		// Only the months that differ: the others keep whoever ticked them.
		doc.transact(() => {
			for (const m of FISCAL_MONTHS) if (now.has(m) !== on.has(m)) set(doc, rowId, m as Month, on.has(m));
		});
		return true;
	}
	return table === 'projects'
		? updateProjectField(doc, rowId, field as keyof ProjectFields, value as never)
		: updateEquipmentField(doc, rowId, field as keyof EquipmentFields, value as never);
}
