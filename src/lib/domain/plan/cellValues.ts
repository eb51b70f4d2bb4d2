/**
 * A plan's table cells as people read them, keyed by table, row and column: what the review
 * of refused or conflicting offline edits lists and compares. Short cells (a name, an amount,
 * a unit, the months) hold one person's value; long text (activity details) merges characters.
 */
import type * as Y from 'yjs';
import { getEquipment, getProject } from './doc';
import { formatBaht } from './money';
import type { EquipmentItem, Plan, Project } from './types';

export type CellTable = 'projects' | 'equipment';

export const PROJECT_CELLS = ['name', 'activityDetail', 'location', 'budget', 'responsibleUnit', 'months'] as const;
export const EQUIPMENT_CELLS = ['item', 'detail', 'location', 'quantity', 'unit', 'budget', 'responsibleUnit', 'months'] as const;
export type CellField = (typeof PROJECT_CELLS)[number] | (typeof EQUIPMENT_CELLS)[number];

/** Long text: concurrent edits keep both people's characters. */
const LONG_TEXT: ReadonlySet<string> = new Set(['activityDetail', 'detail']);
export const isShortCell = (field: string) => !LONG_TEXT.has(field);

export const isCellField = (table: CellTable, field: string): field is CellField =>
	((table === 'projects' ? PROJECT_CELLS : EQUIPMENT_CELLS) as readonly string[]).includes(field);

export interface CellValue {
	table: CellTable;
	rowId: string;
	/** The row's name (project name, equipment item), to say where the cell is. */
	rowName: string;
	field: CellField;
	/** As printed: baht with separators, months as numbers. */
	text: string;
	/** The stored value (satang for amounts, month numbers), to write back. */
	value: string | number | number[];
}

export const cellKey = (table: CellTable, rowId: string, field: string) => `${table}\u0000${rowId}\u0000${field}`;

function show(field: CellField, value: CellValue['value']): string {
	if (field === 'budget') return formatBaht(value as number, { zero: 'number' });
	if (field === 'months') return (value as number[]).join(', ');
	return String(value);
}

function projectValue(p: Project, field: (typeof PROJECT_CELLS)[number]): CellValue['value'] {
	return field === 'months' ? [...p.activeMonths] : p[field];
}

function equipmentValue(e: EquipmentItem, field: (typeof EQUIPMENT_CELLS)[number]): CellValue['value'] {
	return field === 'months' ? [...e.activeMonths] : e[field];
}

/** Every table cell of the plan, keyed by cellKey. */
export function planCells(plan: Plan): Map<string, CellValue> {
	const cells = new Map<string, CellValue>();
	for (const p of plan.projects) {
		for (const field of PROJECT_CELLS) {
			const value = projectValue(p, field);
			cells.set(cellKey('projects', p.id, field), { table: 'projects', rowId: p.id, rowName: p.name, field, value, text: show(field, value) });
		}
	}
	for (const e of plan.equipment) {
		for (const field of EQUIPMENT_CELLS) {
			const value = equipmentValue(e, field);
			cells.set(cellKey('equipment', e.id, field), { table: 'equipment', rowId: e.id, rowName: e.item, field, value, text: show(field, value) });
		}
	}
	return cells;
}

export interface CellDifference {
	key: string;
	before: CellValue | null;
	after: CellValue | null;
}

/** Cells whose shown value differs between two plans (rows added or removed included). */
export function changedCells(before: Map<string, CellValue>, after: Map<string, CellValue>): CellDifference[] {
	const out: CellDifference[] = [];
	for (const [key, a] of after) {
		const b = before.get(key) ?? null;
		if (!b || b.text !== a.text) out.push({ key, before: b, after: a });
	}
	for (const [key, b] of before) if (!after.has(key)) out.push({ key, before: b, after: null });
	return out;
}

/** One cell of a document as printed, or null when the row (or the column) is not there. */
export function readCellText(doc: Y.Doc, table: CellTable, rowId: string, field: string): string | null {
	if (!isCellField(table, field)) return null;
	if (table === 'projects') {
		const p = getProject(doc, rowId);
		return p ? show(field, projectValue(p, field as (typeof PROJECT_CELLS)[number])) : null;
	}
	const e = getEquipment(doc, rowId);
	return e ? show(field, equipmentValue(e, field as (typeof EQUIPMENT_CELLS)[number])) : null;
}
