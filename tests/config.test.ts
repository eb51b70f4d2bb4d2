/** Operators get one clear line, not a stack trace, for bad settings and a missing database. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runServerExpectingExit, startServer } from './helpers/server';

describe('start-up errors', () => {
	it.each([
		[{ PORT: 'abc' }, 'PORT must be a whole number, got "abc"'],
		[{ PORT: '70000' }, 'PORT must be between 0 and 65535'],
		[{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL must start with postgres:// or postgresql://'],
		[{ SEED_DEMO: 'maybe' }, 'SEED_DEMO must be true or false'],
		[{ PLAN_MAX_BYTES: '10MB' }, 'PLAN_MAX_BYTES must be a whole number, got "10MB"'],
		[{ PLAN_MAX_GROWTH_PER_HOUR: '100' }, 'PLAN_MAX_GROWTH_PER_HOUR must be between 65536 and 1073741824'],
		[{ PLAN_SLEEP_AFTER_MS: '-1' }, 'PLAN_SLEEP_AFTER_MS must be a whole number, got "-1"'],
		[{ DATABASE_URL: 'postgres://127.0.0.1:1/nowhere' }, 'cannot reach PostgreSQL at 127.0.0.1:1/nowhere']
	])('%o exits 1 with one line', async (env, message) => {
		const { code, output } = await runServerExpectingExit(env);
		expect(code).toBe(1);
		expect(output).toContain(message);
		expect(output.trim().split('\n')).toHaveLength(1);
		expect(output).not.toMatch(/\n\s+at /);
	});
});

describe('health and shutdown', () => {
	it('reports the database and exits 0 on SIGTERM', async () => {
		const server = await startServer();
		const res = await fetch(`${server.url}/healthz`);
		expect(res.status).toBe(200);
		expect(await res.json()).toEqual({ status: 'ok', database: 'ok', dialect: 'sqlite', collaboration: { documents: 0, connections: 0 } });
		const exit = await server.kill('SIGTERM');
		expect(exit.code).toBe(0);
	});
});

describe('operator CLI', () => {
	it('creates an admin touching only the database: no collaboration server, no Redis connection', () => {
		const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ruamphaen-cli-'));
		const result = spawnSync(
			process.execPath,
			['server/cli.js', 'create-admin', '--org-name', 'เทศบาลตำบลทดสอบ', '--org-slug', 'cli-test', '--username', 'cliadmin', '--display-name', 'ผู้ดูแล ทดสอบ'],
			{
				cwd: ROOT,
				// Redis unreachable: a CLI that started the collaboration server would try it and log the loss.
				env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', REDIS_URL: 'redis://127.0.0.1:1', LOG_LEVEL: 'info', RUAMPHAEN_ADMIN_PASSWORD: 'cli-admin-password-1' },
				encoding: 'utf8',
				timeout: 60_000
			}
		);
		expect(result.status).toBe(0);
		expect(result.stdout).toContain('created admin "cliadmin" in เทศบาลตำบลทดสอบ');
		expect(`${result.stdout}${result.stderr}`).not.toMatch(/redis/i);
		fs.rmSync(dataDir, { recursive: true, force: true });
	});
});
