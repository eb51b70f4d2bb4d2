/**
 * The role × action × plan-state matrix against the real server: pages over HTTP and the
 * collaboration WebSocket, for one person of every kind. Expected values come from the same
 * hand-written table as the policy's unit test.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, tempDir, type RunningServer } from '../helpers/server';
import { demoPlan, getJson, postFile } from '../helpers/http';
import { png } from '../helpers/png';
import { RawClient } from '../helpers/rawClient';
import { openDataDb } from '../helpers/dataDir';
import { signInEveryone } from '../helpers/people';
import { act } from '../helpers/workflow';
import { api } from '../helpers/api';
import { everyone, expected, type Who } from '../../src/lib/server/policies/planMatrix.fixture';
import { planAbilities, type PlanAbility } from '../../src/lib/domain/roles';
import { planStates, type PlanState } from '../../src/lib/domain/workflow';

let server: RunningServer;
let dataDir: string;
let cookies: Record<Who, string | undefined>;
let plan: { id: string; docName: string };

beforeAll(async () => {
	dataDir = tempDir();
	server = await startServer({ dataDir });
	cookies = await signInEveryone(server, dataDir);
	plan = await demoPlan(server, cookies.planning_officer!);
});
afterAll(async () => {
	await server?.kill();
});

async function pageStatus(path: string, who: Who) {
	return (await getJson(server, path, cookies[who])).status;
}

/** The scope the server grants a raw socket: 'read-write', 'readonly', or 'denied'. */
async function socketScope(who: Who): Promise<string> {
	const client = new RawClient(server.wsUrl, plan.docName, cookies[who]);
	await client.opened;
	client.auth();
	try {
		for (;;) {
			const event = client.events.find((e) => e.kind === 'authenticated' || e.kind === 'denied');
			if (event) return event.kind === 'denied' ? 'denied' : event.scope!;
			await new Promise((r) => setTimeout(r, 10));
		}
	} finally {
		client.close();
	}
}

/**
 * How each ability is exercised end to end. `null` marks an ability exercised by its own
 * end-to-end suite instead (comments, workflow transitions, amendments, import), where the
 * same table decides the expected outcome.
 */
const PROBES: Record<PlanAbility, ((who: Who) => Promise<boolean>) | null> = {
	read: async (who) => {
		const page = (await pageStatus(`/plans/${plan.id}`, who)) === 200;
		const socket = (await socketScope(who)) !== 'denied';
		expect(socket, 'page and socket agree on read').toBe(page);
		const planJson = (await pageStatus(`/api/plans/${plan.id}/plan.json`, who)) === 200;
		expect(planJson, 'page and plan.json agree on read').toBe(page);
		const state = (await pageStatus(`/api/plans/${plan.id}/state`, who)) === 200;
		expect(state, 'page and the plan state the editor fetches agree on read').toBe(page);
		return page;
	},
	edit: async (who) => (await socketScope(who)) === 'read-write',
	manageMembers: async (who) => (await pageStatus(`/plans/${plan.id}/members`, who)) === 200,
	comment: async (who) =>
		(await api(server, 'POST', `/api/plans/${plan.id}/comments`, cookies[who], { anchor: { kind: 'plan' }, quote: '', body: `ความเห็นของ ${who}` })).status === 201,
	submitForReview: null,
	forward: null,
	return: null,
	approve: null,
	announce: null,
	startAmendment: null,
	importProjects: async (who) => {
		const page = (await pageStatus(`/plans/${plan.id}/import`, who)) === 200;
		const body = new FormData();
		body.set('file', new Blob(['ที่,โครงการ,งบประมาณ\n']), 'p.csv');
		const headers: Record<string, string> = { origin: server.url, ...(cookies[who] ? { cookie: cookies[who]! } : {}) };
		const viaApi = (await fetch(`${server.url}/api/plans/${plan.id}/import?dryRun=1`, { method: 'POST', body, headers })).status === 200;
		expect(viaApi, 'page and import API agree on importProjects').toBe(page);
		return page;
	},
	setDeadline: async (who) => (await act(server, plan.id, 'setTrigger', cookies[who], { triggerDate: '16/9/2568' })).body.type === 'success',
	extendDeadline: async (who) => (await act(server, plan.id, 'extendDeadline', cookies[who], { extendedTo: '31/12/2568', reason: 'รอเงินอุดหนุน' })).body.type === 'success',
	readHistory: async (who) => (await pageStatus(`/api/plans/${plan.id}/history?table=projects&row=p-none&field=budget`, who)) === 200,
	// Meeting mode: opening (then closing) a meeting, checking in, proposing, recording a resolution.
	holdMeeting: async (who) => {
		const opened = await openMeetingAs(who);
		if (opened.status !== 201) return false;
		const closed = await api(server, 'POST', `/api/plans/${plan.id}/meetings/${opened.body.meetingId}`, cookies[who], { action: 'close' });
		expect(closed.status).toBe(200);
		return true;
	},
	attendMeeting: async (who) => (await api(server, 'POST', `/api/plans/${plan.id}/meetings/${await meetingOfState()}`, cookies[who], { action: 'checkIn' })).status === 200,
	propose: async (who) =>
		(await api(server, 'POST', `/api/plans/${plan.id}/proposals`, cookies[who], { change: { kind: 'cell', projectId: 'PJ-001', field: 'budget', value: 50000000 }, reason: who })).status === 201,
	// The section-1 item needs no proposal; the attendMeeting probes before it made the quorum.
	resolve: async (who) => {
		const meetingId = await meetingOfState();
		const view = await getJson<{ agenda: { id: string; section: number }[] }>(server, `/api/plans/${plan.id}/meetings/${meetingId}`, cookies.planning_officer);
		const item = view.body.agenda.find((i) => i.section === 1)!;
		return (await api(server, 'POST', `/api/plans/${plan.id}/meetings/${meetingId}`, cookies[who], { action: 'resolve', itemId: item.id, decision: 'approve', note: 'รับทราบ' })).status === 200;
	}
};

