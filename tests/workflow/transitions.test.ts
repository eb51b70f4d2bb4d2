/** Every transition × every kind of person, through the real workflow endpoints. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, tempDir, type RunningServer } from '../helpers/server';
import { demoPlan } from '../helpers/http';
import { openDataDb } from '../helpers/dataDir';
import { signInEveryone } from '../helpers/people';
import { act, shownContentHash } from '../helpers/workflow';
import { everyone, expected, type Who } from '../../src/lib/server/policies/planMatrix.fixture';
import { transitions, type PlanState } from '../../src/lib/domain/workflow';

let server: RunningServer;
let dataDir: string;
let cookies: Record<Who, string | undefined>;
let planId: string;

beforeAll(async () => {
	dataDir = tempDir();
	server = await startServer({ dataDir });
	cookies = await signInEveryone(server, dataDir);
	planId = (await demoPlan(server, cookies.planning_officer!)).id;
});
afterAll(async () => {
	await server?.kill();
});

function arrange(state: PlanState) {
	const db = openDataDb(dataDir);
	db.prepare('update plans set state = ? where id = ?').run(state, planId);
	db.prepare('delete from announcements where plan_id = ?').run(planId);
	db.close();
}

function stateNow(): string {
	const db = openDataDb(dataDir);
	const { state } = db.prepare('select state from plans where id = ?').get(planId) as { state: string };
	db.close();
	return state;
}

describe.each(transitions.map((t) => [`${t.name} ${t.from}→${t.to}`, t] as const))('%s', (_, t) => {
	it.each(everyone)('%s', async (who) => {
		arrange(t.from);
		const fields: Record<string, string> = { note: 'ขอให้ปรับงบประมาณโครงการที่ ๓' };
		if (t.name === 'approve' && expected(t.ability, who, t.from)) fields.contentSha256 = await shownContentHash(server, planId, cookies[who]!);
		const result = await act(server, planId, t.name, cookies[who], fields);
		if (expected(t.ability, who, t.from)) {
			expect(result.body.type, JSON.stringify(result.body)).toBe('success');
			expect(stateNow()).toBe(t.to);
		} else {
			// Signed out → sign-in page; outsiders and non-members → not found; members → forbidden.
			expect([303, 403, 404]).toContain(result.status);
			expect(stateNow()).toBe(t.from);
		}
	});
});

it('a transition from the wrong state is refused and changes nothing', async () => {
	arrange('draft');
	const result = await act(server, planId, 'approve', cookies.executive, { contentSha256: 'x' });
	expect(result.status).toBe(409);
	expect(result.data).toMatchObject({ error: 'wrongState' });
	expect(stateNow()).toBe('draft');
});

it('returning a plan needs a reason', async () => {
	arrange('review');
	const result = await act(server, planId, 'return', cookies.development_committee, { note: '  ' });
	expect(result.data).toMatchObject({ error: 'noteRequired' });
	expect(stateNow()).toBe('review');
});
