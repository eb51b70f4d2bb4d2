/** Narrative sections: an ordered list of titles, each with a Tiptap body. */
import * as Y from 'yjs';
import { readSectionContent, writeSectionContent } from '../sectionContent';
import type { Section, SectionContent, SectionHead } from '../types';
import { BODY, ROOT, TITLE, root } from './keys';
import { insertOrdered, moveOrdered, newId, sortedRows, str, transact } from './rows';

export function listSections(doc: Y.Doc): SectionHead[] {
	return sortedRows(root(doc, ROOT.sections)).map(([id, m]) => ({ id, title: str(m, TITLE) }));
}

/** Adds a section (optionally with initial content) at `index` (default last); returns its id. */
export function addSection(
	doc: Y.Doc,
	input: { id?: string; title: string; content?: SectionContent },
	index?: number
): string {
	const id = input.id ?? newId('sec');
	const map = root(doc, ROOT.sections);
	if (map.has(id)) throw new RangeError(`section id already used: ${id}`);
	transact(doc, () =>
		insertOrdered(map, id, index, (m) => {
			m.set(TITLE, input.title);
			const body = new Y.XmlFragment();
			m.set(BODY, body);
			if (input.content) writeSectionContent(body, input.content);
		})
	);
	return id;
}

export function renameSection(doc: Y.Doc, id: string, title: string): boolean {
	const m = root(doc, ROOT.sections).get(id);
	if (!(m instanceof Y.Map)) return false;
	m.set(TITLE, title);
	return true;
}

export function moveSection(doc: Y.Doc, id: string, index: number): boolean {
	let ok = false;
	transact(doc, () => (ok = moveOrdered(root(doc, ROOT.sections), id, index)));
	return ok;
}

export function deleteSection(doc: Y.Doc, id: string): boolean {
	const map = root(doc, ROOT.sections);
	if (!map.has(id)) return false;
	map.delete(id);
	return true;
}

/** The Tiptap fragment of a section (Collaboration.configure({ fragment })); null if deleted. */
export function getSectionFragment(doc: Y.Doc, id: string): Y.XmlFragment | null {
	const m = root(doc, ROOT.sections).get(id);
	if (!(m instanceof Y.Map)) return null;
	const body = m.get(BODY);
	return body instanceof Y.XmlFragment ? body : null;
}

export function listSectionsWithContent(doc: Y.Doc): Section[] {
	return listSections(doc).map((s) => {
		const body = getSectionFragment(doc, s.id);
		return { ...s, content: body ? readSectionContent(body) : {} };
	});
}
