import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** What Rollup says of SvelteKit's env module when adapter-node 5.5.7 bundles SvelteKit 2.70. */
const EMPTY_ENV_CHUNK = 'Generated an empty chunk: "chunks/env.js".';

/**
 * adapter-node, with one known message of its bundling step dropped. adapter-node 5.5.7 keeps
 * one chunk per module of SvelteKit 2.70's server output, and the env module is empty once
 * tree-shaken (this app reads no `$env/*`): Rollup prints the line above on every build. It
 * changes nothing in the server, but reads like a fault to whoever builds for the first time.
 * Every other message passes; drop this wrapper when an adapter release stops printing it.
 */
function nodeAdapter(options) {
	const node = adapter(options);
	return {
		...node,
		async adapt(builder) {
			const warn = console.warn;
			console.warn = (...args) => {
				if (args.length !== 1 || args[0] !== EMPTY_ENV_CHUNK) warn(...args);
			};
			try {
				return await node.adapt(builder);
			} finally {
				console.warn = warn;
			}
		}
	};
}

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: nodeAdapter({ out: 'build' }),
		// Registered by the app once the page is drawn ($lib/offline/serviceWorker.ts), not at load.
		serviceWorker: { register: false },
		// Every page: scripts only from our origin plus SvelteKit's own inline bootstrap (a fresh
		// nonce per response), never inline handlers or eval, so injected markup cannot run.
		// Styles allow inline (Svelte style: directives, Tiptap, app.html); plan text never
		// reaches CSS. Other headers: src/lib/server/securityHeaders.ts.
		csp: {
			mode: 'nonce',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:', 'blob:'],
				'font-src': ['self', 'data:'],
				'connect-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self'],
				'frame-ancestors': ['none'],
				'frame-src': ['none'],
				'worker-src': ['self']
			}
		},
		typescript: {
			// Type-check the Node entry glue, tests and benchmarks too.
			config: (tsconfig) => {
				tsconfig.include.push('../server/**/*.js', '../tests/**/*.ts', '../bench/**/*.ts');
			}
		}
	}
};

export default config;
