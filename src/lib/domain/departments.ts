/**
 * Departments (กอง/สำนัก) of an organization. A plan names a project's responsible unit as free
 * text ("กอง ช่าง", "กองช่าง "), so names are compared by a key without any whitespace: the same
 * key means the same department, both for uniqueness in the list and for matching a project to
 * the department whose reporters may update it.
 */

/** Longest department name accepted (characters, after trimming). */
export const DEPARTMENT_NAME_MAX = 120;

/** Whitespace and invisible separators people paste from documents (zero-width space, BOM, …). */
const SPACES = /[\s\u200b-\u200d\u2060\ufeff]+/gu;

/** The comparison key of a department or responsible-unit name. */
export function departmentKey(name: string): string {
	return name.normalize('NFC').replace(SPACES, '').toLowerCase();
}

/** A name as stored and shown: trimmed, runs of whitespace folded to one space. */
export function cleanDepartmentName(name: string): string {
	return name.normalize('NFC').replace(SPACES, ' ').trim();
}
