import { json } from '@sveltejs/kit';
import * as v from 'valibot';
import { runtime } from '$lib/server/runtime';
import { readJson, refused, requireActor } from '$lib/server/http';
import { parseInput, text } from '$lib/server/input';
import { createProposal, MAX_REASON } from '$lib/server/commands/meeting/proposals';

// The change itself is checked by the domain's parser (parseProposalChange) in the command.
const proposalSchema = v.object({ change: v.unknown(), reason: text(MAX_REASON) });

/** Proposes a change to the plan's content: { change, reason }. */
export async function POST({ params, locals, request }) {
	const actor = requireActor(locals);
	const input = parseInput(proposalSchema, await readJson(request));
	if (!input.ok) return json(input, { status: 400 });
	const result = await createProposal((await runtime()).db, { actor, planId: params.id, change: input.value.change, reason: input.value.reason });
	return result.ok ? json(result.value, { status: 201 }) : refused(result.reason, 409);
}
