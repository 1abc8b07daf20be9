/** A TCP server on 127.0.0.1 that accepts connections and never answers: a platform API whose login hangs. */
import { createServer, type Server, type Socket } from 'node:net';

export interface HangingServer {
  url: string;
  /** Connections it has accepted so far. */
  connections(): number;
  /** Resolves once a client has connected. */
  connected: Promise<void>;
  close(): Promise<void>;
}

export async function startHangingServer(path = '/api/'): Promise<HangingServer> {
  const sockets = new Set<Socket>();
  let accepted = 0;
  let onConnect: () => void = () => undefined;
  const connected = new Promise<void>((resolve) => (onConnect = resolve));
  const server: Server = createServer((socket) => {
    accepted++;
    onConnect();
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}${path}`,
    connections: () => accepted,
    connected,
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
