import { error, fail, redirect } from '@sveltejs/kit';
import * as v from 'valibot';
import { choice, readForm, requiredText, text } from '$lib/server/input';
import { runtime } from '$lib/server/runtime';
import { requireUser } from '$lib/server/auth/guard';
import { loadPlanScene } from '$lib/server/planAccess';
import { abilitiesFor, authorize } from '$lib/server/policies/plan';
import * as versions from '$lib/server/db/versions';
import * as audit from '$lib/server/db/audit';
import * as users from '$lib/server/db/users';
import * as signoff from '$lib/server/db/signoff';
import * as organizations from '$lib/server/db/organizations';
import { readPlanContent } from '$lib/server/planContentState';
import { withStoredPlan } from '$lib/server/plan/planStore';
import { getFrontMatter, readPlan } from '$lib/domain/plan/doc';
import { transitionPlan } from '$lib/server/commands/planTransitioner';
import { createVersion } from '$lib/server/commands/versionCreator';
import { amendmentBlocker, startAmendment } from '$lib/server/commands/amendmentStarter';
import * as plans from '$lib/server/db/plans';
import * as meetings from '$lib/server/db/meetings';
import { extendDeadline, setTriggerDate } from '$lib/server/commands/deadlineSetter';
import { todayInThailand } from '$lib/server/commands/planTransitioner';
import { planClock } from '$lib/domain/deadline';
import { validatePlan } from '$lib/domain/plan/validation';
import { publicPlanPath } from '$lib/domain/publicPaths';
import type { Transition } from '$lib/domain/workflow';
import { readAnnouncement } from '$lib/domain/announcement';

export async function load({ params, locals, url }) {
	const user = requireUser(locals, url);
	const { db } = await runtime();
	const scene = await loadPlanScene(db, user, params.id);
	if (!scene) error(404, 'not found');
	authorize(scene, 'read');
	const abilities = abilitiesFor(scene);
	const [versionRows, events, approval, announcement, org] = await Promise.all([
		versions.listOfPlan(db, params.id),
		audit.listForPlan(db, params.id),
		signoff.approvalOf(db, params.id),
		signoff.announcementOf(db, params.id),
		organizations.byId(db, scene.plan.orgId)
	]);
	const people = new Map((await users.listInOrg(db, scene.plan.orgId)).map((u) => [u.id, u.displayName]));
	// The executive signs off what they see here: its hash goes back with the approval.
	const content = abilities.approve ? await readPlanContent(db, params.id) : null;
	// One rebuild of the stored plan: the whole plan only for those who act on its validity.
	const mayAct = abilities.approve || abilities.submitForReview || abilities.forward;
	const { issues, ordinance } = await withStoredPlan(db, params.id, (doc) => ({
		issues: mayAct ? validatePlan(readPlan(doc)) : [],
		ordinance: getFrontMatter(doc).workflow.budgetOrdinance
	}));
	const row = scene.row;
	const clock = planClock(row, ordinance, todayInThailand());
	const blocker = abilities.startAmendment ? amendmentBlocker(row, await plans.editionsOf(db, row.orgId, row.fiscalYear)) : null;
	// The development committee's meeting held in the app: the ประกาศ recites its date, not a typed one.
	const [held] = abilities.forward ? await meetings.meetingsWithResolutions(db, params.id, 'development_committee') : [];
	return {
		heldMeetingDate: held?.date ?? null,
		amendmentBlocker: blocker,
		plan: { id: row.id, title: row.title, state: scene.plan.state, fiscalYear: row.fiscalYear, edition: row.edition, editionKind: row.editionKind, reason: row.reason, hasParent: !!row.parentPlanId },
		abilities,
		deadline: {
			// One source for the clock (planClock): a recorded date, else the plan's ordinance date.
			triggerDate: clock.triggerDate,
			/** The date comes from the plan's budget ordinance, not from a recorded trigger. */
			fromOrdinance: clock.fromOrdinance,
			extendedTo: row.extendedTo,
			extensionReason: row.extensionReason,
			info: clock.info
		},
		contentSha256: content?.sha256 ?? null,
		issues: issues.map((i) => ({ path: i.path, severity: i.severity, message: i.message })),
		versions: versionRows.map((v) => ({ id: v.id, name: v.name, kind: v.kind, state: v.state, sha256: v.sha256, createdAt: v.createdAt.toISOString(), by: v.createdBy ? (people.get(v.createdBy) ?? '') : '' })),
		history: events.map((e) => ({ seq: e.seq, action: e.action, data: JSON.parse(e.data) as Record<string, unknown>, at: e.createdAt.toISOString(), by: e.actorId ? (people.get(e.actorId) ?? '') : '' })),
		approval: approval && { name: approval.approverName, position: approval.approverPosition, sha256: approval.contentSha256, at: approval.approvedAt.toISOString() },
		announcement: announcement && { parts: readAnnouncement(announcement.text), at: announcement.announcedAt.toISOString() },
		publicPath: announcement && org ? publicPlanPath(org.slug, row.fiscalYear, row.edition) : null
	};
}

