/** A real server with its own data dir and the demo plan, signed in as its planning officer. */
import { afterAll, beforeAll } from 'vitest';
import { startServer, tempDir, type RunningServer } from './server';
import { demoPlan, signIn } from './http';

export interface DemoPlanServer {
	server: RunningServer;
	dataDir: string;
	/** The planning officer's session cookie. */
	officer: string;
	plan: { id: string; docName: string };
}

/** Started before the tests of one file, stopped after; read the fields inside tests (set once `beforeAll` has run). */
export function useDemoPlanServer(): DemoPlanServer {
	const env = {} as DemoPlanServer;
	beforeAll(async () => {
		env.dataDir = tempDir();
		env.server = await startServer({ dataDir: env.dataDir });
		env.officer = await signIn(env.server, 'officer');
		env.plan = await demoPlan(env.server, env.officer);
	});
	afterAll(async () => {
		await env.server?.kill();
	});
	return env;
}
