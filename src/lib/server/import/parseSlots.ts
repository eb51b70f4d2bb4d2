/**
 * At most a few uploads are parsed at once in this process: parsing is the one step of an
 * import whose memory grows with the file, so a burst of uploads is refused with a "busy,
 * try again" message instead of each being parsed at once and together exhausting memory.
 */
import { ImportRefusal } from './refusal';

export const MAX_PARALLEL_PARSES = 2;

let running = 0;

export const busy = () =>
	new ImportRefusal(
		'ระบบกำลังอ่านไฟล์นำเข้าของผู้ใช้อื่นอยู่ กรุณาลองใหม่อีกครั้งในอีกสักครู่',
		'The server is busy reading other imports; please try again in a moment'
	);

/** Runs `parse` in a free slot, or refuses at once (ImportRefusal) when all are taken. */
export async function withParseSlot<T>(parse: () => Promise<T>): Promise<T> {
	if (running >= MAX_PARALLEL_PARSES) throw busy();
	running++;
	try {
		return await parse();
	} finally {
		running--;
	}
}
