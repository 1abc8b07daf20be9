/**
 * A small HTTP server for the process's own routes (/healthz, /readyz, /metrics) on the configured
 * host and port, used whenever no Slack HTTP receiver serves them: without Slack, and in Socket Mode
 * (Bolt's own route server there ignores HOST). In Slack HTTP mode the same routes live on Bolt's
 * HTTPReceiver next to /slack/events.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../log.js';

/** The shape shared by Bolt's CustomRoute and health.ts's RouteDef. */
export interface HttpRoute {
  path: string;
  method: string | string[];
  handler: (req: IncomingMessage & { params: Record<string, string> }, res: ServerResponse) => void;
}

export interface RouteServer {
  address: AddressInfo;
  close(): Promise<void>;
}

function methods(route: HttpRoute): string[] {
  return (Array.isArray(route.method) ? route.method : [route.method]).map((m) => m.toUpperCase());
}

export async function startRouteServer(routes: readonly HttpRoute[], host: string, port: number, log: Logger): Promise<RouteServer> {
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
