/**
 * The process's one HTTP server: its own routes (/healthz, /readyz, /metrics) from the start, and
 * Slack's receiver (POST /slack/events) mounted on it once Slack has connected in HTTP mode. It is
 * listening before any platform connects, so health is served while they do.
 *
 * Request and header time are bounded, so a slow or half-sent request (slowloris) cannot hold a
 * connection for long; at shutdown the server stops accepting, closes idle connections at once and
 * every remaining one when it closes.
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

export type RequestListener = (req: IncomingMessage, res: ServerResponse) => void;

export interface RouteServer {
  address: AddressInfo;
  /** POST `path` answers 503 (with Retry-After) until something is mounted there. */
  reserve(path: string): void;
  /** From now on, POST `path` goes to `listener` (Slack's receiver). */
  mount(path: string, listener: RequestListener): void;
  /** POST `path` answers 503 again (shutting down: no new questions). */
  unmount(path: string): void;
  /** Stops accepting connections and closes those without a request in progress. */
  stopAccepting(): void;
  /** Closes every connection still open (stalled requests included) and the server. */
  close(): Promise<void>;
}

export interface ServerLimits {
  /** The whole request, body included, must arrive within this. Default 10 s. */
  requestTimeoutMs?: number;
  /** The request's headers must arrive within this. Default 5 s. */
  headersTimeoutMs?: number;
  /** A kept-alive connection with no request is closed after this. Default 5 s. */
  keepAliveTimeoutMs?: number;
}

export const DEFAULT_LIMITS = { requestTimeoutMs: 10_000, headersTimeoutMs: 5_000, keepAliveTimeoutMs: 5_000 } as const;

function methods(route: HttpRoute): string[] {
  return (Array.isArray(route.method) ? route.method : [route.method]).map((m) => m.toUpperCase());
}

export async function startRouteServer(routes: readonly HttpRoute[], host: string, port: number, log: Logger, limits: ServerLimits = {}): Promise<RouteServer> {
  const mounted = new Map<string, RequestListener>();
  const reserved = new Set<string>();
  const server: Server = createServer(
    {
      requestTimeout: limits.requestTimeoutMs ?? DEFAULT_LIMITS.requestTimeoutMs,
      headersTimeout: limits.headersTimeoutMs ?? DEFAULT_LIMITS.headersTimeoutMs,
      keepAliveTimeout: limits.keepAliveTimeoutMs ?? DEFAULT_LIMITS.keepAliveTimeoutMs,
      // Node enforces the two timeouts above on this interval (default 30 s): often enough to honour them.
      connectionsCheckingInterval: 1000,
    },
    (req, res) => {
      const path = new URL(req.url ?? '/', 'http://localhost').pathname;
      const method = (req.method ?? 'GET').toUpperCase();
      try {
        const listener = mounted.get(path);
        if (listener && method === 'POST') return listener(req, res);
        if (reserved.has(path) && method === 'POST') {
          // Not connected yet, or shutting down: the platform retries later (or another replica takes it).
          res.writeHead(503, { 'retry-after': '1' }).end();
          return;
        }
        const route = routes.find((r) => r.path === path && methods(r).includes(method));
        if (!route) {
          res.writeHead(404).end();
          return;
        }
        route.handler(Object.assign(req, { params: {} }), res);
      } catch (err) {
        log.error({ err, path }, 'route handler failed');
        if (!res.headersSent) res.writeHead(500);
        res.end();
      }
    },
  );

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  let closed: Promise<void> | undefined;
  const stopAccepting = () => {
    closed ??= new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
  };
  return {
    address: server.address() as AddressInfo,
    reserve(path) {
      reserved.add(path);
    },
    mount(path, listener) {
      reserved.add(path);
      mounted.set(path, listener);
    },
    unmount(path) {
      mounted.delete(path);
    },
    stopAccepting,
    async close() {
      stopAccepting();
      server.closeAllConnections();
      await closed;
    },
  };
}
