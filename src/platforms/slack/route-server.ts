/**
 * In Socket Mode Bolt has no HTTP server of its own worth reusing (its route server ignores HOST), so
 * the process's own routes (/healthz and the like) get this small one, on the configured host and port.
 * In HTTP mode the same routes live on Bolt's HTTPReceiver next to /slack/events.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CustomRoute } from '@slack/bolt';
import type { Logger } from '../../log.js';

export interface RouteServer {
  address: AddressInfo;
  close(): Promise<void>;
}

function methods(route: CustomRoute): string[] {
  return (Array.isArray(route.method) ? route.method : [route.method]).map((m) => m.toUpperCase());
}

export async function startRouteServer(routes: readonly CustomRoute[], host: string, port: number, log: Logger): Promise<RouteServer> {
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const route = routes.find((r) => r.path === path && methods(r).includes((req.method ?? 'GET').toUpperCase()));
    if (!route) {
      res.writeHead(404).end();
      return;
    }
    try {
      route.handler(Object.assign(req, { params: {} }), res);
    } catch (err) {
      log.error({ err, path }, 'route handler failed');
      if (!res.headersSent) res.writeHead(500);
      res.end();
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  return {
    address: server.address() as AddressInfo,
    close: () => new Promise<void>((resolve, reject) => server.close((err) => (err ? reject(err) : resolve()))),
  };
}
