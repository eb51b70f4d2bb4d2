/**
 * The ผด.02/1 equipment table (ครุภัณฑ์ not part of a project): one flat list in print
 * order, edited like the project table. Only touched rows are re-read.
 */
/* eslint-disable svelte/prefer-svelte-reactivity -- the Maps and Sets here are private indexes rebuilt whole on each read; the UI reads the $state.raw values they produce, never the collections. */
import type * as Y from 'yjs';
import {
	addEquipment,
	deleteEquipment,
	duplicateEquipment,
	getCellText,
	getEquipment,
	getMeta,
	listEquipment,
	listPlanCatalogue,
	moveEquipment,
	setEquipmentMonth,
	updateEquipmentField,
	type PlanChanges
} from '$lib/domain/plan/doc';
import { formatBaht } from '$lib/domain/plan/money';
import type { EquipmentItem, Month } from '$lib/domain/plan/types';
import { translate, type Locale } from '$lib/i18n';
import { monthColumns, type ColumnDef, type DataRow, type GridRecord, type GridRow } from './grid';
import { GridTable, type LocalOrigins } from './GridTable.svelte';

/** ประเภทครุภัณฑ์ commonly used in LAO budgets (OPERATIONAL_PLAN.md §3.3), as suggestions. */
const EQUIPMENT_TYPES = [
	'ครุภัณฑ์สำนักงาน',
	'ครุภัณฑ์คอมพิวเตอร์',
	'ครุภัณฑ์ยานพาหนะและขนส่ง',
	'ครุภัณฑ์ไฟฟ้าและวิทยุ',
	'ครุภัณฑ์โฆษณาและเผยแพร่',
	'ครุภัณฑ์การเกษตร',
	'ครุภัณฑ์ก่อสร้าง',
	'ครุภัณฑ์งานบ้านงานครัว',
	'ครุภัณฑ์วิทยาศาสตร์หรือการแพทย์',
	'ครุภัณฑ์กีฬา',
	'ครุภัณฑ์ดนตรีและนาฏศิลป์',
	'ครุภัณฑ์สำรวจ',
	'ครุภัณฑ์โรงงาน',
	'ครุภัณฑ์ดับเพลิง'
];

export class EquipmentRow implements GridRecord {
	readonly id: string;
	data = $state.raw() as EquipmentItem;
	readonly #planName: (code: string) => string;

	constructor(item: EquipmentItem, planName: (code: string) => string) {
		this.id = item.id;
		this.data = item;
		this.#planName = planName;
	}

	display(col: string): string {
		const e = this.data;
		switch (col) {
			case 'planCode':
				return this.#planName(e.planCode);
			case 'budget':
				return formatBaht(e.budget);
			case 'quantity':
				return String(e.quantity);
			case 'type':
			case 'item':
			case 'detail':
			case 'unit':
			case 'location':
			case 'responsibleUnit':
				return e[col];
			default:
				return '';
		}
	}

	editText(col: string): string {
		if (col === 'budget') return formatBaht(this.data.budget, { zero: 'number' });
		if (col === 'planCode') return this.data.planCode;
		return this.display(col);
	}

	get months(): readonly Month[] {
		return this.data.activeMonths;
	}
}

export class EquipmentTable extends GridTable {
	readonly table = 'equipment' as const;
	readonly #locale: Locale;
	readonly #fallbackYear: number;
	#rowsById = new Map<string, EquipmentRow>();
	#planNames = new Map<string, string>();
	#count = $state(0);

	constructor(doc: Y.Doc, origins: LocalOrigins, options: { locale: Locale; fiscalYear: number }) {
		super(doc, origins);
		this.#locale = options.locale;
		this.#fallbackYear = options.fiscalYear;
		this.#rebuild();
	}

	get count() {
		return this.#count;
	}

	applyChanges(c: PlanChanges) {
		if (c.equipmentLayout || c.outline || c.meta) {
			this.#rebuild();
			return;
		}
		for (const id of c.equipmentCells) {
			const row = this.#rowsById.get(id);
			const e = row && getEquipment(this.doc, id);
			if (row && e) row.data = e;
		}
	}

