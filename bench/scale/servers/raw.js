// The loopback floor: a `ws` server that sends every message to the other sockets of its room.
import { WebSocketServer } from 'ws';
const rooms = new Map();
const wss = new WebSocketServer({ port: Number(process.env.PORT), host: '127.0.0.1' });
wss.on('connection', (ws, req) => {
	const room = rooms.get(req.url) ?? new Set();
	rooms.set(req.url, room.add(ws));
	ws.on('message', (data) => {
		for (const other of room) if (other !== ws && other.readyState === 1) other.send(data, { binary: true });
	});
	ws.on('close', () => room.delete(ws));
});
wss.on('listening', () => process.stdout.write(`listening on ${process.env.PORT}\n`));
