/**
 * Demo data for the embedded default: on an empty database, one plan to open. Turned off
 * with SEED_DEMO=false for real deployments.
 */
import type { Database } from '../db';
import * as plans from '../db/plans';
import { log } from '../log';

export async function seedDemo(db: Database): Promise<void> {
	if ((await plans.list(db)).length > 0) return;
	const plan = await plans.create(db, { fiscalYear: 2569, title: 'แผนการดำเนินงาน ประจำปีงบประมาณ พ.ศ. 2569' });
	log().info({ planId: plan.id }, 'seeded demo plan');
}
