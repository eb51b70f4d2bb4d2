import { describe, expect, it } from 'vitest';
import { bodySegments, commentBodyProblem, mentionedUsernames, parseAnchor } from './comments';

describe('comment anchors', () => {
	it('accept the four kinds and normalise them', () => {
		expect(parseAnchor({ kind: 'plan', extra: 1 })).toEqual({ kind: 'plan' });
		expect(parseAnchor({ kind: 'row', table: 'projects', rowId: 'p_1' })).toEqual({ kind: 'row', table: 'projects', rowId: 'p_1' });
		expect(parseAnchor({ kind: 'cell', table: 'equipment', rowId: 'e1', field: 'budget' })).toMatchObject({ field: 'budget' });
		const rel = { type: null, tname: null, item: { client: 1, clock: 2 }, assoc: 0 };
		expect(parseAnchor({ kind: 'text', sectionId: 'sec1', start: rel, end: rel })).toMatchObject({ kind: 'text' });
	});

	it('refuse malformed ones', () => {
		expect(parseAnchor(null)).toBeNull();
		expect(parseAnchor({ kind: 'row', table: 'users', rowId: 'x' })).toBeNull();
		expect(parseAnchor({ kind: 'row', table: 'projects', rowId: '<script>' })).toBeNull();
		expect(parseAnchor({ kind: 'cell', table: 'projects', rowId: 'p1' })).toBeNull();
		expect(parseAnchor({ kind: 'text', sectionId: 's', start: 'x'.repeat(10), end: {} })).toBeNull();
		expect(parseAnchor({ kind: 'text', sectionId: 's', start: { item: 'x'.repeat(500) }, end: { item: 1 } })).toBeNull();
	});
});

describe('comment bodies', () => {
	it('must say something and stay under the limit', () => {
		expect(commentBodyProblem('  \n ')).toBe('empty');
		expect(commentBodyProblem('x'.repeat(4001))).toBe('tooLong');
		expect(commentBodyProblem('ขอให้ตรวจสอบงบประมาณ')).toBeNull();
	});

	it('find @mentions', () => {
		expect(mentionedUsernames('@officer กรุณาดู และ @support2. ส่วน email a@b.c ไม่ใช่')).toEqual(['officer', 'support2']);
	});

	it('render as text, breaks and links only — markup stays inert text', () => {
		const segments = bodySegments('ดู https://example.go.th/plan, ครับ\n<img src=x onerror=alert(1)>');
		expect(segments).toEqual([
			{ kind: 'text', text: 'ดู ' },
			{ kind: 'link', href: 'https://example.go.th/plan' },
			{ kind: 'text', text: ', ครับ' },
			{ kind: 'break' },
			{ kind: 'text', text: '<img src=x onerror=alert(1)>' }
		]);
		expect(bodySegments('javascript:alert(1)')).toEqual([{ kind: 'text', text: 'javascript:alert(1)' }]);
	});
});