const openMeetingAs = (who: Who) =>
	api<{ meetingId: string }>(server, 'POST', `/api/plans/${plan.id}/meetings`, cookies[who], { kind: 'ordinary', date: '15/10/2568', place: 'ห้องประชุมสำนักงานเทศบาล' });

/** One open meeting per state its committee sits in (opened by that committee's seat); the draft one elsewhere. */
const meetingsByState = new Map<PlanState, string>();
async function meetingOfState(): Promise<string> {
	const state = currentState;
	const opener: Who | null = state === 'draft' ? 'support_secretary' : state === 'review' ? 'committee_chair' : null;
	if (!meetingsByState.has(state)) {
		if (opener) {
			const opened = await openMeetingAs(opener);
			expect(opened.status).toBe(201);
			meetingsByState.set(state, opened.body.meetingId);
		} else return meetingsByState.get('draft') ?? 'none';
	}
	return meetingsByState.get(state)!;
}

let currentState: PlanState = 'draft';

function setState(state: PlanState) {
	currentState = state;
	const db = openDataDb(dataDir);
	db.prepare('update plans set state = ? where id = ?').run(state, plan.id);
	db.close();
}

it('has a probe entry for every ability the policy knows', () => {
	expect(Object.keys(PROBES).sort()).toEqual([...planAbilities].sort());
});

describe.each(planStates)('plan in state %s', (state) => {
	beforeAll(() => setState(state));
	for (const ability of planAbilities) {
		const probe = PROBES[ability];
		if (!probe) continue;
		it.each(everyone)(`${ability}: %s`, async (who) => {
			expect(await probe(who)).toBe(expected(ability, who, state));
		});
	}
});

describe('organization actions', () => {
	it('only organization roles that may create plans can, and the plan list shows only own-organization plans', async () => {
		const own = await getJson<{ id: string }[]>(server, '/api/plans', cookies.viewer);
		expect(own.body.map((p) => p.id)).toEqual([plan.id]);
		const outsider = await getJson<{ id: string }[]>(server, '/api/plans', cookies.outsider);
		expect(outsider.body).toEqual([]);
		expect((await getJson(server, '/api/plans')).status).toBe(401);
		expect((await getJson(server, '/api/plans', cookies.orgMember)).body).toEqual([]);
	});

	it.each(everyone)('members page: %s', async (who) => {
		const { status, body } = await getJson<string>(server, '/org/members', cookies[who]);
		const mayInvite = who === 'orgAdmin' || who === 'planning_officer' || who === 'outsider';
		expect(status === 200).toBe(mayInvite);
		// The outsider administers their own organization, and never sees this one's members.
		if (who === 'outsider') expect(body).not.toContain('วิไลวรรณ');
		if (who === 'orgAdmin') expect(body).toContain('วิไลวรรณ');
	});

	// manageEmblem: only an organization's admin sets its emblem, and only its own (the
	// outsider administers another organization: theirs changes, this one's does not).
	it.each(everyone)('emblem upload: %s', async (who) => {
		const mine = png(8, 8, [everyone.indexOf(who) * 20, 0, 0]);
		const { status } = await postFile(server, '/org/settings?/uploadEmblem', 'file', { bytes: mine, name: 'e.png', type: 'image/png' }, cookies[who]);
		const mayManage = who === 'orgAdmin' || who === 'outsider';
		expect(status === 200).toBe(mayManage);
		const res = await fetch(`${server.url}/org/emblem`, { headers: { cookie: cookies.viewer! } });
		const shown = res.status === 200 ? Buffer.from(await res.arrayBuffer()) : null;
		expect(shown?.equals(mine) ?? false).toBe(who === 'orgAdmin');
	});
});
