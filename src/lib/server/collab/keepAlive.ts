/**
 * Finds collaboration sockets whose network died silently. A browser that loses its network
 * (Wi-Fi gone, a laptop closed) sends no close: Hocuspocus would keep the connection — and the
 * person in everyone's "online now" — until its message timeout (30 s). Every `intervalMs` the
 * server pings each socket (a WebSocket control frame, answered by the browser itself, even in
 * a background tab); a socket that has not answered the previous ping is terminated, and its
 * close removes the person's presence for everyone at once (Hocuspocus' removeConnection).
 * A dead link is found within one to two intervals.
 */
import type { WebSocket } from 'ws';

export const KEEPALIVE_INTERVAL_MS = 4000;

type PingableSocket = Pick<WebSocket, 'ping' | 'terminate' | 'on' | 'once' | 'readyState' | 'isPaused'>;

export function keepAlive(socket: PingableSocket, intervalMs = KEEPALIVE_INTERVAL_MS): void {
	let answered = true;
	let lastTick = Date.now();
	socket.on('pong', () => (answered = true));
	const timer = setInterval(() => {
		// A late tick means this process was busy: the answer may be waiting unread behind this
		// timer (timers run before socket reads), so it is not judged this round.
		const late = Date.now() - lastTick > intervalMs * 1.5;
		lastTick = Date.now();
		// Nor while the flood guard holds the socket paused: its answer waits unread with the rest.
		if (!answered && !late && !socket.isPaused) {
			clearInterval(timer);
			socket.terminate();
			return;
		}
		answered = false;
		// Only an open socket is pinged (1 = OPEN); one closing ends the timer through `close`.
		if (socket.readyState === 1) socket.ping();
	}, intervalMs);
	timer.unref?.();
	socket.once('close', () => clearInterval(timer));
}
