import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { choice, fiscalYearBE, flag, id, parseInput, readForm, requiredText, text } from './input';

const planForm = v.object({ title: requiredText(200), fiscalYear: fiscalYearBE(), note: text(10) });

function formRequest(fields: Record<string, string | Blob>): Request {
	const body = new FormData();
	for (const [k, val] of Object.entries(fields)) body.append(k, val);
	return new Request('http://x/', { method: 'POST', body });
}

describe('boundary input', () => {
	it('gives typed, trimmed values', () => {
		expect(parseInput(planForm, { title: '  แผน ', fiscalYear: '2570', note: undefined })).toEqual({
			ok: true,
			value: { title: 'แผน', fiscalYear: 2570, note: '' }
		});
	});

	it('names the field and the message key of the first problem', () => {
		expect(parseInput(planForm, { title: '   ', fiscalYear: '2570' })).toEqual({ ok: false, error: 'required', field: 'title' });
		expect(parseInput(planForm, { title: 'x', fiscalYear: '2026' })).toEqual({ ok: false, error: 'badFiscalYear', field: 'fiscalYear' });
		expect(parseInput(planForm, { title: 'x', fiscalYear: '2570', note: 'x'.repeat(11) })).toEqual({ ok: false, error: 'textTooLong', field: 'note' });
	});

	it('refuses hostile shapes: uploads for text, unknown choices, forged ids', async () => {
		const upload = await readForm(formRequest({ title: new Blob(['x']), fiscalYear: '2570' }), planForm);
		expect(upload).toMatchObject({ ok: false, error: 'invalidInput', field: 'title' });
		expect(parseInput(v.object({ role: choice(['a', 'b']) }), { role: 'admin' })).toMatchObject({ ok: false, field: 'role' });
		expect(parseInput(v.object({ userId: id() }), { userId: "x' or 1=1" })).toMatchObject({ ok: false, field: 'userId' });
		expect(parseInput(v.object({ on: flag() }), { on: 'yes' })).toEqual({ ok: true, value: { on: false } });
	});
});
