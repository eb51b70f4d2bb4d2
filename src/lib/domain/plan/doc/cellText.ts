import type * as Y from 'yjs';
import { EQUIPMENT_TEXT_FIELDS, PROJECT_TEXT_FIELDS, type EquipmentTextField, type ProjectTextField } from './keys';
import { getEquipmentText } from './equipment';
import { getProjectText } from './projects';

/** The Y.Text of a text cell of either table (projects or equipment), for an input binding. */
export function getCellText(doc: Y.Doc, table: 'projects' | 'equipment', id: string, field: string): Y.Text | null {
	if (table === 'projects') {
		return (PROJECT_TEXT_FIELDS as readonly string[]).includes(field) ? getProjectText(doc, id, field as ProjectTextField) : null;
	}
	return (EQUIPMENT_TEXT_FIELDS as readonly string[]).includes(field) ? getEquipmentText(doc, id, field as EquipmentTextField) : null;
}
