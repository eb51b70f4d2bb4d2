/** Workflow steps over HTTP, as the people in their roles click them. */
import { expect } from 'vitest';
import type { RunningServer } from './server';
import { getJson, postAction, type ActionResult } from './http';

/** The content hash the workflow page shows an executive (the one an approval must carry). */
export async function shownContentHash(server: RunningServer, planId: string, cookie: string): Promise<string> {
	const { status, body } = await getJson<string>(server, `/plans/${planId}/workflow`, cookie);
	expect(status).toBe(200);
	const m = /data-testid="content-hash">([0-9a-f]{64})</.exec(body);
	if (!m) throw new Error('no content hash on the workflow page');
	return m[1];
}

export function act(server: RunningServer, planId: string, action: string, cookie: string | undefined, fields: Record<string, string> = {}): Promise<ActionResult> {
	return postAction(server, `/plans/${planId}/workflow?/${action}`, fields, cookie);
}

/** Runs a step and insists it succeeded. */
export async function step(server: RunningServer, planId: string, action: string, cookie: string, fields: Record<string, string> = {}) {
	const result = await act(server, planId, action, cookie, fields);
	if (result.body.type !== 'success' && result.body.type !== 'redirect') throw new Error(`${action} failed: ${JSON.stringify(result.body)}`);
	return result;
}

/** From draft to announced, each step by the role the regulation gives it. */
export async function announce(server: RunningServer, planId: string, c: { drafter: string; committee: string; executive: string }) {
	await step(server, planId, 'submit', c.drafter);
	await step(server, planId, 'forward', c.committee);
	await step(server, planId, 'approve', c.executive, { contentSha256: await shownContentHash(server, planId, c.executive) });
	await step(server, planId, 'announce', c.executive);
}
