import { EventEmitter } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { keepAlive } from './keepAlive';

class FakeSocket extends EventEmitter {
	readyState = 1;
	isPaused = false;
	pings = 0;
	terminated = false;
	ping() {
		this.pings++;
	}
	terminate() {
		this.terminated = true;
		this.readyState = 3;
		this.emit('close');
	}
}

describe('keeping collaboration sockets alive', () => {
	beforeEach(() => vi.useFakeTimers());
	afterEach(() => vi.useRealTimers());

	it('keeps a socket that answers every ping', () => {
		const socket = new FakeSocket();
		keepAlive(socket as never, 1000);
		for (let i = 0; i < 10; i++) {
			vi.advanceTimersByTime(1000);
			socket.emit('pong');
		}
		expect(socket.pings).toBe(10);
		expect(socket.terminated).toBe(false);
	});

	it('terminates a socket that stopped answering within two intervals', () => {
		const socket = new FakeSocket();
		keepAlive(socket as never, 1000);
		vi.advanceTimersByTime(1000);
		socket.emit('pong');
		vi.advanceTimersByTime(1000); // pinged, no answer from now on
		expect(socket.terminated).toBe(false);
		vi.advanceTimersByTime(1000);
		expect(socket.terminated).toBe(true);
		expect(vi.getTimerCount()).toBe(0);
	});

	it('does not judge a socket when the server itself was too busy to read its answer', () => {
		const socket = new FakeSocket();
		keepAlive(socket as never, 1000);
		vi.advanceTimersByTime(1000); // pinged
		// The process was blocked for 5 s: the tick comes late, the pong still unread.
		vi.setSystemTime(Date.now() + 5000);
		vi.advanceTimersByTime(1000);
		expect(socket.terminated).toBe(false);
		socket.emit('pong');
		vi.advanceTimersByTime(1000);
		expect(socket.terminated).toBe(false);
		vi.advanceTimersByTime(1000);
		expect(socket.terminated).toBe(true);
	});

	it('does not judge a socket the flood guard holds paused (its answer is not read yet)', () => {
		const socket = new FakeSocket();
		keepAlive(socket as never, 1000);
		socket.isPaused = true;
		vi.advanceTimersByTime(10_000);
		expect(socket.terminated).toBe(false);
		socket.isPaused = false;
		socket.emit('pong');
		vi.advanceTimersByTime(1000);
		expect(socket.terminated).toBe(false);
	});

	it('stops pinging once the socket closes', () => {
		const socket = new FakeSocket();
		keepAlive(socket as never, 1000);
		socket.readyState = 3;
		socket.emit('close');
		vi.advanceTimersByTime(5000);
		expect(socket.pings).toBe(0);
		expect(vi.getTimerCount()).toBe(0);
	});
});
