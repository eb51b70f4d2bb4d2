/** Expired sessions leave the database and the account page's list, not only when their cookie returns. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../db';
import * as sessions from '../db/sessions';
import { createAdmin } from '../commands/adminCreator';
import { createSession } from './session';

const DAY = 24 * 60 * 60 * 1000;
let db: Database;
let userId: string;

beforeAll(async () => {
	db = await openDatabase({ file: ':memory:' });
	const { user } = await createAdmin(db, {
		org: { name: 'เทศบาลตำบลทดสอบ', type: 'เทศบาลตำบล', slug: 'session-test', district: '', province: '', executiveTitle: '' },
		username: 'sessionadmin',
		displayName: 'ผู้ดูแล',
		password: 'session-admin-password'
	});
	userId = user.id;
});
afterAll(async () => {
	await db?.close();
});

describe('expired sessions', () => {
	it('are not listed as signed in, and a new sign-in purges every expired one', async () => {
		for (const [id, ageDays] of [['old-1', 31], ['old-2', 400]] as const) {
			await sessions.insert(db, { id, userId, expiresAt: new Date(Date.now() - (ageDays - 30) * DAY), userAgent: 'เบราว์เซอร์เก่า', ip: '10.0.0.1' });
		}
		expect((await sessions.listOf(db, userId)).map((s) => s.id)).toEqual([]);

		const fresh = await createSession(db, userId, { userAgent: 'ใหม่' });
		expect((await sessions.listOf(db, userId)).map((s) => s.id)).toEqual([fresh.id]);
		const stored = await db.orm.select({ id: db.t.sessions.id }).from(db.t.sessions);
		expect(stored.map((s) => s.id)).toEqual([fresh.id]);
	});
});
