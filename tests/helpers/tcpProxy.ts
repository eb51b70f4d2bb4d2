/**
 * A TCP proxy in front of the test server whose link can die silently, as a network that drops
 * (Wi-Fi gone, a cable pulled) does: `cut()` stops passing bytes both ways without closing
 * anything, so neither side sees a close — only silence. `restore()` passes bytes again;
 * new connections after a cut are refused until then.
 */
import net from 'node:net';

export interface TcpProxy {
	url: string;
	cut(): void;
	restore(): void;
	close(): Promise<void>;
}

export async function startTcpProxy(targetPort: number): Promise<TcpProxy> {
	let cut = false;
	const pairs = new Set<[net.Socket, net.Socket]>();
	const server = net.createServer((client) => {
		if (cut) return client.destroy();
		const upstream = net.connect(targetPort, '127.0.0.1');
		const pair: [net.Socket, net.Socket] = [client, upstream];
		pairs.add(pair);
		const forward = (from: net.Socket, to: net.Socket) => from.on('data', (chunk) => !cut && to.write(chunk));
		forward(client, upstream);
		forward(upstream, client);
		const end = () => {
			pairs.delete(pair);
			client.destroy();
			upstream.destroy();
		};
		// A silent link hides a close too: only once restored does one side's end reach the other.
		client.on('close', () => !cut && end());
		upstream.on('close', () => !cut && end());
		client.on('error', () => undefined);
		upstream.on('error', () => undefined);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as net.AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		cut: () => (cut = true),
		restore() {
			cut = false;
			// Whatever closed while the link was silent is ended now.
			for (const pair of [...pairs]) {
				if (!pair[0].destroyed && !pair[1].destroyed) continue;
				pair[0].destroy();
				pair[1].destroy();
				pairs.delete(pair);
			}
		},
		close: () =>
			new Promise<void>((resolve) => {
				for (const [a, b] of pairs) {
					a.destroy();
					b.destroy();
				}
				server.close(() => resolve());
			})
	};
}
