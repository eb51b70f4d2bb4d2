import { loadExportContext } from '$lib/server/export/planExport';
import { measureTocPages } from '$lib/server/export/pdf';
import { printSettingsQuery } from '$lib/domain/print/model';

/** The print view: the plan's print model, and TOC page numbers when Chromium can measure them. */
export async function load(event) {
	const { model } = await loadExportContext(event, 'print');
	const tocPages = event.url.searchParams.get('toc') === '0' ? null : await measureTocPages(model);
	return { model, tocPages, planId: event.params.id, query: printSettingsQuery(model.settings) };
}
