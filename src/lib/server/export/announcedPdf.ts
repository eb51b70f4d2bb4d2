/**
 * The PDF of an announced edition for the public page. An announced version never changes, so
 * its PDF is made once per version and kept (a few, in memory): citizens downloading it do
 * not each start a Chromium render, and concurrent first requests share one.
 */
import { planFromJson } from '$lib/domain/plan/json';
import type { PlanJson } from '$lib/domain/plan/types';
import { buildPrintModel, DEFAULT_PRINT_SETTINGS } from '$lib/domain/print/model';
import { readAnnouncement } from '$lib/domain/announcement';
import { laksamanInstalled, renderPlanPdf } from './pdf';

const KEEP = 4;
const made = new Map<string, Promise<Buffer>>();

export function announcedPdf(sha256: string, canonicalJson: string, announcementText: string): Promise<Buffer> {
	const hit = made.get(sha256);
	if (hit) return hit;
	const plan = planFromJson(JSON.parse(canonicalJson) as PlanJson);
	const settings = { ...DEFAULT_PRINT_SETTINGS, font: laksamanInstalled() ? ('th' as const) : ('sarabun' as const) };
	const pending = renderPlanPdf(buildPrintModel(plan, { settings, announcement: readAnnouncement(announcementText) })).then((r) => r.pdf);
	made.set(sha256, pending);
	pending.catch(() => made.delete(sha256));
	if (made.size > KEEP) made.delete(made.keys().next().value!);
	return pending;
}
