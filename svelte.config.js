import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter({ out: 'build' }),
		alias: { $server: 'server' },
		typescript: {
			// Type-check the server entry, collaboration server, tests and benchmarks too.
			config: (tsconfig) => {
				tsconfig.include.push('../server/**/*.ts', '../server/**/*.js', '../tests/**/*.ts', '../bench/**/*.ts');
			}
		}
	}
};

export default config;
