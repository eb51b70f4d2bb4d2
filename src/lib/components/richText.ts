/**
 * The rich-text editor's code — Tiptap, ProseMirror, the Yjs binding and the comment
 * highlights — loaded on demand, once. It is a third of the plan page's scripts, and nothing
 * the page shows before the plan arrives needs it: kept out of the page's first scripts, the
 * page starts sooner, and it loads while the socket connects (the page asks for it then).
 */
async function load() {
	const [{ Editor }, { StarterKit }, { Collaboration }, { CollaborationCaret }, anchors] = await Promise.all([
		import('@tiptap/core'),
		import('@tiptap/starter-kit'),
		import('@tiptap/extension-collaboration'),
		import('@tiptap/extension-collaboration-caret'),
		import('$lib/components/comments/textAnchors')
	]);
	return { Editor, StarterKit, Collaboration, CollaborationCaret, ...anchors };
}

type RichText = Awaited<ReturnType<typeof load>>;
let loading: Promise<RichText> | null = null;
let loaded: RichText | null = null;

export function loadRichText(): Promise<RichText> {
	// A failed load (the network dropped) is tried again by the next caller.
	loading ??= load().then(
		(modules) => (loaded = modules),
		(error) => {
			loading = null;
			throw error;
		}
	);
	return loading;
}

/** The modules once loaded — always so where an editor exists (every editor was made with them). */
export function loadedRichText(): RichText | null {
	return loaded;
}
