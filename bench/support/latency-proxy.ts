// A TCP proxy that holds every chunk for half a round trip in each direction, so a client behind
// it meets its server as it would across a network: a request and its answer take one more round
// trip (`rttMs`). Order is kept (timers of one duration fire in the order they were set).
// Backpressure is not modelled: it is meant for request/answer traffic, not bulk bodies.
import net from 'node:net';

export interface LatencyProxy {
  url: string;
  close(): Promise<void>;
}

export function latencyProxy(target: string, rttMs: number): Promise<LatencyProxy> {
  const upstream = new URL(target);
  const oneWay = rttMs / 2;
  const sockets = new Set<net.Socket>();
  const later = (action: () => void) => setTimeout(action, oneWay);
  const server = net.createServer((client) => {
    const target = net.connect(Number(upstream.port), upstream.hostname);
    for (const socket of [client, target]) {
      sockets.add(socket);
      socket.setNoDelay(true);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => undefined); // the other side's close ends the pair
    }
    const pipe = (from: net.Socket, to: net.Socket) => {
      from.on('data', (chunk: Buffer) => later(() => to.write(chunk)));
      from.on('end', () => later(() => to.end()));
      from.on('close', () => later(() => to.destroy()));
    };
    pipe(client, target);
    pipe(target, client);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}`,
        close: () =>
          new Promise((done) => {
            for (const socket of sockets) socket.destroy();
            server.close(() => done());
          }),
      });
    }),
  );
}
