/**
 * Find (Ctrl+F) and replace across the whole plan: the narrative sections, then ผด.02, then
 * ผด.02/1, in the order the plan reads. Matches are found when asked (a query typed, a step,
 * a replace), not on every remote change: a 1,000-project plan is a few thousand short
 * strings, well under a frame to scan.
 */
import type { Editor } from '@tiptap/core';
import { findAll, foldForFind } from '$lib/domain/findText';
import type { PlanEditor } from './PlanEditor.svelte';
import type { GridTable, TableName } from './GridTable.svelte';

export type FindMatch =
	| { where: 'cell'; table: TableName; rowId: string; col: string; start: number }
	| { where: 'section'; sectionId: string; from: number; to: number };

/** Columns whose text is searched; amounts are found as displayed (1,200,000.00). */
const SEARCHED = new Set(['text', 'plain', 'budget']);

export class PlanFind {
	query = $state('');
	replacement = $state('');
	matches = $state.raw<FindMatch[]>([]);
	/** Index of the current match in `matches`, -1 when none. */
	current = $state(-1);
	readonly #editor: PlanEditor;
	readonly #sectionEditor: (id: string) => Editor | undefined;

	constructor(editor: PlanEditor, sectionEditor: (id: string) => Editor | undefined) {
		this.#editor = editor;
		this.#sectionEditor = sectionEditor;
	}

	get currentMatch(): FindMatch | null {
		return this.matches[this.current] ?? null;
	}

	/** Finds every match of the query again, staying near the current one. */
	search(): FindMatch | null {
		const q = this.query;
		const found: FindMatch[] = [];
		if (q) {
			for (const section of this.#editor.sections.list) {
				const e = this.#sectionEditor(section.id);
				if (e) for (const m of sectionMatches(e, q)) found.push({ where: 'section', sectionId: section.id, ...m });
			}
			found.push(...cellMatches(this.#editor.projects, q), ...cellMatches(this.#editor.equipment, q));
		}
		this.matches = found;
		this.current = found.length ? Math.min(Math.max(this.current, 0), found.length - 1) : -1;
		return this.currentMatch;
	}

	/** Moves to the next (+1) or previous (-1) match, wrapping around. */
	step(delta: 1 | -1): FindMatch | null {
		const n = this.matches.length;
		if (!n) return null;
		this.current = (((this.current + delta) % n) + n) % n;
		return this.currentMatch;
	}

	/** Replaces the current match; returns how many were replaced (0 for an amount or a stale match). */
	replaceCurrent(): number {
		const m = this.currentMatch;
		if (!m) return 0;
		// Someone may have typed since the search: replace only what is still the match.
		if (m.where === 'section' && !stillThere(this.#sectionEditor(m.sectionId), m, this.query)) {
			this.search();
			return 0;
		}
		const count = m.where === 'cell' ? this.#table(m.table).replaceInCells([m], this.query, this.replacement, m.start) : replaceInSection(this.#sectionEditor(m.sectionId), [m], this.replacement);
		this.search();
		return count;
	}

	/** Replaces every match (cells in one undo step per table); returns how many. */
	replaceAll(): number {
		let count = 0;
		for (const table of ['projects', 'equipment'] as const) {
			const cells = this.matches.filter((m): m is Extract<FindMatch, { where: 'cell' }> => m.where === 'cell' && m.table === table);
			// eslint-disable-next-line svelte/prefer-svelte-reactivity -- a throwaway de-duplication
			const unique = [...new Map(cells.map((c) => [`${c.rowId}\u0000${c.col}`, c])).values()];
			if (unique.length) count += this.#table(table).replaceInCells(unique, this.query, this.replacement);
		}
		for (const section of this.#editor.sections.list) {
			const inSection = this.matches.filter((m): m is Extract<FindMatch, { where: 'section' }> => m.where === 'section' && m.sectionId === section.id);
			if (inSection.length) count += replaceInSection(this.#sectionEditor(section.id), inSection, this.replacement);
		}
		this.search();
		return count;
	}

	#table(name: TableName): GridTable {
		return name === 'projects' ? this.#editor.projects : this.#editor.equipment;
	}
}

function cellMatches(table: GridTable, query: string): FindMatch[] {
	const cols = table.valueColumns.filter((c) => SEARCHED.has(c.kind));
	const out: FindMatch[] = [];
	for (const row of table.dataRows) {
		for (const col of cols) {
			for (const start of findAll(row.record.editText(col.key), query)) out.push({ where: 'cell', table: table.table, rowId: row.key, col: col.key, start });
		}
	}
	return out;
}

/** Matches inside each paragraph or heading of a section, as document positions. */
export function sectionMatches(editor: Editor, query: string): { from: number; to: number }[] {
	const out: { from: number; to: number }[] = [];
	editor.state.doc.descendants((node, pos) => {
		if (!node.isTextblock) return true;
		let text = '';
		const at: number[] = [];
		node.forEach((child, offset) => {
			const start = pos + 1 + offset;
			if (child.isText) {
				for (let i = 0; i < child.text!.length; i++) at.push(start + i);
				text += child.text;
			} else {
				at.push(start); // a line break or another inline node: never inside a match
				text += '\n';
			}
		});
		for (const s of findAll(text, query)) out.push({ from: at[s], to: at[s + query.length - 1] + 1 });
		return false;
	});
	return out;
}

function stillThere(editor: Editor | undefined, m: { from: number; to: number }, query: string): boolean {
	if (!editor || m.to > editor.state.doc.content.size) return false;
	return foldForFind(editor.state.doc.textBetween(m.from, m.to)) === foldForFind(query);
}

/** Replaces matches of one section in one transaction, as plain text (never parsed as markup). */
function replaceInSection(editor: Editor | undefined, matches: readonly { from: number; to: number }[], replacement: string): number {
	if (!editor || !editor.isEditable) return 0;
	let tr = editor.state.tr;
	for (const m of [...matches].sort((a, b) => b.from - a.from)) tr = replacement ? tr.insertText(replacement, m.from, m.to) : tr.delete(m.from, m.to);
	editor.view.dispatch(tr);
	return matches.length;
}
