/**
 * Configuration from environment variables, validated once at start. A bad value stops the
 * process with one line that names the variable (see server/index.js), never a stack trace.
 */
import path from 'node:path';

export class ConfigError extends Error {
	override name = 'ConfigError';
}

export interface Config {
	port: number;
	host: string;
	/** Folder for the SQLite file and other local state. */
	dataDir: string;
	/** `postgres://…` selects PostgreSQL; unset means SQLite under dataDir. */
	databaseUrl: string | null;
	/** Redis between server instances (scale-out); unset means a single instance. */
	redisUrl: string | null;
	/** Public origin, e.g. https://plan.example.go.th. */
	origin: string | null;
	/** Session cookies carry the Secure flag (the origin is HTTPS). */
	secureCookies: boolean;
	/** Seed a demo organization, users and plan into an empty database. */
	seedDemo: boolean;
	/** Largest accepted WebSocket message, bytes. */
	maxMessageBytes: number;
	/** Open collaboration sockets one signed-in user may hold (per instance). */
	maxSocketsPerUser: number;
	/** Open collaboration sockets one client address may hold (per instance). */
	maxSocketsPerAddress: number;
	/** Unsent bytes a collaboration socket may hold before it is cut off (a client that does not read). */
	maxSocketBufferBytes: number;
	/** Largest stored size of one plan (snapshot + update log tail), bytes. */
	planMaxBytes: number;
	/** Largest growth of one plan's update log in any hour, bytes. */
	planMaxGrowthPerHour: number;
	/** An open plan's content is packed after this long untouched, ms (0: never). */
	planSleepAfterMs: number;
	/** Header a trusted reverse proxy sets to the client's address (lower case), or null. */
	trustedProxyHeader: string | null;
	/** How many trusted proxies append to that header. */
	trustedProxyHops: number;
	logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'silent';
}

type Env = Record<string, string | undefined>;

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
	const raw = env[name];
	if (raw === undefined || raw === '') return fallback;
	if (!/^\d+$/.test(raw.trim())) throw new ConfigError(`${name} must be a whole number, got "${raw}"`);
	const value = Number(raw.trim());
	if (value < min || value > max) throw new ConfigError(`${name} must be between ${min} and ${max}, got ${value}`);
	return value;
}

function url(env: Env, name: string, protocols: string[]): string | null {
	const raw = env[name];
	if (raw === undefined || raw === '') return null;
	let parsed: URL;
	try {
		parsed = new URL(raw);
	} catch {
		throw new ConfigError(`${name} is not a valid URL: "${raw}"`);
	}
	if (!protocols.includes(parsed.protocol)) {
		throw new ConfigError(`${name} must start with ${protocols.map((p) => p + '//').join(' or ')}, got "${parsed.protocol}//"`);
	}
	return raw;
}

function flag(env: Env, name: string, fallback: boolean): boolean {
	const raw = env[name]?.trim().toLowerCase();
	if (raw === undefined || raw === '') return fallback;
	if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
	if (['0', 'false', 'no', 'off'].includes(raw)) return false;
	throw new ConfigError(`${name} must be true or false, got "${env[name]}"`);
}

function oneOf<T extends string>(env: Env, name: string, values: readonly T[], fallback: T): T {
	const raw = env[name];
	if (raw === undefined || raw === '') return fallback;
	if (!(values as readonly string[]).includes(raw)) throw new ConfigError(`${name} must be one of ${values.join(', ')}, got "${raw}"`);
	return raw as T;
}

function headerName(env: Env, name: string): string | null {
	const raw = env[name]?.trim();
	if (!raw) return null;
	if (!/^[A-Za-z0-9-]+$/.test(raw)) throw new ConfigError(`${name} must be an HTTP header name such as X-Forwarded-For, got "${raw}"`);
	return raw.toLowerCase();
}

/** Reads and checks every setting; throws ConfigError naming the first bad variable. */
export function readConfig(env: Env = process.env): Config {
	const host = env.HOST?.trim() || '0.0.0.0';
	const origin = url(env, 'ORIGIN', ['http:', 'https:']);
	return {
		port: integer(env, 'PORT', 3000, 0, 65535),
		host,
		dataDir: path.resolve(env.DATA_DIR?.trim() || './data'),
		databaseUrl: url(env, 'DATABASE_URL', ['postgres:', 'postgresql:']),
		redisUrl: url(env, 'REDIS_URL', ['redis:', 'rediss:']),
		origin,
		secureCookies: origin?.startsWith('https:') ?? false,
		seedDemo: flag(env, 'SEED_DEMO', true),
		maxMessageBytes: integer(env, 'MAX_MESSAGE_BYTES', 4 * 1024 * 1024, 1024, 256 * 1024 * 1024),
		maxSocketsPerUser: integer(env, 'MAX_SOCKETS_PER_USER', 20, 1, 100_000),
		maxSocketsPerAddress: integer(env, 'MAX_SOCKETS_PER_ADDRESS', 500, 1, 1_000_000),
		maxSocketBufferBytes: integer(env, 'MAX_SOCKET_BUFFER_BYTES', 48 * 1024 * 1024, 1024 * 1024, 1024 * 1024 * 1024),
		// A 1,000-project plan stores about 4 MB: room for several times that, not for a flood.
		planMaxBytes: integer(env, 'PLAN_MAX_BYTES', 32 * 1024 * 1024, 64 * 1024, 1024 * 1024 * 1024),
		planMaxGrowthPerHour: integer(env, 'PLAN_MAX_GROWTH_PER_HOUR', 16 * 1024 * 1024, 64 * 1024, 1024 * 1024 * 1024),
		// Waking the sample plan takes 5–20 ms (about as long as loading it), a 1,000-project plan
		// ten times that: after a minute of nobody touching it, paid once by the next edit or join.
		planSleepAfterMs: integer(env, 'PLAN_SLEEP_AFTER_MS', 60_000, 0, 24 * 3600 * 1000),
		trustedProxyHeader: headerName(env, 'TRUSTED_PROXY_HEADER'),
		trustedProxyHops: integer(env, 'TRUSTED_PROXY_HOPS', 1, 1, 10),
		logLevel: oneOf(env, 'LOG_LEVEL', ['fatal', 'error', 'warn', 'info', 'debug', 'silent'] as const, 'info')
	};
}
