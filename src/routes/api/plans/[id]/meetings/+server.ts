import { error, json } from '@sveltejs/kit';
import * as v from 'valibot';
import { runtime } from '$lib/server/runtime';
import { loadPlanScene } from '$lib/server/planAccess';
import { authorize } from '$lib/server/policies/plan';
import { readJson, refused, requireActor } from '$lib/server/http';
import { choice, parseInput, requiredText } from '$lib/server/input';
import { meetingList } from '$lib/server/meetingView';
import { openMeeting } from '$lib/server/commands/meeting/open';
import { MEETING_KINDS } from '$lib/domain/meeting/meeting';
import { parseBeDate } from '$lib/domain/beDateInput';

/** The plan's meetings, newest first. */
export async function GET({ params, locals }) {
	const user = requireActor(locals);
	const { db } = await runtime();
	const scene = await loadPlanScene(db, user, params.id);
	if (!scene) error(404, 'not found');
	authorize(scene, 'read');
	return json(await meetingList(db, params.id));
}

const openSchema = v.object({
	kind: choice(MEETING_KINDS),
	/** dd/mm/yyyy in the Buddhist era, as typed. */
	date: requiredText(20),
	place: requiredText(300),
	quorum: v.optional(v.nullable(v.pipe(v.number('invalidInput'), v.integer('invalidInput'), v.minValue(1, 'invalidInput'), v.maxValue(1000, 'invalidInput'))), null)
});

/** Opens a meeting: { kind, date (dd/mm/yyyy BE), place, quorum? }. */
export async function POST({ params, locals, request }) {
	const actor = requireActor(locals);
	const input = parseInput(openSchema, await readJson(request));
	if (!input.ok) return json(input, { status: 400 });
	const date = parseBeDate(input.value.date);
	if (!date.ok) return json({ error: date.reason, field: 'date' }, { status: 400 });
	const result = await openMeeting((await runtime()).db, { actor, planId: params.id, ...input.value, date: date.iso });
	return result.ok ? json(result.value, { status: 201 }) : refused(result.reason, 409);
}
