// Bare @hocuspocus/server 4 with no extensions (memory only).
import { Server } from '@hocuspocus/server';
const server = new Server({ port: Number(process.env.PORT), address: '127.0.0.1', quiet: true });
await server.listen();
process.stdout.write(`listening on ${process.env.PORT}\n`);
