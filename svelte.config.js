import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter({ out: 'build' }),
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
