import { error } from '@sveltejs/kit';
import { runtime } from '$server/runtime';
import * as plans from '$lib/server/db/plans';
import { translate } from '$lib/i18n';
import { planDocName } from '$lib/domain/docNames';
import { colorFor } from '$lib/domain/colors';

export async function load({ params, locals }) {
	const { db } = await runtime();
	const plan = await plans.get(db, params.id);
	if (!plan) error(404, translate(locals.locale, 'planNotFound'));
	// Until accounts exist every visitor is a numbered guest.
	const n = Math.floor(Math.random() * 900) + 100;
	return {
		plan: { id: plan.id, title: plan.title, fiscalYear: plan.fiscalYear, state: plan.state },
		docName: planDocName(plan.id),
		me: { name: translate(locals.locale, 'guest', { n }), color: colorFor(String(n)) }
	};
}
