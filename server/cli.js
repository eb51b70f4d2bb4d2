// Operator commands. Usage:
//   node server/cli.js create-admin --org-name "เทศบาลตำบล…" --org-type "เทศบาลตำบล" --org-slug name \
//        --username admin --display-name "ชื่อ นามสกุล"   (password from RUAMPHAEN_ADMIN_PASSWORD or stdin)
// Uses the same configuration (DATA_DIR, DATABASE_URL) as the server. Run `npm run build` first.
import { parseArgs } from 'node:util';

// The process slot the app bundle reads (src/lib/server/processSlot.ts).
const SLOT = Symbol.for('ruamphaen');

/** @param {string} message @returns {never} */
function fail(message) {
	process.stderr.write(`ruamphaen: ${message}\n`);
	process.exit(1);
}

async function readStdin() {
	if (process.stdin.isTTY) fail('set RUAMPHAEN_ADMIN_PASSWORD or pipe the password on standard input');
	let text = '';
	for await (const chunk of process.stdin) text += chunk;
	return text.replace(/\r?\n$/, '');
}

async function main() {
	const [command, ...rest] = process.argv.slice(2);
	if (command !== 'create-admin') fail('usage: node server/cli.js create-admin --org-name … --org-type … --org-slug … --username … --display-name …');
	const { values } = parseArgs({
		args: rest,
		options: {
			'org-name': { type: 'string' },
			'org-type': { type: 'string', default: 'เทศบาลตำบล' },
			'org-slug': { type: 'string' },
			district: { type: 'string', default: '' },
			province: { type: 'string', default: '' },
			'executive-title': { type: 'string', default: '' },
			username: { type: 'string' },
			'display-name': { type: 'string' }
		}
	});
	for (const name of ['org-name', 'org-slug', 'username', 'display-name']) {
		if (!values[/** @type {keyof typeof values} */ (name)]) fail(`--${name} is required`);
	}
	const password = process.env.RUAMPHAEN_ADMIN_PASSWORD ?? (await readStdin());
	process.env.SEED_DEMO = 'false';
	process.env.LOG_LEVEL ??= 'warn';
	// Set before the bundle loads: its runtime then opens the database only — no collaboration
	// server, no Redis connections.
	/** @type {any} */ (globalThis)[SLOT] = { operatorOnly: true };
	try {
		const entry = '../build/handler.js';
		await import(entry);
	} catch (/** @type {any} */ error) {
		fail(['ConfigError', 'DatabaseUnavailableError'].includes(error?.name) ? error.message : String(error?.stack ?? error));
	}
	/** @type {import('../src/lib/server/runtime').Runtime} */
	const runtime = await /** @type {any} */ (globalThis)[SLOT].runtime;
	try {
		const { org, user } = await runtime.operator.createAdmin({
			org: {
				name: /** @type {string} */ (values['org-name']),
				type: /** @type {string} */ (values['org-type']),
				slug: /** @type {string} */ (values['org-slug']),
				district: values.district,
				province: values.province,
				executiveTitle: values['executive-title']
			},
			username: /** @type {string} */ (values.username),
			displayName: /** @type {string} */ (values['display-name']),
			password
		});
		process.stdout.write(`created admin "${user.username}" in ${org.name}\n`);
	} catch (/** @type {any} */ error) {
		await runtime.shutdown();
		fail(error.message);
	}
	await runtime.shutdown();
	process.exit(0);
}

main();
