/**
 * Runs `fn` right after the next frame is painted: work a keystroke causes but that the
 * keystroke's own frame does not show. A hidden tab paints no frames, so a timer runs it there
 * (and where there are no frames at all, the next task).
 */
export function afterPaint(fn: () => void): void {
	if (typeof requestAnimationFrame === 'undefined') return void setTimeout(fn, 0);
	let done = false;
	const run = () => {
		if (done) return;
		done = true;
		clearTimeout(fallback);
		fn();
	};
	const fallback = setTimeout(run, 100);
	// A task queued from a frame callback runs once that frame is on screen.
	requestAnimationFrame(() => setTimeout(run, 0));
}