async function transition(name: Transition['name'], { params, request, locals }: { params: { id: string }; request: Request; locals: App.Locals }) {
	const input = await readForm(request, transitionForm);
	if (!input.ok) return fail(400, { error: input.error, field: input.field, issues: [] });
	const result = await transitionPlan((await runtime()).db, { actor: locals.user, planId: params.id, transition: name, ...input.value });
	if (!result.ok) return fail(409, { error: result.reason, issues: 'issues' in result ? result.issues : [] });
	return { done: name, sha256: result.sha256 };
}

// What each action reads; the commands check meaning (dates, reasons, hashes) themselves.
const transitionForm = v.object({ note: text(2000), contentSha256: text(64), meetingDate: text(40) });
const versionForm = v.object({ name: requiredText(200) });
const triggerForm = v.object({ triggerDate: text(10) });
const extensionForm = v.object({ extendedTo: text(10), reason: text(2000) });
const amendmentForm = v.object({ kind: v.optional(choice(['amendment', 'addition'] as const), 'amendment'), reason: text(2000) });

export const actions = {
	submit: (event) => transition('submit', event),
	forward: (event) => transition('forward', event),
	return: (event) => transition('return', event),
	approve: (event) => transition('approve', event),
	announce: (event) => transition('announce', event),
	saveVersion: async ({ params, request, locals, url }) => {
		const user = requireUser(locals, url);
		const { db } = await runtime();
		const scene = await loadPlanScene(db, user, params.id);
		if (!scene) error(404, 'not found');
		authorize(scene, 'edit');
		const input = await readForm(request, versionForm);
		if (!input.ok) return fail(400, { error: input.error, field: input.field });
		const version = await createVersion(db, { planId: params.id, name: input.value.name, kind: 'manual', state: scene.plan.state, createdBy: user.id });
		return { savedVersion: version.id };
	},
	setTrigger: async ({ params, request, locals }) => {
		const input = await readForm(request, triggerForm);
		if (!input.ok) return fail(400, { error: input.error, field: input.field });
		const result = await setTriggerDate((await runtime()).db, { actor: locals.user, planId: params.id, ...input.value });
		return result.ok ? { deadlineSaved: true } : fail(400, { error: result.reason });
	},
	extendDeadline: async ({ params, request, locals }) => {
		const input = await readForm(request, extensionForm);
		if (!input.ok) return fail(400, { error: input.error, field: input.field });
		const result = await extendDeadline((await runtime()).db, { actor: locals.user, planId: params.id, ...input.value });
		return result.ok ? { deadlineSaved: true } : fail(400, { error: result.reason });
	},
	startAmendment: async ({ params, request, locals }) => {
		const input = await readForm(request, amendmentForm);
		if (!input.ok) return fail(400, { error: input.error, field: input.field });
		const result = await startAmendment((await runtime()).db, { actor: locals.user, planId: params.id, ...input.value });
		if (!result.ok) return fail(400, { error: result.reason });
		redirect(303, `/plans/${result.planId}`);
	}
};
