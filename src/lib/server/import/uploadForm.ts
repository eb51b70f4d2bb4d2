/**
 * Reads an import form's body within the byte limit. adapter-node counts the bytes while
 * the body streams in and stops at BODY_SIZE_LIMIT (server/index.js sets it just above the
 * largest file we accept); here a declared or counted overrun becomes the import page's
 * Thai/English message instead of a bare 413.
 */
import { IMPORT_MAX_BYTES, ImportRefusal } from './files';

/** Room for the other form fields and the multipart framing around the file. */
const FORM_OVERHEAD = 1024 * 1024;

export const tooLarge = () =>
	new ImportRefusal(
		`ไฟล์มีขนาดเกิน ${IMPORT_MAX_BYTES / 1024 / 1024} MB กรุณาแบ่งไฟล์หรือลบแผ่นงานที่ไม่ใช้`,
		`The file is larger than ${IMPORT_MAX_BYTES / 1024 / 1024} MB`
	);

export async function readImportForm(request: Request): Promise<FormData | ImportRefusal> {
	const declared = Number(request.headers.get('content-length'));
	if (Number.isFinite(declared) && declared > IMPORT_MAX_BYTES + FORM_OVERHEAD) {
		// Not read at all: the connection is closed after the answer.
		await request.body?.cancel().catch(() => undefined);
		return tooLarge();
	}
	try {
		return await request.formData();
	} catch (e) {
		if ((e as { status?: number })?.status === 413 || /BODY_SIZE_LIMIT|exceeds limit/.test(String((e as Error)?.message))) return tooLarge();
		throw e;
	}
}
