/**
 * Runs `fn` right after the next frame is painted: work a keystroke causes but that the
 * keystroke's own frame does not show. A hidden tab paints no frames, so a timer runs it there.
 */
export function afterPaint(fn: () => void): void {
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
