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

/** `emblem`: the organization's current emblem ({ sha256, dataUrl }) for the cover, or null. */
export function announcedPdf(sha256: string, canonicalJson: string, announcementText: string, emblem: { sha256: string; dataUrl: string } | null = null): Promise<Buffer> {
	const key = `${sha256}:${emblem?.sha256 ?? ''}`;
	const hit = made.get(key);
	if (hit) return hit;
	const plan = planFromJson(JSON.parse(canonicalJson) as PlanJson);
	const settings = { ...DEFAULT_PRINT_SETTINGS, font: laksamanInstalled() ? ('th' as const) : ('sarabun' as const) };
	const pending = renderPlanPdf(buildPrintModel(plan, { settings, announcement: readAnnouncement(announcementText), emblem: emblem?.dataUrl ?? null })).then(
		(r) => r.pdf
	);
	made.set(key, pending);
	pending.catch(() => made.delete(key));
	if (made.size > KEEP) made.delete(made.keys().next().value!);
	return pending;
}
