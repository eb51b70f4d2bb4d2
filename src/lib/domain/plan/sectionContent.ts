/**
 * Narrative section content ↔ the Y.XmlFragment that Tiptap edits. Only node and mark
 * names of Tiptap's StarterKit are written (paragraph, orderedList, listItem, hardBreak,
 * bold): y-tiptap deletes any element its schema cannot build, so anything else would be
 * lost the first time a browser opens the section.
 *
 * Interchange shapes (sample-plan.json, introduction.sections):
 *   paragraphs → paragraph nodes;
 *   items      → orderedList > listItem > paragraph;
 *   steps      → orderedList > listItem > paragraph whose leading bold run is the actor,
 *                followed by one space and the text;
 *   closing    → paragraphs after the list.
 * Reading is the inverse; richer edits (headings, other marks) are flattened to text.
 */
import * as Y from 'yjs';
import type { IntroStep, SectionContent } from './types';

const PARAGRAPH = 'paragraph';
const ORDERED_LIST = 'orderedList';
const BULLET_LIST = 'bulletList';
const LIST_ITEM = 'listItem';
const HARD_BREAK = 'hardBreak';
const BOLD = 'bold';

type Run = { text: string; bold?: boolean };

/** Appends `content` to an (empty) fragment that is already part of a doc. */
export function writeSectionContent(fragment: Y.XmlFragment, content: SectionContent): void {
	const put = () => {
		for (const p of content.paragraphs ?? []) appendParagraph(fragment, [{ text: p }]);
		if (content.items?.length) {
			const list = appendOrderedList(fragment, 1);
			for (const item of content.items) appendParagraph(appendElement(list, LIST_ITEM), [{ text: item }]);
		}
		if (content.steps?.length) {
			const list = appendOrderedList(fragment, content.steps[0].no);
			for (const step of content.steps) {
				appendParagraph(appendElement(list, LIST_ITEM), [
					{ text: step.actor, bold: true },
					{ text: ' ' + step.text }
				]);
			}
		}
		if (content.closing !== undefined) {
			for (const line of content.closing.split('\n\n')) appendParagraph(fragment, [{ text: line }]);
		}
	};
	if (fragment.doc) fragment.doc.transact(put);
	else put();
}

/** Reads a fragment back into the interchange shapes (see module comment). */
export function readSectionContent(fragment: Y.XmlFragment): SectionContent {
	const paragraphs: string[] = [];
	const closing: string[] = [];
	const items: string[] = [];
	const steps: IntroStep[] = [];
	let seenList = false;
	for (const node of fragment.toArray()) {
		if (node instanceof Y.XmlElement && (node.nodeName === ORDERED_LIST || node.nodeName === BULLET_LIST)) {
			seenList = true;
			const listItems = node.toArray().filter((n): n is Y.XmlElement => n instanceof Y.XmlElement);
			const runsPerItem = listItems.map((li) => li.toArray().flatMap((child) => readRuns(child)));
			const isSteps = runsPerItem.length > 0 && runsPerItem.every((r) => r.length > 0 && r[0].bold);
			if (isSteps) {
				const start = Number(node.getAttribute('start') ?? 1) || 1;
				runsPerItem.forEach((runs, i) => {
					let k = 0;
					let actor = '';
					while (k < runs.length && runs[k].bold) actor += runs[k++].text;
					const rest = runs.slice(k).map((r) => r.text).join('');
					steps.push({ no: start + i, actor, text: rest.replace(/^ /, '') });
				});
			} else {
				for (const runs of runsPerItem) items.push(runs.map((r) => r.text).join(''));
			}
		} else {
			const text = readRuns(node).map((r) => r.text).join('');
			(seenList ? closing : paragraphs).push(text);
		}
	}
	const content: SectionContent = {};
	if (paragraphs.length) content.paragraphs = paragraphs;
	if (items.length) content.items = items;
	if (steps.length) content.steps = steps;
	if (closing.length) content.closing = closing.join('\n\n');
	return content;
}

function appendElement(parent: Y.XmlFragment | Y.XmlElement, name: string): Y.XmlElement {
	const el = new Y.XmlElement(name);
	parent.insert(parent.length, [el]);
	return el;
}

/**
 * An ordered list with its `start` always written: Tiptap's list has start = 1 by default,
 * and y-tiptap writes any attribute the editor has and the fragment lacks as soon as the
 * editor redraws — a missing start would make merely opening the plan write an update.
 */
function appendOrderedList(parent: Y.XmlFragment, start: number): Y.XmlElement {
	const list = appendElement(parent, ORDERED_LIST) as Y.XmlElement<{ start: number }>;
	list.setAttribute('start', start); // a number, as the editor holds it (a string would differ)
	return list as unknown as Y.XmlElement;
}

/** A paragraph; "\n" inside a run becomes a hardBreak node, as Tiptap stores it. */
function appendParagraph(parent: Y.XmlFragment | Y.XmlElement, runs: Run[]): void {
	const p = appendElement(parent, PARAGRAPH);
	let text: Y.XmlText | null = null;
	for (const run of runs) {
		run.text.split('\n').forEach((piece, i) => {
			if (i > 0) {
				p.insert(p.length, [new Y.XmlElement(HARD_BREAK)]);
				text = null;
			}
			if (!piece) return;
			if (!text) {
				text = new Y.XmlText();
				p.insert(p.length, [text]);
			}
			const t: Y.XmlText = text;
			t.insert(t.length, piece, run.bold ? { [BOLD]: {} } : {});
		});
	}
}

/** Text runs of a node, depth-first; bold = the run carries Tiptap's bold mark. */
function readRuns(node: Y.XmlElement | Y.XmlText | Y.XmlHook): Run[] {
	if (node instanceof Y.XmlText) {
		const delta = node.toDelta() as { insert: unknown; attributes?: Record<string, unknown> }[];
		return delta
			.filter((d) => typeof d.insert === 'string')
			.map((d) => {
				const bold = Object.keys(d.attributes ?? {}).some((k) => k === BOLD || k.startsWith(BOLD + '--'));
				return bold ? { text: d.insert as string, bold } : { text: d.insert as string };
			});
	}
	if (node instanceof Y.XmlElement) {
		if (node.nodeName === HARD_BREAK) return [{ text: '\n' }];
		return node.toArray().flatMap((child) => readRuns(child));
	}
	return [];
}
