/**
 * Turns for making rich-text editors: each Tiptap editor costs tens of milliseconds to
 * create (its schema, view and collaboration plugins), and a plan page makes one per
 * narrative section as soon as the document arrives. Taking turns, one editor per idle
 * moment (or after `timeout` ms when the page is never idle), keeps each in its own short
 * task: the grid paints first and a keystroke in between is not held up behind all of them.
 */
let queue: Promise<void> = Promise.resolve();

function idle(timeout: number): Promise<void> {
	return new Promise((resolve) => {
		if (typeof requestIdleCallback === 'function') requestIdleCallback(() => resolve(), { timeout });
		else setTimeout(resolve, 1);
	});
}

/** Resolves when it is this caller's turn to make its editor (in call order). */
export function editorTurn(timeout = 200): Promise<void> {
	const mine = queue.then(() => idle(timeout));
	queue = mine;
	return mine;
}