	#rebuild() {
		const t = (k: Parameters<typeof translate>[1]) => translate(this.#locale, k);
		const meta = getMeta(this.doc);
		const catalogue = listPlanCatalogue(this.doc);
		this.#planNames = new Map(catalogue.map((c) => [c.code, c.name]));
		const planName = (code: string) => this.#planNames.get(code) ?? code;
		this.setColumns([
			{ key: 'seq', label: t('colSeq'), kind: 'seq', width: 44, align: 'center' },
			{ key: 'planCode', label: t('colPlan'), kind: 'choice', width: 190, options: catalogue.map((c) => ({ value: c.code, label: c.name })) },
			{ key: 'type', label: t('colEquipmentType'), kind: 'plain', width: 170, suggestions: EQUIPMENT_TYPES },
			{ key: 'item', label: t('colEquipmentItem'), kind: 'text', width: 200 },
			{ key: 'detail', label: t('colEquipmentDetail'), kind: 'text', width: 240 },
			{ key: 'quantity', label: t('colQuantity'), kind: 'count', width: 64, align: 'end' },
			{ key: 'unit', label: t('colUnit'), kind: 'plain', width: 64 },
			{ key: 'budget', label: t('colBudget'), kind: 'budget', width: 120, align: 'end' },
			{ key: 'location', label: t('colLocation'), kind: 'text', width: 150 },
			{ key: 'responsibleUnit', label: t('colResponsibleUnit'), kind: 'plain', width: 150, suggestions: meta.organization.departments },
			...monthColumns(this.#locale, meta.fiscalYear || this.#fallbackYear)
		] satisfies ColumnDef[]);
		const items = listEquipment(this.doc);
		const old = this.#rowsById;
		const byId = new Map<string, EquipmentRow>();
		const rows: GridRow[] = items.map((e, i) => {
			let row = old.get(e.id);
			if (row) row.data = e;
			else row = new EquipmentRow(e, planName);
			byId.set(e.id, row);
			return { kind: 'data', key: e.id, seq: i + 1, group: '', index: i, groupSize: items.length, record: row } satisfies DataRow;
		});
		rows.push({ kind: 'add', key: 'a:equipment', target: '', label: t('addEquipment') });
		this.#rowsById = byId;
		this.rowsState = rows;
		this.#count = items.length;
	}

	textFor(rowId: string, col: string): Y.Text | null {
		return getCellText(this.doc, 'equipment', rowId, col);
	}
	protected writeBudget(rowId: string, satang: number) {
		return updateEquipmentField(this.doc, rowId, 'budget', satang);
	}
	protected writePlain(rowId: string, col: string, value: string | number) {
		switch (col) {
			case 'planCode':
			case 'type':
			case 'unit':
			case 'responsibleUnit':
				return updateEquipmentField(this.doc, rowId, col, String(value));
			case 'quantity':
				return updateEquipmentField(this.doc, rowId, 'quantity', Number(value));
			default:
				return false;
		}
	}
	protected writeMonth(rowId: string, month: Month, on: boolean) {
		return setEquipmentMonth(this.doc, rowId, month, on);
	}
	protected writeText(rowId: string, col: string, text: string) {
		if (col !== 'item' && col !== 'detail' && col !== 'location') return false;
		return updateEquipmentField(this.doc, rowId, col, text);
	}
	protected appendRows(_target: string, count: number): string[] {
		const planCode = listEquipment(this.doc).at(-1)?.planCode ?? listPlanCatalogue(this.doc)[0]?.code ?? '00110';
		return Array.from({ length: count }, () => addEquipment(this.doc, { planCode, category: 'ค่าครุภัณฑ์', quantity: 1 }));
	}
	protected monthsOf(rowId: string) {
		return this.#rowsById.get(rowId)?.data.activeMonths ?? null;
	}

	/** Adds an empty item at the end, or right below `afterId`; returns its id. */
	add(_target: string, afterId?: string): string | null {
		const rows = listEquipment(this.doc);
		const at = afterId ? rows.findIndex((e) => e.id === afterId) : -1;
		const planCode = (at >= 0 ? rows[at].planCode : rows.at(-1)?.planCode) ?? listPlanCatalogue(this.doc)[0]?.code ?? '00110';
		return this.transact(() =>
			addEquipment(this.doc, { planCode, category: 'ค่าครุภัณฑ์', quantity: 1 }, at >= 0 ? at + 1 : undefined)
		);
	}

	duplicate(id: string): string | null {
		return this.transact(() => duplicateEquipment(this.doc, id));
	}

	remove(id: string): boolean {
		return this.transact(() => deleteEquipment(this.doc, id));
	}

	move(id: string, delta: -1 | 1): boolean {
		const row = this.rowsState.find((r) => r.kind === 'data' && r.key === id) as DataRow | undefined;
		if (!row) return false;
		const index = row.index + delta;
		if (index < 0 || index >= row.groupSize) return false;
		return this.transact(() => moveEquipment(this.doc, id, index));
	}
}
