/**
 * Starts the real production server (`node server/index.js`, after `npm run build`) as a child
 * process on a free port, the way an operator runs it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const ROOT = path.resolve(new URL('../..', import.meta.url).pathname);

export interface RunningServer {
	url: string;
	wsUrl: string;
	port: number;
	process: ChildProcess;
	output(): string;
	/** Sends a signal and waits for the process to exit; resolves with its exit code/signal. */
	kill(signal?: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export interface StartOptions {
	dataDir?: string;
	databaseUrl?: string;
	env?: Record<string, string>;
	/** Fixed port, e.g. to restart on the same address; default a free one. */
	port?: number;
}

export function tempDir(prefix = 'ruamphaen-test-'): string {
	return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export async function startServer(options: StartOptions = {}): Promise<RunningServer> {
	const env: Record<string, string> = {
		...(process.env as Record<string, string>),
		PORT: String(options.port ?? 0),
		HOST: '127.0.0.1',
		DATA_DIR: options.dataDir ?? tempDir(),
		LOG_LEVEL: 'warn',
		...options.env
	};
	delete env.DATABASE_URL;
	if (options.databaseUrl) env.DATABASE_URL = options.databaseUrl;
	const child = spawn(process.execPath, ['server/index.js'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
	let out = '';
	child.stdout.on('data', (d) => (out += d));
	child.stderr.on('data', (d) => (out += d));
	const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
		child.on('exit', (code, signal) => resolve({ code, signal }))
	);
	const port = await new Promise<number>((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 30_000);
		const onData = () => {
			const m = /listening on http:\/\/[^:]+:(\d+)/.exec(out);
			if (m) {
				clearTimeout(timer);
				resolve(Number(m[1]));
			}
		};
		child.stdout.on('data', onData);
		exited.then(({ code }) => {
			clearTimeout(timer);
			reject(new Error(`server exited with ${code} before listening:\n${out}`));
		});
	});
	return {
		url: `http://127.0.0.1:${port}`,
		wsUrl: `ws://127.0.0.1:${port}/collab`,
		port,
		process: child,
		output: () => out,
		async kill(signal = 'SIGTERM') {
			if (child.exitCode === null && child.signalCode === null) child.kill(signal);
			return exited;
		}
	};
}

/** Runs the server entry to completion (for start-up failures); returns exit code and output. */
export function runServerExpectingExit(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
	return new Promise((resolve) => {
		const full: Record<string, string> = { ...(process.env as Record<string, string>), HOST: '127.0.0.1', PORT: '0', DATA_DIR: tempDir(), ...env };
		const child = spawn(process.execPath, ['server/index.js'], { cwd: ROOT, env: full, stdio: ['ignore', 'pipe', 'pipe'] });
		let output = '';
		child.stdout.on('data', (d) => (output += d));
		child.stderr.on('data', (d) => (output += d));
		const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
		child.on('exit', (code) => {
			clearTimeout(timer);
			resolve({ code, output });
		});
	});
}
