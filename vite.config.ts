import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig, type Plugin } from 'vite';
import { attachCollab } from './server/upgrade.js';

/**
 * In `npm run dev`, the collaboration WebSocket shares Vite's dev server and port, like the
 * production entry: the runtime is loaded through Vite so it is the same instance SvelteKit uses.
 */
function collabDevServer(): Plugin {
	return {
		name: 'ruamphaen-collab',
		configureServer(server) {
			if (!server.httpServer) return;
			attachCollab(
				server.httpServer as import('node:http').Server,
				async () => (await server.ssrLoadModule('/src/lib/server/runtime.ts')).startRuntime(),
				{ leaveOtherPaths: true }
			);
		}
	};
}

export default defineConfig({
	plugins: [sveltekit(), collabDevServer()],
	// Rolldown's "callbacks took N s" advice reflects the machine's load, not the project: a
	// newcomer building on a busy 2-core machine should not be sent profiling.
	build: { rolldownOptions: { checks: { bundlerTimings: false } } }
});
