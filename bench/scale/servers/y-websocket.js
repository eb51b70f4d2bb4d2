// The y-websocket reference server (@y/websocket-server 0.1.1, memory only).
import http from 'node:http';
import { WebSocketServer } from 'ws';
import { setupWSConnection } from '@y/websocket-server/utils';
const server = http.createServer((_, res) => res.end('ok'));
const wss = new WebSocketServer({ server });
wss.on('connection', (ws, req) => setupWSConnection(ws, req, { gc: true }));
server.listen(Number(process.env.PORT), '127.0.0.1', () => process.stdout.write(`listening on ${process.env.PORT}\n`));
