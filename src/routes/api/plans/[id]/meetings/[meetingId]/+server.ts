import { error, json } from '@sveltejs/kit';
import * as v from 'valibot';
import { runtime } from '$lib/server/runtime';
import { loadPlanScene } from '$lib/server/planAccess';
import { authorize } from '$lib/server/policies/plan';
import { readJson, refused, requireActor } from '$lib/server/http';
import { choice, id, parseInput, requiredText, text } from '$lib/server/input';
import { meetingView } from '$lib/server/meetingView';
import { checkIn, markAttendance } from '$lib/server/commands/meeting/attendance';
import { addAgendaItem, moveAgendaItem, setCurrentItem, setPresenter } from '$lib/server/commands/meeting/agenda';
import { recordResolution } from '$lib/server/commands/meeting/resolutions';
import { closeMeeting, saveMinutes, MAX_NARRATIVE } from '$lib/server/commands/meeting/minutes';
import { ATTENDANCE, DECISIONS } from '$lib/domain/meeting/meeting';
import type { MeetingResult } from '$lib/server/commands/meeting/scene';

/** The meeting with attendance, quorum, agenda, proposals (with their ผด.01 effect) and resolutions. */
export async function GET({ params, locals }) {
	const user = requireActor(locals);
	const { db } = await runtime();
	const scene = await loadPlanScene(db, user, params.id);
	if (!scene) error(404, 'not found');
	authorize(scene, 'read');
	const view = await meetingView(db, { ...scene, actor: user }, params.meetingId);
	if (!view) error(404, 'not found');
	return json(view);
}

const count = () => v.pipe(v.number('invalidInput'), v.integer('invalidInput'), v.minValue(0, 'invalidInput'), v.maxValue(1000, 'invalidInput'));

const actionSchema = v.variant('action', [
	v.object({ action: v.literal('checkIn') }),
	v.object({
		action: v.literal('mark'),
		userId: v.optional(id()),
		guestName: v.optional(requiredText(200)),
		guestPosition: text(200),
		status: choice(ATTENDANCE)
	}),
	v.object({ action: v.literal('addItem'), section: v.picklist([1, 2, 3, 4], 'invalidInput'), title: requiredText(300) }),
	v.object({ action: v.literal('moveItem'), itemId: id(), by: v.picklist([-1, 1], 'invalidInput') }),
	v.object({ action: v.literal('setCurrent'), itemId: id() }),
	v.object({
		action: v.literal('resolve'),
		itemId: id(),
		decision: choice(DECISIONS),
		note: text(5000),
		amendedChange: v.optional(v.unknown()),
		votes: v.optional(v.nullable(v.object({ for: count(), against: count(), abstain: count() })), null)
	}),
	v.object({ action: v.literal('minutes'), narrative: text(MAX_NARRATIVE), recorderName: text(200), checkerName: text(200) }),
	v.object({ action: v.literal('close') }),
	v.object({ action: v.literal('setPresenter'), userId: v.nullable(id()) })
], 'invalidInput');

/** One meeting command: { action, … } (see actionSchema). */
export async function POST({ params, locals, request }) {
	const actor = requireActor(locals);
	const input = parseInput(actionSchema, await readJson(request, 256 * 1024));
	if (!input.ok) return json(input, { status: 400 });
	const { db } = await runtime();
	const base = { actor, planId: params.id, meetingId: params.meetingId };
	const a = input.value;
	let result: MeetingResult<unknown>;
	switch (a.action) {
		case 'checkIn':
			result = await checkIn(db, base);
			break;
		case 'mark':
			result = await markAttendance(db, { ...base, userId: a.userId, guest: a.guestName ? { name: a.guestName, position: a.guestPosition } : undefined, status: a.status });
			break;
		case 'addItem':
			result = await addAgendaItem(db, { ...base, section: a.section, title: a.title });
			break;
		case 'moveItem':
			result = await moveAgendaItem(db, { ...base, itemId: a.itemId, by: a.by });
			break;
		case 'setCurrent':
			result = await setCurrentItem(db, { ...base, itemId: a.itemId });
			break;
		case 'resolve':
			result = await recordResolution(db, { ...base, agendaItemId: a.itemId, decision: a.decision, note: a.note, amendedChange: a.amendedChange, votes: a.votes });
			break;
		case 'minutes':
			result = await saveMinutes(db, { ...base, narrative: a.narrative, recorderName: a.recorderName, checkerName: a.checkerName });
			break;
		case 'close':
			result = await closeMeeting(db, base);
			break;
		case 'setPresenter':
			result = await setPresenter(db, { ...base, userId: a.userId });
			break;
	}
	return result.ok ? json(result.value ?? {}) : refused(result.reason, 409);
}
