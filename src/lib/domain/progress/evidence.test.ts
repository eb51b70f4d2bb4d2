import { describe, expect, it } from 'vitest';
import { cleanFileName, sniffEvidence } from './evidence';

const bytes = (...b: number[]) => new Uint8Array([...b, 0, 0, 0, 0]);

describe('evidence files', () => {
	it('are known by their first bytes only', () => {
		expect(sniffEvidence(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a))).toBe('image/png');
		expect(sniffEvidence(bytes(0xff, 0xd8, 0xff, 0xe0))).toBe('image/jpeg');
		expect(sniffEvidence(new TextEncoder().encode('%PDF-1.7\n'))).toBe('application/pdf');
		expect(sniffEvidence(new TextEncoder().encode('<html><script>alert(1)</script>'))).toBeNull();
		expect(sniffEvidence(new TextEncoder().encode('<svg onload=alert(1)>'))).toBeNull();
		expect(sniffEvidence(new Uint8Array())).toBeNull();
	});

	it('keep a Thai name without paths, quotes or controls, with the extension of what they are', () => {
		expect(cleanFileName('ภาพถ่าย หน้างาน.jpeg', 'image/jpeg')).toBe('ภาพถ่าย หน้างาน.jpg');
		expect(cleanFileName('../../etc/"x"\r\n.html', 'application/pdf')).toBe('x.pdf');
		expect(cleanFileName('', 'image/png')).toBe('evidence.png');
	});
});
