/** Where the editor page fetches a plan's whole document (routes/api/plans/[id]/state). */
export const planStateUrl = (planId: string) => `/api/plans/${encodeURIComponent(planId)}/state`;

/**
 * The editor page's preload of it, as a Link header (hooks.server.ts): the browser starts the
 * fetch as soon as the page's headers arrive, ahead of the scripts its HTML names.
 */
export const planStatePreload = (planId: string) => `<${planStateUrl(planId)}>; rel="preload"; as="fetch"; crossorigin="anonymous"`;
